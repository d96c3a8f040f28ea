import type { NamedValue } from '../secrets/detect';

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/;

/** `KEY=value`, `export KEY="value"`, `KEY='value' # comment` lines of a `.env` file. */
export function scanDotenv(text: string): NamedValue[] {
  const values: NamedValue[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const match = ASSIGNMENT.exec(line);
    if (match) {
      const name = match[1]!;
      const raw = match[2]!;
      const valueOffset = lineStart + line.length - raw.length;
      const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
      let value: string;
      let start = valueOffset;
      if (quote) {
        const close = raw.indexOf(quote, 1);
        value = close > 0 ? raw.slice(1, close) : raw.slice(1);
        start += 1;
      } else {
        // The lookbehind starts the comment only at the beginning of a blank run: linear on long runs of blanks.
        value = raw.replace(/(?<![ \t])[ \t]+#.*$/, '').trimEnd();
      }
      if (value) values.push({ name, value, start, end: start + value.length, exact: true });
    }
    lineStart = lineEnd + 1;
  }
  return values;
}

/** A string item of a JSON/YAML list, with the offsets of its text (without quotes) in the file. */
export interface ListItem {
  value: string;
  start: number;
  end: number;
  /** The item's text in the file is exactly `value`. */
  exact: boolean;
}

const LIST_ASSIGNMENT = /^(?:--?)?([A-Za-z_][A-Za-z0-9_.-]{0,100})=/;
const FLAG = /^--?([A-Za-z][A-Za-z0-9_.-]{0,100})$/;

/**
 * A list item that assigns a value to a name: `OPENAI_API_KEY=sk-…` (docker-compose `environment:` lists,
 * `docker run -e` arguments) or `--api-key=…` (CLI argument arrays of MCP servers, k8s containers).
 */
export function listItemAssignment(item: ListItem): NamedValue | undefined {
  const match = LIST_ASSIGNMENT.exec(item.value);
  if (!match) return undefined;
  const value = item.value.slice(match[0].length);
  if (!value) return undefined;
  return item.exact
    ? { name: match[1]!, value, start: item.start + match[0].length, end: item.end, exact: true }
    : { name: match[1]!, value, start: item.start, end: item.end, exact: false };
}

/** The name of a CLI flag item whose value is the next item (`"--api-key", "…"`), else undefined. */
export function flagItemName(value: string): string | undefined {
  return FLAG.exec(value)?.[1];
}

/** A list item named by something before it: a flag (`--token`, `…`) or the first of a header pair (`x-api-key`, `…`). */
export function namedItem(name: string, item: ListItem): NamedValue {
  return { name, value: item.value, start: item.start, end: item.end, exact: item.exact };
}
