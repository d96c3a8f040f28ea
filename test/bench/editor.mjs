// (f) The language server as an editor starts it: a fresh `node dist/server.js --stdio` process per sample, driven over
// LSP by this script (no editor: code-server's own start-up would drown the server's share of the time).
//
//   opened later     initialize, then the user opens a file a moment later (`idleMs`): didOpen → first diagnostics
//   open at start    the editor restores an open file: spawn → first diagnostics, didOpen sent right after initialized
//
// The file is the example's src/agents/triage.ts (one hardcoded key). Budget (issue 13): first diagnostics within
// 1.0 s of opening the file.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One server process: the times (ms) of its milestones, from the spawn. */
async function serverSample(repo, serverScript, { idleMs, file }) {
  const require = createRequire(join(repo, 'package.json'));
  const rpc = require('vscode-jsonrpc/node');
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const spawned = performance.now();
  const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const times = {};
  let opened;
  const diagnosed = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (opened === undefined || params.uri !== uri || !params.diagnostics.length) return;
      times.diagnostics = performance.now() - spawned;
      resolve();
    });
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const timeout = setTimeout(() => child.kill(), 60_000);
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: true } });
    times.initialized = performance.now() - spawned;
    connection.sendNotification('initialized', {});
    if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
    opened = performance.now() - spawned;
    times.opened = opened;
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    await diagnosed;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exited;
  } finally {
    clearTimeout(timeout);
    child.kill();
    connection.dispose();
  }
  return { ...times, openToDiagnostics: times.diagnostics - times.opened };
}

/** Alternating samples of both scenarios after one warm-up of each (it writes the V8 code cache, as a first use does). */
export async function benchLanguageServer(repo, serverScript, { runs = 5, idleMs = 1000 } = {}) {
  const file = join(repo, 'examples/src/agents/triage.ts');
  const later = [];
  const atStart = [];
  for (let round = 0; round <= runs; round++) {
    const a = await serverSample(repo, serverScript, { idleMs, file });
    const b = await serverSample(repo, serverScript, { idleMs: 0, file });
    if (round === 0) continue;
    later.push(a);
    atStart.push(b);
  }
  return { idleMs, later, atStart };
}
