// Issue 11: attacks on the real CLI (dist/cli.js) and the real language server (dist/server.js), each reproduced
// and checked: symbolic links out of the workspace, FIFOs, finding floods, a 50 MB file with the size limit raised,
// file names with control characters, malformed LSP messages, Restricted Mode, patterns that backtrack.
// Watchdogs (generous, far above normal run times) only catch hangs; nothing here measures time.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, makeTempDir, writeTree } from '../helpers';
import { LspClient } from '../lsp-client';

const WATCHDOG_MS = 120_000;
// Assembled at run time: the repository holds no key-shaped literal.
const OPENAI = ['sk', 'proj', ['Lq8Wv3Tx7Kd2Rm9Zn4Bc', 'Ue8Io3Pl7Kj2Hg6Fd9Sa'].join('T3BlbkFJ')].join('-');
const GENERIC = 'Qm7vT2xK9pL4wR8nZ3cY6hJ1bF5dS0gA';

function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: WATCHDOG_MS,
    killSignal: 'SIGKILL',
  });
  assert.equal(result.error, undefined, `the watchdog fired or the spawn failed: ${result.error?.message}`);
  return result;
}

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; message: string; related?: unknown[] }[];
  notes: { file: string; kind: string; reason: string }[];
}

function mkfifo(path: string): void {
  const result = spawnSync('mkfifo', [path]);
  assert.equal(result.status, 0, 'mkfifo is needed for this test');
}

describe('hostile input: the real CLI', function () {
  this.timeout(4 * WATCHDOG_MS);
  let dir: string;
  beforeEach(() => (dir = makeTempDir('agent-guardrail-hostile-')));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('item 8: `audit dirlink/sub` and `audit dirlink/secret.env`, where dirlink points outside, read nothing outside', function () {
    writeTree(join(dir, 'outside'), { 'secret.env': `OPENAI_API_KEY=${OPENAI}\n`, 'sub/x.env': `JWT_SECRET=${GENERIC}\n` });
    mkdirSync(join(dir, 'ws'));
    symlinkSync('../outside', join(dir, 'ws', 'dirlink'));
    for (const target of ['dirlink/sub', 'dirlink/secret.env', 'dirlink/sub/x.env']) {
      const result = cli(['audit', target, '--format', 'json'], join(dir, 'ws'));
      assert.equal(result.status, 0, result.stderr);
      const report = JSON.parse(result.stdout) as JsonReport;
      assert.deepEqual(report.findings, [], target);
      assert.deepEqual(report.notes, [{ file: target, kind: 'skipped', reason: 'outside the workspace through a symbolic link' }]);
    }
  });

  it('items 8 and 13: a FIFO passed on the command line or found in the tree gets a note and blocks nothing', function () {
    writeTree(dir, { '.env': `JWT_SECRET=${GENERIC}\n` });
    mkfifo(join(dir, 'pipe.env'));
    const named = JSON.parse(cli(['audit', 'pipe.env', '--format', 'json'], dir).stdout) as JsonReport;
    assert.deepEqual(named.notes, [{ file: 'pipe.env', kind: 'skipped', reason: 'not a regular file (FIFO)' }]);
    const walked = JSON.parse(cli(['audit', '--format', 'json'], dir).stdout) as JsonReport;
    assert.deepEqual(walked.findings.map((finding) => `${finding.ruleId} ${finding.file}`), ['secrets/generic-secret .env']);
    assert.deepEqual(walked.notes, [{ file: 'pipe.env', kind: 'skipped', reason: 'not a regular file (FIFO)' }]);
  });

  it('item 8: a FIFO where the configuration or the baseline goes is an error (exit 2) instead of a hang', function () {
    writeTree(dir, { '.env': `JWT_SECRET=${GENERIC}\n` });
    mkfifo(join(dir, '.agent-guardrail.yaml'));
    const config = cli(['audit'], dir);
    assert.equal(config.status, 2);
    assert.match(config.stderr, /cannot read the configuration file .*\(not a regular file \(FIFO\)\)/);
    rmSync(join(dir, '.agent-guardrail.yaml'));
    mkfifo(join(dir, '.agent-guardrail-baseline.json'));
    const baseline = cli(['audit'], dir);
    assert.equal(baseline.status, 2);
    assert.match(baseline.stderr, /cannot read the baseline .*: not a regular file \(FIFO\)/);
  });

  it('item 10: a manifest with 150,000 bad entries (1.2 MB) is reported, capped with a note, instead of crashing the audit', function () {
    const lines = ['apiVersion: agent-guardrail/v1', 'kind: Agent', 'metadata:', '  name: bomb', '  owner: team:x', 'spec:', '  credentials:'];
    writeTree(dir, { 'agents/bomb.agent.yaml': [...lines, ...Array<string>(150_000).fill('    - x'), ''].join('\n') });
    const result = cli(['audit', '--format', 'json'], dir);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.equal(report.findings.filter((finding) => finding.ruleId === 'manifest/schema').length, 200);
    assert.deepEqual(report.notes, [{ file: 'agents/bomb.agent.yaml', kind: 'partial', reason: '149800 more manifest/schema findings not listed (at most 200 per rule and file)' }]);
  });

  it('item 10: 3,000 manifests in one file sharing one credential ref: capped cross-file findings, bounded messages', function () {
    const manifest = (index: number) => `apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: a${index}\n  owner: team:x\n  description: d\n  reviewBy: 2099-01-01\nspec:\n  credentials:\n    - name: c\n      ref: vault://shared/key\n      ttl: 1h\n`;
    writeTree(dir, { 'agents/many.agent.yaml': Array.from({ length: 3000 }, (_, index) => manifest(index)).join('---\n') });
    const result = cli(['audit', '--format', 'json'], dir);
    assert.equal(result.stderr, '');
    const report = JSON.parse(result.stdout) as JsonReport;
    const shared = report.findings.filter((finding) => finding.ruleId === 'credentials/shared');
    assert.equal(shared.length, 200);
    assert.match(shared[0]!.message, /is also used by "a1", "a2", "a3", "a4", "a5" and 2994 more\./);
    assert.equal(shared[0]!.related!.length, 20);
    assert.ok(report.notes.some((note) => note.reason === '2800 more credentials/shared findings not listed (at most 200 per rule and file)'));
  });

  it('item 12: with maxFileSize 100MB, a 50 MB YAML file is secret-scanned in a bounded heap (384 MB here)', function () {
    const filler = 'item:\n  name: value\n  list: [a, b, c]\n';
    const half = filler.repeat(Math.ceil((25 * 1024 * 1024) / filler.length));
    writeTree(dir, { '.agent-guardrail.yaml': 'maxFileSize: 100MB\n', 'big.yaml': `${half}api_key: ${OPENAI}\n${half}` });
    const result = cli(['audit', '--format', 'json'], dir, { NODE_OPTIONS: '--max-old-space-size=384' });
    assert.equal(result.signal, null, 'not killed (out of memory)');
    assert.equal(result.stderr, '');
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(report.findings.map((finding) => `${finding.ruleId} ${finding.file}`), ['secrets/provider-key big.yaml']);
    assert.deepEqual(report.notes, [{ file: 'big.yaml', kind: 'partial', reason: 'larger than 4 MB, the limit for structured analysis: only the secret scan ran' }]);
  });

  it('item 13: file names with ESC, CR and LF are escaped in text and Markdown output', function () {
    const name = 'evil\u001b[2J\rforged\nline.env';
    writeFileSync(join(dir, name), `JWT_SECRET=${GENERIC}\n`);
    const text = cli(['audit'], dir).stdout;
    const markdown = cli(['audit', '--format', 'markdown'], dir).stdout;
    for (const output of [text, markdown]) {
      assert.ok(output.includes('evil\\x1b[2J\\rforged\\nline.env'), output);
      assert.doesNotMatch(output, /[\u001b\r]/);
    }
  });
});

describe('hostile input: the real language server', function () {
  this.timeout(4 * WATCHDOG_MS);
  let dir: string;
  let client: LspClient;
  const uri = (path: string) => pathToFileURL(join(dir, path)).href;
  /** A request the server must answer: it is alive and not blocked. */
  const responsive = () => client.request<{ agents: { name: string }[] }>('workspace/executeCommand', { command: 'agent-guardrail.inventory', arguments: [] });

  beforeEach(() => {
    dir = makeTempDir('agent-guardrail-hostile-lsp-');
    client = new LspClient();
  });
  afterEach(async () => {
    if (client.process.exitCode === null) await client.shutdown().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('item 9: malformed didOpen notifications are logged and dropped; the server stays up and answers', async function () {
    await client.initialize(dir);
    const bad = [
      { textDocument: { uri: `${uri('a')}%2Fb.ts`, languageId: 'typescript', version: 1, text: 'x' } },
      { textDocument: { uri: 'file://otherhost/share/x.ts', languageId: 'typescript', version: 1, text: 'x' } },
      { textDocument: { uri: uri('no-text.ts'), languageId: 'typescript', version: 1 } },
      { textDocument: { uri: uri('number.ts'), languageId: 'typescript', version: 1, text: 42 } },
      { textDocument: { uri: 5, languageId: 'typescript', version: 1, text: 'x' } },
      { textDocument: { uri: 'no scheme', languageId: 'typescript', version: 1, text: 'x' } },
      {},
    ];
    for (const params of bad) await client.connection.sendNotification('textDocument/didOpen', params);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('x.ts'), version: 2 }, contentChanges: [{ range: { start: { line: -1 } }, text: 1 }] });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file://otherhost/x.ts', type: 2 }, { uri: 7, type: 1 }] });
    await responsive();
    await client.open(uri('ok.env'), 'dotenv', `JWT_SECRET=${GENERIC}\n`);
    const published = await client.diagnostics(uri('ok.env'));
    assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['secrets/generic-secret']);
    assert.equal(client.process.exitCode, null);
    assert.equal((client.output.match(/ignored a DidOpenTextDocument notification/g) ?? []).length, bad.length);
  });

  it('item 8: a watched-file event naming a FIFO or a link out of the folder reads neither', async function () {
    writeTree(dir, { 'outside/agents/outside.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: outside\n  owner: team:x\n' });
    const root = join(dir, 'ws');
    writeTree(root, { 'agents/inside.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: inside\n  owner: team:x\n' });
    mkfifo(join(root, 'pipe.yaml'));
    symlinkSync('../../outside/agents/outside.agent.yaml', join(root, 'agents', 'link.agent.yaml'));
    await client.initialize(root);
    const changes = ['pipe.yaml', 'agents/link.agent.yaml'].map((path) => ({ uri: pathToFileURL(join(root, path)).href, type: 2 }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    const inventory = await responsive();
    assert.deepEqual(inventory.agents.map((agent) => agent.name), ['inside']);
  });

  it('item 8: a FIFO named .agent-guardrail.yaml does not block the server', async function () {
    mkfifo(join(dir, '.agent-guardrail.yaml'));
    await client.initialize(dir);
    await client.open(uri('a.env'), 'dotenv', `JWT_SECRET=${GENERIC}\n`);
    const published = await client.diagnostics(uri('a.env'));
    assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['secrets/generic-secret']);
    await responsive();
    assert.match(client.output, /cannot read the configuration in .*not a regular file \(FIFO\)/);
  });

  it('item 11: a keystroke in a 100 KB file of `export export …` does not stall the server', async function () {
    await client.initialize(dir);
    await client.open(uri('slow.ts'), 'typescript', `const key = '${OPENAI}';\n${'export export\n'.repeat(7000)}`);
    const published = await client.diagnostics(uri('slow.ts'));
    assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['secrets/provider-key']);
    await responsive();
  });

  it('item 7: in Restricted Mode the repository configuration cannot hide a secret; its patterns never hang the server', async function () {
    writeTree(dir, { '.agent-guardrail.yaml': 'placeholders: ["."]\nmaxFileSize: 1\nignore: ["**"]\nrules:\n  secrets/*: off\n', 'a.env': `JWT_SECRET=${GENERIC}\n` });
    await client.initialize(dir, { trusted: false });
    await client.open(uri('a.env'), 'dotenv', `JWT_SECRET=${GENERIC}\n`);
    const published = await client.diagnostics(uri('a.env'));
    assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['secrets/generic-secret']);
  });

  it('item 7: a placeholder pattern that backtracks exponentially (trusted workspace) runs in linear time', async function () {
    writeTree(dir, { '.agent-guardrail.yaml': 'placeholders: ["^([A-Za-z0-9]+)+!$"]\n' });
    await client.initialize(dir);
    await client.open(uri('a.env'), 'dotenv', `JWT_SECRET=${'Aa1'.repeat(20)}Zz9Yy8Xx7\n`);
    await client.diagnostics(uri('a.env'));
    await responsive();
  });
});
