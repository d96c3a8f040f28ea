// PRODUCT.md §9: no network access, ever; no telemetry. The real CLI runs with every network entry point of
// Node replaced by a trap that records the call in a marker file and throws.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, git, makeTempDir, writeTree } from '../helpers';

const WATCHDOG_MS = 45_000;

const OPENAI = 'sk-proj-jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H';
const ANTHROPIC = 'sk-ant-api03-DktXP-tKsf2rcDkdfrUnW5gcF_Ha6ili8GjHEAD6-Wj9KfzjsQGMrb9h_ImB_LK777pzNk8cL6j5IXAAjlsHUqJoUD-_YAA';
const GITHUB = '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';
const SLACK = 'xoxb-827940199530-5520340930565-lNtencYFJEeAgYzQJjOIfPkz';
const STRIPE = 'sk_live_1HSa2bB9UoK4tYnzNLeK6kjc';
const GROQ = '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';
const HUGGINGFACE = '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';
const NPM = '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';
const TAVILY = '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';
const GOOGLE = 'AIzadonuSsddfrfifiUziXnFAAoeelK9mqmALOR';
const LINEAR = 'lin_api_xvzp1vTB1KZ6u0z2JduHj9R7wp3BQOaxgHleuBmG';
const REPLICATE = 'r8_NOfQ5xj7t2ydf0K5uY8iH1wOLaQan8ePsqMgL';
/** A real RSA key made for this run (the analysis checks that a PEM body decodes to a key of its kind). */
const PRIVATE_KEY_PEM = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

/** Every kind of file the audit treats differently, including the ones it skips. */
function everyFileKind(): Record<string, string | Buffer> {
  return {
    '.agent-guardrail.yaml': 'ignore:\n  - ignored/**\nmaxFileSize: 2MB\n',
    'src/agent.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: '${OPENAI}' });\n`,
    'src/chat.tsx': `export const Chat = () => <Assistant apiKey="${ANTHROPIC}" />;\n`,
    'src/server.js': `const { Octokit } = require('@octokit/rest');\nconst octokit = new Octokit({ auth: '${GITHUB}' });\n`,
    'src/tool.mjs': `import { WebClient } from '@slack/web-api';\nexport const slack = new WebClient('${SLACK}');\n`,
    'src/legacy.cjs': `module.exports = { stripeKey: '${STRIPE}' };\n`,
    'src/view.jsx': `export const View = () => <Search groqKey={'${GROQ}'} />;\n`,
    // Half-written code that the analysis parses (it imports a shell module); a file that needs no parse gets no syntax-error note.
    'src/broken.ts': `export function ( {\n  const token = '${HUGGINGFACE}'\n  require('node:child_process')\n`,
    'types/globals.d.ts': 'declare const API_KEY: string;\n',
    'mcp.json': JSON.stringify({ mcpServers: { search: { command: 'npx', args: ['tavily-mcp'], env: { TAVILY_API_KEY: TAVILY } } } }, null, 2) + '\n',
    '.vscode/settings.jsonc': `{\n  // editor settings\n  "maps.apiKey": "${GOOGLE}",\n}\n`,
    'agent.yaml': `name: support-agent\ntools:\n  - name: linear\n    api_key: ${LINEAR}\n`,
    'compose.yml': 'services:\n  db:\n    environment:\n      DATABASE_URL: postgres://agent:N8f2Kq7Lm4Vx9Rt3Wc6Z@db.internal:5432/app\n',
    '.env': `NPM_TOKEN=${NPM}\nMODEL=gpt-4o\n`,
    '.env.local': 'JWT_SECRET=Qm7vT2xK9pL4wR8nZ3cY6hJ1bF5dS0gA\n',
    'README.md': `# Agent\n\nRun with \`REPLICATE_API_TOKEN=${REPLICATE}\`.\n`,
    'scripts/setup.py': 'import os\nclient = Client(api_key=os.environ["KEY"])\n',
    'pyproject.toml': '[project]\nname = "agent"\n',
    Dockerfile: 'FROM node:20\nENV NODE_ENV=production\n',
    'keys/deploy.pem': PRIVATE_KEY_PEM,
    'package-lock.json': '{\n  "lockfileVersion": 3\n}\n',
    'public/app.min.js': 'var a=1;\n',
    'assets/icon.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
    'data/big.txt': 'log line\n'.repeat(300_000),
    'ignored/secret.ts': `const apiKey = '${OPENAI}';\n`,
    // Agent configurations (their own rule families run on them too).
    '.vscode/mcp.json': JSON.stringify({ servers: { shell: { command: 'bash', args: ['-c', 'tools'] }, remote: { type: 'http', url: 'https://mcp.internal/' } } }, null, 2) + '\n',
    '.claude/settings.json': JSON.stringify({ permissions: { allow: ['Bash(*)', 'Read(//**)'] } }, null, 2) + '\n',
    'agents/support.agent.yaml':
      'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: support\n  owner: team:support\nspec:\n  entrypoint: src/agent.ts\n  credentials:\n    - name: openai\n      broker: vault\n      ref: secret/data/support/openai\n      ttl: 90d\n',
    'deploy/policy.json': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2) + '\n',
    'scripts/deploy.sh': '#!/bin/sh\ncurl -fsSL https://example.com/install.sh | sh\n',
  };
}

/** Replaces every network entry point of Node with a trap that writes `marker` and throws. */
function preloadSource(marker: string): string {
  return `'use strict';
const fs = require('fs');
const marker = ${JSON.stringify(marker)};
const append = fs.appendFileSync;
function trap(name) {
  return function networkTrap() {
    append(marker, name + '\\n');
    throw new Error('network access attempted: ' + name);
  };
}
function patch(object, names, prefix) {
  for (const name of names) {
    if (typeof object[name] === 'function') object[name] = trap(prefix + name);
  }
}
const net = require('net');
patch(net, ['connect', 'createConnection'], 'net.');
patch(net.Socket.prototype, ['connect'], 'net.Socket.prototype.');
patch(require('http'), ['request', 'get'], 'http.');
patch(require('https'), ['request', 'get'], 'https.');
patch(require('http2'), ['connect'], 'http2.');
patch(require('tls'), ['connect'], 'tls.');
patch(require('dgram'), ['createSocket'], 'dgram.');
const dns = require('dns');
const dnsNames = (object) => Object.keys(object).filter((name) => name === 'lookup' || name === 'lookupService' || name.startsWith('resolve') || name === 'reverse');
patch(dns, dnsNames(dns), 'dns.');
patch(dns.promises, dnsNames(dns.promises), 'dns.promises.');
patch(dns.Resolver.prototype, Object.getOwnPropertyNames(dns.Resolver.prototype).filter((name) => name.startsWith('resolve') || name === 'reverse'), 'dns.Resolver.prototype.');
patch(dns.promises.Resolver.prototype, Object.getOwnPropertyNames(dns.promises.Resolver.prototype).filter((name) => name.startsWith('resolve') || name === 'reverse'), 'dns.promises.Resolver.prototype.');
patch(globalThis, ['fetch', 'WebSocket', 'EventSource'], 'globalThis.');
`;
}

function runGuarded(preload: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--require', preload, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: WATCHDOG_MS,
    killSignal: 'SIGKILL',
  });
}

function assertFinished(result: SpawnSyncReturns<string>): void {
  assert.equal(result.error, undefined, `spawn failed or the watchdog fired: ${result.error?.message}`);
  assert.equal(result.signal, null);
}

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; column: number; provider?: string }[];
  notes: { file: string; kind: string; reason: string }[];
}

/** Other rule families (grants, ownership, manifests) have their own tests; this one pins the secrets. */
function secretFindings(report: JsonReport): JsonReport['findings'] {
  return report.findings.filter((finding) => finding.ruleId.startsWith('secrets/'));
}

const EXPECTED_FINDINGS = [
  '.env 1:11 secrets/provider-key npm',
  '.env.local 1:12 secrets/generic-secret generic',
  '.vscode/settings.jsonc 3:19 secrets/provider-key google-api-key',
  'README.md 3:31 secrets/provider-key replicate',
  'agent.yaml 4:14 secrets/provider-key linear',
  'compose.yml 4:38 secrets/connection-string connection-string',
  'keys/deploy.pem 1:1 secrets/private-key private-key',
  'mcp.json 9:28 secrets/provider-key tavily',
  'src/agent.ts 2:45 secrets/provider-key openai',
  'src/broken.ts 2:18 secrets/provider-key huggingface',
  'src/chat.tsx 1:46 secrets/provider-key anthropic',
  'src/legacy.cjs 1:32 secrets/provider-key stripe',
  'src/server.js 2:38 secrets/provider-key github',
  'src/tool.mjs 2:37 secrets/provider-key slack',
  'src/view.jsx 1:45 secrets/provider-key groq',
];

describe('no network: a full audit never touches the network (real CLI, trapped)', function () {
  this.timeout(120_000);
  let dir: string;
  let tree: string;
  let repo: string;
  let preload: string;
  let marker: string;

  before(function () {
    dir = makeTempDir('agent-guardrail-no-network-');
    marker = join(dir, 'network-was-used');
    preload = join(dir, 'no-network.js');
    writeFileSync(preload, preloadSource(marker));
    tree = join(dir, 'tree');
    writeTree(tree, everyFileKind());
    writeFileSync(join(dir, 'outside.ts'), `const apiKey = '${OPENAI}';\n`);
    symlinkSync(join(dir, 'outside.ts'), join(tree, 'src', 'outside-link.ts'));
    // The same files in a git repository, some staged, to cover git discovery and --staged.
    repo = join(dir, 'repo');
    writeTree(repo, everyFileKind());
    git(repo, 'init', '-q');
    git(repo, 'add', 'src/agent.ts', '.env', 'agent.yaml', 'mcp.json', 'README.md', 'assets/icon.png');
  });

  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(function () {
    assert.equal(existsSync(marker) ? readFileSync(marker, 'utf8') : '', '', 'a network entry point was called');
  });

  it('the trap itself fires on every patched entry point (control)', function () {
    const probe = join(dir, 'probe-marker');
    const probePreload = join(dir, 'probe-preload.js');
    writeFileSync(probePreload, preloadSource(probe));
    const script = `
const calls = [
  () => require('net').connect(9, '127.0.0.1'),
  () => require('net').createConnection(9, '127.0.0.1'),
  () => new (require('net').Socket)().connect(9, '127.0.0.1'),
  () => require('http').request('http://127.0.0.1:9/'),
  () => require('http').get('http://127.0.0.1:9/'),
  () => require('https').request('https://127.0.0.1:9/'),
  () => require('https').get('https://127.0.0.1:9/'),
  () => require('http2').connect('http://127.0.0.1:9'),
  () => require('tls').connect(9, '127.0.0.1'),
  () => require('dgram').createSocket('udp4'),
  () => require('dns').lookup('localhost', () => {}),
  () => require('dns').resolve('localhost', () => {}),
  () => require('dns').resolve4('localhost', () => {}),
  () => require('dns').promises.lookup('localhost'),
  () => new (require('dns').Resolver)().resolveTxt('localhost', () => {}),
  () => fetch('http://127.0.0.1:9/'),
];
let trapped = 0;
for (const call of calls) {
  try { call(); } catch (error) { if (/network access attempted/.test(error.message)) trapped++; }
}
process.stdout.write(String(trapped));
`;
    const result = spawnSync(process.execPath, ['--require', probePreload, '-e', script], { encoding: 'utf8', timeout: WATCHDOG_MS, killSignal: 'SIGKILL' });
    assertFinished(result);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, '16');
    assert.deepEqual(readFileSync(probe, 'utf8').trim().split('\n'), [
      'net.connect',
      'net.createConnection',
      'net.Socket.prototype.connect',
      'http.request',
      'http.get',
      'https.request',
      'https.get',
      'http2.connect',
      'tls.connect',
      'dgram.createSocket',
      'dns.lookup',
      'dns.resolve',
      'dns.resolve4',
      'dns.promises.lookup',
      'dns.Resolver.prototype.resolveTxt',
      'globalThis.fetch',
    ]);
  });

  it('audit --format json reports the expected findings and notes', function () {
    const result = runGuarded(preload, ['audit', '--format', 'json'], tree);
    assertFinished(result);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(
      secretFindings(report).map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.ruleId} ${finding.provider}`),
      EXPECTED_FINDINGS,
    );
    assert.deepEqual(report.notes, [
      { file: 'src/outside-link.ts', kind: 'skipped', reason: 'symbolic link that points outside the workspace' },
      { file: 'assets/icon.png', kind: 'skipped', reason: 'binary file' },
      { file: 'data/big.txt', kind: 'skipped', reason: 'larger than the 1.9 MB limit (maxFileSize)' },
      { file: 'package-lock.json', kind: 'skipped', reason: 'lockfile (package hashes only)' },
      { file: 'public/app.min.js', kind: 'partial', reason: 'minified or generated file: only the secret scan ran' },
      { file: 'src/broken.ts', kind: 'partial', reason: '4 syntax errors; analysed what parsed' },
    ]);
  });

  it('audit --verbose (text) prints the normal report', function () {
    const result = runGuarded(preload, ['audit', '--verbose'], tree);
    assertFinished(result);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^src\/agent\.ts\n {2}2:45 {2}error {4}secrets\/provider-key +Hardcoded OpenAI API key \(sk-proj-…dJ8H\)\./m);
    assert.match(result.stdout, /\n {2}src\/broken\.ts {2}partial {2}4 syntax errors; analysed what parsed\n/);
    assert.match(result.stdout, /\n✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ notes\) in \d+ files · \d+ files analysed · 4 skipped\n$/);
  });

  it('audit --format sarif|markdown --output FILE writes the normal report', function () {
    const sarifFile = join(dir, 'report.sarif');
    const sarif = runGuarded(preload, ['audit', '--format', 'sarif', '--output', sarifFile], tree);
    assertFinished(sarif);
    assert.deepEqual([sarif.status, sarif.stdout, sarif.stderr], [1, '', '']);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0]!.results.filter((result) => result.ruleId.startsWith('secrets/')).length, EXPECTED_FINDINGS.length);

    const markdownFile = join(dir, 'report.md');
    const markdown = runGuarded(preload, ['audit', '--format', 'markdown', '--output', markdownFile], tree);
    assertFinished(markdown);
    assert.deepEqual([markdown.status, markdown.stdout, markdown.stderr], [1, '', '']);
    const report = readFileSync(markdownFile, 'utf8');
    assert.match(report, /^# Agent Guardrail audit\n\n\*\*\d+ problems\*\* /);
    assert.match(report, /\n## `src\/agent\.ts`\n\n\| Line \| Severity \| Rule \| Message \|\n\| ---: \| --- \| --- \| --- \|\n(?:\|.*\n)*\| 2:45 \| error \| \[secrets\/provider-key\]/);
  });

  it('audit of explicit paths with --fail-on note', function () {
    const result = runGuarded(preload, ['audit', 'src/agent.ts', 'agent.yaml', '.env', '--format', 'json', '--fail-on', 'note'], tree);
    assertFinished(result);
    assert.deepEqual([result.status, result.stderr], [1, '']);
    assert.deepEqual(
      secretFindings(JSON.parse(result.stdout) as JsonReport).map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.ruleId} ${finding.provider}`),
      ['.env 1:11 secrets/provider-key npm', 'agent.yaml 4:14 secrets/provider-key linear', 'src/agent.ts 2:45 secrets/provider-key openai'],
    );
  });

  it('audit inside a git repository (git discovery) and audit --staged', function () {
    const discovered = runGuarded(preload, ['audit', '--format', 'json'], repo);
    assertFinished(discovered);
    assert.equal(discovered.stderr, '');
    assert.equal(discovered.status, 1);
    assert.deepEqual(
      secretFindings(JSON.parse(discovered.stdout) as JsonReport).map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.ruleId} ${finding.provider}`),
      EXPECTED_FINDINGS,
    );

    const staged = runGuarded(preload, ['audit', '--staged', '--format', 'json'], repo);
    assertFinished(staged);
    assert.equal(staged.stderr, '');
    assert.equal(staged.status, 1);
    const report = JSON.parse(staged.stdout) as JsonReport;
    assert.deepEqual(
      secretFindings(report).map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.ruleId} ${finding.provider}`),
      ['.env 1:11 secrets/provider-key npm', 'README.md 3:31 secrets/provider-key replicate', 'agent.yaml 4:14 secrets/provider-key linear', 'mcp.json 9:28 secrets/provider-key tavily', 'src/agent.ts 2:45 secrets/provider-key openai'],
    );
    assert.deepEqual(report.notes, [{ file: 'assets/icon.png', kind: 'skipped', reason: 'binary file' }]);
  });

  it('rules and --version', function () {
    const rules = runGuarded(preload, ['rules', '--format', 'json'], tree);
    assertFinished(rules);
    assert.deepEqual([rules.status, rules.stderr], [0, '']);
    assert.ok((JSON.parse(rules.stdout) as { id: string }[]).some((rule) => rule.id === 'secrets/provider-key'));
    const version = runGuarded(preload, ['--version'], tree);
    assertFinished(version);
    assert.deepEqual([version.status, version.stdout, version.stderr], [0, '0.1.0\n', '']);
  });
});
