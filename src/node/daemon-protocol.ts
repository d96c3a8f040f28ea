import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { userCacheDirectory } from './private-dir';

/**
 * The warm audit process (`audit --daemon`): what its clients and the process itself agree on. This module goes into
 * the CLI's launcher (dist/cli.js), which asks the warm process before it loads the CLI bundle: keep it free of
 * imports beyond Node's and private-dir.ts.
 */

/** A request: one line of JSON. */
export type DaemonRequest =
  | {
      kind: 'run';
      /** The command line after `agent-guardrail`. */
      argv: string[];
      /** The client's working directory and environment, in which the command runs. */
      cwd: string;
      env: Record<string, string>;
      /** What the client's standard output is: colours and the width of text output depend on it. */
      stdoutIsTTY: boolean;
      columns?: number;
    }
  | { kind: 'status' }
  | { kind: 'stop' };

/** The answer: one line of JSON, then the connection closes. */
export type DaemonResponse =
  | { kind: 'ran'; code: number; stdout: string; stderr: string }
  /** The process could not run the command as the client would (its directory is gone …): the client runs it itself. */
  | { kind: 'declined'; reason: string }
  | { kind: 'status'; pid: number; startedAt: string; served: number; bundle: string }
  | { kind: 'stopping'; pid: number };

/** Longest request the process reads (an environment is a few KB; anything near this is not a client of ours). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Unix socket paths are limited to about 104 bytes (macOS) or 108 (Linux), the terminating NUL included. */
const MAX_SOCKET_PATH = 100;

/**
 * The socket of the warm process for this bundle, in the user's private cache directory (0700: nobody else can
 * connect). Its name stands for the bundle's path, size and modification time and the Node.js version, so that an
 * upgraded or rebuilt CLI never talks to a process running the old code. Undefined where there is no safe place
 * for it, or on Windows, whose named pipes are not private to the user by default.
 */
export function daemonSocketPath(bundle: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  const directory = userCacheDirectory();
  if (!directory) return undefined;
  let stamp: string;
  try {
    const stats = statSync(bundle);
    stamp = `${bundle}\0${stats.size}\0${stats.mtimeMs}\0${stats.ino}\0${process.version}\0${process.arch}\0${process.execPath}`;
  } catch {
    return undefined;
  }
  const path = join(directory, `daemon-${createHash('sha256').update(stamp).digest('hex').slice(0, 16)}.sock`);
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH ? path : undefined;
}

/** Whether the environment turns the warm process off: AGENT_GUARDRAIL_DAEMON=0, or a CI service (nothing to reuse there). */
export function daemonDisabled(env: NodeJS.ProcessEnv): boolean {
  if (env.AGENT_GUARDRAIL_DAEMON === '0' || env.AGENT_GUARDRAIL_DAEMON === 'false') return true;
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/**
 * Whether this command line asks for the warm process: an `audit` with --daemon (the last of --daemon and
 * --no-daemon wins), and only before `--` (a path that looks like a flag is not one).
 */
export function wantsDaemon(argv: readonly string[]): boolean {
  if (argv[0] !== 'audit') return false;
  let wanted = false;
  for (const argument of argv) {
    if (argument === '--') break;
    if (argument === '--daemon') wanted = true;
    else if (argument === '--no-daemon') wanted = false;
  }
  return wanted;
}
