import { startServer } from './server';

// Entry point of dist/server.js: speaks LSP over stdio (--stdio) or IPC (--node-ipc), as the client chooses.
startServer();
