/**
 * Every broker's scaffolded credentials module compiles (`tsc --noEmit`, strict) against the SDKs' real published
 * types. The SDKs live in a test-only folder, test/broker-types (package.json + lockfile), installed here with
 * `npm ci --ignore-scripts` when its node_modules is missing; the root package.json does not depend on them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKERS } from '../../src/core/config';
import { BROKER_TEMPLATES, credentialsModuleSource } from '../../src/core/fixes/brokers';
import { scaffoldEdit } from '../../src/core/fixes/code-style';
import { parseSourceFile, syntaxErrorCount } from '../../src/core/languages/typescript';
import { makeTempDir, REPO_ROOT } from '../helpers';

const TYPES = join(REPO_ROOT, 'test', 'broker-types');

function ensureSdks(): void {
  if (existsSync(join(TYPES, 'node_modules', '.package-lock.json'))) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', TYPES, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', cwd: TYPES });
  assert.equal(result.status, 0, `npm ci in test/broker-types failed:\n${result.stderr}`);
}

describe('broker templates', function () {
  this.timeout(600_000);

  it('there is one template per configurable broker, each naming its packages and environment', () => {
    assert.deepEqual(Object.keys(BROKER_TEMPLATES).sort(), [...BROKERS].sort());
    for (const template of Object.values(BROKER_TEMPLATES)) {
      const source = credentialsModuleSource(template.id);
      for (const name of template.packages) assert.ok(source.includes(`from '${name}'`), `${template.id} imports ${name}`);
      assert.match(source, /export const credentials = \{/);
      assert.match(source, new RegExp(`agent-guardrail:credentials-module broker=${template.id}\\b`));
    }
  });

  it('each module typechecks (strict) against the real SDK types', () => {
    ensureSdks();
    const directory = makeTempDir('agent-guardrail-brokers-');
    symlinkSync(join(TYPES, 'node_modules'), join(directory, 'node_modules'), 'dir');
    // ES modules (some SDKs, such as @octokit/auth-app, are ESM only), resolved as Node resolves them.
    writeFileSync(join(directory, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(directory, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2023'], types: ['node'], strict: true, noEmit: true, skipLibCheck: true, noUncheckedIndexedAccess: true },
        include: ['*.ts'],
      }),
    );
    for (const broker of BROKERS) writeFileSync(join(directory, `${broker}.ts`), credentialsModuleSource(broker));
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', directory], { encoding: 'utf8' });
    assert.equal(`${result.stdout}${result.stderr}`.trim(), '', 'tsc reports no errors');
    assert.equal(result.status, 0);
  });

  it('the JavaScript forms (ES module and CommonJS) parse', () => {
    for (const broker of BROKERS) {
      for (const [path, esm] of [['src/credentials.mjs', true], ['src/credentials.cjs', false], ['src/credentials.js', false]] as const) {
        const edit = scaffoldEdit({ path, exists: false, specifier: './credentials' }, broker, esm, '\n');
        assert.equal(syntaxErrorCount(parseSourceFile(path, edit.newText)), 0, `${broker} ${path}`);
        assert.doesNotMatch(edit.newText, /interface Issued|: Promise<string>/, 'types are stripped');
        if (!esm) assert.doesNotMatch(edit.newText, /^import /m, `${broker} ${path} is CommonJS`);
      }
    }
  });
});

