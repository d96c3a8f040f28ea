// Bundles the extension-host suite (test/vscode/suite/{main,cold,untrusted}.ts) into test/.tmp/vscode-suite/<mode>.js:
// mocha is bundled in (it is ESM-only since v12, and extension hosts load tests with require), `vscode` stays external.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './lib.mjs';

export const SUITE_DIR = join(REPO, 'test', '.tmp', 'vscode-suite');
export const MODES = ['main', 'cold', 'untrusted'];

export async function buildSuite() {
  mkdirSync(SUITE_DIR, { recursive: true });
  await build({
    absWorkingDir: REPO,
    entryPoints: MODES.map((mode) => join('test', 'vscode', 'suite', `${mode}.ts`)),
    outdir: SUITE_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return Object.fromEntries(MODES.map((mode) => [mode, join(SUITE_DIR, `${mode}.js`)]));
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildSuite());
