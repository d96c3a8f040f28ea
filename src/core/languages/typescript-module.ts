// Entry point of dist/typescript.js: ts-morph's TypeScript, bundled on its own and loaded lazily by the core.
export { ts } from 'ts-morph';
