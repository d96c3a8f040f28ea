// `audit --cache`: the real CLI, twice or more on the same tree, with the results compared run by run.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { CLI, git, makeTempDir, runCli, writeTree } from '../helpers';

const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);

// Secrets are assembled at run time so that this file holds no literal secret (the repository audits itself).
const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'HCtX9r1MuzgMGc2dAHCDf_H0kk0edgGjXeB2pEFm2ComDQ', 'T3BlbkFJ', 'n5QOnXMnluIqr7WN0ea-l790AN_-4AsO18jIsfstBESumj');
const GITHUB_TOKEN = k('ghp_', 'eiHLmTP5xoxl2T88G2sqAbCSTPQbzc1bMZad');

const AGENT = [
  "import { Agent } from '@openai/agents';",
  '',
  "export const support = new Agent({ name: 'support', instructions: 'Answer billing questions.' });",
  '',
].join('\n');
const MANIFEST = [
  'apiVersion: agent-guardrail/v1',
  'kind: Agent',
  'metadata:',
  '  name: support',
  '  description: Answers billing questions',
  '  owner: team:billing',
  '  technicalOwner: user:dana@acme-billing.io',
  '  revocation: https://runbooks.example.com/agents/support#revoke',
  '  environment: production',
  '  reviewBy: 2099-01-01',
  'spec:',
  '  entrypoint: src/support.ts',
  '',
].join('\n');
const KEYED = `import OpenAI from 'openai';\n\nexport const client = new OpenAI({ apiKey: '${OPENAI_KEY}' });\n`;
/** A secret that the agent facts would quote (the agent's name): the file must not be cached. */
const NAMED_BY_SECRET = `import { Agent } from '@openai/agents';\n\nexport const odd = new Agent({ name: '${GITHUB_TOKEN}' });\n`;

interface Run {
  status: number | null;
  findings: string[];
  fromCache: number;
  looked: number;
  stderr: string;
}

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = makeTempDir('agent-guardrail-cache-');
  dirs.push(dir);
  writeTree(dir, files);
  return dir;
}

/** `audit --format json --verbose` plus `args`; findings as `file:line:col rule`, and the cache's own count. */
function audit(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = runCli(['audit', '--format', 'json', '--verbose', ...args], cwd, { GIT_CEILING_DIRECTORIES: CEILING, ...env });
  return parse(result.status, result.stdout, result.stderr);
}

function parse(status: number | null, stdout: string, stderr: string): Run {
  const report = JSON.parse(stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] };
  const counted = /(\d+) of (\d+) files from the cache/.exec(stderr);
  return {
    status,
    findings: report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`).sort(),
    fromCache: counted ? Number(counted[1]) : -1,
    looked: counted ? Number(counted[2]) : -1,
    stderr,
  };
}

describe('audit --cache (real CLI)', function () {
  this.timeout(120_000);
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('reports the same findings from the cache as without it, for every file, and says so with --verbose', () => {
    const dir = tree({ 'src/support.ts': AGENT, 'src/keyed.ts': KEYED, 'README.md': '# support agent\n' });
    const cache = join(dir, '..', `${dir.split('/').pop()}.cache`);
    dirs.push(cache);
    const plain = audit(dir, []);
    const first = audit(dir, ['--cache-location', cache]);
    const second = audit(dir, ['--cache-location', cache]);
    assert.deepEqual(plain.findings, ['src/keyed.ts:3:45 secrets/provider-key', 'src/support.ts:3:24 ownership/unowned-agent']);
    assert.deepEqual([first.findings, first.fromCache, first.looked, first.status], [plain.findings, 0, 3, 1]);
    // keyed.ts holds a key: it is analysed every time (the redactor needs the value; the cache never holds it).
    assert.deepEqual([second.findings, second.fromCache, second.looked, second.status], [plain.findings, 2, 3, 1]);
  });

  it('re-analyses a changed file, and the cross-file step sees the change (a new manifest owns the agent)', () => {
    const dir = tree({ 'src/support.ts': AGENT, 'src/keyed.ts': KEYED });
    const cache = join(dir, '.cache', 'audit.json');
    assert.equal(audit(dir, ['--cache-location', cache]).findings.length, 2);
    writeTree(dir, { 'agents/support.agent.yaml': MANIFEST, 'src/keyed.ts': "export const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n" });
    const after = audit(dir, ['--cache-location', cache]);
    // support.ts comes from the cache; its agent is now owned by the manifest, and keyed.ts no longer has a key.
    assert.deepEqual([after.findings, after.fromCache, after.looked], [[], 1, 3]);
    rmSync(join(dir, 'agents'), { recursive: true });
    const removed = audit(dir, ['--cache-location', cache]);
    assert.deepEqual([removed.findings, removed.fromCache], [['src/support.ts:3:24 ownership/unowned-agent'], 2]);
  });

  it('checks content, not only size and time: an edit of the same size right after an audit is seen', () => {
    const dir = tree({ 'src/keyed.ts': KEYED });
    const cache = join(dir, '..', `${dir.split('/').pop()}.cache`);
    dirs.push(cache);
    audit(dir, ['--cache-location', cache]);
    const file = join(dir, 'src/keyed.ts');
    const { mtime } = statSync(file);
    // Same length, same mtime: only the content says the file changed.
    writeFileSync(file, KEYED.replace(OPENAI_KEY, 'x'.repeat(OPENAI_KEY.length)));
    utimesSync(file, mtime, mtime);
    const after = audit(dir, ['--cache-location', cache]);
    assert.deepEqual([after.findings, after.fromCache], [[], 0]);
  });

  it('starts afresh when the configuration changes (severities, placeholders) or the engine does', () => {
    const dir = tree({ 'src/support.ts': AGENT, 'src/keyed.ts': KEYED });
    const cache = join(dir, '..', `${dir.split('/').pop()}.cache`);
    dirs.push(cache);
    audit(dir, ['--cache-location', cache]);
    writeFileSync(join(dir, '.agent-guardrail.yaml'), 'rules:\n  ownership/unowned-agent: off\n');
    const configured = audit(dir, ['--cache-location', cache]);
    assert.deepEqual([configured.findings, configured.fromCache], [['src/keyed.ts:3:45 secrets/provider-key'], 0]);
    writeFileSync(join(dir, '.agent-guardrail.yaml'), `rules:\n  ownership/unowned-agent: off\nplaceholders:\n  - "^sk-proj-HCtX"\n`);
    const placeholder = audit(dir, ['--cache-location', cache]);
    assert.deepEqual([placeholder.findings, placeholder.fromCache], [[], 0]);
    assert.equal(audit(dir, ['--cache-location', cache]).fromCache, 3);

    // Another build of the tool (here: the same engine bundle, dist/cli-main.js, with one more byte) does not trust
    // this cache.
    const build = makeTempDir('agent-guardrail-build-');
    dirs.push(build);
    cpSync(join(CLI, '..'), build, { recursive: true });
    appendFileSync(join(build, 'cli-main.js'), '\n');
    const rebuilt = spawnSync(process.execPath, [join(build, 'cli.js'), 'audit', '--format', 'json', '--verbose', '--cache-location', cache], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GIT_CEILING_DIRECTORIES: CEILING },
    });
    assert.equal(parse(rebuilt.status, rebuilt.stdout, rebuilt.stderr).fromCache, 0);
  });

  it('never stores a secret: a file that holds one is analysed every time, never cached', () => {
    const dir = tree({ 'src/keyed.ts': KEYED, 'src/odd.ts': NAMED_BY_SECRET, '.env': `GITHUB_TOKEN=${GITHUB_TOKEN}\n` });
    const cache = join(dir, '..', `${dir.split('/').pop()}.cache`);
    dirs.push(cache);
    const first = audit(dir, ['--cache-location', cache]);
    const stored = readFileSync(cache, 'utf8');
    for (const secret of [OPENAI_KEY, GITHUB_TOKEN, OPENAI_KEY.slice(8), GITHUB_TOKEN.slice(4)]) assert.ok(!stored.includes(secret), 'a secret value is in the cache');
    const second = audit(dir, ['--cache-location', cache]);
    // Every file here holds a secret: none is cached, and the findings are the same.
    assert.deepEqual([second.findings, second.fromCache, second.looked], [first.findings, 0, 3]);
    assert.equal((statSync(cache).mode & 0o077), 0, 'the cache file is private');
  });

  it('keeps its cache file out of the audit when --cache-location puts it in the tree (a directory gets our file)', () => {
    const dir = tree({ 'src/support.ts': AGENT });
    const first = audit(dir, ['--cache-location', './']);
    assert.ok(existsSync(join(dir, '.agent-guardrail-cache')));
    const second = audit(dir, ['--cache-location', '.']);
    assert.deepEqual([second.findings, second.fromCache, second.looked], [first.findings, 1, 1]);
  });

  it('--cache alone uses a private file in the user cache directory, never one in the repository', () => {
    const dir = tree({ 'src/support.ts': AGENT });
    const home = makeTempDir('agent-guardrail-xdg-');
    dirs.push(home);
    const env = { XDG_CACHE_HOME: home };
    audit(dir, ['--cache'], env);
    const second = audit(dir, ['--cache'], env);
    assert.equal(second.fromCache, 1);
    assert.deepEqual(readdirSync(dir), ['src']);
    const directory = join(home, 'agent-guardrail');
    assert.equal(statSync(directory).mode & 0o777, 0o700);
    assert.equal(readdirSync(directory).filter((name) => /^audit-[0-9a-f]{16}\.json$/.test(name)).length, 1);
  });

  it('audit --staged --cache reuses results by staged blob, and sees a new staged version', () => {
    const dir = tree({ 'src/support.ts': AGENT, 'src/keyed.ts': KEYED });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    const cache = join(dir, '..', `${dir.split('/').pop()}.cache`);
    dirs.push(cache);
    const first = audit(dir, ['--staged', '--cache-location', cache]);
    const second = audit(dir, ['--staged', '--cache-location', cache]);
    assert.deepEqual([second.findings, second.fromCache, second.looked], [first.findings, 1, 2]);
    writeFileSync(join(dir, 'src/keyed.ts'), 'export const nothing = 1;\n');
    git(dir, 'add', '-A');
    const third = audit(dir, ['--staged', '--cache-location', cache]);
    assert.deepEqual([third.findings, third.fromCache], [['src/support.ts:3:24 ownership/unowned-agent'], 1]);
  });
});
