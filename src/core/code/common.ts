/** Small pieces the TypeScript and Python agent analyses share. */
import type { CodeTool } from '../facts';
import type { LineIndex } from '../position';

/** A tool reference at a range of the file. */
export function codeToolAt(lines: LineIndex, name: string | undefined, kind: CodeTool['kind'], start: number, end: number): CodeTool {
  // Built without spreading conditional objects (which cost more than the rest), in the order a spread gave.
  const range = lines.rangeOf(start, end);
  const tool: CodeTool = name !== undefined ? { name, range, startOffset: start, endOffset: end } : { range, startOffset: start, endOffset: end };
  if (kind !== undefined) tool.kind = kind;
  return tool;
}

/** The declaration of a name in effect at a position, scope-blind: the last one before it, else the first. */
export function lastBefore<T extends { pos: number }>(list: readonly T[] | undefined, before: number): T | undefined {
  if (!list) return undefined;
  let found: T | undefined;
  for (const declaration of list) {
    if (declaration.pos < before) found = declaration;
    else break;
  }
  return found ?? list[0];
}

/** grants/env-passthrough's message; `example` shows, in the file's language, how to pass only what is needed. */
export function envPassthroughMessage(via: string | undefined, example: string): string {
  return (
    `The MCP server process inherits this process's whole environment${via ? ` (through ${via})` : ''}: every API key, token and cloud credential in it, not just what the server needs. ` +
    `Pass only the variables the server needs, e.g. ${example}.`
  );
}
