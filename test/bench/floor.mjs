// The audit floor of PRODUCT.md §8: on one thread, read every file of a tree and parse the TS/JS ones with
// TypeScript (the copy the core uses, through ts-morph). Nothing else: no detection, no report.
//
//   node test/bench/floor.mjs <tree>     one cold pass in a fresh process; prints JSON timings

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../../package.json', import.meta.url));

/** TypeScript as the core loads it. */
export function loadTypeScript() {
  return require('ts-morph').ts;
}

const CODE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
// The directories our audit's walk skips outside git (SKIPPED_DIRECTORIES in src/core/files.ts), so both read the
// same files.
const SKIPPED = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.turbo',
  '.cache', '.parcel-cache', '.vercel', '.svelte-kit', '.output', 'vendor', '__pycache__', '.venv', 'venv',
  '.tox', 'target', '.gradle', '.idea', '.vscode-test',
]);

export function scriptKind(ts, path) {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function parse(ts, path, text) {
  return ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind(ts, path));
}

/** One floor pass; returns what it did and how long it took (ms). */
export function floorPass(ts, tree) {
  const started = performance.now();
  let files = 0;
  let codeFiles = 0;
  let bytes = 0;
  const stack = [tree];
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) stack.push(path);
        continue;
      }
      if (!entry.isFile()) continue;
      const buffer = readFileSync(path);
      const text = buffer.toString('utf8');
      files++;
      bytes += buffer.length;
      if (CODE.test(entry.name) && !/\.d\.[mc]?ts$/i.test(entry.name)) {
        parse(ts, path, text);
        codeFiles++;
      }
    }
  }
  return { files, codeFiles, bytes, ms: performance.now() - started };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const loadStart = performance.now();
  const ts = loadTypeScript();
  const loadMs = performance.now() - loadStart;
  const pass = floorPass(ts, process.argv[2]);
  process.stdout.write(JSON.stringify({ loadMs, ...pass }) + '\n');
}
