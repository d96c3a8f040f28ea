import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config';
import { applyEdits, fixesFor, type Fix } from '../../src/core/fixes';
import { parsePython } from '../../src/core/languages/python-tree';
import type { Finding } from '../../src/core/types';
import { WorkspaceIndex } from '../../src/core/workspace';
import { loadPythonParser } from '../../src/node/python-parser';
import { makeTempDir } from '../helpers';

/*
 * Quick fixes in Python files: each case applies a fix and asserts the exact resulting file(s), which must still
 * parse (tree-sitter, and CPython's own compiler when python3 is installed). The values are random strings made
 * for these tests; none is a real credential.
 */

const TOKEN = 'VdPGQ9ENcrieoUG0EmF7GwSj11ondSp3';
const TOKEN2 = '0JPPGeoyqPwgO38Ajpd3yYHMKUo3vMHq';
const AWS_ID = ['AKIA', '2Y2NYRVD7RXINFRP'].join('');
const AWS_SECRET = 'q4tX0b1V7mW2sJ9kPz3LrN8cYd5eHfG6uTa0QwEi';
const TODAY = '2026-01-15';

const python3 = spawnSync('python3', ['--version']).status === 0;

/** The file compiles as Python (CPython's compiler where available, tree-sitter always). */
function assertCompiles(path: string, text: string): void {
  assert.equal(parsePython(text).errors, 0, `${path} has syntax errors:\n${text}`);
  if (!python3) return;
  const file = join(makeTempDir('agent-guardrail-pyfix-'), 'fixed.py');
  writeFileSync(file, text);
  const result = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${path} does not compile:\n${result.stderr}\n${text}`);
}

function findings(files: Record<string, string>, path: string, config: ResolvedConfig): Finding[] {
  const index = new WorkspaceIndex({ fileExists: (candidate) => candidate in files });
  let own: Finding[] = [];
  for (const [file, text] of Object.entries(files)) {
    const analysis = analyzeFile({ path: file, text }, config, { now: new Date(`${TODAY}T12:00:00Z`) });
    index.set(file, analysis.facts, analysis.suppressions);
    if (file === path) own = analysis.findings;
  }
  return [...own, ...index.findingsFor(path, config)];
}

/** Apply the fix whose title matches to the nth finding of a rule; returns the workspace after it. */
function apply(files: Record<string, string>, path: string, rule: string, title: RegExp, options: { nth?: number; broker?: ResolvedConfig['broker']; choice?: string } = {}) {
  const config = { ...defaultConfig(), ...(options.broker && { broker: options.broker }) };
  const finding = findings(files, path, config).filter((candidate) => candidate.ruleId === rule)[options.nth ?? 0];
  assert.ok(finding, `no ${rule} finding in ${path}`);
  const workspace = { files: Object.keys(files), readText: (file: string) => files[file] };
  const fixes = fixesFor({ path, text: files[path]!, finding, config, workspace, today: TODAY });
  const fix = fixes.find((candidate) => title.test(candidate.title));
  assert.ok(fix, `no fix ${title} among: ${fixes.map((candidate) => candidate.title).join(' | ')}`);
  const edits = fix.choose ? fix.choose.choices.find((choice) => choice.value === options.choice)!.edits : fix.edits;
  const after = { ...files };
  for (const edit of edits) if (edit.create) after[edit.path] = edit.newText;
  for (const path of new Set(edits.filter((edit) => !edit.create).map((edit) => edit.path))) {
    after[path] = applyEdits(after[path]!, edits.filter((edit) => edit.path === path && !edit.create));
  }
  for (const [file, text] of Object.entries(after)) if (file.endsWith('.py')) assertCompiles(file, text);
  return { fix: fix as Fix, files: after };
}

describe('quick fixes in Python', () => {
  before(async () => {
    await loadPythonParser();
  });

  const agent = `"""Support agent."""
from __future__ import annotations

import boto3
from openai import OpenAI

client = OpenAI(api_key="${TOKEN}")
headers = {"Authorization": "Bearer ${TOKEN2}"}
s3 = boto3.client("s3", aws_access_key_id="${AWS_ID}", aws_secret_access_key="${AWS_SECRET}", region_name="eu-west-1")


def connect(host: str, password: str = "${TOKEN}") -> None:
    print(host, password)
`;

  it('uses a broker-issued credential: the call, the import, and credentials.py for the configured broker', () => {
    const { fix, files } = apply({ 'app/agent.py': agent, 'app/__init__.py': '' }, 'app/agent.py', 'secrets/generic-secret', /^Use broker-issued credential/, { broker: 'vault' });
    assert.equal(fix.title, "Use broker-issued credential 'openai-api-key' via HashiCorp Vault (rotate the exposed key)");
    assert.equal(
      files['app/agent.py'],
      agent.replace('from openai import OpenAI\n', 'from openai import OpenAI\nfrom . import credentials\n').replace(`api_key="${TOKEN}"`, 'api_key=credentials.get("openai-api-key")'),
    );
    assert.match(files['app/credentials.py']!, /^"""Credentials for this project's agents, issued at run time by HashiCorp Vault\./);
    assert.match(files['app/credentials.py']!, /agent-guardrail:credentials-module broker=vault/);
    assert.match(fix.followUp!, /^Creates app\/credentials\.py for HashiCorp Vault \(pip install hvac\)\. Store the credential as "openai-api-key" in the broker\. Rotate/);
  });

  it('asks for the broker when none is configured, and reuses an existing credentials.py (and its broker) afterwards', () => {
    const first = apply({ 'agent.py': agent }, 'agent.py', 'secrets/generic-secret', /^Use broker-issued credential/, { choice: 'aws-secrets-manager' });
    assert.deepEqual(first.fix.choose?.choices.map((choice) => choice.value), ['vault', 'aws-sts', 'aws-secrets-manager', 'gcp-secret-manager', 'azure-key-vault', 'azure-managed-identity', '1password', 'infisical', 'doppler', 'github-app', 'oauth-token-exchange', 'env']);
    assert.ok(first.files['agent.py']!.includes('\nimport credentials\n'), 'a plain import outside a package');
    assert.match(first.files['credentials.py']!, /broker=aws-secrets-manager/);
    const second = apply(first.files, 'agent.py', 'secrets/generic-secret', /^Use broker-issued credential/);
    assert.equal(second.fix.title, "Use broker-issued credential 'authorization' (rotate the exposed key)");
    assert.equal(second.fix.choose, undefined);
    assert.ok(second.files['agent.py']!.includes(`headers = {"Authorization": f"Bearer {credentials.get('authorization')}"}`));
    assert.equal(second.files['agent.py']!.match(/import credentials/g)!.length, 1, 'imported once');
  });

  it('says that a default parameter is evaluated once', () => {
    const { fix, files } = apply({ 'agent.py': agent }, 'agent.py', 'secrets/generic-secret', /^Use broker-issued credential/, { nth: 2, broker: 'env' });
    assert.ok(files['agent.py']!.includes('def connect(host: str, password: str = credentials.get("password")) -> None:'));
    assert.match(fix.followUp!, /runs once when the module loads/);
  });

  it('reads an environment variable, importing os once', () => {
    const { files } = apply({ 'agent.py': agent }, 'agent.py', 'secrets/generic-secret', /^Read from environment variable OPENAI_API_KEY/);
    assert.equal(files['agent.py'], agent.replace('from openai import OpenAI\n', 'from openai import OpenAI\nimport os\n').replace(`api_key="${TOKEN}"`, 'api_key=os.environ["OPENAI_API_KEY"]'));
  });

  it('removes a hardcoded AWS key pair so that boto3 uses its default credential chain', () => {
    const { fix, files } = apply({ 'agent.py': agent }, 'agent.py', 'secrets/provider-key', /^Remove the hardcoded AWS key pair/);
    assert.equal(fix.isPreferred, true);
    assert.ok(files['agent.py']!.includes('s3 = boto3.client("s3", region_name="eu-west-1")\n'));
  });

  it('puts an import at the top of a file without imports, after a shebang', () => {
    const script = `#!/usr/bin/env python3\nKEY = "${'sk-proj-'}${'NBMgDRXNF9ZWfYXuxYUF-JScJT3BlbkFJI5_SIULVqjkVfIbiZGpGKVKnN'}"\n`;
    const { files } = apply({ 'run.py': script }, 'run.py', 'secrets/provider-key', /^Read from environment variable OPENAI_API_KEY/);
    assert.equal(files['run.py'], '#!/usr/bin/env python3\nimport os\n\nKEY = os.environ["OPENAI_API_KEY"]\n');
  });

  it('suppresses with a # comment, but not inside a multi-line string or after a backslash', () => {
    const { files } = apply({ 'agent.py': agent }, 'agent.py', 'secrets/generic-secret', /^Suppress secrets\/generic-secret on this line/);
    assert.ok(files['agent.py']!.includes(`# agent-guardrail-ignore-next-line secrets/generic-secret -- <why this is acceptable>\nclient = OpenAI(`));
    const multiline = `PROMPT = """Use this token:\n${TOKEN2}\n"""\nsecret = \\\n    "${TOKEN}"\n`;
    const config = defaultConfig();
    const found = analyzeFile({ path: 'agent.py', text: multiline }, config).findings.filter((finding) => finding.ruleId === 'secrets/generic-secret');
    assert.equal(found.length, 1);
    const titles = fixesFor({ path: 'agent.py', text: multiline, finding: found[0]!, config, today: TODAY }).map((fix) => fix.title);
    assert.ok(!titles.some((title) => title.startsWith('Suppress') && title.includes('on this line')), titles.join(' | '));
  });

  it('creates the agent manifest of an unowned Python agent, with its tools and credentials', () => {
    const code = `import os

from agents import Agent, function_tool


@function_tool
def lookup_order(order_id: str) -> str:
    return order_id


triage = Agent(name="Order Triage", tools=[lookup_order])
key = os.environ["OPENAI_API_KEY"]
`;
    const { fix, files } = apply({ 'src/triage.py': code }, 'src/triage.py', 'ownership/unowned-agent', /^Create agent manifest/);
    assert.equal(fix.title, 'Create agent manifest agents/order-triage.agent.yaml');
    assert.equal(
      files['agents/order-triage.agent.yaml'],
      [
        'apiVersion: agent-guardrail/v1',
        'kind: Agent',
        'metadata:',
        '  name: order-triage',
        '  description: "TODO: the business process this agent serves"',
        '  owner: team:change-me',
        '  environment: development',
        '  reviewBy: 2026-04-15',
        'spec:',
        '  entrypoint: src/triage.py',
        '  credentials:',
        '    - name: openai-api-key',
        '      broker: env',
        '      ref: OPENAI_API_KEY',
        '      ttl: 15m',
        '  tools:',
        '    - name: lookup_order',
        '      access: read    # guessed from the tool; check it',
        '',
      ].join('\n'),
    );
  });

  it('removes an undeclared tool from the agent\'s tools list, or declares it in the manifest', () => {
    const code = `from agents import Agent, function_tool


@function_tool
def search(q: str) -> str:
    return q


@function_tool
def refund(order: str) -> str:
    return order


bot = Agent(name="support", tools=[search, refund])
`;
    const manifest = 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: support\n  owner: team:support\n  description: Support\n  reviewBy: 2026-06-30\nspec:\n  entrypoint: bot.py\n  tools:\n    - name: search\n      access: read\n';
    const files = { 'bot.py': code, 'agents/support.agent.yaml': manifest };
    const removed = apply(files, 'bot.py', 'grants/undeclared-tool', /^Remove tool "refund"/);
    assert.ok(removed.files['bot.py']!.endsWith('bot = Agent(name="support", tools=[search])\n'));
    const declared = apply(files, 'bot.py', 'grants/undeclared-tool', /^Declare tool "refund"/);
    assert.ok(declared.files['agents/support.agent.yaml']!.includes('    - name: refund'));
  });
});
