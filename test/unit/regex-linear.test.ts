/**
 * Every detection regex runs in linear time: each one is fed 1 MB adversarial strings (PRODUCT.md §9).
 *
 * The regexes are collected from the source: every regex literal and every `new RegExp('…')` with a literal
 * source in src/core, plus each compiled provider detector. Each is run over generic adversarial inputs (runs of
 * one character class, alternating separators, `${`, `{{` …) and inputs derived from its own literal fragments and
 * quantifier bounds (the fragment repeated, a fragment followed by a long run of token characters, almost-valid
 * bodies repeated, lines just shorter than a bounded quantifier). The whole secret scanner and the text, .env and
 * suppression scanners are run over the same inputs and over format-specific ones (many BEGIN lines without an
 * END, `postgres://a:` repeated …).
 *
 * The work happens in a worker thread under a watchdog: if one input does not finish within 10 seconds the worker
 * is terminated and the test fails, naming the regex and the input. This is a hang detector, not a timing
 * assertion: a linear regex takes milliseconds on 1 MB, a super-linear one takes minutes to years.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { wantsAgentRecords } from '../../src/core/code/agent-gate';
import { looksMinified } from '../../src/core/files';
import { scanDotenv } from '../../src/core/languages/dotenv';
import { readBlockYaml } from '../../src/core/languages/yaml-block';
import { scanTextAssignments } from '../../src/core/languages/text';
import { LineIndex } from '../../src/core/position';
import { detectSecrets } from '../../src/core/secrets/detect';
import { looksLikeSecretValue } from '../../src/core/secrets/generic';
import { isSecretLikeName, nameWords } from '../../src/core/secrets/names';
import { isPlaceholder } from '../../src/core/secrets/placeholders';
import { PROVIDERS_WITH_EXAMPLES as PROVIDERS } from '../../src/core/secrets/provider-examples';
import { compileDetector, ProviderScanner, scanConnectionStrings, scanPrivateKeys } from '../../src/core/secrets/scan';
import { parseInlineSuppressions } from '../../src/core/suppressions';
import { REPO_ROOT } from '../helpers';

const SIZE = 1 << 20;
const WATCHDOG_MS = 10_000;
/** How long a worker may take to start (load the compiled core) before its first input. */
const STARTUP_MS = 120_000;

/** An adversarial input: `head`, then `unit` repeated up to 1 MB, then `tail`. */
interface Input {
  head?: string;
  unit: string;
  tail?: string;
}

type ScannerName =
  | 'ProviderScanner.scan'
  | 'scanPrivateKeys'
  | 'scanConnectionStrings'
  | 'detectSecrets'
  | 'text file pipeline'
  | '.env file pipeline'
  | 'parseInlineSuppressions'
  | 'looksMinified'
  | 'nameWords/isSecretLikeName'
  | 'isPlaceholder'
  | 'looksLikeSecretValue'
  | 'wantsAgentRecords'
  | 'readBlockYaml';

/** `size`: the input length (1 MB unless the regex only ever sees a file path). */
type Task = ({ kind: 'regex'; source: string; flags: string } | { kind: 'scanner'; scanner: ScannerName }) & { inputs: Input[]; size?: number };

type Message = { id: number; progress: number } | { id: number; done: true; results: number[] } | { id: number; error: string };

function build({ head = '', unit, tail = '' }: Input, size = SIZE): string {
  const room = Math.max(0, size - head.length - tail.length);
  return head + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + tail;
}

function describeInput({ head = '', unit, tail = '' }: Input, size = SIZE): string {
  const show = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
  const length = size === SIZE ? '1 MB' : `${size} characters`;
  return `${head ? `${show(head)} + ` : ''}${show(unit)} repeated to ${length}${tail ? ` + ${show(tail)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Worker side: runs tasks, reports before each input so that the watchdog knows which one hangs.

function runScanner(name: ScannerName, text: string): number {
  switch (name) {
    case 'ProviderScanner.scan':
      return new ProviderScanner().scan(text).length;
    case 'scanPrivateKeys':
      return scanPrivateKeys(text).length;
    case 'scanConnectionStrings':
      return scanConnectionStrings(text).length;
    case 'detectSecrets':
      return detectSecrets(text, [], []).length;
    case 'text file pipeline':
      return detectSecrets(text, scanTextAssignments(text), []).length;
    case '.env file pipeline':
      return detectSecrets(text, scanDotenv(text), []).length;
    case 'parseInlineSuppressions':
      return parseInlineSuppressions(text, new LineIndex(text)).length;
    case 'looksMinified':
      return Number(looksMinified('src/agent.ts', text));
    case 'nameWords/isSecretLikeName':
      return nameWords(text).length + Number(isSecretLikeName(text));
    case 'isPlaceholder':
      return Number(isPlaceholder(text));
    case 'looksLikeSecretValue':
      return Number(looksLikeSecretValue(text)) + Number(looksLikeSecretValue(text.slice(0, 1024)));
    case 'wantsAgentRecords':
      return Number(wantsAgentRecords(text));
    case 'readBlockYaml':
      return readBlockYaml(text)?.length ?? -1;
  }
}

function runRegex(regex: RegExp, text: string): number {
  if (!regex.global && !regex.sticky) return Number(regex.test(text));
  let count = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    count++;
    if (match[0].length === 0) regex.lastIndex++;
  }
  return count;
}

function workerMain(): void {
  const port = parentPort!;
  /** The shared inputs (generic, format) are built once per worker. */
  const shared = new Map<string, string>();
  const sharedKeys = new Set([...GENERIC_INPUTS, ...FORMAT_INPUTS].map((input) => JSON.stringify(input)));
  const text = (input: Input, size: number | undefined): string => {
    const key = JSON.stringify(input);
    if (size !== undefined || !sharedKeys.has(key)) return build(input, size);
    let built = shared.get(key);
    if (built === undefined) shared.set(key, (built = build(input)));
    return built;
  };
  port.on('message', ({ id, task }: { id: number; task: Task }) => {
    try {
      const regex = task.kind === 'regex' ? new RegExp(task.source, task.flags) : undefined;
      const results = task.inputs.map((input, index) => {
        port.postMessage({ id, progress: index } satisfies Message);
        const built = text(input, task.size);
        return regex ? runRegex(regex, built) : runScanner((task as { scanner: ScannerName }).scanner, built);
      });
      port.postMessage({ id, done: true, results } satisfies Message);
    } catch (error) {
      port.postMessage({ id, error: String((error as Error)?.stack ?? error) } satisfies Message);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Main side: a worker with a watchdog per input.

class Sandbox {
  private worker: Worker | undefined;
  private nextId = 0;

  run(task: Task, limitMs = WATCHDOG_MS): Promise<number[]> {
    const worker = (this.worker ??= new Worker(__filename, { workerData: { regexLinearWorker: true } }));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let current = -1;
      let timer: NodeJS.Timeout;
      // Until the first input starts, the worker is loading this module (the whole core): that is not regex time, and
      // on a loaded machine it can take seconds, so it gets its own generous limit.
      const arm = () => {
        clearTimeout(timer);
        const limit = current >= 0 ? limitMs : Math.max(limitMs, STARTUP_MS);
        timer = setTimeout(() => {
          cleanup();
          this.worker = undefined;
          void worker.terminate();
          const input = current >= 0 ? describeInput(task.inputs[current]!, task.size) : 'startup';
          reject(new Error(`no result within ${limit / 1000} s (super-linear?) on input ${input}`));
        }, limit);
      };
      const onMessage = (message: Message) => {
        if (message.id !== id) return;
        if ('progress' in message) {
          current = message.progress;
          arm();
          return;
        }
        cleanup();
        if ('error' in message) reject(new Error(message.error));
        else resolve(message.results);
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = undefined;
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      arm();
      worker.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Which regexes, and which inputs.

interface FoundRegex {
  name: string;
  source: string;
  flags: string;
  extraInputs: Input[];
  /** Set for regexes that only ever see a file path: tested at path length. */
  size?: number;
}

/**
 * Regexes applied to workspace-relative file paths only (bounded by PATH_MAX), not to file contents: tested on
 * 4 KB inputs. Keyed by file and regex source.
 */
const PATH_ONLY: ReadonlyArray<{ file: string; source: string }> = [{ file: 'src/core/fixes/suppress.ts', source: 'tsconfig[^/]*\\.json$' }];
const PATH_MAX = 4096;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Regex literals and `new RegExp('literal', 'flags')` calls in src/core, found with the TypeScript parser. */
function regexesInSource(): FoundRegex[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const found: FoundRegex[] = [];
  for (const file of sourceFiles(join(REPO_ROOT, 'src', 'core'))) {
    const text = readFileSync(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const at = (node: import('typescript').Node) => `${relative(REPO_ROOT, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: import('typescript').Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const slash = node.text.lastIndexOf('/');
        const source = node.text.slice(1, slash);
        const pathOnly = PATH_ONLY.some((entry) => entry.source === source && relative(REPO_ROOT, file) === entry.file);
        found.push({ name: at(node), source, flags: node.text.slice(slash + 1), extraInputs: [], ...(pathOnly ? { size: PATH_MAX } : {}) });
      } else if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp' &&
        node.arguments?.[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        const flags = node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : '';
        found.push({ name: at(node), source: node.arguments[0].text, flags, extraInputs: [] });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

/** The compiled provider detectors, with inputs derived from their keywords and examples. */
function providerRegexes(): FoundRegex[] {
  return PROVIDERS.map((detector) => {
    const regex = compileDetector(detector);
    const extraInputs: Input[] = [];
    for (const keyword of detector.keywords.slice(0, 4)) extraInputs.push({ unit: keyword }, { head: keyword, unit: 'aZ9_-' });
    for (const example of detector.examples.match.slice(0, 2)) {
      extraInputs.push(
        { unit: example }, // full examples glued to each other
        { unit: example.slice(0, -1) }, // almost-valid bodies glued
        { unit: `${example.slice(0, -1)} ` }, // almost-valid bodies separated
        { head: example, unit: example.slice(-1) }, // the body runs on
      );
    }
    return { name: `provider ${detector.id}`, source: regex.source, flags: regex.flags, extraInputs };
  });
}

/** Runs of literal characters in a regex source (outside classes), unescaped; at least 2 characters long. */
function literalFragments(source: string): string[] {
  const fragments: string[] = [];
  let current = '';
  const flush = () => {
    if (current.length >= 2) fragments.push(current);
    current = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (/[dDwWsSbBnrtfvu0-9kpPcx]/.test(next)) flush();
      else current += next;
    } else if (c === '[') {
      flush();
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') {
      flush();
      if (source[i + 1] === '?') {
        i++;
        if (source[i + 1] === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') while (i < source.length && source[i] !== '>') i++;
        else i++;
      }
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i))) {
      current = current.slice(0, -1);
      flush();
      i = source.indexOf('}', i);
    } else if ('*+?'.includes(c)) {
      current = current.slice(0, -1);
      flush();
    } else if (')|^$.'.includes(c)) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return [...new Set(fragments)];
}

/** The larger bounds of `{m,n}` / `{n}` quantifiers: a line just shorter than one makes every start rescan it. */
function quantifierBounds(source: string): number[] {
  const bounds = new Set<number>();
  for (const match of source.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    const bound = Number(match[2] || match[1]);
    if (bound >= 64) bounds.add(bound);
  }
  return [...bounds];
}

/** Inputs every regex and scanner gets: long runs of one class, alternations, separators, openers without closers. */
const GENERIC_INPUTS: Input[] = [
  { unit: 'a' },
  { unit: 'A' },
  { unit: '0' },
  { unit: ' ', tail: 'x' },
  { unit: ' \t', tail: '!' },
  { unit: '\n' },
  { unit: 'aZ9_-' },
  { unit: 'aZ9+/=' },
  { unit: 'a.' },
  { unit: '=:' },
  { unit: '${' },
  { unit: '{{' },
  { unit: '<key ' },
  { unit: '\\n' },
  { unit: `key${' '.repeat(4000)}\n` },
];

/** Inputs for the scanners built around particular formats. */
const FORMAT_INPUTS: Input[] = [
  { unit: '-----BEGIN RSA PRIVATE KEY-----' },
  { unit: '-----BEGIN RSA PRIVATE KEY-----\n' },
  { head: '-----BEGIN RSA PRIVATE KEY-----\n', unit: 'MIIEowIBAAKCAQEAx3k9Lq2Zr8Wm4Vp7Tb6Nc1Yd5Hf0Gj\n' },
  { unit: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE\n-----END RSA PRIVATE KEY-----\n' },
  { unit: `${'-----BEGIN PRIVATE KEY-----\n'.repeat(50)}${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(8)}\n-----END PRIVATE KEY-----\n` },
  { unit: '-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n' },
  { unit: 'postgres://a:' },
  { head: 'postgres://', unit: 'a' },
  { head: 'postgres://a:b', unit: 'c' },
  { head: 'postgres://a:', unit: '@' },
  { unit: 'postgres://a:b@' },
  { unit: 'redis://:' },
  { unit: 'mongodb+srv://u:p@' },
  { head: 'mysql://user:', unit: 'p@:' },
  { head: 'agent-guardrail-ignore secrets/a', unit: ' ', tail: 'x' },
  { head: 'agent-guardrail-ignore secrets/a -- ', unit: 'x' + ' '.repeat(1000) },
  { head: 'agent-guardrail-ignore secrets/a -- ', unit: ' \t', tail: 'x' },
  { head: '// agent-guardrail-ignore-next-line ', unit: 'secrets/a, ' },
  { head: 'agent-guardrail-ignore secrets/', unit: '-' },
  { unit: '// agent-guardrail-ignore secrets/a */ x\n' },
  { unit: 'api_key' + ' '.repeat(4088) + '\n' },
  { unit: 'token = ' + 'a'.repeat(4000) + '\n' },
  { unit: 'A_KEY=' + ' '.repeat(4000) + 'x\n' },
  { head: 'A=', unit: ' ', tail: 'x' },
  { unit: 'x'.repeat(19_999) + '\n' },
  // The agent gate's reading of imports: openings without an end, bindings past its limit, a use after each.
  { head: "import { tool } from 'ai';\n", unit: 'import {' },
  { head: "import { tool } from 'ai';\n", unit: "const { a } = require('" },
  { head: "const t = tool(x);\n", unit: "import { tool as t } from 'ai';\n" },
  { head: "import * as ai from 'ai';\n", unit: 'ai.' },
  { head: 'import', unit: ' ' },
  { unit: "from '" },
  { unit: 'Bearer eyJ' },
  { head: 'Bearer eyJ', unit: 'a' },
  { unit: 'Bearer eyJaaaaaaaa.eyJaaaaaaaa.' },
  { unit: '+ops_eyJ' },
  { head: 'sk-proj-', unit: 'aZ9_-' },
  { unit: 'aws_secret_access_key = ' },
  { unit: '1234567890:AA' },
  { unit: 'ab0Q~' },
  { unit: 'https://hooks.slack.com/services/T' },
  { unit: 'xoxb-1234567890-' },
  // The block YAML reader: deep and wide nesting, keys without an end, escapes before quotes, blank and comment
  // lines between levels, a quoted scalar over many lines, block scalars, tabs after long indentation.
  { unit: '- ' },
  { unit: 'a:\n ' },
  { head: 'a:\n', unit: '  b: c\n' },
  { head: 'k: ', unit: ':a' },
  { head: 'k: "', unit: '\\"' },
  { head: "k: '", unit: "''\n " },
  { head: 'k: "a', unit: '\n  b' },
  { head: 'k: |\n', unit: '  x\n\n' },
  { head: 'k: >-\n', unit: '   x\n  y\n' },
  { unit: 'a:\n  b:\n    c:\n\n# x\n' },
  { unit: ' '.repeat(1000) + '\t' },
  { head: 'k: v\n', unit: '  w\n' },
  { head: 'k: ', unit: '!!binary ' },
  { unit: '- - ' },
  { unit: '- a: ' },
];

function inputsFor(found: FoundRegex): Input[] {
  const fragments = literalFragments(found.source).slice(0, 6);
  const inputs: Input[] = [...GENERIC_INPUTS, ...found.extraInputs];
  for (const fragment of fragments) {
    inputs.push(
      { unit: fragment }, // the fragment repeated
      { head: fragment, unit: 'aZ9_-' }, // then a long run of token characters
      { unit: `${fragment}aZ9_-aZ9 ` }, // almost-valid bodies repeated
      { head: fragment, unit: ' \t', tail: 'x' }, // then alternating blanks
    );
  }
  if (fragments.length > 1) inputs.push({ unit: fragments.join('') }, { unit: fragments.join('aZ9') });
  for (const bound of quantifierBounds(found.source)) inputs.push({ unit: `${'a'.repeat(bound - 1)}\n` }, { unit: `${'a'.repeat(bound - 1)} ` });
  return inputs;
}

const SCANNERS: ScannerName[] = [
  'ProviderScanner.scan',
  'scanPrivateKeys',
  'scanConnectionStrings',
  'detectSecrets',
  'text file pipeline',
  '.env file pipeline',
  'parseInlineSuppressions',
  'looksMinified',
  'nameWords/isSecretLikeName',
  'isPlaceholder',
  'looksLikeSecretValue',
  'wantsAgentRecords',
  'readBlockYaml',
];

function defineTests(): void {
  describe('every detection regex runs in linear time (1 MB adversarial inputs, 10 s watchdog)', function () {
    this.timeout(120_000);
    const sandbox = new Sandbox();
    after(() => sandbox.close());

    const inSource = regexesInSource();
    const providers = providerRegexes();

    it('finds the regexes of src/core (the scan below is not vacuous)', () => {
      const names = inSource.map((found) => found.name);
      for (const file of ['src/core/secrets/scan.ts', 'src/core/secrets/placeholders.ts', 'src/core/secrets/generic.ts', 'src/core/secrets/names.ts', 'src/core/languages/text.ts', 'src/core/suppressions.ts']) {
        assert.ok(names.some((name) => name.startsWith(`${file}:`)), `no regex found in ${file}`);
      }
      assert.ok(inSource.some((found) => found.source.includes('-----BEGIN')), 'the private-key regex');
      assert.ok(inSource.some((found) => found.source.includes('mongodb')), 'the connection-string regex');
      assert.equal(providers.length, PROVIDERS.length);
    });

    it('the watchdog catches a super-linear regex and names the input (self-test, 1 s limit)', async () => {
      // Quadratic: every start rescans the rest of its 19,999-character line (minutes on 1 MB).
      const line = `${'x'.repeat(19_999)}\n`;
      await assert.rejects(
        sandbox.run({ kind: 'regex', source: '[^\\n]{20000}', flags: '', inputs: [{ unit: 'a' }, { unit: line }] }, 1000),
        { message: `no result within 1 s (super-linear?) on input ${describeInput({ unit: line })}` },
      );
    });

    for (const found of [...providers, ...inSource]) {
      it(`${found.name}: /${found.source.length > 80 ? `${found.source.slice(0, 77)}...` : found.source}/${found.flags}`, async () => {
        const inputs = inputsFor(found);
        const results = await sandbox.run({ kind: 'regex', source: found.source, flags: found.flags, inputs, ...(found.size ? { size: found.size } : {}) });
        assert.equal(results.length, inputs.length);
      });
    }

    // Per provider: its keyword followed by a long token run, and an almost-valid body glued to itself.
    const providerInputs = PROVIDERS.flatMap((detector): Input[] => [
      { head: detector.keywords[0]!, unit: 'aZ9_-' },
      { unit: detector.examples.match[0]!.slice(0, -1) },
    ]);
    const contentScanners = new Set<ScannerName>(['nameWords/isSecretLikeName', 'isPlaceholder', 'looksLikeSecretValue']);
    for (const scanner of SCANNERS) {
      it(`${scanner} on every adversarial input`, async () => {
        const inputs = contentScanners.has(scanner)
          ? GENERIC_INPUTS
          : [...GENERIC_INPUTS, ...FORMAT_INPUTS, ...(scanner === 'ProviderScanner.scan' || scanner === 'detectSecrets' ? providerInputs : [])];
        const results = await sandbox.run({ kind: 'scanner', scanner, inputs });
        assert.equal(results.length, inputs.length);
      });
    }
  });
}

if (!isMainThread && (workerData as { regexLinearWorker?: boolean } | undefined)?.regexLinearWorker) workerMain();
else defineTests();
