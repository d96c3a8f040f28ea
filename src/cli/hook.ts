import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, renameSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

const MARKER = '# agent-guardrail pre-commit hook';
const CHAINED_SUFFIX = '.agent-guardrail-chained';
export const HOOK_COMMAND = 'npx --no-install agent-guardrail audit --staged';

export interface HookResult {
  /** What happened, for the user. */
  message: string;
  /** Exit code for the CLI. */
  code: number;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The directory git runs hooks from, honouring core.hooksPath. */
export function hooksDirectory(cwd: string): string {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  const path = git(cwd, ['rev-parse', '--git-path', 'hooks']);
  return isAbsolute(path) ? path : resolve(cwd, path).startsWith(top) ? resolve(cwd, path) : resolve(top, path);
}

/** Hook managers that own the hooks directory: we tell the user the one line to add instead of installing. */
function hookManager(top: string, hooksPath: string): string | undefined {
  if (existsSync(join(top, '.husky')) || /(^|\/)\.husky(\/_)?\/?$/.test(hooksPath)) {
    return `husky manages this repository's hooks. Add this line to .husky/pre-commit:\n\n  ${HOOK_COMMAND}\n`;
  }
  const lefthook = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'].find((name) => existsSync(join(top, name)));
  if (lefthook) {
    return `lefthook manages this repository's hooks. Add this to ${lefthook}:\n\npre-commit:\n  commands:\n    agent-guardrail:\n      run: ${HOOK_COMMAND}\n`;
  }
  return undefined;
}

function hookScript(cliPath: string): string {
  return `#!/bin/sh
${MARKER} (installed by \`agent-guardrail hook install\`; remove with \`agent-guardrail hook uninstall\`).
# Runs the hook that was here before, then audits the staged content of the commit.
chained="$0${CHAINED_SUFFIX}"
if [ -f "$chained" ]; then
  "$chained" "$@" || exit $?
fi
cli=${JSON.stringify(cliPath)}
if [ -f "$cli" ]; then
  exec node "$cli" audit --staged
fi
exec ${HOOK_COMMAND}
`;
}

function configuredHooksPath(cwd: string): string {
  try {
    return git(cwd, ['config', '--get', 'core.hooksPath']);
  } catch {
    return ''; // not set: git exits 1
  }
}

export function installHook(cwd: string, cliPath: string): HookResult {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  const hooks = hooksDirectory(cwd);
  const manager = hookManager(top, configuredHooksPath(cwd));
  if (manager) return { message: manager, code: 0 };
  mkdirSync(hooks, { recursive: true });
  const hook = join(hooks, 'pre-commit');
  if (existsSync(hook)) {
    if (readFileSync(hook, 'utf8').includes(MARKER)) return { message: `The agent-guardrail pre-commit hook is already installed in ${hook}.`, code: 0 };
    if (existsSync(hook + CHAINED_SUFFIX)) return { message: `${hook + CHAINED_SUFFIX} already exists; remove it or run hook uninstall first.`, code: 2 };
    renameSync(hook, hook + CHAINED_SUFFIX);
  }
  writeFileSync(hook, hookScript(cliPath));
  chmodSync(hook, 0o755);
  const chained = existsSync(hook + CHAINED_SUFFIX) ? ` The existing hook still runs first (moved to ${hook + CHAINED_SUFFIX}).` : '';
  return { message: `Installed the pre-commit hook in ${hook}: every commit runs \`agent-guardrail audit --staged\`.${chained}`, code: 0 };
}

export function uninstallHook(cwd: string): HookResult {
  const hook = join(hooksDirectory(cwd), 'pre-commit');
  if (!existsSync(hook) || !readFileSync(hook, 'utf8').includes(MARKER)) {
    return { message: `No agent-guardrail pre-commit hook is installed in ${hook}; nothing changed.`, code: 0 };
  }
  unlinkSync(hook);
  if (existsSync(hook + CHAINED_SUFFIX)) {
    renameSync(hook + CHAINED_SUFFIX, hook);
    return { message: `Removed the agent-guardrail hook and restored the previous pre-commit hook in ${hook}.`, code: 0 };
  }
  return { message: `Removed the agent-guardrail pre-commit hook from ${hook}.`, code: 0 };
}
