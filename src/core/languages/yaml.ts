import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { NamedValue } from '../secrets/detect';

export interface YamlScan {
  namedValues: NamedValue[];
  errors: { offset: number; message: string }[];
}

/** Aliases are never expanded (an alias bomb stays small) and nesting deeper than this is not walked. */
const MAX_DEPTH = 200;

export function parseYamlDocuments(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false, strict: false, prettyErrors: false });
  return Array.isArray(parsed) ? parsed : [];
}

/** Every scalar string value under a mapping key, with exact offsets, across all documents of a YAML file. */
export function scanYaml(text: string): YamlScan {
  const namedValues: NamedValue[] = [];
  const errors: YamlScan['errors'] = [];
  for (const document of parseYamlDocuments(text)) {
    for (const error of document.errors.slice(0, 20)) errors.push({ offset: error.pos[0], message: describeYamlError(error.code) });
    const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }];
    while (stack.length) {
      const { node, depth } = stack.pop()!;
      if (depth > MAX_DEPTH) continue;
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          if (key !== undefined && isScalar(pair.value) && typeof pair.value.value === 'string') {
            const value = scalarValue(text, key, pair.value as YamlNode & { value: string; range?: [number, number, number]; type?: string });
            if (value) namedValues.push(value);
          } else {
            stack.push({ node: pair.value, depth: depth + 1 });
          }
        }
      } else if (isSeq(node)) {
        for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return { namedValues, errors };
}

/**
 * The parser's messages can quote the source (`Block scalar header includes extra characters: >sk-…`), and a
 * note must never carry a secret; so only the fixed error code is shown.
 */
function describeYamlError(code: string): string {
  return code === 'RESOURCE_EXHAUSTION' ? 'nesting too deep to parse' : code.toLowerCase().replace(/_/g, ' ');
}

function scalarValue(text: string, name: string, scalar: { value: string; range?: [number, number, number] | null; type?: string | null }): NamedValue | undefined {
  const range = scalar.range;
  if (!range) return undefined;
  let [start, end] = range;
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  if (quoted) {
    start += 1;
    end -= 1;
  }
  return { name, value: scalar.value, start, end, exact: text.slice(start, end) === scalar.value };
}
