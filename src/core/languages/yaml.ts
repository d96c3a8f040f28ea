import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { NamedValue } from '../secrets/detect';
import { flagItemName, listItemAssignment, namedItem, type ListItem } from './dotenv';
import { isBareKey, mayHoldAssignments, scanTextRange, sectionKeyNames } from './text';
import { appendAll } from '../arrays';

export interface YamlScan {
  namedValues: NamedValue[];
  errors: { offset: number; message: string }[];
}

/** Aliases are never expanded (an alias bomb stays small) and nesting deeper than this is not walked. */
const MAX_DEPTH = 200;

/**
 * Deeper than this (flow brackets plus indentation and compact `- ` indicators) is refused before parsing. The
 * `yaml` parser recurses per level; it catches its own stack overflow, but after one such overflow V8 can abort
 * the whole process ("RegExpCompiler Allocation failed") on the next deep parse, which no try/catch survives.
 * Real files stay far below this.
 */
const MAX_PARSE_NESTING = 400;

/**
 * An upper bound of the nesting depth, linear: bracket depth (brackets anywhere count, quoted or not) plus the longest
 * run of blanks and block indicators (`-`, `?`, `:`) at a line start. Lines are skipped to their end with indexOf and
 * brackets found by a regular expression's scan: no loop over every character (YAML test cassettes run to megabytes).
 */
export function yamlNestingBound(text: string): number {
  let maxIndent = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    let i = lineStart;
    while (i < text.length && isIndentCharacter(text.charCodeAt(i))) i++;
    if (i - lineStart > maxIndent) maxIndent = i - lineStart;
    const newline = text.indexOf('\n', i);
    lineStart = newline < 0 ? text.length : newline + 1;
  }
  let flow = 0;
  let maxFlow = 0;
  BRACKET.lastIndex = 0;
  while (BRACKET.test(text)) {
    const c = text.charCodeAt(BRACKET.lastIndex - 1);
    if (c === 91 || c === 123) {
      if (++flow > maxFlow) maxFlow = flow;
    } else if (flow > 0) {
      flow--;
    }
  }
  return maxFlow + maxIndent;
}

const BRACKET = /[[\]{}]/g;
/** Space, tab, `-`, `?`, `:`. */
const isIndentCharacter = (c: number): boolean => c === 32 || c === 9 || c === 45 || c === 63 || c === 58;

/** All documents of a YAML text. Throws a RangeError for nesting too deep to parse safely (see MAX_PARSE_NESTING). */
export function parseYamlDocuments(text: string): Document.Parsed[] {
  if (text.length > MAX_PARSE_NESTING && yamlNestingBound(text) > MAX_PARSE_NESTING) {
    throw new RangeError('YAML nesting too deep to parse');
  }
  const parsed = parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false, strict: false, prettyErrors: false });
  return Array.isArray(parsed) ? parsed : [];
}

/** What stringNode reads of a scalar: the `yaml` library's Scalar, or one the block reader makes (./yaml-block.ts). */
export type Scalar = { value: unknown; range?: [number, number, number] | null; type?: string | null };

/**
 * A YAML document as the secret scan reads it: mappings, sequences and string scalars, each string with the offsets
 * of its text; anything else (a number, a boolean, null, an alias, binary data) is undefined. Built from the `yaml`
 * library's documents (yamlTrees), or directly by the reader of plain block YAML (./yaml-block.ts), which skips the
 * library for the test cassettes and configurations that are nothing more.
 */
export interface YamlTree {
  root: YamlNode;
  errors: { offset: number; message: string }[];
}

export type YamlNode = YamlMapping | YamlSequence | YamlString | undefined;
export interface YamlMapping {
  kind: 'map';
  /** In order; a key that is not a scalar is undefined. */
  pairs: { key: string | undefined; value: YamlNode }[];
}
export interface YamlSequence {
  kind: 'seq';
  items: YamlNode[];
}
export interface YamlString {
  kind: 'string';
  /** The value as YAML resolves it (a block scalar's final line break included), which `item` may hold trimmed. */
  value: string;
  item: ListItem;
}

/** A string scalar as the scan reads it; undefined for any other scalar, and for one whose text cannot be placed. */
export function stringNode(text: string, scalar: Scalar): YamlString | undefined {
  const item = scalarItem(text, scalar);
  return item && { kind: 'string', value: scalar.value as string, item };
}

/**
 * A Bitnami SealedSecret, `kind: SealedSecret` in a top-level mapping (its first `kind` key, as the library's
 * `document.get` finds it), holds ciphertext that only the cluster's controller can open.
 */
function isSealedSecret(root: YamlNode): boolean {
  if (root?.kind !== 'map') return false;
  const kind = root.pairs.find((pair) => pair.key === 'kind')?.value;
  return kind?.kind === 'string' && kind.value === 'SealedSecret';
}

/** The `yaml` library's documents as trees for scanYaml (nodes deeper than MAX_DEPTH are left out). */
export function yamlTrees(text: string, documents: Document.Parsed[]): YamlTree[] {
  return documents.map((document) => ({
    root: treeNode(text, document.contents, 0),
    errors: document.errors.slice(0, 20).map((error) => ({ offset: error.pos[0], message: describeYamlError(error.code) })),
  }));
}

function treeNode(text: string, node: unknown, depth: number): YamlNode {
  // scanYaml reads the pairs and items of a collection at MAX_DEPTH, not the collections among them.
  if (depth > MAX_DEPTH + 1) return undefined;
  if (isScalar(node)) return stringNode(text, node as Scalar);
  if (isMap(node)) {
    const pairs: YamlMapping['pairs'] = [];
    for (const pair of node.items) {
      if (isPair(pair)) pairs.push({ key: isScalar(pair.key) ? String(pair.key.value) : undefined, value: treeNode(text, pair.value, depth + 1) });
    }
    return { kind: 'map', pairs };
  }
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((child) => treeNode(text, child, depth + 1)) };
  return undefined;
}

/**
 * Every scalar string value under a mapping key, with exact offsets, across all documents of a YAML file. Also:
 * k8s-style `{ name: X, value: … }` entries (named X), list items `- OPENAI_API_KEY=…` (docker-compose
 * `environment:` lists), CLI flags in argument lists (`- --api-key` then `- …`, or `- --api-key=…`), header pairs
 * `[x-api-key, …]`, and command lines or headers inside string values (`run: curl -H "x-api-key: …"`).
 */
export function scanYaml(text: string, trees: YamlTree[] = yamlTrees(text, parseYamlDocuments(text))): YamlScan {
  const namedValues: NamedValue[] = [];
  const errors: YamlScan['errors'] = [];
  const addText = (item: ListItem): void => {
    if (mayHoldAssignments(item.value)) appendAll(namedValues, scanTextRange(text, item.start, item.end));
  };
  for (const tree of trees) {
    appendAll(errors, tree.errors);
    if (isSealedSecret(tree.root)) continue;
    const stack: { node: YamlNode; depth: number; section?: string }[] = [{ node: tree.root, depth: 0 }];
    while (stack.length) {
      const { node, depth, section } = stack.pop()!;
      if (depth > MAX_DEPTH || !node) continue;
      if (node.kind === 'map') {
        let entryName: string | undefined;
        let entryValue: ListItem | undefined;
        for (const { key, value } of node.pairs) {
          if (value?.kind === 'string') {
            const { item } = value;
            if (key !== undefined) namedValues.push(namedItem(key, item));
            // A bare `Key` takes its section's name: `openai: { key: … }` is an OpenAI key.
            if (key !== undefined && section && isBareKey(key)) for (const alias of sectionKeyNames(section)) namedValues.push(namedItem(alias, item));
            if (key === 'name') entryName = item.value;
            else if (key === 'value') entryValue = item;
            addText(item);
          } else {
            stack.push({ node: value, depth: depth + 1, ...(key !== undefined && { section: key }) });
          }
        }
        // k8s / ECS env entries: `- name: OPENAI_API_KEY` + `value: sk-…`
        if (entryName && entryValue) namedValues.push(namedItem(entryName, entryValue));
      } else if (node.kind === 'seq') {
        const items = node.items.map((child) => (child?.kind === 'string' ? child.item : undefined));
        items.forEach((item, index) => {
          if (!item) {
            stack.push({ node: node.items[index], depth: depth + 1 });
            return;
          }
          const assignment = listItemAssignment(item);
          if (assignment) namedValues.push(assignment);
          const previous = index > 0 ? items[index - 1] : undefined;
          const flag = previous && flagItemName(previous.value);
          if (flag) namedValues.push(namedItem(flag, item));
          addText(item);
        });
        if (items.length === 2 && items[0] && items[1]) namedValues.push(namedItem(items[0].value, items[1]));
      }
    }
  }
  return { namedValues, errors };
}

/**
 * The parser's messages can quote the source (`Block scalar header includes extra characters: >sk-…`), and a
 * note must never carry a secret; so only the fixed error code is shown.
 */
export function describeYamlError(code: string): string {
  return code === 'RESOURCE_EXHAUSTION' ? 'nesting too deep to parse' : code.toLowerCase().replace(/_/g, ' ');
}

/**
 * A string scalar's value with the offsets of its text: inside the quotes of a quoted scalar; for a block scalar
 * (`|`, `>-`) the content after the header line, without indentation before or line breaks after.
 */
function scalarItem(text: string, scalar: Scalar): ListItem | undefined {
  const range = scalar.range;
  if (typeof scalar.value !== 'string' || !range) return undefined;
  let [start, end] = range;
  let value = scalar.value;
  if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') {
    start += 1;
    end -= 1;
  } else if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') {
    const header = text.indexOf('\n', start);
    if (header < 0 || header >= end) return undefined;
    start = header + 1;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    const trimmed = value.trim();
    if (end - start === trimmed.length && text.slice(start, end) === trimmed) value = trimmed;
  }
  return { value, start, end, exact: end - start === value.length && text.slice(start, end) === value };
}
