import type { Position, Range } from './types';

/** Maps offsets to zero-based line/column. Built once per file, only when the file has findings. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: offset - this.lineStarts[low]! };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  offsetAt(position: Position): number {
    const lineStart = this.lineStarts[Math.min(position.line, this.lineStarts.length - 1)] ?? 0;
    return lineStart + position.column;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
