import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { analyzeFile } from '../src/core/analyze';
import { defaultConfig, type ResolvedConfig } from '../src/core/config';
import type { Finding } from '../src/core/types';

/** Repository root (tests run from out/test/, compiled). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CLI = join(REPO_ROOT, 'dist', 'cli.js');

/** Analyse text as if it were the file at `path`. */
export function analyze(path: string, text: string, config: Partial<ResolvedConfig> = {}): Finding[] {
  return analyzeFile({ path, text }, { ...defaultConfig(), ...config }).findings;
}

/** Compact, exact view of findings for assertions: `rule line:col-line:col` (1-based like the CLI). */
export function describe1(finding: Finding): string {
  const { start, end } = finding.range;
  return `${finding.ruleId} ${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1}`;
}

/** `[describe1(finding), covered text]` for every secrets/* finding, in file order. */
export function secretsIn(path: string, text: string): [string, string][] {
  return analyze(path, text)
    .filter((finding) => finding.ruleId.startsWith('secrets/'))
    .map((finding) => [describe1(finding), text.slice(finding.startOffset, finding.endOffset)]);
}

/** Assert exactly these secrets (range and covered text) are found in the text. */
export function expectSecrets(path: string, text: string, expected: [string, string][]): void {
  assert.deepStrictEqual(secretsIn(path, text), expected);
}

export function expectNone(path: string, text: string): void {
  expectSecrets(path, text, []);
}

export function makeTempDir(prefix = 'agent-guardrail-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (path → content) under a directory, creating folders. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Run the real bundled CLI. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * `git init` in `dir`, isolated from the developer's setup: no global excludes (often `.env`, which must not change
 * what tests see), a fixed identity, no commit signing.
 */
export function initTestRepository(dir: string): void {
  git(dir, 'init', '--quiet');
  git(dir, 'config', 'core.excludesFile', join(dir, '.git', 'no-global-excludes'));
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * A Debian package the tests drive for real (pre-commit …), installed with apt when its command is missing, as the
 * editor tests install chromium (or when `installed` says it is missing: Python libraries). Needs root or password-less sudo; says so when it has neither.
 */
export function ensureDebianPackage(pkg: string, command: string, installed?: () => boolean): void {
  if (installed ? installed() : spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', pkg]]) {
    const [program, ...rest] = [...sudo, ...args] as [string, ...string[]];
    const result = spawnSync(program, rest, { encoding: 'utf8', env, timeout: 600_000 });
    if (result.status !== 0) throw new Error(`could not install the Debian package ${pkg} (${[program, ...rest].join(' ')}): ${result.stderr}`);
  }
}
