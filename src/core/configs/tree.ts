import type { Node as JsonNode } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { AnalysisContext } from '../context';

/**
 * One shape for JSON/JSONC and YAML documents, so a rule that reads IAM policies, RBAC objects or scope lists is
 * written once. Every node keeps the exact offsets of its token in the file (strings: the whole token, quotes
 * included). Aliases are never expanded and nesting deeper than MAX_DEPTH is not converted.
 */
export type TreeValue = TreeString | TreeObject | TreeArray | TreeOther;

export interface TreeString {
  type: 'string';
  value: string;
  start: number;
  end: number;
}

export interface TreeEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: TreeValue;
}

export interface TreeObject {
  type: 'object';
  start: number;
  end: number;
  entries: TreeEntry[];
}

export interface TreeArray {
  type: 'array';
  start: number;
  end: number;
  items: TreeValue[];
}

/** Numbers, booleans, null, aliases, and subtrees too deep to convert. */
export interface TreeOther {
  type: 'other';
  value: unknown;
  start: number;
  end: number;
}

/** Deeper than any real configuration; hostile nesting below this depth is ignored, never recursed into. */
const MAX_DEPTH = 200;

/**
 * Can a key or value of this JSON or YAML file read differently from its raw characters? Both formats let a quoted
 * string spell a printable character as an escape (`"descr\u0069ption"`, YAML `"allowed\x5ftools"`), and the trees
 * hold the decoded strings: a check that first looks for its words in the raw text must not skip such a file. False
 * for other kinds of file. Memoised: several rules ask it of the same file.
 */
export function escapesPrintableCharacters(context: AnalysisContext): boolean {
  if (context.kind !== 'json' && context.kind !== 'yaml') return false;
  return context.memo('configs:printable-escapes', () => PRINTABLE_ESCAPE.test(context.text)) ?? true;
}

/** An escape of a printable ASCII character: `\u0020`–`\u007F` (JSON, YAML), YAML's `\x20`–`\x7F` and `\U00000020`–`\U0000007F`. */
const PRINTABLE_ESCAPE = /\\(?:u00[2-7][0-9A-Fa-f]|x[2-7][0-9A-Fa-f]|U000000[2-7][0-9A-Fa-f])/;

/** The documents of a JSON or YAML file as trees (one for JSON, one per `---` document for YAML). Memoised. */
export function configTrees(context: AnalysisContext): TreeValue[] {
  return (
    context.memo('configs:trees', () => {
      if (context.kind === 'json') {
        const root = context.jsonTree();
        return root ? [fromJson(root, 0)] : [];
      }
      if (context.kind === 'yaml') {
        const trees: TreeValue[] = [];
        for (const document of context.yamlDocuments()) {
          const tree = fromYaml(document.contents, 0, document);
          if (tree) trees.push(tree);
        }
        return trees;
      }
      return [];
    }) ?? []
  );
}

/** Convert a jsonc-parser node (e.g. of a JSON document embedded in a string; offsets are then relative to it). */
export function fromJson(node: JsonNode, depth = 0): TreeValue {
  const start = node.offset;
  const end = node.offset + node.length;
  if (depth > MAX_DEPTH) return { type: 'other', value: undefined, start, end };
  switch (node.type) {
    case 'string':
      return { type: 'string', value: node.value as string, start, end };
    case 'object': {
      const entries: TreeEntry[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || key.type !== 'string' || !value) continue;
        entries.push({ key: key.value as string, keyStart: key.offset, keyEnd: key.offset + key.length, value: fromJson(value, depth + 1) });
      }
      return { type: 'object', start, end, entries };
    }
    case 'array':
      return { type: 'array', start, end, items: (node.children ?? []).map((child) => fromJson(child, depth + 1)) };
    default:
      return { type: 'other', value: node.value, start, end };
  }
}

type Ranged = { range?: [number, number, number] | null };

function rangeOf(node: unknown): [number, number] {
  const range = (node as Ranged | null | undefined)?.range;
  return range ? [range[0], Math.max(range[1], range[0])] : [0, 0];
}

/**
 * An alias of a string (`allowed_tools: *tools` after `TOOLS: &tools "Bash"`) is that string, placed where the alias
 * is (each use is a finding of its own, at the `*tools` that grants it): reading it costs nothing, and leaving it out
 * would let an anchor hide a value. Aliases of maps and sequences are never expanded (a few lines of them can stand
 * for billions of nodes).
 */
function fromYaml(node: unknown, depth: number, document: Document.Parsed): TreeValue | undefined {
  if (node === null || node === undefined) return undefined;
  const [start, end] = rangeOf(node);
  if (isAlias(node)) {
    const target = node.resolve(document);
    if (isScalar(target) && typeof target.value === 'string') return { type: 'string', value: target.value, start, end };
    return { type: 'other', value: undefined, start, end };
  }
  if (depth > MAX_DEPTH) return { type: 'other', value: undefined, start, end };
  if (isScalar(node)) {
    return typeof node.value === 'string' ? { type: 'string', value: node.value, start, end } : { type: 'other', value: node.value, start, end };
  }
  if (isMap(node)) {
    const entries: TreeEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === 'object') continue;
      const value = fromYaml(pair.value, depth + 1, document);
      if (!value) continue;
      const [keyStart, keyEnd] = rangeOf(pair.key);
      entries.push({ key: String(pair.key.value), keyStart, keyEnd, value });
    }
    return { type: 'object', start, end, entries };
  }
  if (isSeq(node)) {
    const items: TreeValue[] = [];
    for (const item of node.items) {
      const value = fromYaml(item, depth + 1, document);
      if (value) items.push(value);
    }
    return { type: 'array', start, end, items };
  }
  return { type: 'other', value: undefined, start, end };
}

/** The value under `key` in an object (first match; `caseInsensitive` for CloudFormation/Terraform spellings). */
export function getKey(node: TreeValue | undefined, key: string, caseInsensitive = false): TreeValue | undefined {
  if (!node || node.type !== 'object') return undefined;
  if (!caseInsensitive) return node.entries.find((entry) => entry.key === key)?.value;
  const lower = key.toLowerCase();
  return node.entries.find((entry) => entry.key.toLowerCase() === lower)?.value;
}

export function getPath(node: TreeValue | undefined, path: string[]): TreeValue | undefined {
  let current = node;
  for (const key of path) current = getKey(current, key);
  return current;
}

export function stringValue(node: TreeValue | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

/** A string, or the string items of an array (IAM `Action: "*"` and `Action: ["*"]` alike). */
export function stringsOf(node: TreeValue | undefined): TreeString[] {
  if (!node) return [];
  if (node.type === 'string') return [node];
  if (node.type === 'array') return node.items.filter((item): item is TreeString => item.type === 'string');
  return [];
}

/** Objects, or the object items of an array (a statement list, or one statement on its own). */
export function objectsOf(node: TreeValue | undefined): TreeObject[] {
  if (!node) return [];
  if (node.type === 'object') return [node];
  if (node.type === 'array') return node.items.filter((item): item is TreeObject => item.type === 'object');
  return [];
}

/** Every object in a tree, with the key it sits under (array items take the array's key). Iterative. */
export function forEachObject(root: TreeValue, visit: (node: TreeObject, key: string | undefined) => void): void {
  const stack: { node: TreeValue; key: string | undefined }[] = [{ node: root, key: undefined }];
  while (stack.length) {
    const { node, key } = stack.pop()!;
    if (node.type === 'object') {
      visit(node, key);
      for (let i = node.entries.length - 1; i >= 0; i--) stack.push({ node: node.entries[i]!.value, key: node.entries[i]!.key });
    } else if (node.type === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i]!, key });
    }
  }
}

/** Every string value in a tree, in document order, with its nearest key (array items take the array's key). */
export function forEachString(root: TreeValue, visit: (node: TreeString, key: string | undefined) => void): void {
  const stack: { node: TreeValue; key: string | undefined }[] = [{ node: root, key: undefined }];
  while (stack.length) {
    const { node, key } = stack.pop()!;
    if (node.type === 'string') visit(node, key);
    else if (node.type === 'object') {
      for (let i = node.entries.length - 1; i >= 0; i--) stack.push({ node: node.entries[i]!.value, key: node.entries[i]!.key });
    } else if (node.type === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i]!, key });
    }
  }
}

/** Per string token: how value offsets map to file offsets (computed once, however many parts are located). */
interface Locator {
  /** Raw offset of every value index and of the end, when the token maps one to one (verbatim or decoded escapes). */
  offsets?: number[];
  /** Value offset added to the token start (verbatim tokens: 1 for a quote, 0 for a plain scalar). */
  shift?: number;
  /** Search cursor for tokens that do not map (YAML folding, block scalars): parts are usually located in order. */
  lastValueTo: number;
  lastRawTo: number;
  raw?: string;
}

const locators = new WeakMap<object, Locator>();

/**
 * The offsets of part of a string value (`value.slice(from, to)`) in the file. Escapes in double-quoted tokens are
 * decoded exactly; other tokens whose text differs from their value (YAML folding, block scalars) are searched, in
 * order; when the part covers the whole value, or cannot be found verbatim, the whole token is returned. Linear in
 * the token over all the parts of one token.
 */
export function partRange(text: string, node: { value: string; start: number; end: number }, from: number, to: number): [number, number] {
  if (from <= 0 && to >= node.value.length) return [node.start, node.end];
  const part = node.value.slice(from, to);
  if (!part) return [node.start, node.end];
  let locator = locators.get(node);
  if (!locator) {
    locator = { lastValueTo: 0, lastRawTo: 0 };
    const raw = text.slice(node.start, node.end);
    if (raw === node.value) locator.shift = 0;
    else if (raw.length === node.value.length + 2 && raw.slice(1, -1) === node.value) locator.shift = 1;
    else {
      const offsets = doubleQuotedOffsets(raw, node.value.length);
      if (offsets) locator.offsets = offsets;
      else locator.raw = raw;
    }
    locators.set(node, locator);
  }
  if (locator.shift !== undefined) return [node.start + locator.shift + from, node.start + locator.shift + to];
  if (locator.offsets) return [node.start + locator.offsets[from]!, node.start + locator.offsets[to]!];
  // Skip as many occurrences of the part in the raw text as there are in the value before `from`, counting from the
  // previous located part when the parts come in order (so locating every part of a token stays linear).
  if (from < locator.lastValueTo) {
    locator.lastValueTo = 0;
    locator.lastRawTo = 0;
  }
  let skip = 0;
  for (let i = node.value.indexOf(part, locator.lastValueTo); i >= 0 && i < from; i = node.value.indexOf(part, i + part.length)) skip++;
  let found = locator.raw!.indexOf(part, locator.lastRawTo);
  for (; found >= 0 && skip > 0; skip--) found = locator.raw!.indexOf(part, found + part.length);
  if (found < 0) return [node.start, node.end];
  locator.lastValueTo = to;
  locator.lastRawTo = found + part.length;
  return [node.start + found, node.start + found + part.length];
}

/**
 * For a double-quoted JSON/YAML token whose escapes decode to a value of `length` UTF-16 units: the raw offset of
 * every value index (and of the end). Undefined for other tokens, or when decoding does not line up (YAML line
 * folding), so the caller falls back to searching.
 */
function doubleQuotedOffsets(raw: string, length: number): number[] | undefined {
  if (raw.length < 2 || raw[0] !== '"' || raw[raw.length - 1] !== '"') return undefined;
  const offsets: number[] = [];
  let i = 1;
  const last = raw.length - 1;
  while (i < last) {
    const c = raw[i]!;
    if (c === '\n' || c === '\r') return undefined;
    if (c !== '\\') {
      offsets.push(i);
      i++;
      continue;
    }
    const escape = raw[i + 1];
    const width = escape === 'u' ? 6 : escape === 'x' ? 4 : escape === 'U' ? 10 : 2;
    offsets.push(i);
    if (escape === 'U') offsets.push(i);
    i += width;
  }
  if (i !== last || offsets.length !== length) return undefined;
  offsets.push(last);
  return offsets;
}
