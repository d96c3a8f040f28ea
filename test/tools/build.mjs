// Bundles the CLI (and, once they exist, the language server and extension) with esbuild.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build does not.
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.AGENT_GUARDRAIL_VERSION': JSON.stringify(pkg.version) },
};

await build({
  ...common,
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/cli.js', 0o755);
if (watch) console.log('watch mode is not supported; run npm run build again');
