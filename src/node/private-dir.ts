import { lstatSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * This user's cache directory for Agent Guardrail (`$XDG_CACHE_HOME/agent-guardrail`, `~/.cache/…`,
 * `~/Library/Caches/…`, `%LOCALAPPDATA%\…`; else a per-user directory in the OS temp dir), created private
 * (0700) on first use. Undefined when it cannot be made or is not safe: what is stored there (compiled code,
 * audit results) is trusted when read back, so it must not be writable by anyone else.
 */
export function userCacheDirectory(): string | undefined {
  if (cached !== undefined) return cached || undefined;
  cached = '';
  for (const directory of candidateDirectories()) {
    if (makePrivateDirectory(directory)) return (cached = directory);
  }
  return undefined;
}

let cached: string | undefined;

function candidateDirectories(): string[] {
  const bases: string[] = [];
  const env = process.env;
  let home: string | undefined;
  try {
    home = homedir();
  } catch {
    home = undefined;
  }
  if (process.platform === 'win32') {
    if (env.LOCALAPPDATA) bases.push(env.LOCALAPPDATA);
  } else if (process.platform === 'darwin') {
    if (home) bases.push(join(home, 'Library', 'Caches'));
  } else if (env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/')) {
    bases.push(env.XDG_CACHE_HOME);
  } else if (home) {
    bases.push(join(home, '.cache'));
  }
  const directories = bases.map((base) => join(base, 'agent-guardrail'));
  // The shared temp dir: a directory of our own right in it (whose owner and mode are checked), named for the user.
  let user = 'user';
  try {
    user = String(process.getuid?.() ?? userInfo().username);
  } catch {
    // no user name: the ownership check below still applies
  }
  directories.push(join(tmpdir(), `agent-guardrail-${user}`));
  return directories;
}

/** Create `directory` (0700) if missing; true when it is a real directory owned by this user that nobody else can write. */
export function makePrivateDirectory(directory: string): boolean {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const stats = lstatSync(directory);
    if (!stats.isDirectory()) return false;
    if (process.platform === 'win32') return true;
    const uid = process.getuid?.();
    return (uid === undefined || stats.uid === uid) && (stats.mode & 0o022) === 0;
  } catch {
    return false;
  }
}
