// `audit --staged` on real temporary git repositories: the index content of staged files, as a pre-commit hook sees it.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { git, initTestRepository, makeTempDir, runCli, writeTree } from '../helpers';

/** Temp directories are never inside a repository, even if the system temp folder is (git stops below it). */
const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);
const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runCli(args, cwd, { GIT_CEILING_DIRECTORIES: CEILING, ...env });

// Assembled at run time so that this file holds no literal secret.
const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');
const AWS_KEY_ID = k('AKIA', '2Y2NYRVD7RXINFRP');

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
/** The OpenAI key sits at 2:38-2:94. */
const SECRET_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\n`;
const CLEAN_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`;
/** The AWS key id sits at 1:9-1:29. */
const SECRET_ENV = `AWS_KEY=${AWS_KEY_ID}\n`;

interface JsonReport {
  summary: { errors: number; warnings: number; notes: number; suppressed: number; filesAnalyzed: number };
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; fingerprint: string }[];
  notes: { file: string; kind: string; reason: string }[];
}

const tempDirs: string[] = [];
function repo(files: Record<string, string | Buffer> = {}): string {
  const dir = makeTempDir('agent-guardrail-staged-');
  tempDirs.push(dir);
  initTestRepository(dir);
  writeTree(dir, files);
  return dir;
}

function stagedJson(cwd: string, args: string[] = []): { status: number | null; report: JsonReport; stderr: string } {
  const result = run(['audit', '--staged', '--format', 'json', ...args], cwd);
  assert.doesNotMatch(result.stderr, /internal error/, result.stderr);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

function brief(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.file} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId}`);
}

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('CLI integration: audit --staged', function () {
  this.timeout(120_000);

  it('reports a secret that is staged and then deleted from the working copy (it reads the index)', () => {
    const dir = repo({ 'src/agent.ts': SECRET_TS });
    git(dir, 'add', 'src/agent.ts');
    unlinkSync(join(dir, 'src/agent.ts'));
    const { status, report } = stagedJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), ['src/agent.ts 2:38-2:94 error secrets/provider-key']);
    assert.equal(report.findings[0]!.fingerprint, sha256(OPENAI_KEY));
    assert.equal(report.summary.filesAnalyzed, 1);
  });

  it('reports a secret that is staged and then replaced by clean text in the working copy', () => {
    const dir = repo({ 'src/agent.ts': SECRET_TS });
    git(dir, 'add', 'src/agent.ts');
    writeFileSync(join(dir, 'src/agent.ts'), CLEAN_TS);
    const text = run(['audit', '--staged'], dir);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^src\/agent\.ts\n {2}2:38 {2}error {4}secrets\/provider-key +Hardcoded OpenAI API key \(sk-proj-…dJ8H\)\. /m);
    assert.equal(text.stdout.includes(OPENAI_KEY), false);
  });

  it('does not report an unstaged secret (clean version staged, secret only in the work tree)', () => {
    const dir = repo({ 'src/agent.ts': CLEAN_TS, '.env': 'PORT=3000\n' });
    git(dir, 'add', '.');
    writeFileSync(join(dir, 'src/agent.ts'), SECRET_TS);
    writeFileSync(join(dir, '.env'), SECRET_ENV);
    writeTree(dir, { 'untracked.ts': SECRET_TS });
    const { status, report } = stagedJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.filesAnalyzed, 2);
    const text = run(['audit', '--staged'], dir);
    assert.equal(text.status, 0);
    assert.equal(text.stdout, '✔ no problems · 2 files analysed\n');
  });

  it('works in a repository with no commits yet', () => {
    const dir = repo({ '.env': SECRET_ENV });
    git(dir, 'add', '.env');
    assert.throws(() => git(dir, 'rev-parse', '--verify', '--quiet', 'HEAD'));
    const { status, report } = stagedJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), ['.env 1:9-1:29 error secrets/provider-key']);
  });

  it('reads staged content that git has packed (not a loose object), and in a linked work tree', () => {
    const dir = repo({ 'src/agent.ts': CLEAN_TS });
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'initial');
    writeFileSync(join(dir, 'src/agent.ts'), SECRET_TS);
    git(dir, 'add', 'src/agent.ts');
    // The staged blob is in no commit: --indexed-objects packs what the index holds, then the loose copy goes.
    git(dir, 'repack', '-a', '-d', '--quiet');
    git(dir, 'prune-packed');
    const packed = stagedJson(dir);
    assert.equal(packed.status, 1);
    assert.deepEqual(brief(packed.report), ['src/agent.ts 2:38-2:94 error secrets/provider-key']);

    const linked = `${dir}-linked`;
    tempDirs.push(linked);
    git(dir, 'worktree', 'add', '--quiet', linked);
    writeFileSync(join(linked, 'src/agent.ts'), SECRET_TS);
    git(linked, 'add', 'src/agent.ts');
    const fromLinked = stagedJson(join(linked, 'src'));
    assert.equal(fromLinked.status, 1);
    assert.deepEqual(brief(fromLinked.report), ['src/agent.ts 2:38-2:94 error secrets/provider-key']);
  });

  it('with nothing staged reports nothing and exits 0', () => {
    const dir = repo({ 'src/agent.ts': SECRET_TS });
    const result = run(['audit', '--staged'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '✔ no problems · 0 files analysed\n');
  });

  it('audits only what changed since HEAD: a committed, unchanged secret is not part of this commit', () => {
    const dir = repo({ 'old.env': SECRET_ENV, 'src/agent.ts': CLEAN_TS });
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'initial');
    writeFileSync(join(dir, 'src/agent.ts'), SECRET_TS);
    git(dir, 'add', 'src/agent.ts');
    const { status, report } = stagedJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), ['src/agent.ts 2:38-2:94 error secrets/provider-key']);
    assert.equal(report.summary.filesAnalyzed, 1);
  });

  it('ignores deletions', () => {
    const dir = repo({ 'old.env': SECRET_ENV, 'src/agent.ts': SECRET_TS });
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'initial');
    git(dir, 'rm', '--quiet', 'old.env', 'src/agent.ts');
    const { status, report } = stagedJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.notes, []);
    assert.equal(report.summary.filesAnalyzed, 0);
  });

  it('reports a renamed file under its new path', () => {
    const dir = repo({ 'src/agent.ts': SECRET_TS });
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'initial');
    mkdirSync(join(dir, 'lib/agents'), { recursive: true });
    git(dir, 'mv', 'src/agent.ts', 'lib/agents/triage.ts');
    const { status, report } = stagedJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), ['lib/agents/triage.ts 2:38-2:94 error secrets/provider-key']);
  });

  it('run from a subdirectory, audits the whole index with paths relative to the top level and its config', () => {
    const dir = repo({
      'packages/app/src/agent.ts': SECRET_TS,
      'other/.env': SECRET_ENV,
      '.agent-guardrail.yaml': 'rules:\n  secrets/provider-key: warning\n',
    });
    git(dir, 'add', '.');
    const cwd = join(dir, 'packages/app');
    const { status, report } = stagedJson(cwd);
    assert.equal(status, 0); // re-levelled to warning by the top-level config
    assert.deepEqual(brief(report), ['other/.env 1:9-1:29 warning secrets/provider-key', 'packages/app/src/agent.ts 2:38-2:94 warning secrets/provider-key']);
    assert.equal(stagedJson(cwd, ['--fail-on', 'warning']).status, 1);

    const sarif = JSON.parse(run(['audit', '--staged', '--format', 'sarif'], cwd).stdout) as {
      runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.equal(sarif.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri, `file://${realpathSync(dir)}/`);
    assert.deepEqual(
      sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri),
      ['other/.env', 'packages/app/src/agent.ts'],
    );
  });

  it('handles paths with spaces and non-ASCII letters', () => {
    const dir = repo({ 'config dir/clé ключ.env': SECRET_ENV });
    git(dir, 'add', '.');
    assert.deepEqual(brief(stagedJson(dir).report), ['config dir/clé ключ.env 1:9-1:29 error secrets/provider-key']);
  });

  it('skips a staged binary file with a note', () => {
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), Buffer.from(`\napiKey = "${OPENAI_KEY}"\n`)]);
    const dir = repo({ 'assets/logo.png': binary, 'src/agent.ts': CLEAN_TS });
    git(dir, 'add', '.');
    const { status, report } = stagedJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.notes, [{ file: 'assets/logo.png', kind: 'skipped', reason: 'binary file' }]);
    assert.equal(report.summary.filesAnalyzed, 1);
    const text = run(['audit', '--staged'], dir);
    assert.equal(text.stdout, '✔ no problems · 1 file analysed · 1 skipped (--verbose lists them)\n');
  });

  it('does not follow a staged symbolic link (its blob is the link target, not the file)', () => {
    const outside = makeTempDir('agent-guardrail-outside-');
    tempDirs.push(outside);
    writeTree(outside, { 'keys.env': SECRET_ENV });
    const dir = repo({ 'src/agent.ts': CLEAN_TS });
    symlinkSync(join(outside, 'keys.env'), join(dir, 'linked.env'));
    git(dir, 'add', '.');
    const { status, report } = stagedJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.filesAnalyzed, 1);
  });

  it('does not count an intent-to-add file (git add -N) as staged content', () => {
    const dir = repo({ 'a.env': SECRET_ENV });
    git(dir, 'add', '--intent-to-add', 'a.env');
    const { status, report } = stagedJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.notes, []);
  });

  it('respects the ignore globs of the config', () => {
    const dir = repo({ 'fixtures/keys.env': SECRET_ENV, 'src/agent.ts': SECRET_TS, '.agent-guardrail.yaml': 'ignore:\n  - fixtures/\n' });
    git(dir, 'add', '.');
    assert.deepEqual(brief(stagedJson(dir).report), ['src/agent.ts 2:38-2:94 error secrets/provider-key']);
  });

  it('exits 2 with a clear message outside a git repository', () => {
    const dir = makeTempDir('agent-guardrail-nogit-');
    tempDirs.push(dir);
    writeTree(dir, { 'a.env': SECRET_ENV });
    const result = run(['audit', '--staged'], dir, { GIT_CEILING_DIRECTORIES: join(dir, '..') });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^agent-guardrail: --staged needs a git repository/m);
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
  });

  it('exits 2 with a usage error when paths are given with --staged', () => {
    const dir = repo({ 'a.env': SECRET_ENV });
    git(dir, 'add', '.');
    const result = run(['audit', '--staged', 'a.env'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^agent-guardrail: --staged audits the staged files; it takes no paths$/m);
  });
});
