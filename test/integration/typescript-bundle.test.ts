// dist/typescript.js: TypeScript cut down to the API the analysis uses (test/tools/trim-typescript.mjs). It must parse
// exactly as the full compiler does, and have every name of that API.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ts as fullTs } from 'ts-morph';
import { TYPESCRIPT_API, type Ts } from '../../src/core/languages/typescript-api';
import { REPO_ROOT } from '../helpers';

type SourceFile = ReturnType<Ts['createSourceFile']>;
type Node = Parameters<Ts['forEachChild']>[0];

/** Every node of a tree in order: kind, extent, start after trivia, and the text of identifiers. */
function shape(ts: Pick<Ts, 'forEachChild'>, file: SourceFile): string[] {
  const lines: string[] = [];
  const visit = (node: Node): void => {
    const name = (node as { text?: unknown }).text;
    lines.push(`${node.kind} ${node.pos} ${node.end} ${node.getStart(file)}${typeof name === 'string' ? ` ${name}` : ''}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return lines;
}

function parse(ts: Ts, path: string, text: string): SourceFile {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.[mc]?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
}

function sources(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') sources(path, into);
    else if (/\.(?:[mc]?[jt]s|tsx)$/.test(entry.name)) into.push(path);
  }
  return into;
}

describe('the bundled TypeScript parser (dist/typescript.js)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const trimmed = (require(join(REPO_ROOT, 'dist', 'typescript.js')) as { ts: Ts }).ts;

  it('has every name of the API the code uses, and is a fraction of the full compiler', () => {
    for (const name of TYPESCRIPT_API) assert.notEqual(trimmed[name], undefined, `${name} is missing`);
    const size = statSync(join(REPO_ROOT, 'dist', 'typescript.js')).size;
    assert.ok(size < 2_500_000, `dist/typescript.js is ${size} bytes`);
  });

  it('parses our own sources, tests and examples exactly as the full compiler does', () => {
    const files = [...sources(join(REPO_ROOT, 'src')), ...sources(join(REPO_ROOT, 'test', 'unit')), ...sources(join(REPO_ROOT, 'examples'))];
    assert.ok(files.length > 200);
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const mine = parse(trimmed, path, text);
      const full = parse(fullTs, path, text);
      assert.deepEqual(shape(trimmed, mine), shape(fullTs, full), path);
    }
  });

  it('keeps syntax errors, JSX, private names and odd input the same', () => {
    const samples: Array<[string, string]> = [
      ['a.tsx', 'const view = <Panel title="x" {...rest}>{items.map((i) => <li key={i}>{i}</li>)}</Panel>;\n'],
      ['b.ts', 'class C { #secret = 1; static { init(); } @dec() m<T>(x?: T): asserts x {} }\n'],
      ['c.js', 'const a = `x${b}y`; label: for (;;) { break label } /re+gex/gu.test(a)\n'],
      ['d.ts', 'const = ; function ( { )) export export\n'],
      ['e.ts', '\u{feff}const \u00e9t\u00e9 = "\\u{1F600}"; // comment\r\n/* block */ let x = 0x1_0n;\n'],
    ];
    for (const [path, text] of samples) {
      const mine = parse(trimmed, path, text);
      const full = parse(fullTs, path, text);
      assert.deepEqual(shape(trimmed, mine), shape(fullTs, full), path);
      const errors = (file: SourceFile) => (file as unknown as { parseDiagnostics: Array<{ start: number; code: number }> }).parseDiagnostics.map((d) => `${d.start} ${d.code}`);
      assert.deepEqual(errors(mine), errors(full), `${path}: syntax errors`);
    }
  });
});
