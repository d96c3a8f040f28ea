/**
 * The Python syntax tree the analysis reads: tree-sitter-python's concrete tree, copied once out of WebAssembly
 * memory into plain objects (a walk through the WASM tree costs a call per property; the copy is then read many
 * times, by the secret scan and the agent analysis, and nothing has to be freed).
 *
 * The parser itself (web-tree-sitter and the grammar's WASM) is compiled asynchronously by the Node layer
 * (src/node/python-parser.ts), which installs it here; the analysis stays synchronous and pure.
 */
import type { Language, Parser } from '@vscode/tree-sitter-wasm';

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
  /** Exactly as long as it needs to be; every node without children shares one empty, frozen list. */
  children: readonly PyNode[];
  /** The operator token of `binary_operator`, `boolean_operator`, `augmented_assignment`, `comparison_operator` …; `async` of a function. */
  operator?: string;
}

export interface PythonTree {
  root: PyNode;
  /** Every node, root first, in pre-order (document order): the walks read this list instead of each keeping a stack. */
  nodes: PyNode[];
  /** ERROR and MISSING nodes: the parser recovered from that many syntax errors. */
  errors: number;
}

/**
 * The exports of web-tree-sitter's WebAssembly module that the copy calls directly. web-tree-sitter's TreeCursor
 * writes the cursor into the module's transfer buffer before every call and reads it back after every move (a
 * dozen JavaScript-side memory accesses per property, which cost as much as the parse); called directly, the cursor
 * simply stays in the transfer buffer: the moves update it there and the reads leave it alone.
 * test/unit/python-tree.test.ts checks the copy against web-tree-sitter's public API.
 */
export interface TreeSitterExports {
  _ts_tree_root_node_wasm(tree: number): void;
  _ts_tree_cursor_new_wasm(tree: number): void;
  _ts_tree_cursor_delete_wasm(tree: number): void;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
}

interface Runtime {
  parser: Parser;
  wasm: TreeSitterExports;
  types: string[];
  named: boolean[];
  /** Where ERROR nodes (symbol 65535) are in `types`. */
  errorType: number;
  fields: (string | undefined)[];
  /** Types whose children are not copied (a format specifier's parts) or that have none. */
  skipChildren: boolean[];
  /** Types not copied at all: a string's quotes and content (its value is read from the text). */
  dropped: boolean[];
  isString: boolean[];
  /** Fields that hold an operator token. */
  operatorField: boolean[];
}

let runtime: Runtime | undefined;

const OPERATOR_FIELDS = new Set(['operator', 'operators']);
/** tree-sitter's symbol for ERROR nodes (ts_builtin_sym_error, (TSSymbol)-1). */
const ERROR_SYMBOL = 0xffff;
/** Tokens of the grammar (no children): the copy does not ask for theirs. */
const LEAVES = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'comment']);
/** The node types with an operator field (tree-sitter-python's grammar): only their tokens need their field read. */
const OPERATOR_PARENTS = new Set(['binary_operator', 'boolean_operator', 'comparison_operator', 'unary_operator', 'augmented_assignment']);

/**
 * Install the compiled parser (called by the Node layer once web-tree-sitter and the grammar are loaded). `wasm` is
 * the module object web-tree-sitter was initialised with (`Parser.init(module)`): Emscripten fills it with the exports.
 */
export function installPythonParser(parser: Parser, language: Language, wasm: TreeSitterExports): void {
  if (typeof wasm._ts_tree_cursor_goto_first_child_wasm !== 'function') throw new Error('web-tree-sitter was initialised with another module object');
  const types: string[] = [];
  const named: boolean[] = [];
  for (let id = 0; id < language.nodeTypeCount; id++) {
    types.push(language.nodeTypeForId(id) ?? '');
    named.push(language.nodeTypeIsNamed(id));
  }
  // tree-sitter gives ERROR nodes the symbol 65535 (ts_builtin_sym_error), outside the grammar's table: the copy
  // reads it as this entry, so syntax errors are counted and what the parser recovered inside them is analysed.
  const errorType = types.length;
  types.push('ERROR');
  named.push(true);
  const fields = language.fields.map((field) => field ?? undefined);
  parser.setLanguage(language);
  runtime = {
    parser,
    wasm,
    types,
    named,
    errorType,
    fields,
    skipChildren: types.map((type) => type === 'format_specifier' || LEAVES.has(type)),
    dropped: types.map((type) => type === 'string_start' || type === 'string_content' || type === 'string_end'),
    isString: types.map((type) => type === 'string'),
    operatorField: fields.map((field) => field !== undefined && OPERATOR_FIELDS.has(field)),
  };
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
    // The copy gets numbers, not web-tree-sitter's objects: optimised code that touched those (short-lived class
    // instances, whose maps V8 holds weakly) would be thrown away by the next full garbage collection.
    return copyTree((tree as unknown as { 0: number })[0], tree.rootNode.hasError, text, runtime);
  } finally {
    tree.delete();
  }
}

/** What every node without children holds: most nodes are leaves, and an empty array each cost 3 MB on a 1.6 MB module. */
const NO_CHILDREN: readonly PyNode[] = Object.freeze([]);

/** Every node has the same shape (operator included), so the readers' property accesses stay monomorphic. */
function pyNode(type: string, field: string | undefined, start: number, end: number, parent: PyNode | undefined): PyNode {
  return { type, field, start, end, parent, children: NO_CHILDREN, operator: undefined };
}

/**
 * Iterative pre-order copy through one cursor: no recursion, so any nesting depth is fine. `address` is the tree's
 * address in WebAssembly memory (web-tree-sitter keeps it at index 0 of its objects); MISSING nodes are asked for
 * only in a tree that has an error somewhere (`mayMiss`).
 *
 * A string keeps only its interpolations (`{…}` of f-strings): prefix, quotes, content and escapes are read from the
 * text. So the copy does not enter a string without a `{` (a third of the nodes of a typical module), except in a
 * tree with errors, where a MISSING closing quote must still be counted.
 *
 * Children are collected on one stack (`open`) and each list is cut from it, exactly sized, when its node is left:
 * arrays grown by `push` keep room for 17 entries, and most nodes have one or two children (40 % of the copied
 * tree's memory on a large module; its peak is what a Python-heavy repository's audit peaks at).
 */
function copyTree(address: number, mayMiss: boolean, text: string, rt: Runtime): PythonTree {
  const { wasm, types, named, fields, skipChildren, dropped, isString, operatorField } = rt;
  /** The first `{` at or after the current string's start (only moves forward: strings come in document order). */
  let brace = -1;
  wasm._ts_tree_root_node_wasm(address);
  wasm._ts_tree_cursor_new_wasm(address);
  const root = pyNode('module', undefined, wasm._ts_tree_cursor_start_index_wasm(address), wasm._ts_tree_cursor_end_index_wasm(address), undefined);
  const nodes = [root];
  let errors = 0;
  let parent = root;
  /**
   * The children found so far of every node on the path from the root, in order, are `open[0 … top)`; `starts` says
   * where each one's begin. Entries past `top` are stale and overwritten (cutting the array's length each time cost a
   * runtime call per node).
   */
  const open: PyNode[] = [];
  let top = 0;
  const starts: number[] = [];
  /** Give the node being left its children, cut from the stack. */
  const close = (node: PyNode): void => {
    const start = starts.pop() ?? 0;
    if (top > start) node.children = open.slice(start, top);
    top = start;
  };
  try {
    if (!wasm._ts_tree_cursor_goto_first_child_wasm(address)) return { root, nodes, errors };
    starts.push(0);
    for (;;) {
      const symbol = wasm._ts_tree_cursor_current_node_type_id_wasm(address);
      const typeId = symbol === ERROR_SYMBOL ? rt.errorType : symbol;
      let descend = false;
      if (dropped[typeId]) {
        if (mayMiss && wasm._ts_tree_cursor_current_node_is_missing_wasm(address)) errors++;
      } else if (named[typeId]) {
        const type = types[typeId]!;
        const field = fields[wasm._ts_tree_cursor_current_field_id_wasm(address)];
        const node = pyNode(type, field, wasm._ts_tree_cursor_start_index_wasm(address), wasm._ts_tree_cursor_end_index_wasm(address), parent);
        if (type === 'ERROR') errors++;
        else if (mayMiss && wasm._ts_tree_cursor_current_node_is_missing_wasm(address)) errors++;
        if (top < open.length) open[top] = node;
        else open.push(node);
        top++;
        nodes.push(node);
        let enter = !skipChildren[typeId];
        if (isString[typeId] && !mayMiss) {
          if (brace < node.start) brace = text.indexOf('{', node.start) >>> 0; // none: 2³²-1, past any end
          enter = brace < node.end;
        }
        if (enter && wasm._ts_tree_cursor_goto_first_child_wasm(address)) {
          starts.push(top);
          parent = node;
          descend = true;
        }
      } else if (mayMiss && wasm._ts_tree_cursor_current_node_is_missing_wasm(address)) {
        errors++;
      } else if (OPERATOR_PARENTS.has(parent.type) && operatorField[wasm._ts_tree_cursor_current_field_id_wasm(address)]) {
        parent.operator = parent.operator ? `${parent.operator} ${types[typeId]}` : types[typeId];
      } else if (types[typeId] === 'async' && parent.operator === undefined) {
        parent.operator = 'async';
      }
      if (descend) continue;
      while (!wasm._ts_tree_cursor_goto_next_sibling_wasm(address)) {
        close(parent);
        if (!wasm._ts_tree_cursor_goto_parent_wasm(address) || parent === root) return { root, nodes, errors };
        parent = parent.parent!;
      }
    }
  } finally {
    wasm._ts_tree_cursor_delete_wasm(address);
  }
}

/** The source text of a node. */
export function textOf(node: PyNode, text: string): string {
  return text.slice(node.start, node.end);
}

/** Does a node's source text end with `suffix`? (Without copying the text out.) */
export function textEndsWith(node: PyNode, text: string, suffix: string): boolean {
  return node.end - node.start >= suffix.length && text.startsWith(suffix, node.end - suffix.length);
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
