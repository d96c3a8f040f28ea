import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MARKER = '# agent-guardrail pre-commit hook';
const CHAINED_SUFFIX = '.agent-guardrail-chained';
export const HOOK_COMMAND = 'npx --no-install agent-guardrail audit --staged --daemon';
const HUSKY_COMMAND = 'agent-guardrail audit --staged --daemon';

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
  // git prints the path relative to the current directory (or absolute); a relative core.hooksPath is already
  // resolved against the top of the work tree, where git runs hooks.
  const path = git(cwd, ['rev-parse', '--git-path', 'hooks']);
  return resolve(cwd, path);
}

/** Hook managers that own the hooks directory: we tell the user the one line to add instead of installing. */
function hookManager(top: string, hooksPath: string): string | undefined {
  if (existsSync(join(top, '.husky')) || /(^|\/)\.husky(\/_)?\/?$/.test(hooksPath)) {
    // husky 9.1 and later put node_modules/.bin on the hook's PATH: no npx, which costs more than the audit itself.
    return `husky manages this repository's hooks. Add this line to .husky/pre-commit:\n\n  ${HUSKY_COMMAND}\n\n(husky 9.1 and later find the command in node_modules/.bin; with an older husky, put npx --no-install before it.)\n`;
  }
  const lefthook = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'].find((name) => existsSync(join(top, name)));
  if (lefthook) {
    return `lefthook manages this repository's hooks. Add this to ${lefthook}:\n\npre-commit:\n  commands:\n    agent-guardrail:\n      run: ${HOOK_COMMAND}\n`;
  }
  return undefined;
}

/** A shell word that stands for exactly `text` (single quotes: no expansion of `$`, backquotes or backslashes). */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function hookScript(cliPath: string, nodePath: string): string {
  return `#!/bin/sh
${MARKER} (installed by \`agent-guardrail hook install\`; remove with \`agent-guardrail hook uninstall\`).
# Runs the hook that was here before (if git would have run it: executable), then audits the staged content.
chained="$0${CHAINED_SUFFIX}"
if [ -x "$chained" ]; then
  "$chained" "$@" || exit $?
fi
audit() {
  "$@" audit --staged --daemon
  status=$?
  if [ "$status" -eq 1 ]; then
    echo "agent-guardrail blocked this commit: fix the findings above, or suppress one with a reason (agent-guardrail-ignore-next-line <rule-id> -- <reason>)." >&2
  elif [ "$status" -eq 127 ]; then
    echo "agent-guardrail: the CLI was not found; install it (npm install --save-dev agent-guardrail) or run agent-guardrail hook install again." >&2
  fi
  exit "$status"
}
cli=${shellQuote(cliPath)}
if [ -f "$cli" ]; then
  if command -v node >/dev/null 2>&1; then
    audit node "$cli"
  fi
  # Git GUIs often run hooks without the shell's PATH: fall back to the Node.js that installed the hook.
  node=${shellQuote(nodePath)}
  if [ -x "$node" ]; then
    audit "$node" "$cli"
  fi
fi
echo "agent-guardrail: $cli or Node.js is missing; running npx --no-install agent-guardrail instead (agent-guardrail hook install records the new paths)." >&2
audit ${HOOK_COMMAND.replace(/ audit --staged --daemon$/, '')}
`;
}

function configuredHooksPath(cwd: string): string {
  try {
    return git(cwd, ['config', '--get', 'core.hooksPath']);
  } catch {
    return ''; // not set: git exits 1
  }
}

/** Whether something (even a dangling symlink) is at `path`. */
function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether `path` is a regular file that this command wrote. */
function isOurs(path: string): boolean {
  try {
    return lstatSync(path).isFile() && readFileSync(path, 'utf8').includes(MARKER);
  } catch {
    return false;
  }
}

export function installHook(cwd: string, cliPath: string): HookResult {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  const hooks = hooksDirectory(cwd);
  const manager = hookManager(top, configuredHooksPath(cwd));
  if (manager) return { message: manager, code: 0 };
  mkdirSync(hooks, { recursive: true });
  const hook = join(hooks, 'pre-commit');
  const script = hookScript(cliPath, process.execPath);
  if (isPresent(hook)) {
    if (isOurs(hook)) {
      // Idempotent; refresh the recorded paths in case the CLI or Node.js moved.
      if (readFileSync(hook, 'utf8') !== script) writeFileSync(hook, script);
      chmodSync(hook, 0o755);
      return { message: `The agent-guardrail pre-commit hook is already installed in ${hook}.`, code: 0 };
    }
    if (isPresent(hook + CHAINED_SUFFIX)) return { message: `${hook + CHAINED_SUFFIX} already exists; remove it or run hook uninstall first.`, code: 2 };
    renameSync(hook, hook + CHAINED_SUFFIX); // keeps its content, mode and (for a symlink) its target
  }
  writeFileSync(hook, script);
  chmodSync(hook, 0o755);
  const chained = isPresent(hook + CHAINED_SUFFIX) ? ` The existing hook still runs first (moved to ${hook + CHAINED_SUFFIX}).` : '';
  return { message: `Installed the pre-commit hook in ${hook}: every commit runs \`agent-guardrail audit --staged --daemon\` (a warm background process that later commits reuse; \`agent-guardrail daemon stop\` stops it).${chained}`, code: 0 };
}

export function uninstallHook(cwd: string): HookResult {
  const hook = join(hooksDirectory(cwd), 'pre-commit');
  if (!isOurs(hook)) {
    return { message: `No agent-guardrail pre-commit hook is installed in ${hook}; nothing changed.`, code: 0 };
  }
  unlinkSync(hook);
  if (isPresent(hook + CHAINED_SUFFIX)) {
    renameSync(hook + CHAINED_SUFFIX, hook);
    return { message: `Removed the agent-guardrail hook and restored the previous pre-commit hook in ${hook}.`, code: 0 };
  }
  return { message: `Removed the agent-guardrail pre-commit hook from ${hook}.`, code: 0 };
}
