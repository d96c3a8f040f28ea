// The V8 code cache of the bundles (src/node/code-cache.ts): the real CLI (dist/cli.js, a launcher that loads
// dist/cli-main.js and, for TS/JS files, dist/typescript.js through the cache), run with a private cache directory.
import { strict as assert } from 'node:assert';
import { isAscii } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { makeTempDir, REPO_ROOT, runCli, writeTree } from '../helpers';

const k = (...parts: string[]): string => parts.join('');
const GITHUB_TOKEN = k('ghp_', 'mF4RPAfqoQB7xoFcSvTAxRzmaZsV2G3Svi4C');
const KEYED = `import { Octokit } from '@octokit/rest';\n\nexport const github = new Octokit({ auth: '${GITHUB_TOKEN}' });\n`;
const PLAIN = (i: number): string => `export function add${i}(a: number, b: number): number {\n  return a + b + ${i};\n}\n`;

describe('V8 code cache of the bundles (real CLI)', function () {
  this.timeout(180_000);
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  function temp(prefix: string): string {
    const dir = makeTempDir(prefix);
    dirs.push(dir);
    return dir;
  }

  /** Findings as `file:line:col rule`, sorted. */
  function audit(cwd: string, cacheHome: string, env: NodeJS.ProcessEnv = {}): string[] {
    return auditWith(cwd, cacheHome, env, []).findings;
  }
  /** A module that NODE_OPTIONS' --require preloads into every thread (workers inherit it), to watch what they do. */
  function threadProbe(source: string): string {
    const probe = join(temp('agent-guardrail-probe-'), 'thread-probe.cjs');
    writeFileSync(probe, source);
    return probe;
  }
  function auditWith(cwd: string, cacheHome: string, env: NodeJS.ProcessEnv, flags: string[]): { findings: string[]; stderr: string } {
    const result = runCli(['audit', '.', '--format', 'json', ...flags], cwd, { XDG_CACHE_HOME: cacheHome, ...env });
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] };
    return { findings: report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`).sort(), stderr: result.stderr };
  }
  const codeCaches = (cacheHome: string): string[] =>
    readdirSync(join(cacheHome, 'agent-guardrail'))
      .filter((name) => name.startsWith('v8-'))
      .sort();

  it('writes one private cache per bundle, reuses it as is, and gives the same findings as without it', () => {
    const tree = temp('agent-guardrail-code-cache-');
    writeTree(tree, { 'src/github.ts': KEYED });
    const home = temp('agent-guardrail-xdg-');
    const expected = ['src/github.ts:3:44 secrets/provider-key'];

    assert.deepEqual(audit(tree, home, { AGENT_GUARDRAIL_NO_CODE_CACHE: '1' }), expected);
    assert.deepEqual(readdirSync(home), [], 'AGENT_GUARDRAIL_NO_CODE_CACHE=1 writes nothing');

    assert.deepEqual(audit(tree, home), expected);
    const written = codeCaches(home);
    assert.equal(written.length, 2, written.join(', '));
    assert.match(written[0]!, /^v8-cli-main-[0-9a-f]{16}-[0-9a-f]{16}\.bin$/);
    assert.match(written[1]!, /^v8-typescript-[0-9a-f]{16}-[0-9a-f]{16}\.bin$/);
    const stamps = written.map((name) => statSync(join(home, 'agent-guardrail', name)));
    for (const stats of stamps) assert.equal(stats.mode & 0o777, 0o600);

    // V8 accepts the cache: nothing is rewritten.
    assert.deepEqual(audit(tree, home), expected);
    assert.deepEqual(
      codeCaches(home).map((name) => statSync(join(home, 'agent-guardrail', name)).mtimeMs),
      stamps.map((stats) => stats.mtimeMs),
    );
  });

  /** A tree audited once with a fresh cache home: its findings and the two code caches that audit wrote. */
  function auditedOnce(): { tree: string; home: string; expected: string[]; directory: string; cliCache: string; tsCache: string } {
    const tree = temp('agent-guardrail-code-cache-');
    writeTree(tree, { 'src/github.ts': KEYED });
    const home = temp('agent-guardrail-xdg-');
    const expected = audit(tree, home);
    const directory = join(home, 'agent-guardrail');
    const [cliCache, tsCache] = codeCaches(home).map((name) => join(directory, name));
    return { tree, home, expected, directory, cliCache: cliCache!, tsCache: tsCache! };
  }

  it('falls back to compiling when the cache is damaged, rewrites it, and drops caches of earlier builds of the same bundle only', () => {
    const { tree, home, expected, directory, cliCache, tsCache } = auditedOnce();
    writeFileSync(cliCache, 'not a code cache');
    writeFileSync(tsCache, Buffer.alloc(4096, 7));
    // An earlier build of the same TypeScript bundle, and a cache of another install's bundle.
    const place = /^(v8-typescript-[0-9a-f]{16}-)/.exec(tsCache.slice(directory.length + 1))![1]!;
    const earlier = `${place}${'0'.repeat(16)}.bin`;
    const otherInstall = `v8-typescript-${'1'.repeat(16)}-${'2'.repeat(16)}.bin`;
    writeFileSync(join(directory, earlier), 'old');
    writeFileSync(join(directory, otherInstall), 'other');

    assert.deepEqual(audit(tree, home), expected);
    assert.notEqual(readFileSync(cliCache, 'utf8'), 'not a code cache');
    assert.ok(!readFileSync(tsCache).equals(Buffer.alloc(4096, 7)));
    const names = codeCaches(home);
    assert.ok(!names.includes(earlier), names.join(', '));
    assert.ok(names.includes(otherInstall), names.join(', '));
  });

  it('marks a cache in use at most once a day, and removes caches unused for 30 days when it writes a new one', () => {
    const { tree, home, expected, directory, cliCache, tsCache } = auditedOnce();
    const daysAgo = (days: number): Date => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    const gone = join(directory, `v8-server-main-${'3'.repeat(16)}-${'4'.repeat(16)}.bin`);
    const recent = join(directory, `v8-server-main-${'5'.repeat(16)}-${'6'.repeat(16)}.bin`);
    writeFileSync(gone, 'an install removed long ago');
    writeFileSync(recent, 'another install, used last week');
    utimesSync(gone, daysAgo(40), daysAgo(40));
    utimesSync(recent, daysAgo(7), daysAgo(7));
    utimesSync(cliCache, daysAgo(3), daysAgo(3));

    // Reading a cache whose stamp is days old refreshes it; nothing is written, so nothing is swept.
    assert.deepEqual(audit(tree, home), expected);
    assert.ok(Date.now() - statSync(cliCache).mtimeMs < 60_000, 'the cache in use is marked as used');
    assert.ok(existsSync(gone));

    // A new cache is written (this one was damaged): the sweep removes what nothing used for 30 days.
    writeFileSync(tsCache, 'damaged');
    assert.deepEqual(audit(tree, home), expected);
    assert.ok(!existsSync(gone), 'the cache of an install unused for 40 days is removed');
    assert.ok(existsSync(recent) && existsSync(cliCache) && existsSync(tsCache));
  });

  it('worker threads (--concurrency) start from the launcher and find the same', () => {
    const tree = temp('agent-guardrail-code-cache-');
    const files: Record<string, string> = { 'src/github.ts': KEYED, 'late/github.ts': KEYED };
    for (let i = 0; i < 260; i++) files[`src/plain/m${i}.ts`] = PLAIN(i);
    writeTree(tree, files);
    const home = temp('agent-guardrail-xdg-');
    const expected = ['late/github.ts:3:44 secrets/provider-key', 'src/github.ts:3:44 secrets/provider-key'];
    // A module preloaded into every thread says which threads are workers (workers inherit NODE_OPTIONS' --require).
    const probe = threadProbe("if (!require('node:worker_threads').isMainThread) process.stderr.write('worker thread\\n');\n");
    const workers = (flags: string[]): number => {
      const { findings, stderr } = auditWith(tree, home, { NODE_OPTIONS: `--require ${probe}` }, flags);
      assert.deepEqual(findings, expected, flags.join(' '));
      return stderr.split('worker thread\n').length - 1;
    };
    assert.equal(workers(['--concurrency', '3']), 2);
    assert.equal(workers(['--concurrency', '2']), 1);
    assert.equal(workers(['--concurrency', 'off']), 0, 'and the same on one thread');
    assert.equal(workers(['--concurrency', '1']), 0);
    assert.equal(workers([]), 0, 'auto: a tree of 262 files stays on one thread');
  });

  it('auto: 8 MB or more that TypeScript does not parse (YAML, Python …) gets one helper thread, with the same findings', () => {
    const tree = temp('agent-guardrail-helper-');
    const files: Record<string, string> = {
      'src/github.ts': KEYED,
      'agents/settings.py': `import os\n\nGITHUB_TOKEN = "${GITHUB_TOKEN}"\n`,
      'tests/cassettes/late.yaml': `interactions:\n- request:\n    headers:\n      authorization:\n      - token ${GITHUB_TOKEN}\n`,
    };
    // Recorded HTTP interactions, 30 of 300 KB: what test cassettes look like.
    const interaction = (i: number): string => `- request:\n    body: '{"query": "weather in city ${i}", "page": ${i}}'\n    method: POST\n    uri: https://api.example.com/v1/search?page=${i}\n  response:\n    status:\n      code: 200\n`;
    for (let n = 0; n < 30; n++) files[`tests/cassettes/c${n}.yaml`] = `interactions:\n${Array.from({ length: 1_600 }, (_, i) => interaction(i)).join('')}`;
    writeTree(tree, files);
    const home = temp('agent-guardrail-xdg-');
    const probe = threadProbe("if (!require('node:worker_threads').isMainThread) process.stderr.write('worker thread\\n');\n");
    const run = (flags: string[]) => auditWith(tree, home, { NODE_OPTIONS: `--require ${probe}` }, flags);
    const one = run(['--concurrency', '1']);
    assert.deepEqual(one.findings, ['agents/settings.py:3:17 secrets/provider-key', 'src/github.ts:3:44 secrets/provider-key', 'tests/cassettes/late.yaml:5:15 secrets/provider-key']);
    const auto = run([]);
    assert.deepEqual(auto.findings, one.findings);
    assert.equal(auto.stderr.split('worker thread\n').length - 1, availableParallelism() >= 2 ? 1 : 0);
  });

  it('the helper, done with its own kinds, takes TS/JS files no gate wants, never loading TypeScript, and gives the others back', () => {
    const tree = temp('agent-guardrail-helper-code-');
    // The main thread's first file is a large one to parse, so that the helper, done meanwhile with its own kind of
    // files (five lockfiles of 1.75 MB: 8 MB that get a helper but need no analysis), gets TS/JS files.
    const large = `${KEYED}${Array.from({ length: 12_000 }, (_, i) => `export const step${i} = new Octokit({ baseUrl: 'https://api.example.com/${i}' });\n`).join('')}`;
    const lock = `{\n  "lockfileVersion": 3,\n  "packages": {\n${Array.from({ length: 14_000 }, (_, i) => `    "node_modules/package-${i}": { "version": "1.0.${i}", "integrity": "sha512-${'A'.repeat(40)}" },\n`).join('')}    "": {}\n  }\n}\n`;
    const files: Record<string, string> = { 'src/0-large.ts': large, 'src/github.ts': KEYED, 'src/late/github.ts': KEYED };
    for (const directory of ['a', 'b', 'c', 'd', 'e']) files[`${directory}/package-lock.json`] = lock;
    // 600 modules no gate wants and 20 the main thread parses, at the end of the queue.
    for (let i = 0; i < 600; i++) files[`src/plain/m${i}.ts`] = PLAIN(i);
    for (let i = 0; i < 20; i++) files[`src/zz/k${i}.ts`] = KEYED;
    writeTree(tree, files);
    const home = temp('agent-guardrail-xdg-');
    // In the worker: say when it opens a TS file and when it loads TypeScript (without the code cache, TypeScript is
    // loaded by require). Written straight to the process's stderr: a worker's process.stderr is relayed to the main
    // thread later, and what it has not relayed when the worker is stopped is lost.
    const probe = threadProbe(
      "const { isMainThread } = require('node:worker_threads');\n" +
        "if (!isMainThread) {\n" +
        "  const fs = require('node:fs'); const open = fs.openSync; const say = (text) => fs.writeSync(2, text + '\\n');\n" +
        "  const Module = require('node:module'); const load = Module._load;\n" +
        "  Module._load = function (request, ...rest) { if (/typescript\\.js$/.test(request)) say('worker loaded TypeScript'); return load.call(this, request, ...rest); };\n" +
        "  fs.openSync = function (path, ...rest) { if (String(path).endsWith('.ts')) say('worker opened a TS file'); return open.call(this, path, ...rest); };\n" +
        "}\n",
    );
    const run = (flags: string[]) => auditWith(tree, home, { NODE_OPTIONS: `--require ${probe}`, AGENT_GUARDRAIL_NO_CODE_CACHE: '1' }, flags);
    const one = run(['--concurrency', '1']);
    const keyed = Array.from({ length: 20 }, (_, i) => `src/zz/k${i}.ts:3:44 secrets/provider-key`);
    assert.deepEqual(one.findings, ['src/0-large.ts:3:44 secrets/provider-key', 'src/github.ts:3:44 secrets/provider-key', ...keyed, 'src/late/github.ts:3:44 secrets/provider-key'].sort());
    const auto = run([]);
    assert.deepEqual(auto.findings, one.findings);
    if (availableParallelism() < 2) return;
    assert.match(auto.stderr, /worker opened a TS file/);
    assert.doesNotMatch(auto.stderr, /worker loaded TypeScript/);
    // The probe does see a worker load TypeScript: a general worker (--concurrency) parses. Eight large files to
    // parse, in batches of four: the main thread is busy with its four when the worker takes the others.
    const parsed = temp('agent-guardrail-helper-control-');
    writeTree(parsed, Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`src/large${i}.ts`, large])));
    const control = auditWith(parsed, home, { NODE_OPTIONS: `--require ${probe}`, AGENT_GUARDRAIL_NO_CODE_CACHE: '1' }, ['--concurrency', '2']);
    assert.match(control.stderr, /worker loaded TypeScript/);
  });

  it('auto: a Python package of 1 MB or more gets the helper too, and both threads parse its modules', () => {
    const tree = temp('agent-guardrail-python-helper-');
    const files: Record<string, string> = { 'agents/settings.py': `import os\n\nGITHUB_TOKEN = "${GITHUB_TOKEN}"\n` };
    // 48 modules of 23 KB: 1.1 MB of Python (a Python byte weighs as eight of YAML), nothing else to speak of.
    const fn = (m: number, i: number): string => `def handler_${m}_${i}(request, limit=10):\n    """Look up page ${i} of the index."""\n    rows = [row for row in request.rows if row.page == ${i}]\n    return {"rows": rows[:limit], "page": ${i}}\n\n\n`;
    for (let m = 0; m < 48; m++) files[`pkg/handlers/h${m}.py`] = Array.from({ length: 120 }, (_, i) => fn(m, i)).join('');
    files['pkg/handlers/h47.py'] += `client_secret = "${GITHUB_TOKEN}"\n`;
    writeTree(tree, files);
    const home = temp('agent-guardrail-xdg-');
    // Says which threads are workers, and whether the main thread loaded the Python parser (it does so only to take
    // Python files itself).
    const probe = threadProbe(
      "const { isMainThread } = require('node:worker_threads');\n" +
        "if (!isMainThread) process.stderr.write('worker thread\\n');\n" +
        "else process.on('exit', () => { if (Object.keys(require.cache).some((f) => f.endsWith('tree-sitter.js'))) process.stderr.write('main parsed Python\\n'); });\n",
    );
    const run = (flags: string[]) => auditWith(tree, home, { NODE_OPTIONS: `--require ${probe}` }, flags);
    const one = run(['--concurrency', '1']);
    assert.deepEqual(one.findings, ['agents/settings.py:3:17 secrets/provider-key', 'pkg/handlers/h47.py:721:18 secrets/provider-key']);
    const auto = run([]);
    assert.deepEqual(auto.findings, one.findings);
    if (availableParallelism() < 2) return;
    assert.equal(auto.stderr.split('worker thread\n').length - 1, 1);
    assert.match(auto.stderr, /main parsed Python/);
  });

  it('the bundles it loads are plain ASCII, which is read without UTF-8 decoding', () => {
    // A comment or a regular expression with a non-ASCII character (esbuild escapes those in strings only) would
    // make every process start decode megabytes of UTF-8.
    for (const bundle of ['cli-main.js', 'server-main.js', 'typescript.js']) {
      assert.ok(isAscii(readFileSync(join(REPO_ROOT, 'dist', bundle))), `dist/${bundle} is not ASCII`);
    }
  });
});
