/**
 * Jupyter notebooks (`.ipynb`, nbformat 4 JSON): the code cells joined into one Python text (cells run in one
 * namespace, so an agent in one cell uses tools defined in another), and the other texts (Markdown cells, cell
 * outputs). Every text keeps a map back to the notebook file, so findings point at the exact place in the JSON.
 */
import { type Node as JsonNode, parseTree } from 'jsonc-parser';

const BACKSLASH = 0x5c;

/** A text assembled from JSON strings, with the file offset of every character. */
export class MappedText {
  text = '';
  /**
   * Pieces of text in order, four numbers each: text offset, file offset, length in the text, length in the file.
   * A run of plain characters has equal lengths; an escape (`\n`, `\u00e9`) is one character from several.
   */
  private readonly runs: number[] = [];

  /**
   * Append the decoded content of the JSON string literal at `node`, recording where each character came from. Runs
   * of plain characters are sliced out whole: appending them a character at a time made a string of one-character
   * pieces (33 MB of allocations and 190 ms for a 1 MB notebook).
   */
  appendJsonString(file: string, node: JsonNode): void {
    const end = node.offset + node.length - 1;
    let runStart = node.offset + 1;
    const appendPlain = (until: number) => {
      if (until <= runStart) return;
      this.runs.push(this.text.length, runStart, until - runStart, until - runStart);
      this.text += file.slice(runStart, until);
    };
    // A loop bounded by the literal, not indexOf: that would look past it, to the next backslash anywhere in the file.
    for (let i = runStart; i < end; i++) {
      if (file.charCodeAt(i) !== BACKSLASH) continue;
      appendPlain(i);
      const next = file[i + 1];
      const width = next === 'u' ? 6 : 2;
      const decoded = next === 'u' ? String.fromCharCode(parseInt(file.slice(i + 2, i + 6), 16) || 0) : (JSON_ESCAPES[next ?? ''] ?? next ?? '');
      this.runs.push(this.text.length, i, decoded.length, width);
      this.text += decoded;
      runStart = i + width;
      i = runStart - 1;
    }
    appendPlain(end);
  }

  /** Append text that is not in the file (a line break between cells). */
  appendSynthetic(text: string): void {
    this.text += text;
  }

  /** Blank out a range (IPython magics and shell escapes) with spaces, keeping every offset. */
  blank(start: number, end: number): void {
    this.text = this.text.slice(0, start) + ' '.repeat(end - start) + this.text.slice(end);
  }

  /** The file offset where the character at a text offset starts (an escaped character: its backslash). */
  toFile(offset: number): number {
    const run = this.runAt(offset);
    if (run < 0) return this.runs.length ? this.runs[1]! : 0;
    const [textStart, fileStart, textLength, fileLength] = this.run(run);
    if (offset >= textStart + textLength) return fileStart + fileLength;
    return textLength === fileLength ? fileStart + (offset - textStart) : fileStart;
  }

  /** The file offset just after the character before a text offset: the end of a range. */
  toFileEnd(offset: number): number {
    if (offset <= 0) return this.toFile(0);
    const run = this.runAt(offset - 1);
    if (run < 0) return this.toFile(0);
    const [textStart, fileStart, textLength, fileLength] = this.run(run);
    if (offset - 1 >= textStart + textLength) return fileStart + fileLength;
    return textLength === fileLength ? fileStart + (offset - textStart) : fileStart + fileLength;
  }

  /** The last run that starts at or before a text offset. */
  private runAt(offset: number): number {
    let low = 0;
    let high = this.runs.length / 4 - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.runs[middle * 4]! <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  private run(index: number): [number, number, number, number] {
    const at = index * 4;
    return [this.runs[at]!, this.runs[at + 1]!, this.runs[at + 2]!, this.runs[at + 3]!];
  }
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export interface NotebookText {
  kind: 'markdown' | 'output' | 'raw';
  mapped: MappedText;
}

export interface Notebook {
  /** All code cells joined (IPython magics blanked), in order. */
  code: MappedText;
  /** Markdown and raw cells, cell outputs, and code cells in a non-Python cell magic (`%%bash`). */
  texts: NotebookText[];
  /** Set when the file is not a notebook JSON document. */
  error?: string;
}

/** Cell magics whose body is still Python. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'python', 'python3', 'skip']);

export function readNotebook(file: string): Notebook {
  const code = new MappedText();
  const texts: NotebookText[] = [];
  const root = parseTree(file, [], { allowTrailingComma: true });
  const cells = root && property(root, 'cells');
  if (!root || root.type !== 'object' || !cells || cells.type !== 'array') return { code, texts, error: 'not a notebook (no cells array)' };
  for (const cell of cells.children ?? []) {
    if (cell.type !== 'object') continue;
    const type = property(cell, 'cell_type')?.value;
    const source = property(cell, 'source');
    if (type === 'code') {
      const cellText = mappedStrings(file, source);
      const magic = /^%%(\w+)/.exec(cellText.text);
      if (magic && !PYTHON_CELL_MAGICS.has(magic[1]!)) texts.push({ kind: 'raw', mapped: cellText });
      else appendCode(code, file, source);
      for (const output of property(cell, 'outputs')?.children ?? []) outputTexts(file, output, texts);
    } else if (source) {
      texts.push({ kind: type === 'markdown' ? 'markdown' : 'raw', mapped: mappedStrings(file, source) });
    }
  }
  return { code, texts };
}

/** A cell's source (a string or a list of line strings) appended to the joined code, magics blanked. */
function appendCode(code: MappedText, file: string, source: JsonNode | undefined): void {
  const cellStart = code.text.length;
  for (const part of stringsOf(source)) code.appendJsonString(file, part);
  // `!pip install …`, `%matplotlib inline`, `%%time`, `files = !ls`: IPython syntax, not Python.
  const cell = code.text.slice(cellStart);
  for (const match of cell.matchAll(/^[ \t]*(?:[!%]|\w[\w., ]*=[ \t]*[!%])[^\n]*/gm)) {
    code.blank(cellStart + match.index!, cellStart + match.index! + match[0].length);
  }
  if (!code.text.endsWith('\n')) code.appendSynthetic('\n');
}

function mappedStrings(file: string, source: JsonNode | undefined): MappedText {
  const mapped = new MappedText();
  for (const part of stringsOf(source)) mapped.appendJsonString(file, part);
  return mapped;
}

/** Stream text, `text/plain` and other textual data, and tracebacks of one output. */
function outputTexts(file: string, output: JsonNode, texts: NotebookText[]): void {
  if (output.type !== 'object') return;
  for (const key of ['text', 'traceback']) {
    const value = property(output, key);
    if (value) texts.push({ kind: 'output', mapped: mappedStrings(file, value) });
  }
  const data = property(output, 'data');
  for (const entry of data?.children ?? []) {
    const [mime, value] = entry.children ?? [];
    if (typeof mime?.value === 'string' && /^text\/|^application\/(?:json|javascript)$/.test(mime.value) && value && (value.type === 'string' || value.type === 'array')) {
      texts.push({ kind: 'output', mapped: mappedStrings(file, value) });
    }
  }
}

function stringsOf(node: JsonNode | undefined): JsonNode[] {
  if (!node) return [];
  if (node.type === 'string') return [node];
  if (node.type === 'array') return (node.children ?? []).filter((child) => child.type === 'string');
  return [];
}

function property(object: JsonNode, name: string): JsonNode | undefined {
  for (const entry of object.children ?? []) {
    if (entry.type === 'property' && entry.children?.[0]?.value === name) return entry.children[1];
  }
  return undefined;
}
