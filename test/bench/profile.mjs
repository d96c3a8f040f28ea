// CPU profile of `agent-guardrail audit` on a generated agent tree, summarised by self time.
//
//   node test/bench/profile.mjs [tree]          (without a tree: generates BENCH_FILES files, default 2000)
//
//   node test/bench/profile.mjs --file          analyzeFile (out/, in-process) on the 2,000-line file
//   node test/bench/profile.mjs --phases [tree] analyzeFile time per file kind, parse and minified check apart
//
// Runs `node --cpu-prof dist/cli.js audit <tree> --format json`, maps every sampled function back to its
// original source through the source maps, and prints the top functions by self time and the time per
// module (TypeScript's parser, our core, yaml, jsonc-parser, node internals, GC …). Build first (npm run build;
// tsc -p . for --file). The profile and a JSON summary are kept in test/.tmp/profile/.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeTree } from './generate.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = join(repo, 'dist/cli.js');

/** Source maps by script URL (dist/cli.js.map for the bundle, out/ .js.map files for tsc output). */
const maps = new Map();
function sourceMapFor(url) {
  if (!url.startsWith('file://')) return undefined;
  if (!maps.has(url)) {
    let map;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** Aggregate a .cpuprofile by self time, per function and per module (original sources via source maps). */
export function summarizeProfile(profilePath, { top = 30 } = {}) {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
  const selfById = new Map();
  const { samples, timeDeltas } = profile;
  // Each sample's duration is the delta to the next sample.
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    selfById.set(samples[i], (selfById.get(samples[i]) ?? 0) + dt);
  }
  const total = [...selfById.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byModule = new Map();
  for (const node of profile.nodes) {
    const self = selfById.get(node.id);
    if (!self) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let source = url || (functionName.startsWith('(') ? functionName : '(native)');
    let line = lineNumber + 1;
    let name = functionName || '(anonymous)';
    const map = url ? sourceMapFor(url.startsWith('/') ? pathToFileURL(url).href : url) : undefined;
    if (map) {
      const entry = map.findEntry(lineNumber, columnNumber);
      if (entry && entry.originalSource) {
        source = entry.originalSource.replace(/^.*?(node_modules\/|src\/)/, '$1');
        line = entry.originalLine + 1;
        if (!functionName && entry.name) name = entry.name;
      }
    }
    const module = moduleOf(source);
    const key = `${name}  ${source}:${line}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + self);
    byModule.set(module, (byModule.get(module) ?? 0) + self);
  }
  const sort = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    functions: sort(byFunction).slice(0, top).map(([fn, ms]) => ({ fn, ms: +ms.toFixed(1), pct: +((100 * ms) / total).toFixed(1) })),
    modules: sort(byModule).map(([module, ms]) => ({ module, ms: +ms.toFixed(1), pct: +((100 * ms) / total).toFixed(1) })),
  };
}

function moduleOf(source) {
  if (source.startsWith('(')) return source; // (garbage collector), (program), (idle)
  if (source.startsWith('node:')) return 'node internals';
  if (/\/dist\/typescript\.js$/.test(source)) return 'typescript (dist/typescript.js: ts-morph + @ts-morph/common)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (nm) return nm[1] === '@ts-morph/common' ? 'typescript (@ts-morph/common)' : nm[1];
  const ours = /^(src\/[^/]+(?:\/[^/]+)?)/.exec(source);
  if (ours) return ours[1].replace(/\.ts$/, '');
  return source;
}

/** Profile `audit . --format json` on `tree` with a private copy of dist/cli.js (others may rebuild dist/). */
export function profileAudit(tree, outDir, interval = 1000) {
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith('.cpuprofile')) rmSync(join(outDir, file));
  // The CLI loads dist/typescript.js (and maybe more) from its own directory: copy all of dist/.
  cpSync(join(repo, 'dist'), join(outDir, 'dist'), { recursive: true });
  const cliCopy = join(outDir, 'dist/cli.js');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', String(interval), '--cpu-prof-dir', outDir, cliCopy, 'audit', '.', '--format', 'json'], {
    cwd: tree,
    // Plain `require`: scripts compiled through the code cache are not file:// URLs, and would miss their source maps.
    env: { ...process.env, AGENT_GUARDRAIL_NO_CODE_CACHE: '1' },
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`audit failed (${run.status}): ${run.stderr}`);
  return { wallMs, profilePath: latestProfile(outDir) };
}

/** Profile analyzeFile (out/, in-process) on the generated 2,000-line file, `runs` times after a warm-up. */
export function profileFile(outDir, { lines = 2000, runs = 40, interval = 200 } = {}) {
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith('.cpuprofile')) rmSync(join(outDir, file));
  // Only the timed loop is profiled (inspector session), not start-up or the warm-up.
  const harness = `
    const { Session } = require('node:inspector');
    const { writeFileSync } = require('node:fs');
    const { analyzeFile } = require(${JSON.stringify(join(repo, 'out/src/core/analyze.js'))});
    const { defaultConfig } = require(${JSON.stringify(join(repo, 'out/src/core/config.js'))});
    import(${JSON.stringify(pathToFileURL(join(repo, 'test/bench/generate.mjs')).href)}).then(({ bigAgentFile }) => {
      const text = bigAgentFile(${lines});
      const config = defaultConfig();
      for (let i = 0; i < 10; i++) analyzeFile({ path: 'src/agent.ts', text }, config);
      const session = new Session();
      session.connect();
      session.post('Profiler.enable');
      session.post('Profiler.setSamplingInterval', { interval: ${interval} });
      session.post('Profiler.start', () => {
        const started = performance.now();
        for (let i = 0; i < ${runs}; i++) analyzeFile({ path: 'src/agent.ts', text }, config);
        const ms = (performance.now() - started) / ${runs};
        session.post('Profiler.stop', (error, { profile }) => {
          writeFileSync(${JSON.stringify(join(outDir, 'analyze-file.cpuprofile'))}, JSON.stringify(profile));
          console.log(ms.toFixed(1));
        });
      });
    });`;
  const run = spawnSync(process.execPath, ['-e', harness], { cwd: repo, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`harness failed: ${run.stderr}`);
  return { msPerRun: Number(run.stdout.trim()), profilePath: latestProfile(outDir) };
}

/**
 * In-process split of analyzeFile time over a tree (out/ build, warm, second pass): per file kind, and the
 * share of TypeScript's parse and of the minified-file check, each timed on its own.
 */
export async function phases(tree) {
  const { createRequire } = await import('node:module');
  const require = createRequire(join(repo, 'package.json'));
  const { analyzeFile } = require(join(repo, 'out/src/core/analyze.js'));
  const { defaultConfig } = require(join(repo, 'out/src/core/config.js'));
  const files = require(join(repo, 'out/src/core/files.js'));
  // Without the parser, Python files and notebooks would be measured as plain text.
  await require(join(repo, 'out/src/node/python-parser.js')).loadPythonParser();
  const { floorPass, loadTypeScript, parse } = await import('./floor.mjs');
  const ts = loadTypeScript();
  const config = defaultConfig();
  const list = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else list.push([path.slice(tree.length + 1), readFileSync(path, 'utf8')]);
    }
  };
  walk(tree);
  // CPU time (user + system) rather than wall time: the machine may be shared with other work.
  const cpuMs = (fn) => {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const pass = () => {
    const byKind = {};
    let parseMs = 0;
    let minifiedMs = 0;
    for (const [path, text] of list) {
      const kind = files.fileKind(path);
      const entry = (byKind[kind] ??= { files: 0, bytes: 0, ms: 0 });
      entry.files++;
      entry.bytes += text.length;
      entry.ms += cpuMs(() => analyzeFile({ path, text }, config));
      minifiedMs += cpuMs(() => files.looksMinified(path, text));
      if (kind === 'code') parseMs += cpuMs(() => parse(ts, path, text));
    }
    return { byKind, parseMs, minifiedMs };
  };
  pass();
  const result = pass();
  floorPass(ts, tree);
  result.floorMs = cpuMs(() => floorPass(ts, tree));
  return result;
}

export function printPhases({ byKind, parseMs, minifiedMs, floorMs }) {
  const out = ['analyzeFile CPU time by file kind (in-process, warm; no start-up, discovery, reading or cross-file work):'];
  let total = 0;
  for (const [kind, { files, bytes, ms }] of Object.entries(byKind).sort((a, b) => b[1].ms - a[1].ms)) {
    total += ms;
    out.push(`  ${kind.padEnd(7)} ${String(files).padStart(6)} files ${(bytes / 1e6).toFixed(1).padStart(6)} MB ${ms.toFixed(0).padStart(7)} ms  ${(bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(5)} MB/s`);
  }
  out.push(`  total   ${total.toFixed(0)} ms; of it, timed apart: TypeScript parse ${parseMs.toFixed(0)} ms, looksMinified ${minifiedMs.toFixed(0)} ms, the rest ${(total - parseMs - minifiedMs).toFixed(0)} ms`);
  out.push(`  floor (read every file + parse the TS/JS ones, in-process) ${floorMs.toFixed(0)} ms CPU`);
  return out.join('\n');
}

function latestProfile(outDir) {
  const profile = readdirSync(outDir).find((file) => file.endsWith('.cpuprofile'));
  if (!profile) throw new Error('no .cpuprofile written');
  return join(outDir, profile);
}

export function printSummary(summary, header) {
  const out = [];
  out.push(`${header}; sampled ${summary.totalMs.toFixed(0)} ms`);
  out.push('', 'self time by module:');
  for (const { module, ms, pct } of summary.modules.slice(0, 15)) out.push(`  ${ms.toFixed(0).padStart(7)} ms ${pct.toFixed(1).padStart(5)}%  ${module}`);
  out.push('', 'top functions by self time:');
  for (const { fn, ms, pct } of summary.functions) out.push(`  ${ms.toFixed(0).padStart(7)} ms ${pct.toFixed(1).padStart(5)}%  ${fn.length > 160 ? fn.slice(0, 157) + '…' : fn}`);
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const top = Number(process.env.PROFILE_TOP ?? 30);
  const outDir = join(repo, 'test/.tmp/profile');
  if (process.argv[2] === '--phases') {
    let tree = process.argv[3];
    let generated;
    if (!tree) {
      generated = mkdtempSync(join(tmpdir(), 'guardrail-profile-'));
      tree = generated;
      writeTree(tree, { files: Number(process.env.BENCH_FILES ?? 2000) });
    }
    try {
      console.log(printPhases(await phases(resolve(tree))));
    } finally {
      if (generated) rmSync(generated, { recursive: true, force: true });
    }
  } else if (process.argv[2] === '--file') {
    const { msPerRun, profilePath } = profileFile(outDir, { lines: Number(process.env.BENCH_LINES ?? 2000) });
    const summary = summarizeProfile(profilePath, { top });
    writeFileSync(join(outDir, 'summary-file.json'), JSON.stringify({ msPerRun, profilePath, ...summary }, null, 2));
    console.log(printSummary(summary, `analyzeFile on the generated ${process.env.BENCH_LINES ?? 2000}-line file: ${msPerRun} ms per run (profiler on)`));
    console.log(`\nprofile: ${profilePath}`);
  } else {
    let tree = process.argv[2];
    let generated;
    if (!tree) {
      generated = mkdtempSync(join(tmpdir(), 'guardrail-profile-'));
      tree = generated;
      console.log('generated', writeTree(tree, { files: Number(process.env.BENCH_FILES ?? 2000) }));
    }
    try {
      const { wallMs, profilePath } = profileAudit(resolve(tree), outDir);
      const summary = summarizeProfile(profilePath, { top });
      writeFileSync(join(outDir, 'summary.json'), JSON.stringify({ wallMs, profilePath, ...summary }, null, 2));
      console.log(printSummary(summary, `audit of ${tree}: ${wallMs.toFixed(0)} ms wall with the profiler on`));
      console.log(`\nprofile: ${profilePath}`);
    } finally {
      if (generated) rmSync(generated, { recursive: true, force: true });
    }
  }
}
