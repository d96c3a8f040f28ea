// Entry point of dist/typescript.js: the TypeScript compiler that ts-morph ships (the same single copy ts-morph
// itself uses), bundled on its own without ts-morph's project API and lib .d.ts texts, and loaded lazily.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ts = require('@ts-morph/common/dist/typescript.js') as typeof import('ts-morph').ts;
