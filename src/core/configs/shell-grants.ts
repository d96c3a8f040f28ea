/**
 * Which Claude Code `Bash(…)` permission rules amount to an unrestricted shell. Shared by the settings reader and
 * the line scan of `--allowedTools` command lines.
 */

/** Programs whose whole purpose is to run other commands or code: allowing them with any arguments allows anything. */
const RUNS_ANYTHING = new Map<string, string>([
  ...['sh', 'bash', 'zsh', 'fish', 'dash', 'ksh', 'csh', 'tcsh', 'ash', 'nu', 'cmd', 'pwsh', 'powershell'].map((p): [string, string] => [p, 'a shell']),
  ...['sudo', 'su', 'doas', 'runas'].map((p): [string, string] => [p, 'any command as another user (including root)']),
  ...['env', 'xargs', 'eval', 'exec', 'command', 'builtin', 'nohup', 'nice', 'timeout', 'time', 'watch', 'script', 'stdbuf', 'setsid', 'chroot', 'busybox', 'parallel'].map(
    (p): [string, string] => [p, 'any other command'],
  ),
  ...['python', 'python2', 'python3', 'py', 'pypy', 'pypy3', 'ipython', 'node', 'nodejs', 'deno', 'bun', 'ruby', 'irb', 'perl', 'php', 'lua', 'luajit', 'rscript', 'julia', 'osascript', 'tsx', 'ts-node', 'jshell', 'groovy', 'scala', 'elixir', 'erl', 'swift', 'go'].map(
    (p): [string, string] => [p, 'arbitrary code'],
  ),
  ...['npx', 'bunx', 'pnpx', 'uvx', 'pipx', 'npm', 'pnpm', 'yarn', 'uv', 'poetry'].map((p): [string, string] => [p, 'arbitrary packages or scripts']),
  ...['docker', 'podman', 'nerdctl', 'kubectl', 'ssh'].map((p): [string, string] => [p, 'arbitrary commands in containers or on other hosts']),
]);

/**
 * Sub-commands that run arbitrary code although the program alone might be narrower (`docker run`, `npm exec`).
 * Only used when the specifier names program + sub-command with a wildcard after it.
 */
const RUNS_ANYTHING_SUBCOMMAND = new Set([
  'docker run', 'docker exec', 'docker compose', 'podman run', 'podman exec', 'kubectl exec', 'kubectl run', 'kubectl debug',
  'npm exec', 'npm x', 'pnpm exec', 'pnpm dlx', 'yarn dlx', 'yarn exec', 'bun x', 'uv run', 'uv tool', 'pipx run', 'poetry run',
  'go run', 'deno run', 'deno eval',
]);

/** A program with its inline-code flag, allowed with any code after it (`python -c:*`, `node -e:*`, `bash -c:*`). */
const INLINE_CODE_FLAGS = /^(?:\S{1,40}) (?:-c|-e|-ec|-lc|-ic|-m|--eval|-p|--print|-Command|-EncodedCommand|\/c)$/i;

export interface ShellGrant {
  /** What the rule allows, for messages: "any shell command", "arbitrary code (python)". */
  what: string;
}

/**
 * Is a Claude Code `Bash` rule specifier (undefined for bare `Bash`) an unrestricted shell?
 * `*`, `:*`, `sudo:*`, `python3:*`, `docker run:*`, `bash *` (the space-wildcard syntax) are; `npm run test:*`,
 * `git status`, `python scripts/check.py` are not.
 */
export function shellGrantOf(specifier: string | undefined): ShellGrant | undefined {
  if (specifier === undefined) return { what: 'any shell command' };
  const trimmed = specifier.trim();
  if (trimmed === '' || /^[*:\s]{1,20}$/.test(trimmed)) return { what: 'any shell command' };
  // The command prefix before a trailing wildcard: `sudo:*`, `sudo *`, `sudo*`.
  let prefix: string | undefined;
  if (trimmed.endsWith(':*')) prefix = trimmed.slice(0, -2);
  else if (trimmed.endsWith(' *')) prefix = trimmed.slice(0, -2);
  else if (trimmed.endsWith('*')) prefix = trimmed.slice(0, -1);
  if (prefix === undefined) return undefined;
  const words = prefix.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { what: 'any shell command' };
  const program = baseProgram(words[0]!);
  // `env VAR=x:*`, `sudo -u x:*` … still run anything: look past assignments and flags after these wrappers.
  if (words.length === 1) {
    const kind = RUNS_ANYTHING.get(program) ?? (/^python\d(?:\.\d{1,2})?$/.test(program) ? 'arbitrary code' : undefined);
    return kind ? { what: describe(kind, words[0]!) } : undefined;
  }
  const two = `${program} ${words[1]!.toLowerCase()}`;
  if (words.length === 2 && RUNS_ANYTHING_SUBCOMMAND.has(two)) return { what: `arbitrary code through "${words[0]} ${words[1]}"` };
  if (words.length === 2 && INLINE_CODE_FLAGS.test(`${program} ${words[1]}`) && RUNS_ANYTHING.has(program)) {
    return { what: describe(RUNS_ANYTHING.get(program)!, `${words[0]} ${words[1]}`) };
  }
  if (/^(?:sudo|doas|env|xargs|exec|nohup|nice|timeout|time|command|stdbuf|setsid)$/.test(program) && words.slice(1).every((word) => word.startsWith('-') || word.includes('=') || /^\d/.test(word))) {
    return { what: describe(RUNS_ANYTHING.get(program)!, words.join(' ')) };
  }
  return undefined;
}

function baseProgram(word: string): string {
  const slash = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\'));
  return word.slice(slash + 1).toLowerCase().replace(/\.exe$/, '');
}

function describe(kind: string, program: string): string {
  switch (kind) {
    case 'a shell':
      return `any shell command (through "${program}")`;
    case 'arbitrary code':
      return `arbitrary code (through "${program}")`;
    default:
      return `${kind} (through "${program}")`;
  }
}
