// Entry point of dist/cli.js: loads the CLI bundle (dist/cli-main.js) through the V8 code cache, so that a
// process start (a pre-commit hook, each worker thread) does not compile it again. `audit --daemon` first asks the
// warm audit process (src/cli/daemon.ts), which has everything loaded and compiled already; without one, the audit
// runs here and a warm process is started for the next. V8 is tuned for short runs first (src/node/v8-flags.ts).
import { join } from 'node:path';
import { requireWithCodeCache } from '../node/code-cache';
import { daemonDisabled, daemonSocketPath, wantsDaemon } from '../node/daemon-protocol';
import { tuneV8ForShortRuns } from '../node/v8-flags';
import { startedAsAuditWorker } from '../node/threads';
import { auditThroughDaemon, startDaemon } from './daemon-client';

// Audit workers start from this launcher too (with their argument; the main thread need not load worker_threads to
// know it is none). Flags are per process: they have them already.
const mainThread = !startedAsAuditWorker();
if (mainThread) tuneV8ForShortRuns({ keepBytecode: true });

const bundle = join(__dirname, 'cli-main.js');
const argv = process.argv.slice(2);
const socket = mainThread && wantsDaemon(argv) && !daemonDisabled(process.env) ? daemonSocketPath(bundle) : undefined;

if (!socket) {
  requireWithCodeCache(bundle);
} else {
  void auditThroughDaemon(socket, argv).then((outcome) => {
    if (outcome === 'served') return;
    if (outcome === 'absent') process.once('exit', () => startDaemon(__filename, socket));
    requireWithCodeCache(bundle);
  });
}
