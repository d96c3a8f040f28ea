/**
 * The Python syntax tree the analysis reads: tree-sitter-python's concrete tree, copied once out of WebAssembly
 * memory into plain objects (a walk through the WASM tree costs a call per property; the copy is then read many
 * times, by the secret scan and the agent analysis, and nothing has to be freed).
 *
 * The parser itself (web-tree-sitter and the grammar's WASM) is compiled asynchronously by the Node layer
 * (src/node/python-parser.ts), which installs it here; the analysis stays synchronous and pure.
 */
import type { Language, Parser, Tree } from '@vscode/tree-sitter-wasm';

/** One named node of the tree. Anonymous tokens (punctuation, keywords) are dropped; operators are kept as `operator`. */
export interface PyNode {
  /** tree-sitter-python's node type: `call`, `keyword_argument`, `string`, `identifier`, `ERROR` … */
  type: string;
  /** The field this node fills in its parent (`function`, `arguments`, `left`, `right`, `name`, `value` …). */
  field: string | undefined;
  /** Offsets in the analysed text (UTF-16 code units, like JavaScript strings). */
  start: number;
  end: number;
  parent: PyNode | undefined;
  children: PyNode[];
  /** The operator token of `binary_operator`, `boolean_operator`, `augmented_assignment`, `comparison_operator` …; `async` of a function. */
  operator?: string;
}

export interface PythonTree {
  root: PyNode;
  /** ERROR and MISSING nodes: the parser recovered from that many syntax errors. */
  errors: number;
}

interface Runtime {
  parser: Parser;
  types: string[];
  named: boolean[];
  fields: (string | null)[];
  /** Types whose children are not copied: the parts of a string literal (its value is read from the text). */
  skipChildren: boolean[];
}

let runtime: Runtime | undefined;

const OPERATOR_FIELDS = new Set(['operator', 'operators']);
/** The node types with an operator field (tree-sitter-python's grammar): only their tokens need their field read. */
const OPERATOR_PARENTS = new Set(['binary_operator', 'boolean_operator', 'comparison_operator', 'unary_operator', 'augmented_assignment']);

/** Install the compiled parser (called by the Node layer once web-tree-sitter and the grammar are loaded). */
export function installPythonParser(parser: Parser, language: Language): void {
  const types: string[] = [];
  const named: boolean[] = [];
  const skipChildren: boolean[] = [];
  for (let id = 0; id < language.nodeTypeCount; id++) {
    const type = language.nodeTypeForId(id) ?? '';
    types.push(type);
    named.push(language.nodeTypeIsNamed(id));
    skipChildren.push(type === 'string_content' || type === 'format_specifier');
  }
  parser.setLanguage(language);
  runtime = { parser, types, named, fields: language.fields, skipChildren };
}

export function pythonParserInstalled(): boolean {
  return runtime !== undefined;
}

/** Thrown when a Python file is analysed before the Node layer has installed the parser. */
export class PythonParserMissing extends Error {
  override name = 'PythonParserMissing';
}

/** Parse Python source into the plain tree. Throws PythonParserMissing when no parser is installed. */
export function parsePython(text: string): PythonTree {
  if (!runtime) throw new PythonParserMissing('the Python parser is not loaded');
  const tree = runtime.parser.parse(text);
  if (!tree) throw new Error('the Python parser returned no tree');
  try {
    return copyTree(tree, runtime);
  } finally {
    tree.delete();
  }
}

/** Iterative pre-order copy through one cursor: no recursion, so any nesting depth is fine. */
function copyTree(tree: Tree, rt: Runtime): PythonTree {
  const cursor = tree.walk();
  const root: PyNode = { type: 'module', field: undefined, start: cursor.startIndex, end: cursor.endIndex, parent: undefined, children: [] };
  let errors = 0;
  let parent = root;
  // Each cursor read crosses into WebAssembly: ask for MISSING nodes only in a tree that has an error somewhere.
  const mayMiss = tree.rootNode.hasError;
  try {
    if (!cursor.gotoFirstChild()) return { root, errors };
    for (;;) {
      const typeId = cursor.nodeTypeId;
      let descend = false;
      if (rt.named[typeId]) {
        const type = rt.types[typeId]!;
        const node: PyNode = { type, field: rt.fields[cursor.currentFieldId] ?? undefined, start: cursor.startIndex, end: cursor.endIndex, parent, children: [] };
        if (type === 'ERROR') errors++;
        else if (mayMiss && cursor.nodeIsMissing) errors++;
        parent.children.push(node);
        // Strings keep only their interpolations (`{…}` of f-strings); prefix, quotes and escapes are read from the text.
        if (!rt.skipChildren[typeId] && cursor.gotoFirstChild()) {
          parent = node;
          descend = true;
        }
      } else if (mayMiss && cursor.nodeIsMissing) {
        errors++;
      } else if (OPERATOR_PARENTS.has(parent.type) && cursor.currentFieldId && OPERATOR_FIELDS.has(rt.fields[cursor.currentFieldId]!)) {
        parent.operator = parent.operator ? `${parent.operator} ${rt.types[typeId]}` : rt.types[typeId];
      } else if (rt.types[typeId] === 'async' && parent.operator === undefined) {
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
  }
}

/** The source text of a node. */
export function textOf(node: PyNode, text: string): string {
  return text.slice(node.start, node.end);
}

/** The child that fills a field (`call.function`, `keyword_argument.value` …). */
export function fieldOf(node: PyNode, field: string): PyNode | undefined {
  for (const child of node.children) if (child.field === field) return child;
  return undefined;
}

/** Named children that are not comments (comments are extras tree-sitter places anywhere). */
export function significant(node: PyNode): PyNode[] {
  return node.children.filter((child) => child.type !== 'comment');
}
