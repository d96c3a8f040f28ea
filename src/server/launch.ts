// Entry point of dist/server.js: loads the language server bundle (dist/server-main.js) through the V8 code cache,
// so that opening an editor window does not compile its 1.8 MB again, with V8 tuned as for the CLI
// (src/node/v8-flags.ts): the first diagnostics come from a whole-folder scan in a fresh process.
import { join } from 'node:path';
import { requireWithCodeCache } from '../node/code-cache';
import { tuneV8ForShortRuns } from '../node/v8-flags';

tuneV8ForShortRuns();

requireWithCodeCache(join(__dirname, 'server-main.js'));
