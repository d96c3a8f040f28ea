import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { loadTypeScript } from '../core/languages/typescript';
import { warmUp } from '../core/warm-up';
import { askDaemon } from './daemon-client';
import { MAX_REQUEST_BYTES, type DaemonRequest, type DaemonResponse } from '../node/daemon-protocol';
import { forgetTopLevels } from '../node/discover';

/**
 * The warm audit process behind `audit --daemon`. A fresh process spends most of a small audit starting up: loading
 * and compiling the CLI and TypeScript, building the secret scanner, and running every function cold before V8
 * optimises it. This process does that once and then runs audits for its clients, each in the client's working
 * directory and environment, one at a time, and sends back what the CLI would have printed and its exit code.
 *
 * It listens on a Unix socket in the user's private cache directory, so only the same user can reach it, and that
 * user could run the same audit directly. It exits after AGENT_GUARDRAIL_DAEMON_IDLE seconds without a request
 * (default 15 minutes), when its socket is removed or taken over, when its memory grows past a bound, or on
 * `agent-guardrail daemon stop`.
 */

/** Where a command writes: this process's streams, or those the warm process captures for a client. */
export interface CliStreams {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
}

/** What runs one command line: the CLI's main, writing to the given streams. */
export type RunCommand = (argv: string[], streams: CliStreams) => Promise<number>;

const DEFAULT_IDLE_SECONDS = 15 * 60;
/** After a request that leaves the process this large, it exits: the next audit starts a fresh one. */
const MAX_RSS_BYTES = 512 * 1024 * 1024;
/** How often the process checks that its socket is still its own. */
const SOCKET_CHECK_MS = 30_000;

function idleSeconds(): number {
  const configured = Number(process.env.AGENT_GUARDRAIL_DAEMON_IDLE);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_IDLE_SECONDS;
}

/** Serve on `socket` until idle or stopped; resolves with the exit code. */
export async function serveDaemon(socket: string, run: RunCommand, bundle: string): Promise<number> {
  const server = createServer({ allowHalfOpen: true });
  if (!(await listenOnce(server, socket))) return 0; // another warm process is already serving this socket
  let socketIdentity: string;
  try {
    chmodSync(socket, 0o600);
    socketIdentity = identityOf(socket)!;
  } catch {
    server.close();
    return 1;
  }
  const startedAt = new Date().toISOString();
  const idleMs = idleSeconds() * 1000;
  let served = 0;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  return new Promise<number>((resolve) => {
    let idleTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(idleTimer);
      clearInterval(checkTimer);
      server.close();
      // Remove the socket only while it is still ours (a newer process may have replaced it).
      if (identityOf(socket) === socketIdentity) unlinkQuietly(socket);
      void queue.then(() => resolve(0));
    };
    const resetIdle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stop, idleMs);
    };
    const checkTimer = setInterval(() => {
      if (identityOf(socket) !== socketIdentity) stop();
    }, SOCKET_CHECK_MS);
    checkTimer.unref();
    resetIdle();

    server.on('connection', (connection: Socket) => {
      resetIdle();
      readRequest(connection, (request) => {
        if (!request) return connection.destroy();
        if (request.kind === 'status') return reply(connection, { kind: 'status', pid: process.pid, startedAt, served, bundle });
        if (request.kind === 'stop') {
          reply(connection, { kind: 'stopping', pid: process.pid });
          return stop();
        }
        queue = queue
          .then(async () => {
            const response = await runRequest(request, run);
            if (response.kind === 'ran') served++;
            reply(connection, response);
            resetIdle();
            if (process.memoryUsage().rss > MAX_RSS_BYTES) stop();
          })
          .catch(() => {
            // Not expected (the CLI's main reports its own errors): the client runs the audit itself, and the
            // process, in a state nobody planned for, stops.
            connection.destroy();
            stop();
          });
      });
    });

    // Warm up while waiting for the first client: TypeScript loaded, the analysis run over sample files until V8
    // has optimised the common paths. Each sample waits for a turn of the event loop, so a client is served first.
    const rounds = 20;
    let round = 0;
    const warm = () => {
      if (stopped || round++ >= rounds) return;
      try {
        if (round === 1) loadTypeScript();
        warmUp();
      } catch {
        return; // the audit that needs it reports the problem
      }
      setImmediate(warm);
    };
    setImmediate(warm);
  });
}

/** Listen on the socket; a stale socket file (its process gone) is replaced, a live one is left to its process. */
async function listenOnce(server: Server, socket: string): Promise<boolean> {
  const attempt = () =>
    new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve);
      server.listen(socket, () => {
        server.removeListener('error', resolve);
        resolve(undefined);
      });
    });
  const error = await attempt();
  if (!error) return true;
  if (error.code !== 'EADDRINUSE') return false;
  if ((await askDaemon(socket, { kind: 'status' })) !== 'absent') return false;
  unlinkQuietly(socket);
  return (await attempt()) === undefined;
}

function identityOf(path: string): string | undefined {
  try {
    const stats = lstatSync(path);
    return stats.isSocket() ? `${stats.dev}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** One line of JSON (at most MAX_REQUEST_BYTES), or undefined for anything else. */
function readRequest(connection: Socket, handle: (request: DaemonRequest | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const finish = (request: DaemonRequest | undefined) => {
    if (done) return;
    done = true;
    connection.removeAllListeners('data');
    handle(request);
  };
  connection.on('data', (chunk: Buffer) => {
    const newline = chunk.indexOf(10);
    chunks.push(newline < 0 ? chunk : chunk.subarray(0, newline));
    size += chunk.length;
    if (newline >= 0) finish(parseRequest(Buffer.concat(chunks).toString('utf8')));
    else if (size > MAX_REQUEST_BYTES) finish(undefined);
  });
  connection.on('end', () => finish(undefined));
  connection.on('error', () => finish(undefined));
}

function parseRequest(line: string): DaemonRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const request = value as Record<string, unknown>;
  if (request.kind === 'status' || request.kind === 'stop') return { kind: request.kind };
  if (request.kind !== 'run') return undefined;
  const { argv, cwd, env, stdoutIsTTY, columns } = request;
  if (!Array.isArray(argv) || !argv.every((argument) => typeof argument === 'string')) return undefined;
  if (typeof cwd !== 'string' || !env || typeof env !== 'object' || Array.isArray(env)) return undefined;
  if (!Object.values(env).every((entry) => typeof entry === 'string')) return undefined;
  return {
    kind: 'run',
    argv: argv as string[],
    cwd,
    env: env as Record<string, string>,
    stdoutIsTTY: stdoutIsTTY === true,
    ...(typeof columns === 'number' && Number.isInteger(columns) && columns > 0 && { columns }),
  };
}

function reply(connection: Socket, response: DaemonResponse): void {
  if (connection.destroyed) return; // the client went away (Ctrl-C): nothing to tell
  connection.end(`${JSON.stringify(response)}\n`);
}

/**
 * Run one command line as the client would have: in its directory, with its environment (git's variables, colour
 * settings, the cache location), output captured. Only `audit` comes here. Caches that outlive a command are ones
 * keyed by content; the only one keyed by place (the top of a git work tree) is forgotten before each command.
 */
async function runRequest(request: Extract<DaemonRequest, { kind: 'run' }>, run: RunCommand): Promise<DaemonResponse> {
  if (request.argv[0] !== 'audit') return { kind: 'declined', reason: 'only audit runs in the warm process' };
  const ownDirectory = process.cwd();
  const ownEnv = process.env;
  try {
    process.chdir(request.cwd);
  } catch (error) {
    return { kind: 'declined', reason: `cannot enter ${request.cwd} (${(error as NodeJS.ErrnoException).code ?? error})` };
  }
  process.env = { ...request.env };
  forgetTopLevels();
  let stdout = '';
  let stderr = '';
  const streams: CliStreams = {
    stdout: { write: (text) => ((stdout += text), true), isTTY: request.stdoutIsTTY, ...(request.columns && { columns: request.columns }) },
    stderr: { write: (text) => ((stderr += text), true) },
  };
  try {
    const code = await run(request.argv, streams);
    return { kind: 'ran', code, stdout, stderr };
  } finally {
    process.env = ownEnv;
    try {
      process.chdir(ownDirectory);
    } catch {
      process.chdir('/'); // its own directory was removed meanwhile
    }
  }
}
