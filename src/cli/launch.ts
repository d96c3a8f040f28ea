// Entry point of dist/cli.js: loads the CLI bundle (dist/cli-main.js) through the V8 code cache, so that a
// process start (a pre-commit hook, each worker thread) does not compile it again. `audit --daemon` first asks the
// warm audit process (src/cli/daemon.ts), which has everything loaded and compiled already; without one, the audit
// runs here and a warm process is started for the next. V8 is tuned for short runs first (src/node/v8-flags.ts).
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { requireWithCodeCache } from '../node/code-cache';
import { daemonDisabled, daemonSocketPath, wantsDaemon } from '../node/daemon-protocol';
import { tuneV8ForShortRuns } from '../node/v8-flags';
import { auditThroughDaemon, startDaemon } from './daemon-client';

// Flags are per process: worker threads, which start from this launcher too, already have them.
if (isMainThread) tuneV8ForShortRuns();

const bundle = join(__dirname, 'cli-main.js');
const argv = process.argv.slice(2);
const socket = isMainThread && wantsDaemon(argv) && !daemonDisabled(process.env) ? daemonSocketPath(bundle) : undefined;

if (!socket) {
  requireWithCodeCache(bundle);
} else {
  void auditThroughDaemon(socket, argv).then((outcome) => {
    if (outcome === 'served') return;
    if (outcome === 'absent') process.once('exit', () => startDaemon(__filename, socket));
    requireWithCodeCache(bundle);
  });
}
