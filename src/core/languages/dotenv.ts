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
        value = raw.replace(/[ \t]+#.*$/, '').trimEnd();
      }
      if (value) values.push({ name, value, start, end: start + value.length, exact: true });
    }
    lineStart = lineEnd + 1;
  }
  return values;
}
