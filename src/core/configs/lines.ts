/**
 * Visit each line of a file that is not a whole-line comment (`#`, `//`, `REM`, `::`), for line scans that look
 * for grants in scripts, CI files, Dockerfiles and Terraform: a commented-out command grants nothing.
 */
export function forEachActiveLine(text: string, visit: (line: string, lineStart: number) => void): void {
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trimStart();
    if (!(trimmed.startsWith('#') || trimmed.startsWith('//') || /^(?:REM|rem)\s/.test(trimmed) || trimmed.startsWith('::'))) visit(line, lineStart);
    if (newline < 0) return;
    lineStart = newline + 1;
  }
}
