// Entry point of dist/cli.js: loads the CLI bundle (dist/cli-main.js) through the V8 code cache, so that a
// process start (a pre-commit hook, each worker thread) does not compile its 1.3 MB again.
import { join } from 'node:path';
import { requireWithCodeCache } from '../node/code-cache';

requireWithCodeCache(join(__dirname, 'cli-main.js'));
