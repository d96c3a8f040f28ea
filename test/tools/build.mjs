// Bundles the CLI (and, once they exist, the language server and extension) with esbuild.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { trimmedTypeScript } from './trim-typescript.mjs';

const require = createRequire(import.meta.url);

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
  define: { 'process.env.AGENT_GUARDRAIL_VERSION': JSON.stringify(pkg.version), AGENT_GUARDRAIL_BUNDLE: 'true' },
};

// TypeScript on its own: the other bundles require it at run time, only when a TS/JS file is analysed. It is the
// copy ts-morph ships, cut down to the API in src/core/languages/typescript-api.ts (see trim-typescript.mjs).
const typescriptApi = await build({ entryPoints: ['src/core/languages/typescript-api.ts'], format: 'esm', write: false, logLevel: 'warning' });
const { TYPESCRIPT_API } = await import(`data:text/javascript,${encodeURIComponent(typescriptApi.outputFiles[0].text)}`);
const typescript = await trimmedTypeScript(require.resolve('@ts-morph/common/dist/typescript.js'), TYPESCRIPT_API);
await build({ ...common, stdin: { contents: typescript, loader: 'js', sourcefile: 'typescript.js' }, outfile: 'dist/typescript.js', sourcemap: false, minifyWhitespace: true });

// The Python parser on its own too: web-tree-sitter's runtime (VS Code's build) and, beside it, the runtime's and the
// Python grammar's WebAssembly, loaded by src/node/python-parser.ts only when a Python file or notebook is analysed.
await build({ ...common, entryPoints: ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.js'], outfile: 'dist/tree-sitter.js', sourcemap: false, minify: true });
for (const wasm of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) copyFileSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${wasm}`, `dist/${wasm}`);

// The CLI: a small launcher (dist/cli.js, the `bin`) that loads the CLI bundle (dist/cli-main.js) through the V8
// code cache; worker threads start from the launcher too. Without whitespace and comments the bundles are a fifth
// smaller and plain ASCII (esbuild escapes other characters in strings; comments keep them), which every process
// start reads without UTF-8 decoding; stack traces map back through the source maps.
await build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli-main.js', minifyWhitespace: true });
await build({
  ...common,
  entryPoints: ['src/cli/launch.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/cli.js', 0o755);

// The language server: the same core, over LSP. TypeScript (ts-morph) loads lazily inside it.
// dist/server.js is a launcher like the CLI's: it loads dist/server-main.js through the V8 code cache.
await build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server-main.js', minifyWhitespace: true });
await build({ ...common, entryPoints: ['src/server/launch.ts'], outfile: 'dist/server.js' });

// The VS Code extension: a thin client. `vscode` is provided by the editor.
await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true });
// The rule documentation pages, read offline by `agent-guardrail explain` and by editors (Show documentation).
rmSync('dist/docs', { recursive: true, force: true });
cpSync('src/core/rules', 'dist/docs/rules', { recursive: true, filter: (source) => !source.endsWith('.ts') });
if (watch) console.log('watch mode is not supported; run npm run build again');
