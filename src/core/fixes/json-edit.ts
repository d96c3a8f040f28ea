/**
 * Minimal JSON/JSONC edits that keep the file's layout: a property inserted after the last one (on its own line
 * when the object is multi-line, inline otherwise), a property removed with its comma, an item appended to an
 * array. jsonc-parser's `modify` re-formats neighbouring values, which would change text outside the fix.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import { eolOf, indentAt, indentUnit, lineStartOf } from './text';
import type { FileEdit } from './types';

function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStartOf(text, offset), offset).trim() === '';
}

/** A value as JSON: inline (`{ "a": 1, "b": [2] }`) or pretty-printed, re-indented under `indent`. */
export function formatJson(value: unknown, inline: boolean, unit: string, indent: string, eol: string): string {
  if (!inline) return JSON.stringify(value, null, unit).split('\n').join(eol + indent);
  if (Array.isArray(value)) return `[${value.map((item) => formatJson(item, true, unit, indent, eol)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return entries.length ? `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${formatJson(item, true, unit, indent, eol)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** Insert `"key": value` as the last property of an object node. */
export function insertJsonProperty(path: string, text: string, object: JsonNode, key: string, value: unknown): FileEdit {
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const properties = object.children ?? [];
  const last = properties[properties.length - 1];
  if (!last) {
    const close = object.offset + object.length - 1;
    const inline = !text.slice(object.offset, close).includes('\n');
    const indent = indentAt(text, object.offset) + unit;
    return inline
      ? { path, startOffset: object.offset + 1, endOffset: close, newText: ` ${JSON.stringify(key)}: ${formatJson(value, true, unit, '', eol)} ` }
      : { path, startOffset: object.offset + 1, endOffset: close, newText: `${eol}${indent}${JSON.stringify(key)}: ${formatJson(value, false, unit, indent, eol)}${eol}${indentAt(text, close)}` };
  }
  const end = last.offset + last.length;
  if (startsLine(text, last.offset)) {
    const indent = indentAt(text, last.offset);
    return { path, startOffset: end, endOffset: end, newText: `,${eol}${indent}${JSON.stringify(key)}: ${formatJson(value, false, unit, indent, eol)}` };
  }
  return { path, startOffset: end, endOffset: end, newText: `, ${JSON.stringify(key)}: ${formatJson(value, true, unit, '', eol)}` };
}

/** Append an item to an array node. */
export function appendJsonItem(path: string, text: string, array: JsonNode, value: unknown): FileEdit {
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const items = array.children ?? [];
  const last = items[items.length - 1];
  if (!last) {
    const close = array.offset + array.length - 1;
    const indent = indentAt(text, array.offset) + unit;
    return { path, startOffset: array.offset + 1, endOffset: close, newText: `${eol}${indent}${formatJson(value, false, unit, indent, eol)}${eol}${indentAt(text, array.offset)}` };
  }
  const end = last.offset + last.length;
  if (startsLine(text, last.offset)) {
    const indent = indentAt(text, last.offset);
    return { path, startOffset: end, endOffset: end, newText: `,${eol}${indent}${formatJson(value, false, unit, indent, eol)}` };
  }
  return { path, startOffset: end, endOffset: end, newText: `, ${formatJson(value, true, unit, '', eol)}` };
}

/** Remove the property `key` of an object node, with the comma that separates it. */
export function removeJsonProperty(path: string, text: string, object: JsonNode, key: string): FileEdit | undefined {
  const properties = object.children ?? [];
  const index = properties.findIndex((property) => property.children?.[0]?.value === key);
  if (index < 0) return undefined;
  const property = properties[index]!;
  const next = properties[index + 1];
  if (next) return { path, startOffset: property.offset, endOffset: next.offset, newText: '' };
  const previous = properties[index - 1];
  const end = property.offset + property.length;
  if (previous) return { path, startOffset: previous.offset + previous.length, endOffset: end, newText: '' };
  return { path, startOffset: property.offset, endOffset: end, newText: '' };
}

/** Remove one item of an array node, with the comma that separates it. */
export function removeJsonItem(path: string, array: JsonNode, item: JsonNode): FileEdit | undefined {
  const items = array.children ?? [];
  const index = items.indexOf(item);
  if (index < 0) return undefined;
  const next = items[index + 1];
  if (next) return { path, startOffset: item.offset, endOffset: next.offset, newText: '' };
  const previous = items[index - 1];
  const end = item.offset + item.length;
  if (previous) return { path, startOffset: previous.offset + previous.length, endOffset: end, newText: '' };
  return { path, startOffset: item.offset, endOffset: end, newText: '' };
}
