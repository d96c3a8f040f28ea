import type { FileEdit } from './types';

/** The file's line ending (CRLF when it uses any). */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** The blanks a line starts with. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** One indentation step the file uses (two spaces unless it shows otherwise). */
export function indentUnit(text: string): string {
  const sample = text.slice(0, 20_000);
  if (/^\t/m.test(sample)) return '\t';
  let smallest = 0;
  for (const match of sample.matchAll(/^( +)\S/gm)) {
    const width = match[1]!.length;
    if (width > 0 && (smallest === 0 || width < smallest)) smallest = width;
  }
  return ' '.repeat(smallest >= 2 && smallest <= 8 ? smallest : 2);
}

/** Apply the edits of one file (non-overlapping; any order). */
export function applyEdits(text: string, edits: readonly Pick<FileEdit, 'startOffset' | 'endOffset' | 'newText'>[]): string {
  const sorted = [...edits].sort((a, b) => b.startOffset - a.startOffset || b.endOffset - a.endOffset);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.endOffset > limit) throw new Error('overlapping edits');
    result = result.slice(0, edit.startOffset) + edit.newText + result.slice(edit.endOffset);
    limit = edit.startOffset;
  }
  return result;
}

/** A changed span: `[start, end)` of the original text is now `[newStart, newEnd)` of the current one. */
interface Hunk {
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

/**
 * Edits applied one after another (each on the text the previous ones left), returned as edits of the original text
 * that each cover only what changed. One diff from the first change to the last would re-emit every untouched
 * character in between: on a one-line JSON file, another secret that no fix removed.
 */
export class EditSequence {
  private hunks: Hunk[] = [];
  text: string;

  constructor(private readonly original: string) {
    this.text = original;
  }

  /** Apply edits of the current text (non-overlapping, as `applyEdits` takes them). */
  apply(edits: readonly Pick<FileEdit, 'startOffset' | 'endOffset' | 'newText'>[]): void {
    for (const edit of [...edits].sort((a, b) => b.startOffset - a.startOffset || b.endOffset - a.endOffset)) this.replace(edit.startOffset, edit.endOffset, edit.newText);
  }

  /** The edits of the original text, in order; empty when nothing changed. */
  edits(path: string): FileEdit[] {
    return this.hunks
      .map((hunk) => ({ path, startOffset: hunk.start, endOffset: hunk.end, newText: this.text.slice(hunk.newStart, hunk.newEnd) }))
      .filter((edit) => edit.newText !== this.original.slice(edit.startOffset, edit.endOffset));
  }

  private replace(start: number, end: number, newText: string): void {
    // Hunks this edit touches merge with it into one; the original offsets come from the hunks or the shift before.
    const touched = this.hunks.filter((hunk) => hunk.newStart <= end && hunk.newEnd >= start);
    const first = touched[0];
    const last = touched[touched.length - 1];
    const newStart = Math.min(start, first?.newStart ?? start);
    const newEnd = Math.max(end, last?.newEnd ?? end);
    const originalStart = first && first.newStart <= start ? first.start : this.originalOffset(start);
    const originalEnd = last && last.newEnd >= end ? last.end : this.originalOffset(end);
    const delta = newText.length - (end - start);
    const kept = this.hunks.filter((hunk) => !touched.includes(hunk));
    for (const hunk of kept) {
      if (hunk.newStart >= end) {
        hunk.newStart += delta;
        hunk.newEnd += delta;
      }
    }
    kept.push({ start: originalStart, end: originalEnd, newStart, newEnd: newEnd + delta });
    this.hunks = kept.sort((a, b) => a.newStart - b.newStart);
    this.text = this.text.slice(0, start) + newText + this.text.slice(end);
  }

  /** The original offset of a current offset that lies outside every hunk. */
  private originalOffset(offset: number): number {
    let shift = 0;
    for (const hunk of this.hunks) if (hunk.newEnd <= offset) shift += hunk.newEnd - hunk.newStart - (hunk.end - hunk.start);
    return offset - shift;
  }
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function diffEdit(path: string, before: string, after: string): FileEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { path, startOffset: start, endOffset: before.length - end, newText: after.slice(start, after.length - end) };
}

/** `2026-01-31` plus `days`. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A path relative to a folder (both workspace-relative, forward slashes), always starting with `.` or `..`. */
export function relativePath(fromFolder: string, to: string): string {
  const from = fromFolder ? fromFolder.split('/') : [];
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  const up = from.length - common;
  const rest = target.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
