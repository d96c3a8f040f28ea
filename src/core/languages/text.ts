import type { NamedValue } from '../secrets/detect';

/**
 * Assignment-like spots in any text file (Markdown, Python, shell, TOML, INI, Dockerfiles …):
 * `name = value`, `name: value`, `"name": "value"`, `--name value`, `-H "x-api-key: value"`, `NAME=value`.
 * Only lines that contain a credential word are looked at, and each line is matched once with a bounded regex.
 */
const CREDENTIAL_WORD = /key|token|secret|passw|pwd|pass\b|auth|credential|bearer/gi;
const ASSIGNMENT = /(?:^|[\s{,;(["'`])["'`]?(--?)?([A-Za-z_][A-Za-z0-9_.-]{0,80})["'`]?[ \t]*(?:(?::=|=>|=|:)[ \t]*|[ \t]+(?=["'`]?[A-Za-z0-9+/_-]{12}))["'`]?((?:Bearer|Basic|Token|token)[ \t]+)?([^\s"'`,;)\]}]{8,512})/g;
const MAX_LINE = 4096;

export function scanTextAssignments(text: string): NamedValue[] {
  const values: NamedValue[] = [];
  const seenLines = new Set<number>();
  CREDENTIAL_WORD.lastIndex = 0;
  for (let hit = CREDENTIAL_WORD.exec(text); hit; hit = CREDENTIAL_WORD.exec(text)) {
    const lineStart = text.lastIndexOf('\n', hit.index) + 1;
    if (seenLines.has(lineStart)) continue;
    seenLines.add(lineStart);
    let lineEnd = text.indexOf('\n', hit.index);
    if (lineEnd < 0) lineEnd = text.length;
    CREDENTIAL_WORD.lastIndex = lineEnd;
    if (lineEnd - lineStart > MAX_LINE) continue;
    const line = text.slice(lineStart, lineEnd);
    ASSIGNMENT.lastIndex = 0;
    for (let match = ASSIGNMENT.exec(line); match; match = ASSIGNMENT.exec(line)) {
      const [whole, flag, name, scheme, value] = match as unknown as [string, string | undefined, string, string | undefined, string];
      // A CLI flag followed by a value (`--api-key abc`) or an assignment; plain prose (`the token abc`) is not.
      const separator = whole.slice(whole.indexOf(name) + name.length, whole.length - value.length - (scheme?.length ?? 0));
      if (!flag && !/[:=]/.test(separator)) continue;
      const start = lineStart + match.index + whole.length - value.length;
      values.push({ name, value, start, end: start + value.length, exact: true });
    }
  }
  return values;
}
