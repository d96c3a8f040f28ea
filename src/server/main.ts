import { useCodeCacheForTypeScript } from '../node/load-typescript';
import { startServer } from './server';

useCodeCacheForTypeScript();

// Entry point of dist/server.js: speaks LSP over stdio (--stdio) or IPC (--node-ipc), as the client chooses.
startServer();
