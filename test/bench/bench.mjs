// `npm run bench`: the performance budgets of PRODUCT.md §8, each as a ratio measured in the same run.
//
//   (a) analysis of one generated 2,000-line agent TS file ÷ TypeScript's own parse of it      budget ≤ 2
//   (b) `audit` of a generated 2,000-file agent tree (process included) ÷ the floor            budget ≤ 1.5
//       secretlint (preset-recommend) on the same tree ÷ our audit                             budget ≥ 20
//   (c) `audit --staged --daemon` (what the installed hook runs: the warm process) with 20 staged files ÷ secretlint
//       on the same files                                                                       budget ≤ 0.8
//       (and the same as a fresh process, `audit --staged`, for information)
//   (d) peak RSS of the 2,000-file and the 10,000-file audit                                   budget < 300 MB
//   (f) the language server: first diagnostics after a file is opened (test/bench/editor.mjs)    budget ≤ 1000 ms
//   (py) Python: analysis of one generated 2,000-line Python agent module ÷ tree-sitter's own parse   budget ≤ 2
//        `audit` of a generated 1,000-module Python tree (process included) ÷ its floor (read + parse)  budget ≤ 1.5
//
// A script, not a test: it prints a table (and test/.tmp/bench-results.json) and always exits 0.
// Every timing is taken as wall time (what the budgets speak of) and as CPU time (user + system, all
// threads): on a machine shared with other work the wall ratio drifts with the load, the CPU ratio much less.
//
// Sizes and repetitions come from environment variables:
//   BENCH_LINES=2000  BENCH_FILES=2000  BENCH_BIG_FILES=10000 (0 skips)  BENCH_STAGED=20  BENCH_PY_FILES=1000 (0 skips)
//   BENCH_FILE_REPEAT=25 (samples in a)  BENCH_REPEAT=3 (rounds of process runs in b, after one warm-up round)
//   BENCH_SKIP_SECRETLINT=1  BENCH_SKIP_GIT=1  BENCH_KEEP=1 (keep the generated trees and print where)
//
// (e) Real repositories, when given (the default run needs nothing outside this repository):
//   BENCH_REPOS=/path/a:/path/b   or   node test/bench/bench.mjs --repos /path/a,/path/b
// For each: our audit, the floor (as a process and in-process), secretlint, a cached re-audit, and the same audit
// served by the warm process of `audit --daemon` (no budget: for reference), interleaved.
//   BENCH_REPO_REPEAT=3 (rounds after one warm-up)  BENCH_SLOW_MS=20000 (a contender slower than this runs once)
//   BENCH_ONLY=e (or any of a,b,c,d,f,py,e, comma-separated: only those sections)

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { benchLanguageServer } from './editor.mjs';
import { floorPass, loadTypeScript, parse } from './floor.mjs';
import { bigPythonFile, writePythonTree } from './generate-python.mjs';
import { bigAgentFile, treeFiles, writeTree } from './generate.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const require = createRequire(join(repo, 'package.json'));
const BUILT_CLI = join(repo, 'dist/cli.js');
const SECRETLINT = join(repo, 'node_modules/secretlint/bin/secretlint.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const PROBE = join(repo, 'test/bench/rss-probe.cjs');
const NODE = process.execPath;
const SECRETLINTRC = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });

const num = (name, fallback) => {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) ? value : fallback;
};
const SIZES = {
  lines: num('BENCH_LINES', 2000),
  files: num('BENCH_FILES', 2000),
  bigFiles: num('BENCH_BIG_FILES', 10000),
  staged: num('BENCH_STAGED', 20),
  pyFiles: num('BENCH_PY_FILES', 1000),
  fileRepeat: num('BENCH_FILE_REPEAT', 25),
  repeat: Math.max(1, num('BENCH_REPEAT', 3)),
};
const repoArg = process.argv.indexOf('--repos');
const REPOS = (repoArg >= 0 ? (process.argv[repoArg + 1] ?? '').split(',') : (process.env.BENCH_REPOS ?? '').split(':'))
  .filter(Boolean)
  .map((path) => resolve(path));
const REPO_REPEAT = Math.max(1, num('BENCH_REPO_REPEAT', 3));
const SLOW_MS = num('BENCH_SLOW_MS', 20000);
// BENCH_ONLY=a,b,c,d,f,py,e (or `repos` for e): run only these sections.
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean).map((name) => (name === 'repos' ? 'e' : name)));
const runs = (section) => !ONLY.size || ONLY.has(section);
const SKIP_SECRETLINT = process.env.BENCH_SKIP_SECRETLINT === '1';
const SKIP_GIT = process.env.BENCH_SKIP_GIT === '1';
const KEEP = process.env.BENCH_KEEP === '1';

// A clean heap before each in-process sample, for both sides alike.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => (value === undefined || !Number.isFinite(value) ? undefined : +value.toFixed(digits));
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** Scratch directories of earlier bench runs that were killed (their owner process is gone) are removed. */
function removeStaleScratch() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('guardrail-bench-')) continue;
    const dir = join(tmpdir(), name);
    let pid;
    try {
      pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    } catch {
      continue; // not ours to judge
    }
    try {
      process.kill(pid, 0);
    } catch (error) {
      if (error.code === 'ESRCH') rmSync(dir, { recursive: true, force: true });
    }
  }
}
removeStaleScratch();
const scratch = mkdtempSync(join(tmpdir(), 'guardrail-bench-'));
writeFileSync(join(scratch, 'pid'), String(process.pid));
// The bundle is run from a private copy: other people may rebuild dist/ while the bench runs.
let CLI = BUILT_CLI;

// --------------------------------------------------------------------------------------------- build inputs

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** dist/cli.js (the shipped bundle) and out/ (tsc output, for the in-process measurement), fresh. */
function ensureBuilt() {
  const srcTime = newestMtime(join(repo, 'src'));
  const cliTime = existsSync(BUILT_CLI) ? statSync(BUILT_CLI).mtimeMs : 0;
  if (cliTime < srcTime) {
    log('dist/cli.js is missing or older than src/: building (node test/tools/build.mjs)');
    execFileSync(NODE, [join(repo, 'test/tools/build.mjs')], { cwd: repo, stdio: 'inherit' });
  }
  const analyzeJs = join(repo, 'out/src/core/analyze.js');
  const outTime = existsSync(analyzeJs) ? statSync(analyzeJs).mtimeMs : 0;
  if (outTime < srcTime) {
    log('out/ is missing or older than src/: compiling (npx tsc -p .)');
    try {
      execFileSync('npx', ['tsc', '-p', '.'], { cwd: repo, stdio: ['ignore', 'ignore', 'ignore'] });
    } catch {
      log('tsc reported type errors (work in progress elsewhere?); measuring what it emitted');
    }
  }
  // The whole of dist/: the CLI loads dist/typescript.js (and maybe more) from its own directory.
  cpSync(join(repo, 'dist'), join(scratch, 'dist'), { recursive: true });
  CLI = join(scratch, 'dist/cli.js');
}

// ------------------------------------------------------------------------------------------- measuring

/** Time one in-process call: wall and CPU milliseconds, after a GC. */
function timeCall(fn) {
  gc();
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * Run a node script as a child process: wall time (spawn to exit, process start included), CPU time and peak
 * RSS. Those come from /usr/bin/time when present, else from a preloaded probe reading resourceUsage().
 */
function runNode(args, { cwd, env: extraEnv = {} } = {}) {
  const statsFile = join(scratch, `stats-${process.hrtime.bigint()}`);
  let command = NODE;
  let argv = args;
  const env = { ...process.env, NO_COLOR: '1', ...extraEnv };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  if (TIME) {
    command = TIME;
    argv = ['-f', '%M %U %S', '-o', statsFile, NODE, ...args];
  } else {
    argv = ['-r', PROBE, ...args];
    env.BENCH_RSS_FILE = statsFile;
  }
  const started = performance.now();
  const result = spawnSync(command, argv, { cwd, env, maxBuffer: 2 * 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - started;
  let rssKb;
  let cpuMs;
  try {
    const lines = readFileSync(statsFile, 'utf8').trim().split('\n');
    const [rss, user, system] = lines[lines.length - 1].split(' ').map(Number);
    rssKb = rss;
    cpuMs = (user + system) * 1000;
    rmSync(statsFile);
  } catch {
    // no statistics: the run failed before exiting normally
  }
  return { ms, cpuMs, rssKb, status: result.status, stdout: result.stdout, stderr: result.stderr?.toString() ?? '' };
}

/** A run counts only if it exited 0/1 and printed a whole JSON report (a crash can exit 1 too). */
function valid(sample, json) {
  if (sample.status !== 0 && sample.status !== 1) return false;
  if (!json) return true;
  try {
    JSON.parse(sample.stdout.toString());
    return true;
  } catch {
    return false;
  }
}

/**
 * Interleaved runs: `warmup` untimed rounds, then `runs` rounds in which each contender runs once, so that load
 * from other processes on the machine hits all contenders alike. A contender that fails is dropped.
 */
function interleave(contenders, { runs, warmup = 1 }) {
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const failed = {};
  for (let pass = 0; pass < warmup + runs; pass++) {
    for (const [name, { run, json = false }] of Object.entries(contenders)) {
      if (failed[name] || (pass > 0 && samples[name].some((sample) => sample.ms > SLOW_MS))) continue;
      const sample = run();
      if (sample.status !== undefined && !valid(sample, json)) {
        log(`${name}: exit ${sample.status}\n${sample.stderr.slice(0, 2000)}`);
        failed[name] = sample.stderr.slice(0, 500) || `exit ${sample.status}`;
        continue;
      }
      // A slow contender's warm-up run is its one sample.
      if (pass >= warmup || sample.ms > SLOW_MS) samples[name].push(sample);
    }
    if (runs > 1 || warmup) log(`  round ${pass + 1}/${warmup + runs}${pass < warmup ? ' (warm-up)' : ''}: ${Object.keys(contenders).map((name) => `${name} ${failed[name] ? 'failed' : `${(pass >= warmup ? samples[name].at(-1) : undefined)?.ms.toFixed(0) ?? '-'} ms`}`).join(', ')}`);
  }
  const result = {};
  for (const [name, list] of Object.entries(samples)) {
    if (failed[name]) result[name] = { failed: failed[name] };
    else result[name] = summarize(list);
  }
  return result;
}

function summarize(list) {
  const cpu = list.map((s) => s.cpuMs).filter((v) => v !== undefined);
  const rss = list.map((s) => s.rssKb).filter((v) => v !== undefined);
  return {
    ms: round(median(list.map((s) => s.ms)), 1),
    cpuMs: cpu.length ? round(median(cpu), 1) : undefined,
    raw: list.map((s) => round(s.ms, 0)),
    rawCpu: cpu.map((v) => round(v, 0)),
    rssMb: rss.length ? round(Math.max(...rss) / 1024, 0) : undefined,
    last: list.at(-1),
  };
}

function ourReport(sample) {
  try {
    const report = JSON.parse(sample.stdout.toString());
    const noteKinds = {};
    for (const note of report.notes ?? []) noteKinds[note.kind] = (noteKinds[note.kind] ?? 0) + 1;
    const rules = {};
    for (const finding of report.findings ?? []) rules[finding.ruleId] = (rules[finding.ruleId] ?? 0) + 1;
    return { filesAnalyzed: report.summary?.filesAnalyzed, findings: report.findings?.length, rules, notes: report.notes?.length, noteKinds };
  } catch {
    return {};
  }
}

function secretlintReport(sample) {
  try {
    const report = JSON.parse(sample.stdout.toString());
    return { filesScanned: report.length, filesWithFindings: report.filter((file) => file.messages.length).length, findings: report.reduce((n, file) => n + file.messages.length, 0) };
  } catch {
    return {};
  }
}

/** Drop the kept output of the last run (large) once it has been read. */
function finish(summary, report) {
  if (!summary || summary.failed) return summary;
  const { last, ...rest } = summary;
  return { ...rest, ...(report && last ? report(last) : {}) };
}

const git = (cwd, ...args) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });

// ----------------------------------------------------------------------------------------------- benches

/** Samples of an analysis and of the parse it stands on, after 10 warm-ups, in alternating order. */
function sampleAgainstParse(analyze, parseOnly) {
  for (let i = 0; i < 10; i++) {
    timeCall(parseOnly);
    timeCall(analyze);
  }
  const parseSamples = [];
  const analyzeSamples = [];
  for (let i = 0; i < SIZES.fileRepeat; i++) {
    // Alternate the order so that neither side always runs right after the other.
    if (i % 2) {
      parseSamples.push(timeCall(parseOnly));
      analyzeSamples.push(timeCall(analyze));
    } else {
      analyzeSamples.push(timeCall(analyze));
      parseSamples.push(timeCall(parseOnly));
    }
  }
  return { analyzeSamples, parseSamples };
}

/** (a) One large agent file: our whole analysis vs TypeScript's parse of the same text, in-process. */
function benchFile() {
  const { analyzeFile } = require(join(repo, 'out/src/core/analyze.js'));
  const { defaultConfig } = require(join(repo, 'out/src/core/config.js'));
  const ts = loadTypeScript();
  const text = bigAgentFile(SIZES.lines);
  const path = 'src/agents/research-agent.ts';
  const config = defaultConfig();
  const analyze = () => analyzeFile({ path, text }, config);
  const parseOnly = () => parse(ts, path, text);
  const findings = analyze().findings.length;
  const { analyzeSamples, parseSamples } = sampleAgainstParse(analyze, parseOnly);

  // Where the analysis time goes (internal modules: skipped if their shape changed). CPU ms, medians.
  const breakdown = {};
  try {
    const tsLang = require(join(repo, 'out/src/core/languages/typescript.js'));
    const detect = require(join(repo, 'out/src/core/secrets/detect.js'));
    const files = require(join(repo, 'out/src/core/files.js'));
    const sourceFile = parseOnly();
    const contexts = tsLang.collectSecretContexts(sourceFile);
    const phases = {
      looksMinified: () => files.looksMinified(path, text),
      collectSecretContexts: () => tsLang.collectSecretContexts(sourceFile),
      detectSecrets: () => detect.detectSecrets(text, contexts.namedValues, contexts.foldedValues, {}),
    };
    for (const [name, fn] of Object.entries(phases)) {
      for (let i = 0; i < 5; i++) timeCall(fn);
      breakdown[name] = round(median(Array.from({ length: SIZES.fileRepeat }, () => timeCall(fn).cpuMs)), 2);
    }
  } catch (error) {
    breakdown.unavailable = error.message;
  }

  return {
    lines: text.split('\n').length - 1,
    bytes: Buffer.byteLength(text),
    findings,
    ours: summarize(analyzeSamples),
    baseline: summarize(parseSamples),
    breakdown,
  };
}

/** (b) + (d) for the 2,000-file tree. */
function benchTree() {
  const tree = join(scratch, 'tree');
  mkdirSync(tree);
  const genStart = performance.now();
  const stats = writeTree(tree, { files: SIZES.files });
  // secretlint reads its config from the working directory; our audit and the floor read this file too.
  writeFileSync(join(tree, '.secretlintrc.json'), SECRETLINTRC);
  log(`generated ${stats.files} files, ${stats.lines} lines, ${(stats.bytes / 1e6).toFixed(1)} MB in ${(performance.now() - genStart).toFixed(0)} ms`);
  const result = { tree: { ...stats, files: stats.files + 1 } };

  //   floor         in-process, TypeScript loaded and warm (the budget's baseline)
  //   floorProcess  the floor as a fresh process: node start-up + loading TypeScript + a cold JIT
  //   ours          `audit . --format json` as a process (the tree is not a git repository: discovery walks)
  //   secretlint    `secretlint "**/*" --format json` as a process, default options
  const ts = loadTypeScript();
  let floorInfo;
  const contenders = {
    floor: {
      run: () => {
        let sample;
        const timing = timeCall(() => (sample = floorPass(ts, tree)));
        floorInfo = sample;
        return timing;
      },
    },
    floorProcess: { run: () => runNode([join(repo, 'test/bench/floor.mjs'), tree]), json: true },
    ours: { run: () => runNode([CLI, 'audit', '.', '--format', 'json'], { cwd: tree }), json: true },
    ...(SKIP_SECRETLINT ? {} : { secretlint: { run: () => runNode([SECRETLINT, '**/*', '--format', 'json'], { cwd: tree }), json: true } }),
  };
  const runs = interleave(contenders, { runs: SIZES.repeat, warmup: 1 });
  result.floor = { ...finish(runs.floor), files: floorInfo?.files, codeFiles: floorInfo?.codeFiles };
  result.floorProcess = finish(runs.floorProcess);
  result.ours = finish(runs.ours, ourReport);
  if (runs.secretlint) result.secretlint = finish(runs.secretlint, secretlintReport);

  // Node's own start-up, and ours (`--version`: loading the bundle, no work).
  const startup = interleave({ node: { run: () => runNode(['-e', '0']) }, cli: { run: () => runNode([CLI, '--version']) } }, { runs: 5, warmup: 1 });
  result.nodeStartup = finish(startup.node);
  result.cliStartup = finish(startup.cli);

  if (!SKIP_GIT) {
    // The same tree as a git repository: discovery asks git (ls-files) instead of walking.
    const gitStart = performance.now();
    git(tree, 'init', '-q');
    git(tree, 'add', '-A');
    git(tree, 'commit', '-q', '-m', 'tree');
    log(`git repository made in ${(performance.now() - gitStart).toFixed(0)} ms; our audit again:`);
    const inGit = interleave({ ours: { run: () => runNode([CLI, 'audit', '.', '--format', 'json'], { cwd: tree }), json: true } }, { runs: SIZES.repeat, warmup: 0 });
    result.oursGit = finish(inGit.ours, ourReport);
    rmSync(join(tree, '.git'), { recursive: true, force: true });
  }
  if (KEEP) result.treePath = tree;
  else rmSync(tree, { recursive: true, force: true });
  return result;
}

/**
 * tree-sitter-python as the product runs it (@vscode/tree-sitter-wasm, installed into the core by the product's own
 * loader), and a bare parser on the same runtime for the parser's own parse time (the tree is freed, not walked).
 */
async function loadPython() {
  const { loadPythonParser } = require(join(repo, 'out/src/node/python-parser.js'));
  if (!(await loadPythonParser())) throw new Error('the Python parser did not load');
  const { Parser, Language } = require('@vscode/tree-sitter-wasm');
  const directory = dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
  const parser = new Parser();
  parser.setLanguage(await Language.load(readFileSync(join(directory, 'tree-sitter-python.wasm'))));
  return { parse: (text) => parser.parse(text)?.delete() };
}

/** (py) One large Python agent module: our whole analysis vs tree-sitter's parse of the same text, in-process. */
function benchPythonFile(python) {
  const { analyzeFile } = require(join(repo, 'out/src/core/analyze.js'));
  const { defaultConfig } = require(join(repo, 'out/src/core/config.js'));
  const text = bigPythonFile(SIZES.lines);
  const config = defaultConfig();
  const analyze = () => analyzeFile({ path: 'src/agents/research_agent.py', text }, config);
  const findings = analyze().findings.length;
  const { analyzeSamples, parseSamples } = sampleAgainstParse(analyze, () => python.parse(text));
  return { lines: text.split('\n').length - 1, bytes: Buffer.byteLength(text), findings, ours: summarize(analyzeSamples), baseline: summarize(parseSamples) };
}

/** The Python floor: read every file of the tree and parse each with tree-sitter, on one thread. */
function pythonFloorPass(python, tree) {
  let files = 0;
  const stack = [tree];
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) {
        python.parse(readFileSync(path, 'utf8'));
        files++;
      }
    }
  }
  return files;
}

/** (py) A tree of Python modules: our audit as a process vs the floor (read + tree-sitter parse) in-process. */
function benchPythonTree(python) {
  const tree = join(scratch, 'python-tree');
  const stats = writePythonTree(tree, { files: SIZES.pyFiles });
  log(`generated ${stats.files} Python modules, ${stats.lines} lines, ${(stats.bytes / 1e6).toFixed(1)} MB`);
  const runs = interleave(
    {
      floor: { run: () => timeCall(() => pythonFloorPass(python, tree)) },
      ours: { run: () => runNode([CLI, 'audit', '.', '--format', 'json'], { cwd: tree }), json: true },
    },
    { runs: SIZES.repeat, warmup: 1 },
  );
  if (!KEEP) rmSync(tree, { recursive: true, force: true });
  return { tree: stats, floor: finish(runs.floor), ours: finish(runs.ours, ourReport) };
}

/** (c) `audit --staged` with N staged files in a real repository vs secretlint on the same files. */
function benchStaged() {
  const dir = join(scratch, 'staged');
  mkdirSync(dir);
  git(dir, 'init', '-q');
  // History: a committed project of 200 files; then N files staged (half edits of committed files, half new).
  const base = [...treeFiles({ files: 200, seed: 11, secretCount: 0 })];
  for (const { path, text } of base) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, '.secretlintrc.json'), SECRETLINTRC);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const staged = [];
  [...treeFiles({ files: SIZES.staged, seed: 23, secretCount: 2 })].forEach(({ path, text }, i) => {
    // An edit replaces a committed file of the same kind (JSX in a .ts file would be all syntax errors).
    const edited = i % 2 === 0 ? base[i * 7] : undefined;
    const target = edited && extname(edited.path) === extname(path) ? edited.path : path;
    mkdirSync(join(dir, target, '..'), { recursive: true });
    writeFileSync(join(dir, target), text);
    staged.push(target);
  });
  git(dir, 'add', '--', ...staged);
  const lines = staged.reduce((n, path) => n + readFileSync(join(dir, path), 'utf8').split('\n').length - 1, 0);

  // What the installed hook runs: `audit --staged --daemon`, served by the warm process (its own cache directory
  // here, so that it is this build's and is stopped afterwards). Started and warmed before the rounds, so that its
  // start-up does not compete with the other contenders. Its CPU and RSS columns are the client's only.
  const warm = cliHasDaemon() ? { XDG_CACHE_HOME: join(scratch, 'daemon-cache'), AGENT_GUARDRAIL_DAEMON: undefined, CI: undefined } : undefined;
  if (warm) primeDaemon(dir, warm);
  const runs = interleave(
    {
      ours: { run: () => runNode([CLI, 'audit', '--staged', '--format', 'json'], { cwd: dir }), json: true },
      ...(warm && { warm: { run: () => runNode([CLI, 'audit', '--staged', '--daemon', '--format', 'json'], { cwd: dir, env: warm }), json: true } }),
      // What a pre-commit hook (lint-staged) runs: secretlint on the staged paths.
      ...(SKIP_SECRETLINT ? {} : { secretlint: { run: () => runNode([SECRETLINT, ...staged, '--format', 'json'], { cwd: dir }), json: true } }),
    },
    { runs: Math.max(5, SIZES.repeat), warmup: 1 },
  );
  if (warm) spawnSync(NODE, [CLI, 'daemon', 'stop'], { env: { ...process.env, ...warm }, encoding: 'utf8' });
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
  return {
    files: staged.length,
    lines,
    ours: finish(runs.ours, ourReport),
    ...(runs.warm && { warm: finish(runs.warm, ourReport) }),
    ...(runs.secretlint && { secretlint: finish(runs.secretlint, secretlintReport) }),
  };
}

/** Whether the CLI under test has `audit --daemon`. */
function cliHasDaemon() {
  return /--daemon/.test(spawnSync(NODE, [CLI, '--help'], { encoding: 'utf8' }).stdout ?? '');
}

/**
 * Start the warm process of `audit --daemon` and let it warm up: one audit starts it, `more` run in it (default: the
 * staged audit of (c)).
 */
function primeDaemon(dir, env, { args = ['audit', '--staged', '--daemon', '--format', 'json'], more = 5 } = {}) {
  const fullEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(fullEnv)) if (value === undefined) delete fullEnv[name];
  const audit = () => spawnSync(NODE, [CLI, ...args], { cwd: dir, env: fullEnv, encoding: 'utf8' });
  audit();
  const deadline = Date.now() + 30_000;
  while (!/is running/.test(spawnSync(NODE, [CLI, 'daemon', 'status'], { env: fullEnv, encoding: 'utf8' }).stdout ?? '')) {
    if (Date.now() > deadline) return log('the warm audit process did not start');
    spawnSync('sleep', ['0.2']);
  }
  for (let i = 0; i < more; i++) audit();
}

/** (d) for the 10,000-file tree: one audit, peak RSS and wall time. */
function benchBigTree() {
  const tree = join(scratch, 'big-tree');
  mkdirSync(tree);
  const genStart = performance.now();
  const stats = writeTree(tree, { files: SIZES.bigFiles, seed: 13, secretCount: 40 });
  log(`generated ${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB in ${(performance.now() - genStart).toFixed(0)} ms; our audit:`);
  const runs = interleave({ ours: { run: () => runNode([CLI, 'audit', '.', '--format', 'json'], { cwd: tree }), json: true } }, { runs: 1, warmup: 0 });
  if (!KEEP) rmSync(tree, { recursive: true, force: true });
  return { files: stats.files, lines: stats.lines, bytes: stats.bytes, ...finish(runs.ours, ourReport) };
}

/** Whether the CLI under test has `--cache` (the bench also measures builds from before it existed). */
function cliHasCache() {
  const help = spawnSync(NODE, [CLI, '--help'], { encoding: 'utf8' });
  return /--cache-location/.test(help.stdout ?? '');
}

/**
 * (e) One real repository: our audit, the floor (a process, as the issue's table; and in-process), secretlint,
 * with --cache a cold audit (cache removed first) and a warm one, and with --daemon the same audit served by the warm
 * process (no cache: every file analysed again, by code that is compiled and optimised already), interleaved round by
 * round.
 */
function benchRepo(path) {
  const name = path.split('/').filter(Boolean).at(-1);
  const ts = loadTypeScript();
  const cacheFile = join(scratch, `cache-${name}`);
  const ourArgs = [CLI, 'audit', '.', '--format', 'json'];
  // Its own cache directory, as in (c), so that the warm process is this build's and is stopped afterwards.
  const daemonEnv = cliHasDaemon() ? { XDG_CACHE_HOME: join(scratch, 'daemon-cache'), AGENT_GUARDRAIL_DAEMON: undefined, CI: undefined } : undefined;
  if (daemonEnv) primeDaemon(path, daemonEnv, { args: [...ourArgs.slice(1), '--daemon'], more: 1 });
  let floorInfo;
  const contenders = {
    floorProcess: { run: () => runNode([join(repo, 'test/bench/floor.mjs'), path]), json: true },
    floor: {
      run: () => {
        let sample;
        const timing = timeCall(() => (sample = floorPass(ts, path)));
        floorInfo = sample;
        return timing;
      },
    },
    ours: { run: () => runNode(ourArgs, { cwd: path }), json: true },
    ...(SKIP_SECRETLINT
      ? {}
      : {
          secretlint: {
            // secretlint reads .secretlintrc.json from the working directory: --secretlintrc points at ours instead.
            run: () => runNode([SECRETLINT, '**/*', '--format', 'json', '--secretlintrc', join(scratch, '.secretlintrc.json')], { cwd: path }),
            json: true,
          },
        }),
    ...(cliHasCache()
      ? {
          cacheCold: {
            run: () => {
              rmSync(cacheFile, { force: true });
              return runNode([...ourArgs, '--cache', '--cache-location', cacheFile], { cwd: path });
            },
            json: true,
          },
          cacheWarm: { run: () => runNode([...ourArgs, '--cache', '--cache-location', cacheFile], { cwd: path }), json: true },
        }
      : {}),
    ...(daemonEnv ? { daemon: { run: () => runNode([...ourArgs, '--daemon'], { cwd: path, env: daemonEnv }), json: true } } : {}),
  };
  const runs = interleave(contenders, { runs: REPO_REPEAT, warmup: 1 });
  if (daemonEnv) spawnSync(NODE, [CLI, 'daemon', 'stop'], { env: { ...process.env, ...daemonEnv }, encoding: 'utf8' });
  const result = { name, path };
  for (const key of Object.keys(runs)) {
    result[key] = finish(runs[key], key === 'secretlint' ? secretlintReport : key === 'floor' || key === 'floorProcess' ? undefined : ourReport);
  }
  result.floor = { ...result.floor, files: floorInfo?.files, codeFiles: floorInfo?.codeFiles, bytes: floorInfo?.bytes };
  if (result.cacheWarm && result.ours && result.cacheWarm.findings !== result.ours.findings) {
    result.cacheMismatch = `cached audit reported ${result.cacheWarm.findings} findings, uncached ${result.ours.findings}`;
  }
  if (result.daemon && result.ours && result.daemon.findings !== result.ours.findings) {
    result.daemonMismatch = `the warm process reported ${result.daemon.findings} findings, a fresh one ${result.ours.findings}`;
  }
  rmSync(cacheFile, { force: true });
  return result;
}

function benchRepos() {
  writeFileSync(join(scratch, '.secretlintrc.json'), SECRETLINTRC);
  const results = [];
  for (const path of REPOS) {
    if (!existsSync(path)) {
      log(`(e) ${path}: not found, skipped`);
      continue;
    }
    log(`(e) ${path}`);
    results.push(benchRepo(path));
  }
  return results;
}

function repoTable(repos) {
  const ratio = (a, b) => (a?.ms !== undefined && b?.ms !== undefined ? ratioOf(a.ms, b.ms) : undefined);
  const cpuRatio = (a, b) => (a?.cpuMs !== undefined && b?.cpuMs !== undefined ? ratioOf(a.cpuMs, b.cpuMs) : undefined);
  const sec = (s) => (s?.ms === undefined ? (s?.failed ? 'failed' : 'n/a') : `${(s.ms / 1000).toFixed(2)} s`);
  const head = ['repository', 'files', 'ours', 'floor', 'ours÷floor', '(cpu)', 'ours÷floor in-proc', 'secretlint', 'secretlint÷ours', 'warm cache÷ours', 'RSS', '--daemon', 'secretlint÷daemon'];
  const cells = repos.map((r) => [
    r.name,
    String(r.ours?.filesAnalyzed ?? r.floor?.files ?? ''),
    sec(r.ours),
    sec(r.floorProcess),
    String(ratio(r.ours, r.floorProcess) ?? ''),
    String(cpuRatio(r.ours, r.floorProcess) ?? ''),
    String(ratio(r.ours, r.floor) ?? ''),
    sec(r.secretlint),
    String(ratio(r.secretlint, r.ours) ?? ''),
    String(ratio(r.cacheWarm, r.ours) ?? ''),
    r.ours?.rssMb !== undefined ? `${r.ours.rssMb} MB` : '',
    r.daemon ? sec(r.daemon) : '',
    String(ratio(r.secretlint, r.daemon) ?? ''),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  const raw = (s) => (s?.raw ? `wall ${s.raw.join(' ')} | cpu ${s.rawCpu.join(' ')}` : s?.failed ? `FAILED: ${s.failed}` : 'n/a');
  const out = [
    `(e) real repositories: budgets ours ÷ floor ≤ 1.2 (floor: one thread, a fresh process, read + parse TS/JS), secretlint ÷ ours ≥ 1, warm cache ÷ ours ≤ 0.2`,
    `    --daemon: the same whole-tree audit served by the warm process (audit --daemon; no cache), for reference: no budget`,
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(line),
    '',
  ];
  for (const r of repos) {
    out.push(`  ${r.name}: ${r.floor?.files} files read by the floor (${r.floor?.codeFiles} parsed, ${((r.floor?.bytes ?? 0) / 1e6).toFixed(1)} MB); ${r.ours?.findings} findings ${JSON.stringify(r.ours?.rules ?? {})}`);
    for (const key of ['ours', 'floorProcess', 'floor', 'secretlint', 'cacheCold', 'cacheWarm', 'daemon']) if (r[key]) out.push(`    ${key.padEnd(13)} ${raw(r[key])}${key === 'daemon' ? " (cpu is the client's)" : ''}`);
    if (r.cacheMismatch) out.push(`    CACHE MISMATCH: ${r.cacheMismatch}`);
    if (r.daemonMismatch) out.push(`    DAEMON MISMATCH: ${r.daemonMismatch}`);
  }
  return out.join('\n');
}

// --------------------------------------------------------------------------------------------------- report

const ratioOf = (a, b) => (a === undefined || b === undefined || !b ? undefined : round(a / b, 2));
const fmtMs = (value) => (value === undefined ? 'n/a' : `${round(value, value < 100 ? 1 : 0)} ms`);

function table(results) {
  const { file, tree, staged, big, python } = results;
  const rows = [];
  // ratio: of wall times (the budget); cpu ratio: of CPU times, the same comparison less exposed to load.
  const add = (metric, ours, baseline, { budget = '', test, inverse = false, text } = {}) => {
    const ratio = ours && baseline ? (inverse ? ratioOf(baseline.ms, ours.ms) : ratioOf(ours.ms, baseline.ms)) : undefined;
    const cpuRatio = ours && baseline ? (inverse ? ratioOf(baseline.cpuMs, ours.cpuMs) : ratioOf(ours.cpuMs, baseline.cpuMs)) : undefined;
    const result = test === undefined ? 'info' : (text ? test(text) : ratio !== undefined && test(ratio)) ? 'PASS' : 'FAIL';
    rows.push({
      metric,
      ours: text ?? (ours?.failed ? 'failed' : fmtMs(ours?.ms)),
      baseline: baseline === undefined ? '' : baseline.failed ? 'failed' : typeof baseline === 'string' ? baseline : fmtMs(baseline.ms),
      ratio,
      cpuRatio,
      budget,
      result,
    });
  };
  if (file) {
    add(`(a) ${file.lines}-line TS file: analyzeFile ÷ createSourceFile`, file.ours, file.baseline, { budget: '≤ 2', test: (r) => r <= 2 });
  }
  if (tree) {
    const n = tree.tree.files;
    add(`(b) ${n}-file audit ÷ floor (in-process)`, tree.ours, tree.floor, { budget: '≤ 1.5', test: (r) => r <= 1.5 });
    if (tree.floor?.ms !== undefined && tree.nodeStartup?.ms !== undefined) {
      const withStartup = { ms: tree.floor.ms + tree.nodeStartup.ms, cpuMs: tree.floor.cpuMs + tree.nodeStartup.cpuMs };
      add('    ÷ floor + node start-up', tree.ours, withStartup, { budget: '(≤ 1.5)' });
    }
    add('    ÷ floor as a fresh process', tree.ours, tree.floorProcess, { budget: '(≤ 1.5)' });
    if (tree.oursGit) add('    tree as a git repo: audit ÷ floor', tree.oursGit, tree.floor, { budget: '(≤ 1.5)' });
    if (tree.secretlint) add(`(b) secretlint ÷ our audit, ${n} files`, tree.ours, tree.secretlint, { budget: '≥ 20', test: (r) => r >= 20, inverse: true });
  }
  if (staged) {
    if (staged.secretlint && staged.warm) add(`(c) audit --staged --daemon (the hook; ${staged.files} files) ÷ secretlint`, staged.warm, staged.secretlint, { budget: '≤ 0.8', test: (r) => r <= 0.8 });
    if (staged.secretlint) add(`(c) audit --staged (${staged.files} files${staged.warm ? ', a fresh process' : ''}) ÷ secretlint`, staged.ours, staged.secretlint, { budget: staged.warm ? '(≤ 0.8)' : '≤ 0.8', test: staged.warm ? undefined : (r) => r <= 0.8 });
    const hook = staged.warm ?? staged.ours;
    if (hook?.ms !== undefined) rows.push({ metric: `    audit --staged${staged.warm ? ' --daemon' : ''} wall time (PRODUCT §8)`, ours: fmtMs(hook.ms), baseline: '', budget: '< 500 ms', result: hook.ms < 500 ? 'PASS' : 'FAIL' });
  }
  if (tree?.ours?.rssMb !== undefined) rows.push({ metric: `(d) peak RSS, ${tree.tree.files}-file audit`, ours: `${tree.ours.rssMb} MB`, baseline: tree.secretlint?.rssMb ? `${tree.secretlint.rssMb} MB secretlint` : '', budget: '< 300 MB', result: tree.ours.rssMb < 300 ? 'PASS' : 'FAIL' });
  if (big?.rssMb !== undefined) rows.push({ metric: `(d) peak RSS, ${big.files}-file audit`, ours: `${big.rssMb} MB`, baseline: '', budget: '< 300 MB', result: big.rssMb < 300 ? 'PASS' : 'FAIL' });
  else if (big?.failed) rows.push({ metric: `(d) peak RSS, ${big.files}-file audit`, ours: 'failed', baseline: '', budget: '< 300 MB', result: 'FAIL' });
  if (results.editor) {
    const laterMs = median(results.editor.later.map((sample) => sample.openToDiagnostics));
    rows.push({ metric: `(f) language server: didOpen → first diagnostics`, ours: fmtMs(laterMs), baseline: '', budget: '≤ 1000 ms', result: laterMs <= 1000 ? 'PASS' : 'FAIL' });
    rows.push({ metric: '    file open at start: spawn → first diagnostics', ours: fmtMs(median(results.editor.atStart.map((sample) => sample.diagnostics))), baseline: '', budget: '', result: 'info' });
  }
  if (python?.file) add(`(py) ${python.file.lines}-line Python file: analyzeFile ÷ tree-sitter parse`, python.file.ours, python.file.baseline, { budget: '≤ 2', test: (r) => r <= 2 });
  if (python?.tree) {
    add(`(py) ${python.tree.tree.files}-module Python audit ÷ floor (in-process)`, python.tree.ours, python.tree.floor, { budget: '≤ 1.5', test: (r) => r <= 1.5 });
    if (python.tree.ours?.rssMb !== undefined) rows.push({ metric: `(py) peak RSS, ${python.tree.tree.files}-module audit`, ours: `${python.tree.ours.rssMb} MB`, baseline: '', budget: '< 300 MB', result: python.tree.ours.rssMb < 300 ? 'PASS' : 'FAIL' });
  }

  const head = ['metric', 'ours', 'baseline', 'ratio', 'cpu ratio', 'budget', 'result'];
  const cells = rows.map((r) => [r.metric, r.ours, r.baseline, r.ratio ?? '', r.cpuRatio ?? '', r.budget, r.result].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  return { rows, text: [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') };
}

function details(results) {
  const { file, tree, staged, big, python } = results;
  const out = [];
  const raw = (s) => (s?.raw ? `wall ${s.raw.join(' ')} | cpu ${s.rawCpu.join(' ')}` : s?.failed ? `FAILED: ${s.failed}` : 'n/a');
  if (file) {
    out.push(`(a) ${file.lines} lines, ${(file.bytes / 1024).toFixed(0)} KB, ${file.findings} findings; ${SIZES.fileRepeat} samples each after 10 warm-ups, GC before each (ms)`);
    out.push(`    analyzeFile       ${raw(file.ours)}`);
    out.push(`    createSourceFile  ${raw(file.baseline)}`);
    out.push(`    phases of analyzeFile, CPU ms (median): ${Object.entries(file.breakdown).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  if (tree) {
    const t = tree.tree;
    out.push(`(b) tree: ${t.files} files (${Object.entries(t.byExt).map(([k, v]) => `${k} ${v}`).join(', ')}, .secretlintrc.json 1), ${t.lines} lines (${Math.round(t.lines / t.files)} per file), ${(t.bytes / 1e6).toFixed(1)} MB; one warm-up round, then ${SIZES.repeat} interleaved rounds (ms)`);
    out.push(`    floor in-process       ${raw(tree.floor)} (${tree.floor?.files} files read, ${tree.floor?.codeFiles} parsed)`);
    out.push(`    floor as a process     ${raw(tree.floorProcess)}`);
    out.push(`    our audit              ${raw(tree.ours)} (${tree.ours?.filesAnalyzed} files analysed, peak RSS ${tree.ours?.rssMb} MB)`);
    out.push(`      findings ${tree.ours?.findings} ${JSON.stringify(tree.ours?.rules ?? {})}; notes ${tree.ours?.notes} ${JSON.stringify(tree.ours?.noteKinds ?? {})}`);
    if (tree.oursGit) out.push(`    our audit, git repo    ${raw(tree.oursGit)} (${tree.oursGit.filesAnalyzed} files, ${tree.oursGit.findings} findings)`);
    if (tree.secretlint) out.push(`    secretlint             ${raw(tree.secretlint)} (${tree.secretlint.filesScanned} files scanned, ${tree.secretlint.findings} findings in ${tree.secretlint.filesWithFindings} files, peak RSS ${tree.secretlint.rssMb} MB)`);
    out.push(`    node -e 0              ${raw(tree.nodeStartup)}`);
    out.push(`    cli --version          ${raw(tree.cliStartup)} (peak RSS ${tree.cliStartup?.rssMb} MB; ${results.bundles})`);
  }
  if (staged) {
    out.push(`(c) ${staged.files} staged files (${staged.lines} lines) in a repository with 200 committed files (ms)`);
    out.push(`    audit --staged         ${raw(staged.ours)} (${staged.ours?.filesAnalyzed} files, ${staged.ours?.findings} findings)`);
    if (staged.warm) out.push(`    audit --staged --daemon ${raw(staged.warm)} (served by the warm process; cpu is the client's; ${staged.warm.filesAnalyzed} files, ${staged.warm.findings} findings)`);
    if (staged.secretlint) out.push(`    secretlint <files>     ${raw(staged.secretlint)} (${staged.secretlint.filesScanned} files, ${staged.secretlint.findings} findings)`);
  }
  if (big) {
    if (big.failed) out.push(`(d) ${big.files}-file audit FAILED: ${big.failed}`);
    else out.push(`(d) ${big.files}-file tree, ${(big.bytes / 1e6).toFixed(0)} MB, ${big.lines} lines: audit wall ${fmtMs(big.ms)}, cpu ${fmtMs(big.cpuMs)}, peak RSS ${big.rssMb} MB (${big.filesAnalyzed} files, ${big.findings} findings)`);
  }
  if (results.editor) {
    const { idleMs, later, atStart } = results.editor;
    const list = (samples, key) => samples.map((sample) => Math.round(sample[key])).join(' ');
    out.push(`(f) language server, example triage.ts, ${later.length} fresh processes per scenario after one warm-up (ms)`);
    out.push(`    opened ${idleMs} ms after initialized: didOpen → diagnostics ${list(later, 'openToDiagnostics')} | spawn → initialized ${list(later, 'initialized')}`);
    out.push(`    open at start: spawn → diagnostics ${list(atStart, 'diagnostics')} | didOpen → diagnostics ${list(atStart, 'openToDiagnostics')}`);
  }
  if (python?.file) {
    out.push(`(py) ${python.file.lines}-line Python module, ${(python.file.bytes / 1024).toFixed(0)} KB, ${python.file.findings} findings; ${SIZES.fileRepeat} samples each (ms)`);
    out.push(`    analyzeFile          ${raw(python.file.ours)}`);
    out.push(`    tree-sitter parse    ${raw(python.file.baseline)}`);
  }
  if (python?.tree) {
    const t = python.tree;
    const perFile = (summary) => (summary?.cpuMs === undefined ? 'n/a' : `${round(summary.cpuMs / t.tree.files, 2)} ms`);
    out.push(`(py) tree: ${t.tree.files} Python modules, ${t.tree.lines} lines, ${(t.tree.bytes / 1e6).toFixed(1)} MB (ms)`);
    out.push(`    floor in-process     ${raw(t.floor)}`);
    out.push(`    our audit            ${raw(t.ours)} (${t.ours?.filesAnalyzed} files analysed, ${t.ours?.findings} findings, peak RSS ${t.ours?.rssMb} MB)`);
    out.push(`    CPU per module: audit ${perFile(t.ours)}, read + tree-sitter parse ${perFile(t.floor)}`);
  }
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------------ main

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAverageAtStart: loadavg().map((v) => round(v, 2)),
  statsFrom: TIME ? '/usr/bin/time -f "%M %U %S"' : 'process.resourceUsage() (preloaded probe)',
  sizes: SIZES,
};
const started = performance.now();
try {
  ensureBuilt();
  results.bundles = readdirSync(join(scratch, 'dist')).filter((f) => f.endsWith('.js')).map((f) => `${f} ${(statSync(join(scratch, 'dist', f)).size / 1e6).toFixed(1)} MB`).join(', ');
  results.versions = {
    typescript: loadTypeScript().version,
    secretlint: JSON.parse(readFileSync(join(repo, 'node_modules/secretlint/package.json'), 'utf8')).version,
  };
  if (runs('a')) {
    log(`(a) ${SIZES.lines}-line file`);
    try {
      results.file = benchFile();
    } catch (error) {
      results.fileError = error.stack;
      log(`(a) failed: ${error.stack}`);
    }
  }
  if (SIZES.files > 0 && runs('b')) {
    log(`(b) ${SIZES.files}-file tree`);
    results.tree = benchTree();
  }
  if (SIZES.staged > 0 && runs('c')) {
    log(`(c) ${SIZES.staged} staged files`);
    results.staged = benchStaged();
  }
  if (runs('f')) {
    log('(f) language server: first diagnostics');
    results.editor = await benchLanguageServer(repo, join(scratch, 'dist/server.js'), { runs: Math.max(5, SIZES.repeat) });
  }
  if (SIZES.bigFiles > 0 && runs('d')) {
    log(`(d) ${SIZES.bigFiles}-file tree`);
    results.big = benchBigTree();
  }
  if (SIZES.pyFiles > 0 && runs('py')) {
    log(`(py) Python: ${SIZES.lines}-line module and ${SIZES.pyFiles}-module tree`);
    const python = await loadPython();
    results.python = { file: benchPythonFile(python), tree: benchPythonTree(python) };
  }
  if (REPOS.length && runs('e')) results.repos = benchRepos();
} catch (error) {
  results.error = error.stack;
  log(`failed: ${error.stack}`);
} finally {
  if (KEEP) log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
results.totalSeconds = round((performance.now() - started) / 1000, 1);
results.loadAverageAtEnd = loadavg().map((v) => round(v, 2));

const { rows, text } = table(results);
results.table = rows;
const outFile = join(repo, 'test/.tmp/bench-results.json');
mkdirSync(join(outFile, '..'), { recursive: true });
writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');

console.log(`agent-guardrail bench · node ${process.version} · ${results.cpus} CPUs · TypeScript ${results.versions?.typescript} · secretlint ${results.versions?.secretlint} · load average ${results.loadAverageAtStart.join(' ')} → ${results.loadAverageAtEnd.join(' ')}`);
console.log('ratio = wall-time ratio (the budgets); cpu ratio = the same with CPU time (user + system), less sensitive to other load\n');
console.log(text);
console.log('');
console.log(details(results));
if (results.repos?.length) console.log(`\n${repoTable(results.repos)}`);
if (results.fileError) console.log(`\n(a) error: ${results.fileError}`);
if (results.error) console.log(`\nbench error: ${results.error}`);
console.log(`\n${results.totalSeconds} s in all; results in ${relative(process.cwd(), outFile) || outFile}`);
