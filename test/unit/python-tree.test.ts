import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser, type TreeCursor } from '@vscode/tree-sitter-wasm';
import { parsePython, type PyNode } from '../../src/core/languages/python-tree';
import { loadPythonParser } from '../../src/node/python-parser';

/*
 * The Python tree copy calls web-tree-sitter's WebAssembly exports directly (python-tree.ts explains why). This checks
 * it, node for node, against the same copy made through web-tree-sitter's public TreeCursor API: on every Python
 * file of the repository and on snippets for each special case (operators, `async`, strings, syntax errors, MISSING
 * nodes, deep nesting). A runtime update that changed the transfer-buffer protocol fails here.
 */

const OPERATOR_PARENTS = new Set(['binary_operator', 'boolean_operator', 'comparison_operator', 'unary_operator', 'augmented_assignment']);

/**
 * The reference: the copy as it was made through the public API (one TreeCursor property read at a time), with the
 * same type tables (ERROR's symbol 65535, which the language does not list, read as a named ERROR node), entering every
 * string: a string keeps only its interpolations, whatever the copy skips.
 */
function referenceTree(parser: Parser, text: string): { root: PyNode; errors: number } {
  const tree = parser.parse(text)!;
  const language = tree.language;
  // ERROR nodes have the symbol 65535, outside the language's table: a named node of type ERROR.
  const type = (id: number): string | undefined => (id === 0xffff ? 'ERROR' : id < language.nodeTypeCount ? (language.nodeTypeForId(id) ?? '') : undefined);
  const named = (id: number): boolean => id === 0xffff || (id < language.nodeTypeCount && language.nodeTypeIsNamed(id));
  const cursor: TreeCursor = tree.walk();
  const root: PyNode = { type: 'module', field: undefined, start: cursor.startIndex, end: cursor.endIndex, parent: undefined, children: [], operator: undefined };
  const mayMiss = tree.rootNode.hasError;
  let errors = 0;
  let parent = root;
  try {
    if (!cursor.gotoFirstChild()) return { root, errors };
    for (;;) {
      const id = cursor.nodeTypeId;
      let descend = false;
      if (['string_start', 'string_content', 'string_end'].includes(type(id)!)) {
        if (mayMiss && cursor.nodeIsMissing) errors++;
      } else if (named(id)) {
        const node: PyNode = { type: type(id)!, field: cursor.currentFieldName ?? undefined, start: cursor.startIndex, end: cursor.endIndex, parent, children: [], operator: undefined };
        if (node.type === 'ERROR') errors++;
        else if (mayMiss && cursor.nodeIsMissing) errors++;
        (parent.children as PyNode[]).push(node);
        if (node.type !== 'format_specifier' && cursor.gotoFirstChild()) {
          parent = node;
          descend = true;
        }
      } else if (mayMiss && cursor.nodeIsMissing) {
        errors++;
      } else if (OPERATOR_PARENTS.has(parent.type) && (cursor.currentFieldName === 'operator' || cursor.currentFieldName === 'operators')) {
        parent.operator = parent.operator ? `${parent.operator} ${type(id)}` : type(id);
      } else if (type(id) === 'async' && parent.operator === undefined) {
        parent.operator = 'async';
      }
      if (descend) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || parent === root) return { root, errors };
        parent = parent.parent!;
      }
    }
  } finally {
    cursor.delete();
    tree.delete();
  }
}

/** A comparable form: every node's fields in pre-order, parents checked by identity on the way. */
function flatten(root: PyNode): string[] {
  const out: string[] = [];
  const stack: PyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const child of node.children) assert.equal(child.parent, node, `parent of ${child.type} at ${child.start}`);
    out.push(`${node.type} ${node.field ?? '-'} ${node.start}-${node.end}${node.operator === undefined ? '' : ` [${node.operator}]`} (${node.children.length})`);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

function pythonFilesUnder(directory: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...pythonFilesUnder(path));
    else if (entry.name.endsWith('.py')) out.push(path);
  }
  return out;
}

const SNIPPETS: Record<string, string> = {
  operators: 'x = a + b - c\ny = not a or b and c\nif a is not b and c not in d: pass\nz = -x\nw **= 2\nk = a if b else c\n',
  async: 'async def run(x):\n    async with a as b:\n        async for i in b:\n            await i\n',
  strings: 'a = f"{x!r:>{width}} and {y}"\nb = rb"\\x00" "\\n" \'\'\'doc\'\'\'\nc = f"{{literal}}"\nd = "{not}" + f"{a + f\'{b}\'}"\ne = f"no braces"\n',
  'unterminated strings': 'a = "open\nb = f"{x\nc = \'\'\'never closed\n',
  'syntax errors': 'def broken(:\n    return (1,\nx = [1, 2\nclass\n',
  missing: 'print("a"\nif x\n    pass\n',
  'deep nesting': `x = ${'['.repeat(400)}1${']'.repeat(400)}\ny = ${'('.repeat(300)}2${')'.repeat(300)}\n`,
  'non-ASCII': 'name = "héllo 🌍"  # ünïcode\nkey = "\u{1F511}" + "x"\n',
  empty: '',
  comments: '# only a comment\n',
};

describe('Python tree copy', () => {
  let reference: Parser;
  before(async () => {
    assert.ok(await loadPythonParser());
    const directory = dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
    reference = new Parser();
    reference.setLanguage(await Language.load(readFileSync(join(directory, 'tree-sitter-python.wasm'))));
  });
  after(() => reference.delete());

  const same = (text: string, label: string): void => {
    const copied = parsePython(text);
    const expected = referenceTree(reference, text);
    assert.equal(copied.errors, expected.errors, `${label}: syntax errors`);
    assert.deepEqual(flatten(copied.root), flatten(expected.root), label);
    const preorder: PyNode[] = [];
    const stack = [copied.root];
    while (stack.length) {
      const node = stack.pop()!;
      preorder.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    assert.equal(copied.nodes.length, preorder.length, `${label}: node list`);
    assert.ok(copied.nodes.every((node, i) => node === preorder[i]), `${label}: node list in pre-order`);
  };

  for (const [name, text] of Object.entries(SNIPPETS)) it(`matches the public API: ${name}`, () => same(text, name));

  it('matches the public API on every Python file of the repository', () => {
    const files = [...pythonFilesUnder('test/corpus'), ...pythonFilesUnder('test/eval')];
    assert.ok(files.length >= 30, `${files.length} files`);
    for (const file of files) same(readFileSync(file, 'utf8'), file);
  });

  it('gives nodes without children one shared, frozen empty list (most nodes are leaves)', () => {
    const { nodes } = parsePython('def f(a, b):\n    return g(a) + b\n\nx = [1, 2, 3]\n');
    const leaves = nodes.filter((node) => node.children.length === 0);
    assert.ok(leaves.length > 5);
    assert.ok(leaves.every((leaf) => leaf.children === leaves[0]!.children && Object.isFrozen(leaf.children)));
    const parents = nodes.filter((node) => node.children.length > 0);
    assert.ok(parents.every((node) => node.children.every((child) => child.parent === node)));
  });

  it('leaves the runtime usable for the public API after a copy', () => {
    parsePython('x = 1\n');
    const tree = reference.parse('def f():\n    return 1\n')!;
    assert.equal(tree.rootNode.firstChild?.type, 'function_definition');
    tree.delete();
  });
});
