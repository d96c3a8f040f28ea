#!/usr/bin/env node
// The syntax collectors' text gates (src/core/syntax.ts) decide from a file's text that a parse can find nothing, and
// skip it. This checks that claim on real trees: every TS/JS file is analysed twice, as the product does and with
// every file parsed, and any difference in findings, notes or facts is printed. Notes of the parse itself (syntax
// errors, a shape TypeScript must not parse) are left out: a file that needs no parse rightly has none.
// Also prints how many code files, and how many of their bytes, still need a parse.
//
//   npx tsc -p . && node test/eval/parse-gates.mjs DIR [DIR …]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './score.mjs';

const require = createRequire(import.meta.url);
const { analyzeFile } = require(join(REPO_ROOT, 'out/src/core/analyze.js'));
const { defaultConfig } = require(join(REPO_ROOT, 'out/src/core/config.js'));
const { fileKind } = require(join(REPO_ROOT, 'out/src/core/files.js'));
const typescript = require(join(REPO_ROOT, 'out/src/core/languages/typescript.js'));

// Count parses: the compiled modules call parseSourceFile through its module's exports.
let parses = 0;
const parseSourceFile = typescript.parseSourceFile;
typescript.parseSourceFile = (...args) => {
  parses++;
  return parseSourceFile(...args);
};

const SKIP = new Set(['node_modules', '.git', 'dist', 'build', 'out']);
function listCode(directory, files = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) listCode(path, files);
    } else if (entry.isFile() && fileKind(entry.name) === 'code' && statSync(path).size < 2 * 1024 * 1024) files.push(path);
  }
  return files;
}

/** What a user or a cross-file rule sees of one file's analysis. */
const visible = (analysis) =>
  JSON.stringify({
    findings: analysis.findings.map(({ ruleId, range, message }) => ({ ruleId, range, message })),
    notes: analysis.notes.filter((note) => !/syntax errors?; analysed what parsed|modifiers or decorators in a row/.test(note.reason)),
    facts: analysis.facts,
  });

const config = defaultConfig();
const now = new Date('2026-12-01T00:00:00Z');
let differences = 0;
for (const root of process.argv.slice(2).map((dir) => resolve(dir))) {
  let files = 0;
  let bytes = 0;
  let parsed = 0;
  let parsedBytes = 0;
  for (const file of listCode(root)) {
    const text = readFileSync(file, 'utf8');
    const path = relative(root, file);
    const before = parses;
    const gated = analyzeFile({ path, text }, config, { now });
    const wasParsed = parses > before;
    const full = analyzeFile({ path, text }, config, { now, parseEveryCodeFile: true });
    files++;
    bytes += text.length;
    if (wasParsed) {
      parsed++;
      parsedBytes += text.length;
    }
    if (visible(gated) !== visible(full)) {
      differences++;
      console.log(`DIFFERENT ${root}/${path}\n  gated: ${visible(gated).slice(0, 600)}\n  full:  ${visible(full).slice(0, 600)}`);
    }
  }
  console.log(`${root}: ${files} code files; parsed ${parsed} (${((100 * parsed) / Math.max(files, 1)).toFixed(0)} %), ${((100 * parsedBytes) / Math.max(bytes, 1)).toFixed(0)} % of the bytes`);
}
console.log(differences ? `${differences} files differ` : 'no differences');
process.exitCode = differences ? 1 : 0;
