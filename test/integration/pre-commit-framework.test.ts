// The pre-commit framework (https://pre-commit.com) installing this repository as a hook repository, with the real
// `pre-commit` (Debian's package, installed here when missing, as the editor tests install chromium): it blocks a
// commit that stages a key and lets a clean one through. Plus the install path of current pre-commit releases
// (`npm install -g git+file://…`, checked by hand with pre-commit 4.6.2), run here with npm directly, since only
// Debian's pre-commit 3.0 can be installed on the CI machines.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ensureDebianPackage, makeTempDir, REPO_ROOT, writeTree } from '../helpers';

const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);
const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');

/**
 * No developer git configuration, no inherited GIT_* (as inside a hook) and no `npm_*` variables of the `npm test`
 * that runs this file: they describe the outer npm, and the npm that pre-commit starts must not inherit them.
 */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_') && !/^npm_/i.test(name) && !name.startsWith('PRE_COMMIT')) clean[name] = value;
  return {
    ...clean,
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

function run(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: env(extra), timeout: 600_000 });
}

function ok(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): string {
  const result = run(command, args, cwd, extra);
  assert.equal(result.status, 0, `${command} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** This working tree (tracked and untracked, not ignored files) as a one-commit repository: the hook repository. */
function hookRepository(): { dir: string; rev: string } {
  const dir = makeTempDir('agent-guardrail-hook-repo-');
  const files = ok('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO_ROOT).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO_ROOT, file))) continue; // deleted but not yet staged
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(dir, file));
  }
  ok('git', ['init', '--quiet'], dir);
  ok('git', ['add', '.'], dir);
  ok('git', ['commit', '--quiet', '--no-verify', '-m', 'hook repository'], dir);
  return { dir, rev: ok('git', ['rev-parse', 'HEAD'], dir).trim() };
}

describe('.pre-commit-hooks.yaml (pre-commit framework)', function () {
  this.timeout(900_000);
  let hooks: { dir: string; rev: string };

  before(function () {
    ensureDebianPackage('pre-commit', 'pre-commit');
    hooks = hookRepository();
  });

  it('declares one hook that audits the staged changes, with no stage name an old or new pre-commit rejects', () => {
    const definitions = parseYaml(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    assert.deepEqual(definitions, [
      {
        id: 'agent-guardrail',
        name: 'Agent Guardrail',
        description: 'Hardcoded secrets, over-broad tool grants and unowned AI agents in the staged changes.',
        entry: 'agent-guardrail audit --staged --daemon',
        language: 'node',
        pass_filenames: false,
        always_run: true,
      },
    ]);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(pkg.bin['agent-guardrail'], 'dist/cli.js');
  });

  it('the real pre-commit installs the hook, blocks a commit that stages a key and passes a clean one', () => {
    const home = makeTempDir('agent-guardrail-pre-commit-home-');
    const project = makeTempDir('agent-guardrail-pre-commit-project-');
    const extra = { PRE_COMMIT_HOME: home };
    ok('git', ['init', '--quiet'], project);
    writeTree(project, {
      '.pre-commit-config.yaml': `repos:\n  - repo: ${hooks.dir}\n    rev: ${hooks.rev}\n    hooks:\n      - id: agent-guardrail\n`,
      'README.md': '# demo\n',
    });
    ok('pre-commit', ['install'], project, extra);
    ok('pre-commit', ['install-hooks'], project, extra);

    writeTree(project, { 'src/agent.ts': `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\n` });
    ok('git', ['add', '.'], project);
    const blocked = run('git', ['commit', '--quiet', '-m', 'add agent'], project, extra);
    const output = blocked.stdout + blocked.stderr;
    assert.notEqual(blocked.status, 0, output);
    assert.match(output, /Agent Guardrail\.+Failed/);
    assert.match(output, /src\/agent\.ts\n {2}2:38 {2}error {4}secrets\/provider-key +Hardcoded OpenAI API key \(sk-proj-…dJ8H\)\./);
    assert.ok(!output.includes(OPENAI_KEY), 'the key itself is never printed');
    assert.equal(run('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], project).status, 1, 'nothing was committed');

    writeTree(project, { 'src/agent.ts': `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n` });
    ok('git', ['add', '.'], project);
    const passed = run('git', ['commit', '--quiet', '-m', 'add agent'], project, extra);
    assert.equal(passed.status, 0, passed.stdout + passed.stderr);
    assert.match(passed.stdout + passed.stderr, /Agent Guardrail\.+Passed/);
  });

  it('installs from git the way current pre-commit releases do (npm install -g git+file://…), and the CLI runs', () => {
    const prefix = makeTempDir('agent-guardrail-npm-global-');
    // pre-commit 4.x: `npm install --allow-git=root --install-links -g git+file://<clone>` with NPM_CONFIG_PREFIX set.
    // npm hands `global` down to the nested install that prepares a git dependency; test/tools/prepare.mjs copes.
    ok('npm', ['install', '--allow-git=root', '--install-links', '-g', '--no-audit', '--no-fund', `git+file://${hooks.dir}`], prefix, { NPM_CONFIG_PREFIX: prefix });
    const version = ok(join(prefix, 'bin', 'agent-guardrail'), ['--version'], prefix);
    assert.match(version, /^\d+\.\d+\.\d+\n$/);
  });
});
