/**
 * Every broker's scaffolded `credentials.py` compiles, and is type-checked against the real SDKs where they can be
 * had offline: Debian's packages (PyPI is not reachable here). mypy --strict checks the Azure SDKs (typed), PyJWT
 * and the standard library for real; hvac and boto3 ship no types, so their calls are checked against the
 * installed SDKs by introspection (signatures, botocore's service models); google-cloud-secret-manager and
 * onepassword-sdk are not packaged by Debian, so their calls stay unchecked (permissive stubs) and only compile.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKERS } from '../../src/core/config';
import { BROKER_TEMPLATES } from '../../src/core/fixes/brokers';
import { pythonCredentialsModule, PYTHON_BROKER_TEMPLATES } from '../../src/core/fixes/python-brokers';
import { ensureDebianPackage, makeTempDir } from '../helpers';

/** Debian's own interpreter, the one its python3-* packages install into. */
const PYTHON = '/usr/bin/python3';
const imports = (module: string) => () => spawnSync(PYTHON, ['-c', `import ${module}`]).status === 0;

const SDK_PACKAGES: [pkg: string, module: string][] = [
  ['mypy', 'mypy'],
  ['python3-hvac', 'hvac'],
  ['python3-boto3', 'boto3'],
  ['python3-azure', 'azure.keyvault.secrets'],
  ['python3-jwt', 'jwt'],
  ['python3-cryptography', 'cryptography'],
];

/** The calls of the untyped SDKs (hvac, boto3), checked against the installed SDKs themselves. */
const API_CHECK = String.raw`
import inspect

import boto3
import botocore.session
import hvac

def params(function):
    return set(inspect.signature(function).parameters)

problems = []
def expect(condition, what):
    if not condition:
        problems.append(what)

client = hvac.Client(url="http://127.0.0.1:8200")
expect({"url", "namespace"} <= params(hvac.Client.__init__), "hvac.Client(url=, namespace=)")
expect(hasattr(client, "token"), "hvac.Client.token")
expect({"path", "mount_point"} <= params(client.secrets.kv.v2.read_secret_version), "kv.v2.read_secret_version(path=, mount_point=)")
expect({"role_id", "secret_id"} <= params(client.auth.approle.login), "auth.approle.login(role_id=, secret_id=)")
expect({"aws_access_key_id", "aws_secret_access_key", "aws_session_token"} <= params(boto3.session.Session.client), "boto3 client(aws_access_key_id=, ...)")
models = botocore.session.get_session()
secret = models.get_service_model("secretsmanager").operation_model("GetSecretValue")
expect("SecretId" in secret.input_shape.members and "SecretString" in secret.output_shape.members, "secretsmanager GetSecretValue(SecretId) -> SecretString")
role = models.get_service_model("sts").operation_model("AssumeRole")
expect({"RoleArn", "RoleSessionName", "DurationSeconds"} <= set(role.input_shape.members), "sts AssumeRole(RoleArn, RoleSessionName, DurationSeconds)")
credentials = role.output_shape.members["Credentials"]
expect({"AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"} <= set(credentials.members), "AssumeRole Credentials members")
expect(credentials.members["Expiration"].type_name == "timestamp", "Expiration is a timestamp (a datetime)")
print("\n".join(problems) if problems else "ok")
`;

const fileFor = (broker: string) => `${broker.replace(/-/g, '_').replace(/^1/, 'one')}.py`;

describe('Python broker templates', function () {
  this.timeout(900_000);

  it('there is one credentials.py template per configurable broker, naming its packages and environment', () => {
    assert.deepEqual(Object.keys(PYTHON_BROKER_TEMPLATES).sort(), [...BROKERS].sort());
    for (const broker of BROKERS) {
      const source = pythonCredentialsModule(broker, BROKER_TEMPLATES[broker].label);
      assert.match(source, new RegExp(`agent-guardrail:credentials-module broker=${broker}\\b`));
      assert.match(source, /^def get\(name: str\) -> str:$/m);
      assert.match(source, /^def _issue\(name: str\) -> Issued:$/m);
      const { packages, environment } = PYTHON_BROKER_TEMPLATES[broker];
      if (packages.length) assert.ok(source.includes(`Packages: ${packages.join(', ')}`), `${broker} names its packages`);
      assert.ok(source.includes(`Environment: ${environment.join(', ')}`), `${broker} names its environment`);
    }
  });

  it('each module compiles (python3 -m py_compile), with \\n and \\r\\n line ends', () => {
    ensureDebianPackage('python3', 'python3');
    const directory = makeTempDir('agent-guardrail-pybrokers-');
    const files: string[] = [];
    for (const broker of BROKERS) {
      for (const eol of ['\n', '\r\n']) {
        const file = join(directory, `${eol === '\n' ? '' : 'crlf_'}${fileFor(broker)}`);
        writeFileSync(file, pythonCredentialsModule(broker, BROKER_TEMPLATES[broker].label, eol));
        files.push(file);
      }
    }
    const result = spawnSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf8' });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
  });

  it('each module type-checks (mypy --strict) against the SDKs Debian packages, and the untyped SDKs are called as they are defined', () => {
    for (const [pkg, module] of SDK_PACKAGES) ensureDebianPackage(pkg, module, imports(module));
    const directory = makeTempDir('agent-guardrail-pybrokers-');
    for (const broker of BROKERS) writeFileSync(join(directory, fileFor(broker)), pythonCredentialsModule(broker, BROKER_TEMPLATES[broker].label));
    // SDKs Debian does not package: permissive stubs, so that only the rest of those modules is checked.
    const stubs = join(directory, 'stubs');
    for (const stub of ['google/cloud/secretmanager.pyi', 'onepassword/client.pyi']) {
      mkdirSync(join(stubs, stub, '..'), { recursive: true });
      writeFileSync(join(stubs, stub), 'from typing import Any\n\ndef __getattr__(name: str) -> Any: ...\n');
    }
    writeFileSync(join(stubs, 'onepassword', '__init__.pyi'), '');
    writeFileSync(join(directory, 'mypy.ini'), '[mypy]\nstrict = True\n\n[mypy-hvac.*]\nignore_missing_imports = True\n\n[mypy-boto3.*]\nignore_missing_imports = True\n');
    const mypy = spawnSync(PYTHON, ['-m', 'mypy', '--config-file', 'mypy.ini', ...BROKERS.map(fileFor)], { encoding: 'utf8', cwd: directory, env: { ...process.env, MYPYPATH: stubs } });
    assert.equal(mypy.stdout.trim(), `Success: no issues found in ${BROKERS.length} source files`, mypy.stderr);
    const api = spawnSync(PYTHON, ['-c', API_CHECK], { encoding: 'utf8' });
    assert.equal(api.stdout.trim(), 'ok', api.stderr);
  });
});
