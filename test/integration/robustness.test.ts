// PRODUCT.md §9: bad input (invalid UTF-8, binary, 50 MB files, 10,000-deep nesting, YAML alias bombs, syntax
// errors) yields a per-file note, never a crash or a hang, and the audit of the other files completes.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config';
import type { FileNote } from '../../src/core/types';
import { CLI, makeTempDir, writeTree } from '../helpers';

/** A hang watchdog, not a timing assertion: a normal run of this tree takes about a second. */
const WATCHDOG_MS = 45_000;
const DEPTH = 10_000;
const DEEP_COPIES = [1, 2, 3];
/** The note for nesting deeper than a parser can take (the file is still scanned as text). */
const TOO_DEEP = 'parse failed (nesting too deep); the rest of the file was still analysed';
const MB = 1024 * 1024;

// Real-looking secrets (provider examples from src/core/secrets/providers.ts), one per file so each finding
// can be traced to the file that must still be analysed.
const OPENAI = 'sk-proj-jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H';
const GITHUB = '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';
const ANTHROPIC = 'sk-ant-api03-DktXP-tKsf2rcDkdfrUnW5gcF_Ha6ili8GjHEAD6-Wj9KfzjsQGMrb9h_ImB_LK777pzNk8cL6j5IXAAjlsHUqJoUD-_YAA';
const STRIPE = 'sk_live_1HSa2bB9UoK4tYnzNLeK6kjc';
const GROQ = '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';
const PERPLEXITY = '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';
const LINEAR = 'lin_api_xvzp1vTB1KZ6u0z2JduHj9R7wp3BQOaxgHleuBmG';
const HUGGINGFACE = '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';
const SLACK = 'xoxb-827940199530-5520340930565-lNtencYFJEeAgYzQJjOIfPkz';
const NPM = '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';
const GITLAB = 'glpat-tN2FWXWD5KaPHI2ufKss';
const TAVILY = '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';
const XAI = 'xai-88mHwg2KDInTEGbOY1xHvAV8DnRlzGW7hUNwOdqryzdaeA6AOSRwLqgotVz89HoZ9zDnki7XeZZOmEPJ';
const REPLICATE = 'r8_NOfQ5xj7t2ydf0K5uY8iH1wOLaQan8ePsqMgL';

/** One line of 1,000,000 characters full of near-misses (credential words, `=`, `:`, prefixes), then a key. */
const LONG_LINE = ('api_key=' + 'a1:'.repeat(30) + ' sk-proj- token: ghp_ Bearer ').repeat(8_000).slice(0, 999_999) + ' ';

const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  'j: &j [*i,*i,*i,*i,*i,*i,*i,*i,*i]',
  'block: &k',
  '  - *j',
  '  - *j',
  'expanded: [*k, *k, *k, *k, *k, *k, *k, *k, *k]',
  `token: ${GITLAB}`,
  '',
].join('\n');

/** Every bad input except the two large generated ones (written separately, streamed). Paths are tree-relative. */
function badInputs(): Record<string, string | Buffer> {
  return {
    // The normal file: its secret must be reported at 3:45 whatever else is in the tree.
    'src/agent.ts': `import OpenAI from 'openai';\n\nexport const client = new OpenAI({ apiKey: '${OPENAI}' });\n`,
    // Invalid UTF-8 (a lone continuation byte, a truncated sequence, an overlong encoding) before a secret.
    'src/bad-utf8.ts': Buffer.concat([
      Buffer.from("const banner = '"),
      Buffer.from([0xff, 0xfe, 0x80, 0xc3, 0xc0, 0xaf]),
      Buffer.from(`';\nconst token = '${GITHUB}';\n`),
    ]),
    // PNG signature, an IHDR length, then NUL bytes.
    'assets/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(4096)]),
    // 10,000-deep JSON, one level per line so that it is parsed (one line would be skipped as minified).
    'deep/array.json': '[\n'.repeat(DEPTH) + ']\n'.repeat(DEPTH),
    'deep/object.json': '{"a":\n'.repeat(DEPTH) + `{"apiKey": "${SLACK}"}\n` + '}\n'.repeat(DEPTH),
    // 10,000-deep YAML: flow sequences, flow mappings, and compact block sequences (`- - - … x`); the block file
    // has short comment lines so that its average line length does not make it look minified.
    'deep/flow-seq.yaml': '[\n'.repeat(DEPTH) + ']\n'.repeat(DEPTH),
    'deep/flow-map.yaml': '{a:\n'.repeat(DEPTH) + '1\n' + '}\n'.repeat(DEPTH),
    'deep/block.yaml': '- '.repeat(DEPTH) + 'x\n' + '#\n'.repeat(100) + `---\napi_key: ${NPM}\n`,
    // More of them in the same process: a second deep parse once aborted V8 ("RegExpCompiler Allocation failed").
    ...Object.fromEntries(DEEP_COPIES.flatMap((copy) => [
      [`deep/more/flow-${copy}.yaml`, '[\n'.repeat(DEPTH) + ']\n'.repeat(DEPTH)],
      [`deep/more/block-${copy}.yaml`, '- '.repeat(DEPTH) + 'x\n' + '#\n'.repeat(100)],
    ])),
    // 10,000-deep TypeScript (beyond what the parser's recursion can take): scanned as plain text instead.
    // A named value: the analysis parses this file (one with nothing for the syntax tree is not parsed at all).
    'deep/nested.ts': 'export const x = ' + '[\n'.repeat(DEPTH) + '1' + ']\n'.repeat(DEPTH) + `;\nconst apiKey = '${REPLICATE}';\n`,
    'bomb.yaml': ALIAS_BOMB,
    // Syntax errors: the secret is still found.
    'src/syntax-error.ts': `export function broken( {\n  const token = '${ANTHROPIC}';\n  return class {{{ ;\n`,
    'src/syntax-error.js': `function x( { let = = ;\nconst stripe = new Stripe("${STRIPE}")\n)))\n`,
    // Empty files of every kind.
    'empty/empty.ts': '',
    'empty/empty.json': '',
    'empty/empty.yaml': '',
    'empty/.env': '',
    'empty/empty.md': '',
    // Only CRLF line endings: positions count the line break as one line, the column excludes the CR.
    'crlf/client.ts': `// header\r\n\r\nconst apiKey = '${GROQ}';\r\n`,
    'crlf/.env': `# crlf\r\nPERPLEXITY_API_KEY=${PERPLEXITY}\r\nOTHER=1\r\n`,
    'crlf/config.yaml': `server:\r\n  name: demo\r\n  linear_api_key: "${LINEAR}"\r\n`,
    // A UTF-8 BOM: columns are counted without it, as editors do.
    'bom.ts': `\ufeffconst hfToken = '${HUGGINGFACE}';\n`,
    // Extremely long lines: one 1,000,000-character line among normal lines, and a file of only long lines (both
    // analysed: only code files are judged minified).
    'docs/long-lines.md': `# Notes\n${LONG_LINE}${XAI}\n` + 'text\n'.repeat(3_000) + `Tavily: \`${TAVILY}\`\n`,
    'docs/only-long-lines.txt': `${'y'.repeat(200_000)}\n${'z'.repeat(200_000)}\n`,
  };
}

const HUGE = 'data/huge.log';
const MINIFIED = 'lib/minified.js';

/** A 50 MB text file, written in chunks (never held in memory whole). */
function writeHugeFile(path: string): void {
  const line = 'INFO request served in 12ms path=/api/v1/agents status=200 user=42\n';
  const chunk = Buffer.from(line.repeat(Math.ceil(MB / line.length)));
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < 50 * MB; written += chunk.length) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** A 5 MB single-line minified bundle. */
function minifiedBundle(): string {
  const piece = 'var a=function(n){return n+1},b=[1,2,3].map(a);window.x=b;';
  return piece.repeat(Math.ceil((5 * MB) / piece.length)).slice(0, 5 * MB);
}

function runWatched(args: string[], cwd: string, nodeArgs: string[] = []): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * MB,
    timeout: WATCHDOG_MS,
    killSignal: 'SIGKILL',
  });
}

/** The process ended by itself (no watchdog kill), with the expected code and nothing on stderr. */
function assertCleanExit(result: SpawnSyncReturns<string>, status: number): void {
  assert.equal(result.error, undefined, `spawn failed or the watchdog fired: ${result.error?.message}`);
  assert.equal(result.signal, null);
  assert.equal(result.stderr, '');
  assert.doesNotMatch(result.stdout, /\n\s+at .+:\d+:\d+\)?\n|internal error/);
  assert.equal(result.status, status);
}

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; column: number; endLine: number; endColumn: number; provider?: string; redacted?: string }[];
  notes: FileNote[];
}

const EXPECTED_FINDINGS = [
  'bom.ts 1:18-1:55 huggingface hf_…IKnT',
  'bomb.yaml 15:8-15:34 gitlab glpat-…ss',
  'crlf/.env 2:20-2:73 perplexity pplx-…uEFB',
  'crlf/client.ts 3:17-3:73 groq gsk_…nkTY',
  'crlf/config.yaml 3:20-3:68 linear lin_api_…uBmG',
  'deep/block.yaml 103:10-103:50 npm npm_…1IeW',
  'deep/nested.ts 20002:17-20002:57 replicate r8_…qMgL',
  'deep/object.json 10001:13-10001:69 slack xoxb-…fPkz',
  'docs/long-lines.md 2:1000001-2:1000085 xai xai-…mEPJ',
  'docs/long-lines.md 3003:10-3003:47 tavily tvly-…Qbml',
  'src/agent.ts 3:45-3:101 openai sk-proj-…dJ8H',
  'src/bad-utf8.ts 2:16-2:56 github ghp_…vi4C',
  'src/syntax-error.js 2:28-2:60 stripe sk_live_…6kjc',
  'src/syntax-error.ts 2:18-2:126 anthropic sk-ant-api03-…_YAA',
];

/** The notes of the run with an 8 MiB limit, in report order (discovery notes first, then files in path order). */
const EXPECTED_NOTES_BIG_LIMIT: FileNote[] = [
  { file: 'assets/logo.png', kind: 'skipped', reason: 'binary file' },
  { file: HUGE, kind: 'skipped', reason: 'larger than the 8 MB limit (maxFileSize)' },
  { file: 'deep/array.json', kind: 'partial', reason: TOO_DEEP },
  { file: 'deep/block.yaml', kind: 'partial', reason: TOO_DEEP },
  { file: 'deep/flow-map.yaml', kind: 'partial', reason: TOO_DEEP },
  { file: 'deep/flow-seq.yaml', kind: 'partial', reason: TOO_DEEP },
  ...['block', 'flow'].flatMap((kind) => DEEP_COPIES.map((copy): FileNote => ({ file: `deep/more/${kind}-${copy}.yaml`, kind: 'partial', reason: TOO_DEEP }))),
  { file: 'deep/nested.ts', kind: 'partial', reason: TOO_DEEP },
  { file: 'deep/object.json', kind: 'partial', reason: TOO_DEEP },
  { file: 'empty/empty.json', kind: 'partial', reason: 'JSON syntax error (ValueExpected); analysed what parsed' },
  { file: MINIFIED, kind: 'partial', reason: 'minified or generated file: only the secret scan ran' },
  { file: 'src/bad-utf8.ts', kind: 'partial', reason: 'not valid UTF-8; invalid bytes were replaced before analysis' },
  { file: 'src/syntax-error.js', kind: 'partial', reason: '6 syntax errors; analysed what parsed' },
  { file: 'src/syntax-error.ts', kind: 'partial', reason: '8 syntax errors; analysed what parsed' },
];

/** Other rule families have their own tests; this one pins the secrets found despite the bad files. */
function secretFindings(report: JsonReport): JsonReport['findings'] {
  return report.findings.filter((finding) => finding.ruleId.startsWith('secrets/'));
}

function describeFinding(finding: JsonReport['findings'][number]): string {
  return `${finding.file} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.provider} ${finding.redacted}`;
}

/** Records (in a marker file) any attempt to open the 50 MB file, and, as a control, reads of src/agent.ts. */
function readWatchPreload(marker: string, control: string): string {
  return `'use strict';
const fs = require('fs');
const append = fs.appendFileSync;
const markerFor = (path) => {
  const text = String(path instanceof URL ? path.pathname : path);
  return text.endsWith('huge.log') ? ${JSON.stringify(marker)} : text.endsWith('agent.ts') ? ${JSON.stringify(control)} : undefined;
};
for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    const marker = markerFor(path);
    if (marker) append(marker, name + '\\n');
    return original.call(this, path, ...rest);
  };
}
for (const name of ['readFile', 'open']) {
  const original = fs.promises[name];
  fs.promises[name] = function (path, ...rest) {
    const marker = markerFor(path);
    if (marker) append(marker, 'promises.' + name + '\\n');
    return original.call(this, path, ...rest);
  };
}
`;
}

describe('robustness: bad input never crashes or hangs the audit (real CLI)', function () {
  this.timeout(120_000);
  let dir: string;
  let tree: string;
  let bigLimitConfig: string;

  before(function () {
    dir = makeTempDir('agent-guardrail-robustness-');
    tree = join(dir, 'tree');
    writeTree(tree, { ...badInputs(), [MINIFIED]: minifiedBundle(), [HUGE]: '' });
    writeHugeFile(join(tree, HUGE));
    // Outside the tree: a limit above the 5 MB bundle (so that it reaches the minified check) and below 50 MB.
    bigLimitConfig = join(dir, 'big-limit.yaml');
    writeFileSync(bigLimitConfig, 'maxFileSize: 8MiB\n');
  });

  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('json: secrets at exact positions, a note per bad file, and the 50 MB file skipped unopened', function () {
    const marker = join(dir, 'huge-file-was-read');
    // Control: the same hook sees the CLI read an ordinary file, so a hook that never fires cannot pass.
    const control = join(dir, 'agent-file-was-read');
    const preload = join(dir, 'watch-reads.js');
    writeFileSync(preload, readWatchPreload(marker, control));
    const result = runWatched(['audit', '--format', 'json', '--config', bigLimitConfig], tree, ['--require', preload]);
    assertCleanExit(result, 1);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(secretFindings(report).map(describeFinding), EXPECTED_FINDINGS);
    assert.deepEqual(report.notes, EXPECTED_NOTES_BIG_LIMIT);
    assert.equal(existsSync(marker), false, 'the CLI opened the 50 MB file');
    // Files are opened with openSync (no following a final link, no blocking on a FIFO) and then read: the control
    // shows the hooks see reads at all. Only the first hook is pinned.
    assert.match(readFileSync(control, 'utf8'), /^openSync\n/);
  });

  it('worker threads report exactly what one thread does, hostile nesting included (a worker has the main thread stack)', function () {
    // Six threads for 40 files: batches of four go to every thread, so each kind of bad file lands on workers in some runs.
    for (let run = 0; run < 3; run++) {
      const result = runWatched(['audit', '--format', 'json', '--config', bigLimitConfig, '--concurrency', '6'], tree);
      assertCleanExit(result, 1);
      const report = JSON.parse(result.stdout) as JsonReport;
      assert.deepEqual(secretFindings(report).map(describeFinding), EXPECTED_FINDINGS);
      assert.deepEqual(report.notes, EXPECTED_NOTES_BIG_LIMIT);
    }
  });

  it('text --verbose with the default 2 MB limit: the 5 MB bundle is skipped for its size', function () {
    const result = runWatched(['audit', '--verbose'], tree);
    assertCleanExit(result, 1);
    assert.match(result.stdout, /^src\/agent\.ts\n {2}3:45 {2}error {4}secrets\/provider-key +Hardcoded OpenAI API key \(sk-proj-…dJ8H\)\./m);
    assert.match(result.stdout, /^docs\/long-lines\.md\n {2}2:1000001 {2}error {4}secrets\/provider-key +Hardcoded xAI API key \(xai-…mEPJ\)\./m);
    assert.match(result.stdout, /\n {2}data\/huge\.log {2}skipped {2}larger than the 2 MB limit \(maxFileSize\)\n/);
    assert.match(result.stdout, /\n {2}lib\/minified\.js {2}skipped {2}larger than the 2 MB limit \(maxFileSize\)\n/);
    assert.match(result.stdout, /\n {2}src\/bad-utf8\.ts {2}partial {2}not valid UTF-8; invalid bytes were replaced before analysis\n/);
    assert.match(result.stdout, /\n✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ notes\) in \d+ files · \d+ files analysed · 3 skipped\n$/);
  });

  it('sarif: every note becomes a tool execution notification', function () {
    const result = runWatched(['audit', '--format', 'sarif', '--config', bigLimitConfig], tree);
    assertCleanExit(result, 1);
    const sarif = JSON.parse(result.stdout) as {
      runs: { results: { ruleId: string }[]; invocations: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[];
    };
    assert.equal(sarif.runs[0]!.results.filter((sarifResult) => sarifResult.ruleId.startsWith('secrets/')).length, EXPECTED_FINDINGS.length);
    assert.deepEqual(
      sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.map((notification) => `${notification.level} ${notification.message.text}`),
      EXPECTED_NOTES_BIG_LIMIT.map((note) => `note ${note.file}: ${note.reason}`),
    );
  });

  it('markdown: the report lists the finding and every note', function () {
    const result = runWatched(['audit', '--format', 'markdown', '--config', bigLimitConfig], tree);
    assertCleanExit(result, 1);
    assert.match(result.stdout, /\n## `src\/agent\.ts`\n\n\| Line \| Severity \| Rule \| Message \|\n\| ---: \| --- \| --- \| --- \|\n(?:\|.*\n)*\| 3:45 \| error \| \[secrets\/provider-key\]/);
    assert.ok(
      result.stdout.includes(
        `<details><summary>${EXPECTED_NOTES_BIG_LIMIT.length} file notes (2 skipped or unreadable)</summary>\n\n` +
          EXPECTED_NOTES_BIG_LIMIT.map((note) => `- \`${note.file}\`: ${note.kind}, ${note.reason}\n`).join('') +
          '\n</details>\n',
      ),
    );
  });
});

describe('robustness: analyzeFile never throws on bad input', function () {
  this.timeout(60_000);
  const lenient = new TextDecoder('utf-8', { fatal: false });
  const asText = (content: string | Buffer): string => (typeof content === 'string' ? content : lenient.decode(content));

  it('returns findings and notes (no exception) for every bad input, at the default and a raised size limit', function () {
    const inputs: Record<string, string> = {};
    for (const [path, content] of Object.entries(badInputs())) inputs[path] = asText(content);
    inputs[MINIFIED] = minifiedBundle();
    const configs = { default: defaultConfig(), raised: { ...defaultConfig(), maxFileSize: 8 * MB } };
    const seen: Record<string, string[]> = {};
    for (const [name, config] of Object.entries(configs)) {
      for (const [path, text] of Object.entries(inputs)) {
        let analysis;
        try {
          analysis = analyzeFile({ path, text }, config);
        } catch (error) {
          assert.fail(`analyzeFile threw on ${path} (${name} limit): ${(error as Error).stack}`);
        }
        assert.equal(analysis.path, path);
        for (const note of analysis.notes) (seen[`${name} ${path}`] ??= []).push(`${note.kind}: ${note.reason}`);
        for (const finding of analysis.findings.filter((each) => each.ruleId.startsWith('secrets/'))) (seen[`${name} ${path}`] ??= []).push(`finding ${finding.provider}`);
      }
    }
    const perFile = (limit: 'default' | 'raised'): Record<string, string[]> => ({
      [`${limit} bom.ts`]: ['finding huggingface'],
      [`${limit} bomb.yaml`]: ['finding gitlab'],
      [`${limit} crlf/.env`]: ['finding perplexity'],
      [`${limit} crlf/client.ts`]: ['finding groq'],
      [`${limit} crlf/config.yaml`]: ['finding linear'],
      [`${limit} deep/array.json`]: [`partial: ${TOO_DEEP}`],
      [`${limit} deep/block.yaml`]: [`partial: ${TOO_DEEP}`, 'finding npm'],
      [`${limit} deep/flow-map.yaml`]: [`partial: ${TOO_DEEP}`],
      [`${limit} deep/flow-seq.yaml`]: [`partial: ${TOO_DEEP}`],
      ...Object.fromEntries(['block', 'flow'].flatMap((kind) => DEEP_COPIES.map((copy) => [`${limit} deep/more/${kind}-${copy}.yaml`, [`partial: ${TOO_DEEP}`]]))),
      [`${limit} deep/nested.ts`]: [`partial: ${TOO_DEEP}`, 'finding replicate'],
      [`${limit} deep/object.json`]: [`partial: ${TOO_DEEP}`, 'finding slack'],
      [`${limit} docs/long-lines.md`]: ['finding xai', 'finding tavily'],
      [`${limit} empty/empty.json`]: ['partial: JSON syntax error (ValueExpected); analysed what parsed'],
      [`${limit} ${MINIFIED}`]: [limit === 'default' ? 'skipped: larger than the 2 MB limit (maxFileSize)' : 'partial: minified or generated file: only the secret scan ran'],
      [`${limit} src/agent.ts`]: ['finding openai'],
      [`${limit} src/bad-utf8.ts`]: ['finding github'],
      [`${limit} src/syntax-error.js`]: ['partial: 6 syntax errors; analysed what parsed', 'finding stripe'],
      [`${limit} src/syntax-error.ts`]: ['partial: 8 syntax errors; analysed what parsed', 'finding anthropic'],
    });
    assert.deepEqual(seen, { ...perFile('default'), ...perFile('raised') });
  });

  it('skips a 50 MB text without scanning it', function () {
    const text = 'x = 1\n'.repeat((50 * MB) / 6);
    const analysis = analyzeFile({ path: 'data/huge.log', text }, defaultConfig());
    assert.deepEqual(analysis.findings, []);
    assert.deepEqual(analysis.notes, [{ file: 'data/huge.log', kind: 'skipped', reason: 'larger than the 2 MB limit (maxFileSize)' }]);
  });
});
