// Entry point of dist/server.js: loads the language server bundle (dist/server-main.js) through the V8 code cache,
// so that opening an editor window does not compile its 1.8 MB again.
import { join } from 'node:path';
import { requireWithCodeCache } from '../node/code-cache';

requireWithCodeCache(join(__dirname, 'server-main.js'));
