import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { exitQuietlyWhenStdoutCloses } from './closed-pipe';
import { MAX_REQUEST_BYTES, type DaemonRequest, type DaemonResponse } from '../node/daemon-protocol';

/**
 * How asking the warm process went: `served` (its output is written and the exit code set), `absent` (no process
 * listens on the socket: the caller runs the command itself and starts one for next time), `failed` (a process
 * is there but gave no usable answer: the caller runs the command itself and leaves that process alone).
 */
export type DaemonOutcome = 'served' | 'absent' | 'failed';

/**
 * Send one request and read the one-line answer. Resolves `absent` when nothing listens (no socket file, or a stale
 * one), `failed` when the connection broke or the answer was not ours.
 */
export function askDaemon(socket: string, request: DaemonRequest): Promise<DaemonResponse | 'absent' | 'failed'> {
  return new Promise((resolve) => {
    const connection = connect(socket);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let connected = false;
    const settle = (result: DaemonResponse | 'absent' | 'failed') => {
      if (settled) return;
      settled = true;
      connection.destroy();
      resolve(result);
    };
    connection.once('connect', () => {
      connected = true;
      connection.write(`${JSON.stringify(request)}\n`);
    });
    connection.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // An answer carries a report: large, but not without bound.
      if (size > 64 * MAX_REQUEST_BYTES) settle('failed');
      else chunks.push(chunk);
    });
    connection.once('end', () => {
      try {
        const response = JSON.parse(Buffer.concat(chunks).toString('utf8')) as DaemonResponse;
        settle(response && typeof response === 'object' && typeof response.kind === 'string' ? response : 'failed');
      } catch {
        settle('failed');
      }
    });
    connection.once('error', (error: NodeJS.ErrnoException) => {
      settle(!connected && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') ? 'absent' : 'failed');
    });
    connection.once('close', () => settle('failed'));
  });
}

/** Run this process's command line in the warm process; on `served` its output is written and the exit code set. */
export async function auditThroughDaemon(socket: string, argv: string[]): Promise<DaemonOutcome> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  const request: DaemonRequest = {
    kind: 'run',
    argv,
    cwd: process.cwd(),
    env,
    stdoutIsTTY: process.stdout.isTTY === true,
    ...(process.stdout.isTTY && process.stdout.columns && { columns: process.stdout.columns }),
  };
  const response = await askDaemon(socket, request);
  if (response === 'absent' || response === 'failed') return response;
  if (response.kind !== 'ran') return 'failed';
  exitQuietlyWhenStdoutCloses();
  process.stderr.write(response.stderr);
  process.stdout.write(response.stdout);
  process.exitCode = response.code;
  return 'served';
}

/**
 * Start the warm process for next time, detached: it outlives this process, has no terminal and holds none of this
 * process's pipes (a hook runner waiting for them to close would wait for it). `launcher` is dist/cli.js.
 */
export function startDaemon(launcher: string, socket: string): void {
  try {
    spawn(process.execPath, [launcher, 'daemon', 'serve'], { cwd: dirname(socket), detached: true, stdio: 'ignore', windowsHide: true }).unref();
  } catch {
    // no warm process this time; the next audit tries again
  }
}
