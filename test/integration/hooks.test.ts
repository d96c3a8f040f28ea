// `agent-guardrail hook install|uninstall` in real temporary git repositories, with real commits: a fresh repository,
// chaining an existing hook, core.hooksPath, husky and lefthook, and how the hook finds the CLI. The pre-commit
// framework's hook is tested in pre-commit-framework.test.ts.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { CLI, makeTempDir, writeTree } from '../helpers';

/** Temp directories are never inside a repository, even if the system temp folder is (git stops below it). */
const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);

// Assembled at run time so that this file holds no literal secret.
const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');
const AWS_KEY_ID = k('AKIA', '2Y2NYRVD7RXINFRP');
const SECRET_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\n`;
const CLEAN_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`;
const OPENAI_MESSAGE = 'Hardcoded OpenAI API key (sk-proj-…dJ8H).';
const BLOCKED = 'agent-guardrail blocked this commit: fix the findings above, or suppress one with a reason (agent-guardrail-ignore-next-line <rule-id> -- <reason>).';
const ONE_LINE = 'npx --no-install agent-guardrail audit --staged --daemon';

/**
 * The environment for git and the CLI: no developer configuration (global, system), no inherited GIT_DIR,
 * GIT_INDEX_FILE or GIT_WORK_TREE (as when these tests run inside a hook), a fixed identity, no colour.
 */
function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_') && name !== 'HUSKY') env[name] = value;
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CEILING_DIRECTORIES: CEILING,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    NO_COLOR: '1',
    ...extra,
  };
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync('git', args, { cwd, encoding: 'utf8', env: isolatedEnv(env) });
}
/** git that must succeed; returns stdout. */
function gitOk(cwd: string, ...args: string[]): string {
  const result = git(cwd, args);
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}
function cli(args: string[], cwd: string, cliPath = CLI, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: isolatedEnv(env) });
}
/** `git commit`, with the hook's output (git sends it to stderr) and git's together. */
function commit(cwd: string, message: string, env: NodeJS.ProcessEnv = {}, extraArgs: string[] = []): { status: number | null; output: string } {
  const result = git(cwd, ['commit', '--quiet', '-m', message, ...extraArgs], env);
  return { status: result.status, output: result.stdout + result.stderr };
}
function commitCount(cwd: string): number {
  const result = git(cwd, ['rev-list', '--count', 'HEAD']);
  return result.status === 0 ? Number(result.stdout.trim()) : 0;
}
const mode = (path: string): number => statSync(path).mode & 0o777;

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  tempDirs.push(dir);
  return dir;
}
function repo(files: Record<string, string> = {}): string {
  const dir = realpathSync(tempDir('agent-guardrail-hooks-'));
  gitOk(dir, 'init', '--quiet');
  gitOk(dir, 'config', 'commit.gpgsign', 'false');
  writeTree(dir, files);
  return dir;
}
/** Every file under a folder with its content and mode, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (!existsSync(dir)) return result;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stats = statSync(path);
    result[name] = stats.isDirectory() ? 'dir' : `${(stats.mode & 0o777).toString(8)} ${readFileSync(path, 'utf8')}`;
  }
  return result;
}

/** The hook `hook install` writes, for the given CLI and Node.js paths. */
function expectedHook(cliPath: string, nodePath = process.execPath): string {
  return `#!/bin/sh
# agent-guardrail pre-commit hook (installed by \`agent-guardrail hook install\`; remove with \`agent-guardrail hook uninstall\`).
# Runs the hook that was here before (if git would have run it: executable), then audits the staged content.
chained="$0.agent-guardrail-chained"
if [ -x "$chained" ]; then
  "$chained" "$@" || exit $?
fi
audit() {
  "$@" audit --staged --daemon
  status=$?
  if [ "$status" -eq 1 ]; then
    echo "${BLOCKED}" >&2
  elif [ "$status" -eq 127 ]; then
    echo "agent-guardrail: the CLI was not found; install it (npm install --save-dev agent-guardrail) or run agent-guardrail hook install again." >&2
  fi
  exit "$status"
}
cli='${cliPath.replace(/'/g, `'\\''`)}'
if [ -f "$cli" ]; then
  if command -v node >/dev/null 2>&1; then
    audit node "$cli"
  fi
  # Git GUIs often run hooks without the shell's PATH: fall back to the Node.js that installed the hook.
  node='${nodePath}'
  if [ -x "$node" ]; then
    audit "$node" "$cli"
  fi
fi
echo "agent-guardrail: $cli or Node.js is missing; running npx --no-install agent-guardrail instead (agent-guardrail hook install records the new paths)." >&2
audit npx --no-install agent-guardrail
`;
}

/** An existing team hook: logs that it ran (and the files it saw staged), then exits with `code`. */
function teamHook(log: string, code: number): string {
  return `#!/bin/sh\n# the team's own pre-commit hook\necho "team hook ran: $(git diff --cached --name-only | tr '\\n' ' ')" >> '${log}'\necho "team hook says: exit ${code}"\nexit ${code}\n`;
}

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('hook install: a fresh repository', function () {
  this.timeout(120_000);

  it('writes an executable pre-commit hook that records the CLI and Node.js paths and falls back to npx', () => {
    const dir = repo();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const result = cli(['hook', 'install'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `Installed the pre-commit hook in ${hook}: every commit runs \`agent-guardrail audit --staged --daemon\` (a warm background process that later commits reuse; \`agent-guardrail daemon stop\` stops it).\n`);
    assert.equal(result.stderr, '');
    assert.equal(readFileSync(hook, 'utf8'), expectedHook(CLI));
    assert.equal(mode(hook), 0o755);
    assert.equal(existsSync(hook + '.agent-guardrail-chained'), false);
  });

  it('blocks a commit that adds a secret, with the finding on the output and never the value; a clean commit passes', () => {
    const dir = repo({ 'src/agent.ts': SECRET_TS });
    assert.equal(cli(['hook', 'install'], dir).status, 0);
    gitOk(dir, 'add', 'src/agent.ts');
    const blocked = commit(dir, 'add agent');
    assert.notEqual(blocked.status, 0);
    assert.match(blocked.output, /^src\/agent\.ts\n {2}2:38 {2}error {4}secrets\/provider-key +Hardcoded OpenAI API key \(sk-proj-…dJ8H\)\. /m);
    assert.ok(blocked.output.includes('✖ 1 problem (1 error, 0 warnings, 0 notes) in 1 file · 1 file analysed\n'), blocked.output);
    assert.ok(blocked.output.endsWith(`${BLOCKED}\n`), blocked.output);
    assert.equal(blocked.output.includes(OPENAI_KEY), false);
    assert.equal(commitCount(dir), 0);

    writeFileSync(join(dir, 'src/agent.ts'), CLEAN_TS);
    gitOk(dir, 'add', 'src/agent.ts');
    const passed = commit(dir, 'add agent');
    assert.equal(passed.status, 0, passed.output);
    assert.equal(passed.output, '✔ no problems · 1 file analysed\n');
    assert.equal(commitCount(dir), 1);
  });

  it('audits what the commit contains: `git commit <path>` of an unstaged secret and `git commit -a` are blocked', () => {
    const dir = repo({ 'src/agent.ts': CLEAN_TS, 'README.md': '# demo\n' });
    gitOk(dir, 'add', '.');
    gitOk(dir, 'commit', '--quiet', '--no-verify', '-m', 'initial');
    assert.equal(cli(['hook', 'install'], dir).status, 0);
    writeFileSync(join(dir, 'src/agent.ts'), SECRET_TS); // modified in the work tree only, not staged

    // git commit <path> builds a temporary index (GIT_INDEX_FILE): the hook must read that one.
    const onlyPath = commit(dir, 'update', {}, ['src/agent.ts']);
    assert.notEqual(onlyPath.status, 0);
    assert.ok(onlyPath.output.includes(OPENAI_MESSAGE), onlyPath.output);
    const all = commit(dir, 'update', {}, ['-a']);
    assert.notEqual(all.status, 0);
    assert.ok(all.output.includes(OPENAI_MESSAGE), all.output);
    assert.equal(commitCount(dir), 1);

    // A commit of another file passes: the unstaged secret is not part of it.
    writeFileSync(join(dir, 'README.md'), '# demo\n\nMore.\n');
    const other = commit(dir, 'docs', {}, ['README.md']);
    assert.equal(other.status, 0, other.output);
    assert.equal(commitCount(dir), 2);
  });

  it('installing twice is idempotent: same file, same mode, "already installed"', () => {
    const dir = repo();
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    assert.equal(cli(['hook', 'install'], dir).status, 0);
    const first = readFileSync(hook, 'utf8');
    const again = cli(['hook', 'install'], dir);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, `The agent-guardrail pre-commit hook is already installed in ${hook}.\n`);
    assert.equal(readFileSync(hook, 'utf8'), first);
    assert.equal(mode(hook), 0o755);
    assert.deepEqual(readdirSync(join(dir, '.git', 'hooks')).filter((name) => name.startsWith('pre-commit')).sort(), ['pre-commit', 'pre-commit.sample']);
  });

  it('uninstall removes the hook (commits are no longer checked); uninstall when not installed changes nothing', () => {
    const dir = repo({ '.env': `AWS_KEY=${AWS_KEY_ID}\n` });
    const hooks = join(dir, '.git', 'hooks');
    const before = snapshot(hooks);
    const none = cli(['hook', 'uninstall'], dir);
    assert.equal(none.status, 0);
    assert.equal(none.stdout, `No agent-guardrail pre-commit hook is installed in ${join(hooks, 'pre-commit')}; nothing changed.\n`);
    assert.deepEqual(snapshot(hooks), before);

    assert.equal(cli(['hook', 'install'], dir).status, 0);
    const removed = cli(['hook', 'uninstall'], dir);
    assert.equal(removed.status, 0);
    assert.equal(removed.stdout, `Removed the agent-guardrail pre-commit hook from ${join(hooks, 'pre-commit')}.\n`);
    assert.deepEqual(snapshot(hooks), before);
    gitOk(dir, 'add', '.env');
    assert.equal(commit(dir, 'no hook').status, 0);

    const twice = cli(['hook', 'uninstall'], dir);
    assert.equal(twice.status, 0);
    assert.match(twice.stdout, /nothing changed\.\n$/);
  });

  it('outside a git repository, hook install is a usage error (exit 2) and writes nothing', () => {
    const dir = tempDir('agent-guardrail-nogit-');
    const result = cli(['hook', 'install'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'agent-guardrail: hook needs a git repository\nRun agent-guardrail --help for usage.\n');
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe('hook install: an existing pre-commit hook is chained', function () {
  this.timeout(120_000);

  it('keeps the existing hook, which still runs first and still blocks; uninstall restores it byte for byte with its mode', () => {
    const dir = repo({ 'src/agent.ts': CLEAN_TS });
    const log = join(dir, '.git', 'team-hook.log');
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    const chained = hook + '.agent-guardrail-chained';
    const original = teamHook(log, 0);
    writeFileSync(hook, original);
    chmodSync(hook, 0o750);

    const installed = cli(['hook', 'install'], dir);
    assert.equal(installed.status, 0);
    assert.equal(installed.stdout, `Installed the pre-commit hook in ${hook}: every commit runs \`agent-guardrail audit --staged --daemon\` (a warm background process that later commits reuse; \`agent-guardrail daemon stop\` stops it). The existing hook still runs first (moved to ${chained}).\n`);
    assert.equal(readFileSync(chained, 'utf8'), original);
    assert.equal(mode(chained), 0o750);
    assert.equal(readFileSync(hook, 'utf8'), expectedHook(CLI));

    // Clean commit: the team hook runs (and sees the staged file), then the audit; the commit passes.
    gitOk(dir, 'add', '.');
    const clean = commit(dir, 'clean');
    assert.equal(clean.status, 0, clean.output);
    assert.equal(clean.output, 'team hook says: exit 0\n✔ no problems · 1 file analysed\n');
    assert.equal(readFileSync(log, 'utf8'), 'team hook ran: src/agent.ts \n');

    // A secret: the team hook passes, the audit blocks.
    writeFileSync(join(dir, 'src/agent.ts'), SECRET_TS);
    gitOk(dir, 'add', '.');
    const secret = commit(dir, 'secret');
    assert.notEqual(secret.status, 0);
    assert.ok(secret.output.startsWith('team hook says: exit 0\nsrc/agent.ts\n'), secret.output);
    assert.ok(secret.output.includes(OPENAI_MESSAGE));

    // The team hook fails: the commit is blocked before the audit runs, with the team hook's own output.
    writeFileSync(hook + '.agent-guardrail-chained', teamHook(log, 3));
    const failing = commit(dir, 'secret');
    assert.notEqual(failing.status, 0);
    assert.equal(failing.output, 'team hook says: exit 3\n');
    writeFileSync(join(dir, 'src/agent.ts'), CLEAN_TS + '// more\n');
    gitOk(dir, 'add', '.');
    const failingClean = commit(dir, 'clean but the team hook fails');
    assert.notEqual(failingClean.status, 0);
    assert.equal(failingClean.output, 'team hook says: exit 3\n');
    assert.equal(commitCount(dir), 1);

    // Uninstall: the previous hook (as it is now) is back, exactly, with its mode.
    writeFileSync(chained, original);
    chmodSync(chained, 0o750);
    const uninstalled = cli(['hook', 'uninstall'], dir);
    assert.equal(uninstalled.status, 0);
    assert.equal(uninstalled.stdout, `Removed the agent-guardrail hook and restored the previous pre-commit hook in ${hook}.\n`);
    assert.equal(readFileSync(hook, 'utf8'), original);
    assert.equal(mode(hook), 0o750);
    assert.equal(existsSync(chained), false);
    assert.deepEqual(readdirSync(join(dir, '.git', 'hooks')).filter((name) => name.startsWith('pre-commit')).sort(), ['pre-commit', 'pre-commit.sample']);
  });

  it('an existing hook that is not executable (git ignores it) stays ignored, and comes back with its mode', () => {
    const dir = repo({ 'a.ts': CLEAN_TS });
    const log = join(dir, '.git', 'team-hook.log');
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, teamHook(log, 1));
    chmodSync(hook, 0o644);
    assert.equal(cli(['hook', 'install'], dir).status, 0);
    gitOk(dir, 'add', '.');
    const result = commit(dir, 'clean');
    assert.equal(result.status, 0, result.output);
    assert.equal(result.output, '✔ no problems · 1 file analysed\n');
    assert.equal(existsSync(log), false);
    assert.equal(cli(['hook', 'uninstall'], dir).status, 0);
    assert.equal(readFileSync(hook, 'utf8'), teamHook(log, 1));
    assert.equal(mode(hook), 0o644);
  });

  it('an existing hook that is a symbolic link is chained and restored as the same link', () => {
    const dir = repo({ 'a.ts': CLEAN_TS, 'scripts/pre-commit.sh': '#!/bin/sh\necho "shared script ran"\n' });
    chmodSync(join(dir, 'scripts/pre-commit.sh'), 0o755);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    symlinkSync('../../scripts/pre-commit.sh', hook);
    assert.equal(cli(['hook', 'install'], dir).status, 0);
    gitOk(dir, 'add', '.');
    const result = commit(dir, 'clean');
    assert.equal(result.status, 0, result.output);
    assert.equal(result.output, 'shared script ran\n✔ no problems · 2 files analysed\n');
    assert.equal(cli(['hook', 'uninstall'], dir).status, 0);
    assert.equal(spawnSync('readlink', [hook], { encoding: 'utf8' }).stdout, '../../scripts/pre-commit.sh\n');
    assert.equal(readFileSync(join(dir, 'scripts/pre-commit.sh'), 'utf8'), '#!/bin/sh\necho "shared script ran"\n');
  });

  it('refuses (exit 2, nothing changed) when a chained hook is already there from an earlier install', () => {
    const dir = repo();
    const hooks = join(dir, '.git', 'hooks');
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    writeFileSync(join(hooks, 'pre-commit.agent-guardrail-chained'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const before = snapshot(hooks);
    const result = cli(['hook', 'install'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `${join(hooks, 'pre-commit.agent-guardrail-chained')} already exists; remove it or run hook uninstall first.\n`);
    assert.deepEqual(snapshot(hooks), before);
  });
});

describe('hook install: core.hooksPath', function () {
  this.timeout(120_000);

  it('installs into a relative core.hooksPath (run from a subfolder), chaining the hook there; uninstall restores it', () => {
    const dir = repo({ 'src/deep/agent.ts': SECRET_TS, '.githooks/pre-commit': '#!/bin/sh\necho "githooks hook ran"\n' });
    chmodSync(join(dir, '.githooks/pre-commit'), 0o755);
    gitOk(dir, 'config', 'core.hooksPath', '.githooks');
    const hook = join(dir, '.githooks', 'pre-commit');
    const result = cli(['hook', 'install'], join(dir, 'src', 'deep'));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `Installed the pre-commit hook in ${hook}: every commit runs \`agent-guardrail audit --staged --daemon\` (a warm background process that later commits reuse; \`agent-guardrail daemon stop\` stops it). The existing hook still runs first (moved to ${hook}.agent-guardrail-chained).\n`);
    assert.equal(existsSync(join(dir, '.git', 'hooks', 'pre-commit')), false);
    assert.equal(existsSync(join(dir, 'src', 'deep', '.githooks')), false);

    gitOk(dir, 'add', 'src');
    const blocked = commit(dir, 'secret');
    assert.notEqual(blocked.status, 0);
    assert.ok(blocked.output.startsWith('githooks hook ran\nsrc/deep/agent.ts\n'), blocked.output);
    assert.ok(blocked.output.includes(OPENAI_MESSAGE));

    assert.equal(cli(['hook', 'uninstall'], join(dir, 'src')).status, 0);
    assert.equal(readFileSync(hook, 'utf8'), '#!/bin/sh\necho "githooks hook ran"\n');
    assert.equal(mode(hook), 0o755);
    assert.deepEqual(readdirSync(join(dir, '.githooks')), ['pre-commit']);
  });

  it('creates an absolute core.hooksPath folder that does not exist yet', () => {
    const dir = repo({ '.env': `AWS_KEY=${AWS_KEY_ID}\n` });
    const hooks = join(realpathSync(tempDir('agent-guardrail-hookspath-')), 'shared', 'hooks');
    gitOk(dir, 'config', 'core.hooksPath', hooks);
    const result = cli(['hook', 'install'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `Installed the pre-commit hook in ${join(hooks, 'pre-commit')}: every commit runs \`agent-guardrail audit --staged --daemon\` (a warm background process that later commits reuse; \`agent-guardrail daemon stop\` stops it).\n`);
    assert.equal(mode(join(hooks, 'pre-commit')), 0o755);
    assert.equal(existsSync(join(dir, '.git', 'hooks', 'pre-commit')), false);
    gitOk(dir, 'add', '.env');
    const blocked = commit(dir, 'secret');
    assert.notEqual(blocked.status, 0);
    assert.ok(blocked.output.includes('Hardcoded AWS access key ID (AKIA…RP).'), blocked.output);
    assert.equal(cli(['hook', 'uninstall'], dir).status, 0);
    assert.deepEqual(readdirSync(hooks), []);
  });
});

describe('hook install: husky and lefthook', function () {
  this.timeout(120_000);

  it('with husky (.husky/ and core.hooksPath .husky/_) installs nothing and prints the one line to add', () => {
    const dir = repo({ '.husky/pre-commit': 'npm test\n', '.husky/_/pre-commit': '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n' });
    gitOk(dir, 'config', 'core.hooksPath', '.husky/_');
    const before = { husky: snapshot(join(dir, '.husky')), git: snapshot(join(dir, '.git', 'hooks')) };
    const result = cli(['hook', 'install'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `husky manages this repository's hooks. Add this line to .husky/pre-commit:\n\n  agent-guardrail audit --staged --daemon\n\n(husky 9.1 and later find the command in node_modules/.bin; with an older husky, put npx --no-install before it.)\n`);
    assert.equal(result.stderr, '');
    assert.deepEqual({ husky: snapshot(join(dir, '.husky')), git: snapshot(join(dir, '.git', 'hooks')) }, before);
  });

  it('with a .husky/ folder alone (husky not installed yet) also prints the line and installs nothing', () => {
    const dir = repo({ '.husky/pre-commit': 'npm test\n' });
    const result = cli(['hook', 'install'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `husky manages this repository's hooks. Add this line to .husky/pre-commit:\n\n  agent-guardrail audit --staged --daemon\n\n(husky 9.1 and later find the command in node_modules/.bin; with an older husky, put npx --no-install before it.)\n`);
    assert.equal(existsSync(join(dir, '.git', 'hooks', 'pre-commit')), false);
  });

  for (const name of ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml']) {
    it(`with lefthook (${name}) installs nothing and prints the command to add`, () => {
      const dir = repo({ [name]: 'pre-commit:\n  commands:\n    test:\n      run: npm test\n' });
      const before = snapshot(join(dir, '.git', 'hooks'));
      const result = cli(['hook', 'install'], dir);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, `lefthook manages this repository's hooks. Add this to ${name}:\n\npre-commit:\n  commands:\n    agent-guardrail:\n      run: ${ONE_LINE}\n`);
      assert.deepEqual(snapshot(join(dir, '.git', 'hooks')), before);
      assert.equal(readFileSync(join(dir, name), 'utf8'), 'pre-commit:\n  commands:\n    test:\n      run: npm test\n');
    });
  }
});

describe('hook install: finding the CLI', function () {
  this.timeout(120_000);

  /** A copy of the bundled CLI in a folder whose name has a space, a quote and shell syntax. */
  function copiedCli(): string {
    const folder = join(realpathSync(tempDir('agent-guardrail-cli-')), `it's $HOME \`x\``);
    mkdirSync(folder);
    // dist/cli.js is a launcher: the bundles it loads (cli-main.js, typescript.js) go along.
    for (const name of readdirSync(dirname(CLI))) if (name.endsWith('.js')) copyFileSync(join(dirname(CLI), name), join(folder, name));
    return join(folder, 'cli.js');
  }
  /** A folder with only the named programs (symlinks to the real ones), for a PATH without node or npx. */
  function binFolder(programs: Record<string, string>): string {
    const bin = tempDir('agent-guardrail-bin-');
    for (const [name, target] of Object.entries(programs)) symlinkSync(target, join(bin, name));
    return bin;
  }
  const realGit = (): string => spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();

  it('records the absolute CLI path exactly, whatever characters the folder has', () => {
    const path = copiedCli();
    const dir = repo({ 'src/agent.ts': SECRET_TS });
    const result = cli(['hook', 'install'], dir, path);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8'), expectedHook(path));
    gitOk(dir, 'add', '.');
    const blocked = commit(dir, 'secret');
    assert.notEqual(blocked.status, 0);
    assert.ok(blocked.output.includes(OPENAI_MESSAGE), blocked.output);
  });

  it('uses the Node.js that installed the hook when node is not on PATH (as in some git GUIs)', () => {
    const dir = repo({ 'src/agent.ts': SECRET_TS });
    assert.equal(cli(['hook', 'install'], dir).status, 0);
    gitOk(dir, 'add', '.');
    const bin = binFolder({ git: realGit() });
    const result = spawnSync(realGit(), ['commit', '--quiet', '-m', 'secret'], { cwd: dir, encoding: 'utf8', env: isolatedEnv({ PATH: bin }) });
    assert.notEqual(result.status, 0);
    assert.ok(result.stderr.includes(OPENAI_MESSAGE), result.stderr);
    assert.ok(result.stderr.endsWith(`${BLOCKED}\n`), result.stderr);
  });

  it('falls back to `npx --no-install agent-guardrail audit --staged --daemon` when the recorded CLI is gone, and says so', () => {
    const path = copiedCli();
    const dir = repo({ 'a.ts': CLEAN_TS });
    assert.equal(cli(['hook', 'install'], dir, path).status, 0);
    rmSync(dirname(path), { recursive: true });
    // A stand-in npx (no network): records its arguments, then runs the real CLI as the installed package would.
    const bin = tempDir('agent-guardrail-npx-');
    const args = join(bin, 'npx-args');
    writeFileSync(join(bin, 'npx'), `#!/bin/sh\necho "$@" > '${args}'\nshift 2\nexec '${process.execPath}' '${CLI}' "$@"\n`, { mode: 0o755 });
    gitOk(dir, 'add', '.');
    const env = { PATH: [bin, dirname(process.execPath), dirname(realGit()), '/usr/bin', '/bin'].join(delimiter) };
    const passed = commit(dir, 'clean', env);
    assert.equal(passed.status, 0, passed.output);
    assert.equal(readFileSync(args, 'utf8'), '--no-install agent-guardrail audit --staged --daemon\n');
    assert.equal(
      passed.output,
      `agent-guardrail: ${path} or Node.js is missing; running npx --no-install agent-guardrail instead (agent-guardrail hook install records the new paths).\n✔ no problems · 1 file analysed\n`,
    );

    // Installing again records the CLI that runs now.
    assert.equal(cli(['hook', 'install'], dir).status, 0);
    assert.equal(readFileSync(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8'), expectedHook(CLI));
  });

  it('when neither the recorded CLI nor npx can be found, the commit is blocked with a hint', () => {
    const path = copiedCli();
    const dir = repo({ 'a.ts': CLEAN_TS });
    assert.equal(cli(['hook', 'install'], dir, path).status, 0);
    rmSync(dirname(path), { recursive: true });
    gitOk(dir, 'add', '.');
    const result = spawnSync(realGit(), ['commit', '--quiet', '-m', 'clean'], { cwd: dir, encoding: 'utf8', env: isolatedEnv({ PATH: binFolder({ git: realGit() }) }) });
    assert.notEqual(result.status, 0);
    assert.ok(
      result.stderr.endsWith('agent-guardrail: the CLI was not found; install it (npm install --save-dev agent-guardrail) or run agent-guardrail hook install again.\n'),
      result.stderr,
    );
  });
});

// `audit --history` belongs to the same pre-commit workflow: a secret about to be committed again may already be in
// history, and then it must be rotated even if this commit is stopped.
describe('audit --staged --history', function () {
  this.timeout(120_000);

  interface HistoryReport {
    findings: { ruleId: string; file: string; message: string }[];
  }
  const ENV_MESSAGE = 'Hardcoded AWS access key ID (AKIA…RP). Rotate it: removing it from the file does not revoke it, and it may already be in git history. Then get it from a credential broker at run time.';
  const TS_MESSAGE = `${OPENAI_MESSAGE} Rotate it: removing it from the file does not revoke it, and it may already be in git history. Then get it from a credential broker at run time.`;

  /** A repository where the AWS key was committed, then deleted; now it is staged again next to a new OpenAI key. */
  function reAdded(): { dir: string; added: string } {
    const dir = repo({ '.env': `AWS_KEY=${AWS_KEY_ID}\n` });
    gitOk(dir, 'add', '.env');
    gitOk(dir, 'commit', '--quiet', '--no-verify', '-m', 'add settings');
    const added = gitOk(dir, 'rev-parse', '--short', 'HEAD').trim();
    gitOk(dir, 'rm', '--quiet', '.env');
    gitOk(dir, 'commit', '--quiet', '--no-verify', '-m', 'remove the key');
    writeTree(dir, { 'README.md': '# demo\n' });
    gitOk(dir, 'add', 'README.md');
    gitOk(dir, 'commit', '--quiet', '--no-verify', '-m', 'docs');
    writeTree(dir, { '.env': `AWS_KEY=${AWS_KEY_ID}\n`, 'src/agent.ts': SECRET_TS });
    gitOk(dir, 'add', '.env', 'src/agent.ts');
    return { dir, added };
  }

  it('says a re-added secret is already in git history (commits, first one) and a new one is not in earlier commits yet', () => {
    const { dir, added } = reAdded();
    const result = cli(['audit', '--staged', '--history', '--format', 'json'], dir);
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as HistoryReport;
    assert.deepEqual(
      report.findings.map((f) => `${f.file} ${f.ruleId} ${f.message}`),
      [
        `.env secrets/provider-key ${ENV_MESSAGE} It is already in git history (2 commits, first ${added}), so rotating it is the only fix.`,
        `src/agent.ts secrets/provider-key ${TS_MESSAGE} It is not in earlier commits yet.`,
      ],
    );
    // Without --history, neither is said.
    const plain = JSON.parse(cli(['audit', '--staged', '--format', 'json'], dir).stdout) as HistoryReport;
    assert.deepEqual(plain.findings.map((f) => f.message), [ENV_MESSAGE, TS_MESSAGE]);
  });

  it('finds a secret committed only on another branch', () => {
    const dir = repo({ 'README.md': '# demo\n' });
    gitOk(dir, 'add', '.');
    gitOk(dir, 'commit', '--quiet', '--no-verify', '-m', 'initial');
    gitOk(dir, 'checkout', '--quiet', '-b', 'experiment');
    writeTree(dir, { 'try.ts': SECRET_TS });
    gitOk(dir, 'add', 'try.ts');
    gitOk(dir, 'commit', '--quiet', '--no-verify', '-m', 'experiment');
    const experiment = gitOk(dir, 'rev-parse', '--short', 'HEAD').trim();
    gitOk(dir, 'checkout', '--quiet', '-');
    writeTree(dir, { 'src/agent.ts': SECRET_TS });
    gitOk(dir, 'add', 'src/agent.ts');
    const report = JSON.parse(cli(['audit', '--staged', '--history', '--format', 'json'], dir).stdout) as HistoryReport;
    assert.deepEqual(report.findings.map((f) => f.message), [`${TS_MESSAGE} It is already in git history (1 commit, first ${experiment}), so rotating it is the only fix.`]);
  });

  it('never puts the secret in any output format or on a git command line', () => {
    const { dir } = reAdded();
    // A git that logs every command line it is given, then runs the real git.
    const bin = tempDir('agent-guardrail-gitlog-');
    const log = join(bin, 'commands.log');
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
    const env = { PATH: [bin, process.env.PATH ?? ''].join(delimiter) };
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const result = cli(['audit', '--staged', '--history', '--format', format], dir, CLI, env);
      assert.equal(result.status, 1, result.stderr);
      for (const secret of [AWS_KEY_ID, OPENAI_KEY]) {
        assert.equal(result.stdout.includes(secret), false, `${format}: secret in stdout`);
        assert.equal(result.stderr.includes(secret), false, `${format}: secret in stderr`);
      }
      assert.ok(result.stdout.includes('already in git history'), format);
      assert.ok(result.stdout.includes('not in earlier commits yet'), format);
    }
    const commands = readFileSync(log, 'utf8');
    assert.ok(commands.split('\n').some((line) => line.startsWith('log --all -p ')), commands);
    for (const secret of [AWS_KEY_ID, OPENAI_KEY]) assert.equal(commands.includes(secret), false);
  });
});
