// Compares the Python parsers that run offline from the npm registry on real agent repositories:
//   - @lezer/python (pure JavaScript, synchronous),
//   - web-tree-sitter + tree-sitter-python's grammar WASM,
//   - @vscode/tree-sitter-wasm: VS Code's build of the web-tree-sitter runtime with the same Python grammar.
// It reports parse speed, accuracy (syntax errors on files CPython accepts, and exact positions of every string
// token and call against CPython's own tokenize/ast) and the bundle size each would add to the VSIX.
//
// The candidates are not dependencies of the product; install them next to it without saving first:
//   npm install --no-save @lezer/python web-tree-sitter tree-sitter-python
//   node test/bench/python-parsers.mjs [repository directories …]
// Needs python3 (for the reference positions). Default repositories: the three under /work/repos.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const require = createRequire(join(process.cwd(), 'package.json'));
const DEFAULT_REPOS = ['openai__openai-agents-python', 'modelcontextprotocol__python-sdk', 'crewAIInc__crewAI'].map((name) => `/work/repos/${name}`);
const repos = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_REPOS;

function pythonFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !['node_modules', '.git', '.venv'].includes(entry.name)) pythonFiles(path, out);
    else if (entry.isFile() && entry.name.endsWith('.py')) out.push(path);
  }
  return out;
}

// Reference positions from CPython: UTF-16 offsets (what JavaScript strings index) of every STRING token and every
// ast.Call. Files CPython rejects (templates …) are left out of every measurement.
const REFERENCE = String.raw`
import ast, io, json, sys, tokenize, warnings
warnings.simplefilter('ignore')
out = {}
for path in sys.stdin.read().split('\n'):
    if not path: continue
    text = open(path, encoding='utf-8', newline='').read()
    try: tree = ast.parse(text)
    except SyntaxError: continue
    lines = text.split('\n')
    lines = [line + '\n' for line in lines[:-1]] + [lines[-1]]
    starts = [0]
    for line in lines: starts.append(starts[-1] + len(line.encode('utf-16-le')) // 2)
    def u16(row, col_chars): return starts[row - 1] + len(lines[row - 1][:col_chars].encode('utf-16-le')) // 2 if row <= len(lines) else starts[-1]
    def u16b(row, col_bytes): return u16(row, len(lines[row - 1].encode('utf-8')[:col_bytes].decode('utf-8')))
    strings = [[u16(*t.start), u16(*t.end)] for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type == tokenize.STRING]
    calls = [[u16b(n.lineno, n.col_offset), u16b(n.end_lineno, n.end_col_offset)] for n in ast.walk(tree) if isinstance(n, ast.Call)]
    out[path] = {'strings': strings, 'calls': calls}
json.dump(out, sys.stdout)
`;

/** CPython's positions, cached in the temporary directory (tokenizing 30 MB takes minutes on a busy machine). */
function reference(files) {
  const key = createHash('sha256').update(files.join('\n')).update(REFERENCE).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), `python-parsers-reference-${key}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  const json = execFileSync('python3', ['-c', REFERENCE], { input: files.join('\n'), maxBuffer: 1 << 30 });
  writeFileSync(cache, json);
  return JSON.parse(json);
}

const versionOf = (name) => JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------- candidates

async function lezerCandidate() {
  const started = performance.now();
  const { parser } = require('@lezer/python');
  return {
    initMs: performance.now() - started,
    name: '@lezer/python',
    version: versionOf('@lezer/python'),
    parse: (text) => parser.parse(text),
    free: () => {},
    spans(tree) {
      const strings = new Set();
      const calls = new Set();
      let errors = 0;
      tree.iterate({
        enter(node) {
          if (node.type.isError) errors++;
          else if (node.name === 'String' || node.name === 'FormatString') strings.add(`${node.from}:${node.to}`);
          else if (node.name === 'CallExpression') calls.add(`${node.from}:${node.to}`);
        },
      });
      return { strings, calls, errors };
    },
    entry: "export { parser } from '@lezer/python';",
    wasm: [],
  };
}

/** A web-tree-sitter runtime with the Python grammar: the npm packages, or the build VS Code ships. */
function treeSitterCandidate({ name, runtime, runtimeWasm, grammar, version }) {
  const candidate = async () => {
    const { Parser, Language } = require(runtime);
    const runtimeBytes = readFileSync(require.resolve(runtimeWasm));
    const started = performance.now();
    await Parser.init({ wasmBinary: runtimeBytes });
    const language = await Language.load(readFileSync(require.resolve(grammar)));
    const parser = new Parser();
    parser.setLanguage(language);
    const initMs = performance.now() - started;
    return {
      name,
      version: version(),
      initMs,
      parse: (text) => parser.parse(text),
      free: (tree) => tree.delete(),
      spans(tree) {
        const strings = new Set();
        const calls = new Set();
        let errors = 0;
        const cursor = tree.walk();
        // Iterative pre-order walk (a recursive one overflows on deep files).
        for (;;) {
          const type = cursor.nodeType;
          if (type === 'ERROR' || cursor.currentNode.isMissing) errors++;
          else if (type === 'string') strings.add(`${cursor.startIndex}:${cursor.endIndex}`);
          else if (type === 'call') calls.add(`${cursor.startIndex}:${cursor.endIndex}`);
          if (cursor.gotoFirstChild()) continue;
          while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return cursor.delete(), { strings, calls, errors };
        }
      },
      entry: `export { Parser, Language } from '${runtime}';`,
      wasm: [require.resolve(runtimeWasm), require.resolve(grammar)],
    };
  };
  Object.defineProperty(candidate, 'name', { value: name });
  return candidate;
}

const treeSitterNpm = treeSitterCandidate({
  name: 'web-tree-sitter + tree-sitter-python',
  runtime: 'web-tree-sitter',
  runtimeWasm: 'web-tree-sitter/web-tree-sitter.wasm',
  grammar: 'tree-sitter-python/tree-sitter-python.wasm',
  version: () => `${versionOf('web-tree-sitter')} + ${versionOf('tree-sitter-python')}`,
});

const treeSitterVscode = treeSitterCandidate({
  name: '@vscode/tree-sitter-wasm (runtime and Python grammar)',
  runtime: '@vscode/tree-sitter-wasm',
  runtimeWasm: '@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm',
  grammar: '@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm',
  version: () => versionOf('@vscode/tree-sitter-wasm'),
});

async function bundleSize(candidate) {
  const result = await build({
    stdin: { contents: candidate.entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles[0].contents;
  const wasm = candidate.wasm.map((path) => readFileSync(path));
  const raw = js.length + wasm.reduce((sum, bytes) => sum + bytes.length, 0);
  const gzip = gzipSync(js).length + wasm.reduce((sum, bytes) => sum + gzipSync(bytes).length, 0);
  return { raw, gzip };
}

// ---------------------------------------------------------------- measurement

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * Parse time of every candidate over the same files. The machine is shared, so the candidates take turns file by
 * file (load changes hit them alike), over three passes; each candidate keeps its fastest pass.
 */
function time(candidates, texts) {
  for (const candidate of candidates) for (const text of texts.slice(0, 200)) candidate.free(candidate.parse(text));
  const best = candidates.map(() => Infinity);
  for (let pass = 0; pass < 3; pass++) {
    const total = candidates.map(() => 0);
    for (const text of texts) {
      candidates.forEach((candidate, i) => {
        const start = performance.now();
        candidate.free(candidate.parse(text));
        total[i] += performance.now() - start;
      });
    }
    total.forEach((ms, i) => (best[i] = Math.min(best[i], ms)));
  }
  return best;
}

async function accuracy(candidate, files, texts, truth) {
  let errorFiles = 0;
  let stringHits = 0;
  let stringTotal = 0;
  let callHits = 0;
  let callTotal = 0;
  const misses = [];
  for (let i = 0; i < files.length; i++) {
    const tree = candidate.parse(texts[i]);
    const { strings, calls, errors } = candidate.spans(tree);
    candidate.free(tree);
    if (errors) errorFiles++;
    const expected = truth[files[i]];
    for (const [from, to] of expected.strings) {
      stringTotal++;
      if (strings.has(`${from}:${to}`)) stringHits++;
      else if (misses.length < 5) misses.push(`${files[i]}: string ${JSON.stringify(texts[i].slice(from, Math.min(to, from + 40)))}`);
    }
    for (const [from, to] of expected.calls) {
      callTotal++;
      if (calls.has(`${from}:${to}`)) callHits++;
      else if (misses.length < 10) misses.push(`${files[i]}: call ${JSON.stringify(texts[i].slice(from, Math.min(to, from + 40)))}`);
    }
  }
  const size = await bundleSize(candidate);
  return {
    parser: `${candidate.name} ${candidate.version}`,
    'load ms': +candidate.initMs.toFixed(1),
    'files with syntax errors': errorFiles,
    'string positions exact': `${((100 * stringHits) / stringTotal).toFixed(2)}% of ${stringTotal}`,
    'call positions exact': `${((100 * callHits) / callTotal).toFixed(2)}% of ${callTotal}`,
    'bundle (raw)': kb(size.raw),
    'bundle (gzip)': kb(size.gzip),
    misses,
  };
}

const all = repos.flatMap((repo) => pythonFiles(repo));
const truth = reference(all);
const files = all.filter((path) => truth[path]);
console.log(`${files.length} Python files that CPython ${execFileSync('python3', ['--version']).toString().trim().split(' ')[1]} parses (${all.length - files.length} rejected, left out) in ${repos.length} repositories`);
const candidates = [];
for (const load of [lezerCandidate, treeSitterNpm, treeSitterVscode]) {
  try {
    candidates.push(await load());
  } catch (error) {
    console.log(`${load.name}: not installed (${error.code ?? error.message}); see the header of this script`);
  }
}
const texts = files.map((path) => readFileSync(path, 'utf8'));
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
console.log(`${megabytes.toFixed(1)} MB of source`);
const times = time(candidates, texts);
for (const [i, candidate] of candidates.entries()) {
  const { misses, ...row } = await accuracy(candidate, files, texts, truth);
  row['parse ms (all files)'] = Math.round(times[i]);
  row['ms per MB'] = +(times[i] / megabytes).toFixed(1);
  console.log(`\n${row.parser}`);
  for (const [key, value] of Object.entries(row)) if (key !== 'parser') console.log(`  ${key.padEnd(26)} ${value}`);
  if (misses.length) console.log(`  first misses:\n    ${misses.join('\n    ')}`);
}
