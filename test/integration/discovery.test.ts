// File discovery of the real CLI: git's view inside a repository, a directory walk outside, symlinks, skips.
import { strict as assert } from 'node:assert';
import { realpathSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { mayBeInGitWorkTree } from '../../src/node/discover';
import { git, makeTempDir, runCli, writeTree } from '../helpers';

/** Temp directories are never inside a repository, even if the system temp folder is (git stops below it). */
const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);
const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runCli(args, cwd, { GIT_CEILING_DIRECTORIES: CEILING, ...env });

// Assembled at run time so that this file holds no literal secret.
const k = (...parts: string[]): string => parts.join('');
const AWS_KEY_ID = k('AKIA', '2Y2NYRVD7RXINFRP');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');
/** One finding at 1:9-1:29 in any file this is written to. */
const SECRET_ENV = `AWS_KEY=${AWS_KEY_ID}\n`;
/** One finding at 1:17-1:73 in a TS file. */
const SECRET_TS = `const apiKey = "${OPENAI_KEY}";\n`;

interface JsonReport {
  summary: { filesAnalyzed: number };
  findings: { ruleId: string; file: string; line: number; column: number; endLine: number; endColumn: number }[];
  notes: { file: string; kind: string; reason: string }[];
}

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  tempDirs.push(dir);
  return dir;
}
function plainDir(files: Record<string, string | Buffer>): string {
  const dir = tempDir('agent-guardrail-walk-');
  writeTree(dir, files);
  return dir;
}
function repo(files: Record<string, string | Buffer>): string {
  const dir = tempDir('agent-guardrail-repo-');
  git(dir, 'init', '--quiet');
  // A developer's global excludes (often `.env`) must not change what these tests see.
  git(dir, 'config', 'core.excludesFile', join(dir, '.git', 'no-global-excludes'));
  writeTree(dir, files);
  return dir;
}

function audit(cwd: string, args: string[] = []): { status: number | null; report: JsonReport } {
  const result = run(['audit', '--format', 'json', ...args], cwd);
  assert.equal(result.stderr, '');
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport };
}
/** The files with findings, each once, in report order. */
function reported(report: JsonReport): string[] {
  return [...new Set(report.findings.map((finding) => finding.file))];
}

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('CLI integration: discovery inside a git repository', function () {
  this.timeout(120_000);

  it("uses git's view: tracked and untracked-not-ignored files, not .gitignored ones", () => {
    const dir = repo({
      '.gitignore': 'secrets.local.env\nignored-dir/\n',
      'tracked.env': SECRET_ENV,
      'src/agent.ts': SECRET_TS,
      'untracked.env': SECRET_ENV,
      'secrets.local.env': SECRET_ENV,
      'ignored-dir/keys.env': SECRET_ENV,
    });
    git(dir, 'add', '.gitignore', 'tracked.env', 'src/agent.ts');
    const { status, report } = audit(dir);
    assert.equal(status, 1);
    assert.deepEqual(reported(report), ['src/agent.ts', 'tracked.env', 'untracked.env']);
    assert.deepEqual(
      report.findings.map((f) => `${f.file} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`),
      ['src/agent.ts 1:17-1:73', 'tracked.env 1:9-1:29', 'untracked.env 1:9-1:29'],
    );
    assert.equal(report.summary.filesAnalyzed, 4); // .gitignore, src/agent.ts, tracked.env, untracked.env
  });

  it('skips node_modules even when it is tracked, at any depth', () => {
    const dir = repo({ 'node_modules/pkg/index.js': SECRET_TS, 'packages/a/node_modules/b/.env': SECRET_ENV, 'packages/a/.env': SECRET_ENV });
    git(dir, 'add', '--force', '.');
    assert.ok(git(dir, 'ls-files').includes('node_modules/pkg/index.js'));
    const { report } = audit(dir);
    assert.deepEqual(reported(report), ['packages/a/.env']);
    assert.equal(report.summary.filesAnalyzed, 1);
  });

  it('audits tracked build output (git decides what belongs to the project)', () => {
    const dir = repo({ 'dist/config.env': SECRET_ENV, '.gitignore': 'build/\n', 'build/config.env': SECRET_ENV });
    git(dir, 'add', '.');
    assert.deepEqual(reported(audit(dir).report), ['dist/config.env']);
  });

  it('skips a tracked file that was deleted from the work tree', () => {
    const dir = repo({ 'gone.env': SECRET_ENV, 'kept.env': SECRET_ENV });
    git(dir, 'add', '.');
    unlinkSync(join(dir, 'gone.env'));
    const { report } = audit(dir);
    assert.deepEqual(reported(report), ['kept.env']);
    assert.deepEqual(report.notes, []);
  });

  it('audits a .gitignored file that is named explicitly', () => {
    const dir = repo({ '.gitignore': '*.local.env\n', 'secrets.local.env': SECRET_ENV });
    assert.deepEqual(reported(audit(dir).report), []);
    assert.deepEqual(reported(audit(dir, ['secrets.local.env']).report), ['secrets.local.env']);
  });

  it('run from a subdirectory audits that subdirectory, with paths relative to the repository root', () => {
    const dir = repo({ 'packages/app/src/.env': SECRET_ENV, 'other/.env': SECRET_ENV });
    const { report } = audit(join(dir, 'packages/app'));
    assert.deepEqual(reported(report), ['packages/app/src/.env']);
    assert.deepEqual(reported(audit(join(dir, 'packages/app'), ['../../other']).report), ['other/.env']);
    // The text format shows paths relative to where it runs, so they can be opened from the terminal.
    assert.match(run(['audit'], join(dir, 'packages/app')).stdout, /^src\/\.env$/m);
  });

  it('respects the ignore globs of the config', () => {
    const dir = repo({ 'fixtures/a.env': SECRET_ENV, 'test/b.env': SECRET_ENV, 'test/keep.env': SECRET_ENV, 'src/c.env': SECRET_ENV, '.agent-guardrail.yaml': 'ignore:\n  - fixtures/**\n  - "test/*.env"\n  - "!test/keep.env"\n' });
    assert.deepEqual(reported(audit(dir).report), ['src/c.env', 'test/keep.env']);
    // An explicitly named file that the config ignores stays ignored.
    assert.deepEqual(reported(audit(dir, ['fixtures/a.env']).report), []);
  });

  it('does not follow a symlink out of the root, and follows one inside it', () => {
    const outside = plainDir({ 'keys.env': SECRET_ENV });
    const dir = repo({ 'real/inside.env': SECRET_ENV });
    symlinkSync(join(outside, 'keys.env'), join(dir, 'outside-link.env'));
    symlinkSync(join(dir, 'real/inside.env'), join(dir, 'inside-link.env'));
    git(dir, 'add', '.');
    const { report } = audit(dir);
    assert.deepEqual(reported(report), ['inside-link.env', 'real/inside.env']);
    assert.deepEqual(report.notes, [{ file: 'outside-link.env', kind: 'skipped', reason: 'symbolic link that points outside the workspace' }]);
  });
});

describe('CLI integration: discovery outside git', function () {
  this.timeout(120_000);

  it('runs git only where a .git folder or file is found above, or git is pointed elsewhere', () => {
    const outside = makeTempDir('agent-guardrail-no-git-');
    const linked = makeTempDir('agent-guardrail-linked-');
    writeTree(linked, { '.git': 'gitdir: /elsewhere/.git/worktrees/x\n', 'src/a.ts': '' });
    try {
      assert.equal(mayBeInGitWorkTree(join(outside, 'deep/er')), false);
      assert.equal(mayBeInGitWorkTree(join(linked, 'src')), true);
      const saved = process.env.GIT_DIR;
      process.env.GIT_DIR = join(linked, '.git');
      try {
        assert.equal(mayBeInGitWorkTree(outside), true);
      } finally {
        if (saved === undefined) delete process.env.GIT_DIR;
        else process.env.GIT_DIR = saved;
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(linked, { recursive: true, force: true });
    }
  });

  it('walks the tree and skips node_modules, .git, dist, build and other output folders', () => {
    const dir = plainDir({
      'src/.env': SECRET_ENV,
      'node_modules/pkg/.env': SECRET_ENV,
      'packages/a/node_modules/b/.env': SECRET_ENV,
      '.git/config.env': SECRET_ENV,
      'dist/.env': SECRET_ENV,
      'build/.env': SECRET_ENV,
      'coverage/.env': SECRET_ENV,
      '.next/.env': SECRET_ENV,
      '.vscode/mcp.json': `{ "servers": { "github": { "env": { "AWS_KEY": "${AWS_KEY_ID}" } } } }\n`,
    });
    const { status, report } = audit(dir);
    assert.equal(status, 1);
    assert.deepEqual(reported(report), ['.vscode/mcp.json', 'src/.env']);
    assert.equal(report.summary.filesAnalyzed, 2);
  });

  it('audits a skipped folder that is named explicitly', () => {
    const dir = plainDir({ 'dist/.env': SECRET_ENV });
    assert.deepEqual(reported(audit(dir).report), []);
    assert.deepEqual(reported(audit(dir, ['dist']).report), ['.env']); // outside git without a config, the audited folder is the root
  });

  it('does not follow symlinks (files or folders) out of the root, with a note; links inside are fine', () => {
    const outside = plainDir({ 'keys.env': SECRET_ENV, 'folder/more.env': SECRET_ENV });
    const dir = plainDir({ 'real/inside.env': SECRET_ENV });
    symlinkSync(join(outside, 'keys.env'), join(dir, 'outside-link.env'));
    symlinkSync(join(outside, 'folder'), join(dir, 'outside-folder'));
    symlinkSync(join(dir, 'real/inside.env'), join(dir, 'inside-link.env'));
    symlinkSync('../real/inside.env', join(dir, 'real-relative.env'));
    const { report } = audit(dir);
    assert.deepEqual(reported(report), ['inside-link.env', 'real/inside.env']);
    assert.deepEqual(
      [...report.notes].sort((a, b) => (a.file < b.file ? -1 : 1)),
      [
        { file: 'outside-folder', kind: 'skipped', reason: 'symbolic link that points outside the workspace' },
        { file: 'outside-link.env', kind: 'skipped', reason: 'symbolic link that points outside the workspace' },
        { file: 'real-relative.env', kind: 'skipped', reason: 'broken symbolic link' },
      ],
    );
    // Named explicitly, a link out of the root is still not followed.
    const explicit = audit(dir, ['outside-link.env']);
    assert.equal(explicit.status, 0);
    assert.deepEqual(explicit.report.findings, []);
    assert.deepEqual(explicit.report.notes, [{ file: 'outside-link.env', kind: 'skipped', reason: 'symbolic link that points outside the workspace' }]);
  });

  it('skips lockfiles and binary files with a note; minified files get the secret scan only, with a note', () => {
    const minified = `var a=${JSON.stringify('x'.repeat(50))};`.repeat(200) + `var k="${OPENAI_KEY}";\n`;
    const dir = plainDir({
      'package-lock.json': `{ "lockfileVersion": 3, "packages": { "": { "name": "x" } }, "token": "${OPENAI_KEY}" }\n`,
      'yarn.lock': `apiKey "${OPENAI_KEY}"\n`,
      'pnpm-lock.yaml': `apiKey: ${OPENAI_KEY}\n`,
      'public/app.min.js': `var k="${OPENAI_KEY}";\n`,
      'public/bundle.js': minified,
      'logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), Buffer.from(SECRET_ENV)]),
      'small.env': SECRET_ENV,
    });
    const { status, report } = audit(dir);
    assert.equal(status, 1);
    assert.deepEqual(reported(report), ['public/app.min.js', 'public/bundle.js', 'small.env']);
    assert.deepEqual(
      [...report.notes].sort((a, b) => (a.file < b.file ? -1 : 1)),
      [
        { file: 'logo.png', kind: 'skipped', reason: 'binary file' },
        { file: 'package-lock.json', kind: 'skipped', reason: 'lockfile (package hashes only)' },
        { file: 'pnpm-lock.yaml', kind: 'skipped', reason: 'lockfile (package hashes only)' },
        { file: 'public/app.min.js', kind: 'partial', reason: 'minified or generated file: only the secret scan ran' },
        { file: 'public/bundle.js', kind: 'partial', reason: 'minified or generated file: only the secret scan ran' },
        { file: 'yarn.lock', kind: 'skipped', reason: 'lockfile (package hashes only)' },
      ],
    );
  });

  it('skips files over the default 2 MB limit with a note', () => {
    const dir = plainDir({ 'huge.env': SECRET_ENV + '#'.repeat(2 * 1024 * 1024) + '\n', 'small.env': SECRET_ENV });
    const { report } = audit(dir);
    assert.deepEqual(reported(report), ['small.env']);
    assert.deepEqual(report.notes, [{ file: 'huge.env', kind: 'skipped', reason: 'larger than the 2 MB limit (maxFileSize)' }]);
  });

  it('respects the ignore globs of the config', () => {
    const dir = plainDir({ 'fixtures/deep/a.env': SECRET_ENV, 'src/b.env': SECRET_ENV, '.agent-guardrail.yaml': 'ignore: ["fixtures/"]\n' });
    assert.deepEqual(reported(audit(dir).report), ['src/b.env']);
  });
});

describe('CLI integration: paths that do not exist', function () {
  this.timeout(120_000);

  it('exits 2 with a clear message naming every missing path, and audits nothing', () => {
    const dir = plainDir({ 'a.env': SECRET_ENV });
    for (const args of [['missing.ts'], ['a.env', 'missing.ts', 'gone/']]) {
      const result = run(['audit', ...args], dir);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      const missing = args.filter((arg) => arg !== 'a.env').join(', ');
      assert.equal(result.stderr, `agent-guardrail: no such file or directory: ${missing}\nRun agent-guardrail --help for usage.\n`);
    }
  });

  it('also in a git repository and with --format json', () => {
    const dir = repo({ 'a.env': SECRET_ENV });
    const result = run(['audit', '--format', 'json', 'nope'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^agent-guardrail: no such file or directory: nope$/m);
  });
});
