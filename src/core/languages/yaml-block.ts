/**
 * A reader for YAML written in plain block style, which is what test cassettes (recorded HTTP interactions, often
 * megabytes each in Python agent repositories) and most configuration files are: block mappings and sequences;
 * plain, quoted and block scalars; comments; `{}` and `[]`; `!!binary` data. It gives the secret scan the same trees
 * as the `yaml` library (./yaml.ts yamlTrees) without building the library's tokens, syntax tree and nodes.
 *
 * It returns undefined for anything else, and the library reads the file: flow collections with content, anchors,
 * aliases, other tags, complex keys, non-string keys, directives, several documents, tabs in indentation, carriage
 * returns, and text that is not valid YAML as far as this reader can tell. That it reads what it accepts as the
 * library does is tested on real files and on random edits of them (test/unit/yaml-block.test.ts).
 */
import { stringNode, type YamlMapping, type YamlNode, type YamlSequence, type YamlTree } from './yaml';

/** Thrown inside the reader when the text is not plain block YAML; one instance, so no stack trace is captured. */
const NOT_PLAIN = new Error('not plain block YAML');

/** Nested deeper than this, the library reads the file (and applies its own nesting limit). */
const MAX_NESTING = 100;
/** The longest implicit key YAML allows. */
const MAX_KEY_LENGTH = 1024;

/** What YAML 1.2's core schema, the library's default, resolves a plain scalar to when it is not a string. */
const NON_STRING = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)?$/;

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** The documents of a YAML text, or undefined when it is not plain block YAML (then parse it with the library). */
export function readBlockYaml(text: string): YamlTree[] | undefined {
  if (text.includes('\r') || text.includes('\uFEFF') || tabInIndentation(text)) return undefined;
  try {
    return new BlockReader(text).documents();
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}

interface Key {
  name: string;
  /** Just after the key's colon. */
  after: number;
}

class BlockReader {
  /** The start of the first line not read yet. */
  private line = 0;
  /** The start of the line with the document marker (`---`, `...`) that ended the content read, or -1. */
  private marker = -1;
  private lastContentFrom = -1;
  private lastContent = -1;

  constructor(private readonly text: string) {}

  documents(): YamlTree[] {
    // One document: a start marker may open it and an end marker close it, alone on their lines.
    let start = this.nextContent(0);
    if (start < 0 && this.marker >= 0) start = this.nextContent(this.afterMarker('---'));
    if (start < 0) {
      if (this.marker >= 0) throw NOT_PLAIN;
      return [];
    }
    const root = this.node(start, -1, 0);
    if (this.nextContent(this.line) >= 0) throw NOT_PLAIN;
    if (this.marker >= 0 && (this.nextContent(this.afterMarker('...')) >= 0 || this.marker >= 0)) throw NOT_PLAIN;
    return [{ root, errors: [] }];
  }

  /** The line after the document marker found (this.marker), which must be `marker` alone but for a comment. */
  private afterMarker(marker: string): number {
    const { text } = this;
    const lineStart = this.marker;
    this.marker = -1;
    if (!text.startsWith(marker, lineStart)) throw NOT_PLAIN;
    const end = this.lineEnd(lineStart);
    const after = this.skipBlanks(lineStart + 3);
    if (after < end && text.charCodeAt(after) !== HASH) throw NOT_PLAIN;
    return end + 1;
  }

  // ---------------------------------------------------------------- block structure

  /** The node whose first line starts at `lineStart`, indented more than its parent's `parent` columns. */
  private node(lineStart: number, parent: number, depth: number): YamlNode {
    const indent = this.indentOf(lineStart);
    return this.nodeAt(lineStart + indent, indent, parent, depth);
  }

  /**
   * The node that starts at `at`, `column` columns into its line (at its start, or after a sequence entry's `- `): a
   * sequence or mapping indented to that column, or a scalar whose next lines are indented more than `parent`.
   */
  private nodeAt(at: number, column: number, parent: number, depth: number): YamlNode {
    if (this.isSequenceEntry(at)) return this.sequence(at, column, depth);
    const key = this.key(at);
    if (key) return this.mapping(key, column, depth);
    return this.inlineValue(at, parent, depth);
  }

  /** A block mapping whose first key is `first`, its keys `indent` columns in. */
  private mapping(first: Key, indent: number, depth: number): YamlMapping {
    if (depth > MAX_NESTING) throw NOT_PLAIN;
    const pairs: YamlMapping['pairs'] = [];
    for (let key = first; ; ) {
      pairs.push({ key: key.name, value: this.entryValue(key.after, indent, depth + 1) });
      const next = this.nextContent(this.line);
      if (next < 0) break;
      const nextIndent = this.indentOf(next);
      if (nextIndent < indent) break;
      if (nextIndent > indent) throw NOT_PLAIN;
      const nextKey = this.key(next + nextIndent);
      if (!nextKey) throw NOT_PLAIN;
      key = nextKey;
    }
    return { kind: 'map', pairs };
  }

  /** The value after a key's colon: on the same line, or on the lines below (a sequence may start at the key's indent). */
  private entryValue(after: number, indent: number, depth: number): YamlNode {
    const end = this.lineEnd(after);
    const at = this.skipBlanks(after);
    if (at < end && this.text.charCodeAt(at) !== HASH) return this.inlineValue(at, indent, depth);
    this.line = end + 1;
    const next = this.nextContent(this.line);
    if (next < 0) return undefined;
    const nextIndent = this.indentOf(next);
    if (nextIndent > indent) return this.node(next, indent, depth);
    if (nextIndent === indent && this.isSequenceEntry(next + nextIndent)) return this.sequence(next + nextIndent, indent, depth);
    return undefined;
  }

  /** A block sequence whose first `- ` is at `at`, `indent` columns in. */
  private sequence(at: number, indent: number, depth: number): YamlSequence {
    if (depth > MAX_NESTING) throw NOT_PLAIN;
    const items: YamlNode[] = [];
    for (let entry = at; ; ) {
      const end = this.lineEnd(entry);
      const content = this.skipBlanks(entry + 1);
      if (content === end || this.text.charCodeAt(content) === HASH) {
        this.line = end + 1;
        const next = this.nextContent(this.line);
        items.push(next >= 0 && this.indentOf(next) > indent ? this.node(next, indent, depth + 1) : undefined);
      } else {
        // A sequence or mapping that starts on the entry's line is indented to its first entry.
        items.push(this.nodeAt(content, content - (entry - indent), indent, depth + 1));
      }
      const next = this.nextContent(this.line);
      if (next < 0) break;
      const nextIndent = this.indentOf(next);
      if (nextIndent < indent) break;
      if (nextIndent > indent) throw NOT_PLAIN;
      if (!this.isSequenceEntry(next + nextIndent)) break;
      entry = next + nextIndent;
    }
    return { kind: 'seq', items };
  }

  /** The implicit key that starts at `at` (a plain or quoted scalar on one line, then `: ` or a colon at the line's end). */
  private key(at: number): Key | undefined {
    const { text } = this;
    const end = this.lineEnd(at);
    const first = text.charCodeAt(at);
    if (first === 34 || first === 39) {
      const close = first === 34 ? this.doubleQuoteEnd(at, end) : this.singleQuoteEnd(at, end);
      if (close < 0) return undefined;
      const colon = this.skipBlanks(close + 1);
      if (colon >= end || text.charCodeAt(colon) !== COLON) return undefined;
      if (colon + 1 < end && text.charCodeAt(colon + 1) !== SPACE) throw NOT_PLAIN;
      const name = first === 34 ? doubleQuotedValue(text, at + 1, close) : singleQuotedValue(text.slice(at + 1, close));
      return { name, after: colon + 1 };
    }
    if (!this.startsPlain(at)) return undefined;
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === HASH && isBlank(text.charCodeAt(i - 1))) return undefined;
      if (c !== COLON) continue;
      const next = i + 1 < end ? text.charCodeAt(i + 1) : NEWLINE;
      if (next === TAB) throw NOT_PLAIN;
      if (next !== SPACE && next !== NEWLINE) continue;
      if (i - at > MAX_KEY_LENGTH) throw NOT_PLAIN;
      const name = text.slice(at, this.endBeforeBlanks(at, i));
      if (NON_STRING.test(name)) throw NOT_PLAIN;
      return { name, after: i + 1 };
    }
    return undefined;
  }

  // ---------------------------------------------------------------- scalars

  /** A value that starts at `at` on a line: a scalar (its next lines indented more than `parent`), `{}` or `[]`. */
  private inlineValue(at: number, parent: number, depth: number): YamlNode {
    const { text } = this;
    const c = text.charCodeAt(at);
    switch (c) {
      case 34:
        return this.doubleQuoted(at, parent);
      case 39:
        return this.singleQuoted(at, parent);
      case 124: // |
      case 62: // >
        return this.blockScalar(at, parent);
      case 91: // [
      case 123: {
        // {
        const close = c === 91 ? 93 : 125;
        if (text.charCodeAt(at + 1) !== close) throw NOT_PLAIN;
        this.endOfLine(at + 2);
        return c === 91 ? { kind: 'seq', items: [] } : { kind: 'map', pairs: [] };
      }
      case 33: {
        // ! : binary data is not a string; other tags are left to the library.
        if (!text.startsWith('!!binary ', at)) throw NOT_PLAIN;
        const value = this.skipBlanks(at + 9);
        const after = text.charCodeAt(value);
        if (value >= this.lineEnd(at) || after === HASH || after === 33 || this.key(value) || this.isSequenceEntry(value)) throw NOT_PLAIN;
        this.inlineValue(value, parent, depth + 1);
        return undefined;
      }
    }
    if (!this.startsPlain(at)) throw NOT_PLAIN;
    return this.plain(at, parent);
  }

  /** A plain scalar, folded over the lines below it that are indented more than `parent`. */
  private plain(at: number, parent: number): YamlNode {
    const { text } = this;
    let lineEnd = this.lineEnd(at);
    let valueEnd = this.plainLineEnd(at, lineEnd);
    let multiline = false;
    for (let next = lineEnd + 1; !this.commentCut && next < text.length; ) {
      const end = this.lineEnd(next);
      const content = next + this.indentOf(next);
      if (content === end) {
        next = end + 1;
        continue;
      }
      if (content - next <= parent || text.charCodeAt(content) === HASH) break;
      // A continuation line may start with any character (`- x`, `*x` and `[x` are text here) but a comment's `#`.
      if (this.isMarker(next)) throw NOT_PLAIN;
      valueEnd = this.plainLineEnd(content, end);
      lineEnd = end;
      multiline = true;
      next = end + 1;
    }
    this.line = lineEnd + 1;
    const source = text.slice(at, valueEnd);
    const value = multiline ? unfoldLines(source) : source;
    if (NON_STRING.test(value)) return undefined;
    return stringNode(text, { value, range: [at, valueEnd, valueEnd], type: 'PLAIN' });
  }

  /** Whether the last plainLineEnd stopped at a comment (which ends a plain scalar). */
  private commentCut = false;

  /** Where one line of a plain scalar ends: before a comment and trailing blanks. A `: ` in it is not plain. */
  private plainLineEnd(from: number, end: number): number {
    const { text } = this;
    let last = from;
    this.commentCut = false;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) continue;
      if (c === HASH && i > from && isBlank(text.charCodeAt(i - 1))) {
        this.commentCut = true;
        break;
      }
      if (c === COLON && (i + 1 === end || isBlank(text.charCodeAt(i + 1)))) throw NOT_PLAIN;
      last = i + 1;
    }
    return last;
  }

  private doubleQuoted(at: number, parent: number): YamlNode {
    const close = this.doubleQuoteEnd(at, this.text.length);
    if (close < 0) throw NOT_PLAIN;
    this.checkContinuations(at, close, parent);
    this.endOfLine(close + 1);
    return stringNode(this.text, { value: doubleQuotedValue(this.text, at + 1, close), range: [at, close + 1, close + 1], type: 'QUOTE_DOUBLE' });
  }

  private singleQuoted(at: number, parent: number): YamlNode {
    const close = this.singleQuoteEnd(at, this.text.length);
    if (close < 0) throw NOT_PLAIN;
    this.checkContinuations(at, close, parent);
    this.endOfLine(close + 1);
    return stringNode(this.text, { value: singleQuotedValue(this.text.slice(at + 1, close)), range: [at, close + 1, close + 1], type: 'QUOTE_SINGLE' });
  }

  /** The closing `"` of the double-quoted scalar that opens at `at`, before `limit`; -1 if none. */
  private doubleQuoteEnd(at: number, limit: number): number {
    const { text } = this;
    for (let from = at + 1; ; ) {
      const close = text.indexOf('"', from);
      if (close < 0 || close >= limit) return -1;
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) return close;
      from = close + 1;
    }
  }

  /** The closing `'` of the single-quoted scalar that opens at `at` (`''` is a quote inside), before `limit`; -1 if none. */
  private singleQuoteEnd(at: number, limit: number): number {
    const { text } = this;
    for (let from = at + 1; ; ) {
      const close = text.indexOf("'", from);
      if (close < 0 || close >= limit) return -1;
      if (text.charCodeAt(close + 1) !== 39) return close;
      from = close + 2;
    }
  }

  /** The lines a quoted scalar continues on must be indented more than its parent (and not start a document). */
  private checkContinuations(open: number, close: number, parent: number): void {
    const { text } = this;
    for (let newline = text.indexOf('\n', open); newline >= 0 && newline < close; newline = text.indexOf('\n', newline + 1)) {
      const lineStart = newline + 1;
      const content = lineStart + this.indentOf(lineStart);
      if (content > close || text.charCodeAt(content) === NEWLINE) continue;
      if (content - lineStart <= parent || this.isMarker(lineStart)) throw NOT_PLAIN;
    }
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `at`, with clip, strip (`-`) or keep (`+`)
   * chomping, its indentation given or taken from its first line.
   */
  private blockScalar(at: number, parent: number): YamlNode {
    const { text } = this;
    const folded = text.charCodeAt(at) === 62;
    let i = at + 1;
    // The header's indicators, in either order: chomping (`-` strip, `+` keep) and the content's indentation.
    let chomping = 0;
    let indentation = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (!chomping && (c === DASH || c === 43)) chomping = c;
      else if (!indentation && c >= 49 && c <= 57) indentation = c - 48;
      else break;
      i++;
    }
    const strip = chomping === DASH;
    const keep = chomping === 43;
    this.endOfLine(i);
    // Explicit indentation counts from the parent's (a document's own block scalar is the library's).
    if (parent < 0) throw NOT_PLAIN;
    const lines: { indent: number; content: number; end: number }[] = [];
    let contentIndent = indentation ? parent + indentation : -1;
    let last = -1;
    for (let lineStart = this.lineEnd(at) + 1; lineStart < text.length; ) {
      const end = this.lineEnd(lineStart);
      const indent = this.indentOf(lineStart);
      const content = lineStart + indent;
      if (content < end) {
        if (contentIndent < 0) {
          if (indent <= parent) break;
          contentIndent = indent;
        } else if (indent < contentIndent) {
          if (indent > parent) throw NOT_PLAIN;
          break;
        }
        last = lines.length;
      }
      lines.push({ indent, content, end });
      lineStart = end + 1;
    }
    if (last < 0) throw NOT_PLAIN;
    // More-indented empty lines before the first content line or after the last need an indentation indicator.
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.content < line.end) index = last;
      else if (line.indent > contentIndent) throw NOT_PLAIN;
    }
    let value = '';
    let separator = '';
    let previousMoreIndented = false;
    for (let index = 0; index <= last; index++) {
      const { indent, content, end } = lines[index]!;
      const extra = indent > contentIndent ? ' '.repeat(indent - contentIndent) : '';
      const line = text.slice(content, end);
      if (!folded) {
        value += separator + extra + line;
        separator = '\n';
      } else if (extra || line.charCodeAt(0) === TAB) {
        if (separator === ' ') separator = '\n';
        else if (!previousMoreIndented && separator === '\n') separator = '\n\n';
        value += separator + extra + line;
        separator = '\n';
        previousMoreIndented = true;
      } else if (line === '') {
        if (separator === '\n') value += '\n';
        else separator = '\n';
      } else {
        value += separator + line;
        separator = ' ';
        previousMoreIndented = false;
      }
    }
    // Keep chomping keeps the empty lines after the content, each a newline: those that end in one (blanks at the end
    // of the text, with no line break after them, are no line).
    if (keep) value += '\n'.repeat(1 + lines.slice(last + 1).filter((line) => line.end < text.length).length);
    else if (!strip) value += '\n';
    const end = lines[last]!.end;
    this.line = end + 1;
    return stringNode(text, { value, range: [at, end, end], type: folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL' });
  }

  // ---------------------------------------------------------------- lines

  /**
   * The start of the next line at or after `from` that holds content (not blank, not a comment), or -1. A document
   * marker ends the content: -1, and this.marker says where it is.
   */
  private nextContent(from: number): number {
    if (from === this.lastContentFrom) return this.lastContent;
    const { text } = this;
    let found = -1;
    for (let lineStart = from; lineStart < text.length; ) {
      const end = this.lineEnd(lineStart);
      const content = lineStart + this.indentOf(lineStart);
      if (content < end && text.charCodeAt(content) !== HASH) {
        if (this.isMarker(lineStart)) this.marker = lineStart;
        else found = lineStart;
        break;
      }
      lineStart = end + 1;
    }
    this.lastContentFrom = from;
    this.lastContent = found;
    return found;
  }

  /** After a value that ends at `from`: only blanks and a comment may follow on its line. */
  private endOfLine(from: number): void {
    const end = this.lineEnd(from);
    const rest = this.skipBlanks(from);
    if (rest < end && !(this.text.charCodeAt(rest) === HASH && rest > from)) throw NOT_PLAIN;
    this.line = end + 1;
  }

  /** A line that starts `---` or `...`, a document marker (or with a directive's `%`, which the library reads). */
  private isMarker(lineStart: number): boolean {
    const { text } = this;
    if (text.charCodeAt(lineStart) === 37) throw NOT_PLAIN;
    if (!text.startsWith('---', lineStart) && !text.startsWith('...', lineStart)) return false;
    const after = lineStart + 3;
    return after >= text.length || isBlank(text.charCodeAt(after)) || text.charCodeAt(after) === NEWLINE;
  }

  /** Whether a plain scalar starts at `at`: not at an indicator, except a `-` before a character that is not blank (`-0.5`). */
  private startsPlain(at: number): boolean {
    const c = this.text.charCodeAt(at);
    if (c !== DASH) return !startsOtherThanPlain(c);
    const next = this.text.charCodeAt(at + 1);
    return at + 1 < this.text.length && !isBlank(next) && next !== NEWLINE;
  }

  /** `- ` (or a `-` that ends the line) at `at`. */
  private isSequenceEntry(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    if (next === TAB) throw NOT_PLAIN;
    return next === SPACE || next === NEWLINE || at + 1 >= this.text.length;
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end < 0 ? this.text.length : end;
  }

  private indentOf(lineStart: number): number {
    let i = lineStart;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  private skipBlanks(from: number): number {
    let i = from;
    while (isBlank(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** `end`, moved back over the blanks before it (not before `from`). */
  private endBeforeBlanks(from: number, end: number): number {
    let i = end;
    while (i > from && isBlank(this.text.charCodeAt(i - 1))) i--;
    return i;
  }
}

const isBlank = (c: number): boolean => c === SPACE || c === TAB;

/** A tab where indentation is read, after nothing but spaces on its line (YAML forbids it; the library's errors are its own). */
function tabInIndentation(text: string): boolean {
  for (let tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', tab + 1)) {
    let i = tab;
    while (i > 0 && text.charCodeAt(i - 1) === SPACE) i--;
    if (i === 0 || text.charCodeAt(i - 1) === NEWLINE) return true;
  }
  return false;
}

/**
 * A character no plain scalar of this reader starts with: YAML's indicators. `-` may (startsPlain), and so may `:` and
 * `?` before a character that is not blank, but those are left to the library.
 */
function startsOtherThanPlain(c: number): boolean {
  switch (c) {
    case DASH:
    case 63: // ?
    case COLON:
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case TAB:
      return true;
  }
  return false;
}

/**
 * YAML's line folding of a plain or single-quoted scalar's source: the first line keeps its leading blanks and the
 * last its trailing ones; otherwise lines are trimmed, a single line break is a space and each empty line a newline.
 */
function unfoldLines(source: string): string {
  let newline = source.indexOf('\n');
  if (newline < 0) return source;
  let value = trimBlanksEnd(source.slice(0, newline));
  let separator = ' ';
  for (let start = newline + 1; ; start = newline + 1) {
    newline = source.indexOf('\n', start);
    if (newline < 0) return value + separator + trimBlanksStart(source.slice(start));
    const line = trimBlanksStart(trimBlanksEnd(source.slice(start, newline)));
    if (line === '') {
      if (separator === '\n') value += '\n';
      else separator = '\n';
    } else {
      value += separator + line;
      separator = ' ';
    }
  }
}

function singleQuotedValue(inner: string): string {
  const value = unfoldLines(inner);
  return value.includes("''") ? value.replace(/''/g, "'") : value;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/** A double-quoted scalar's value from its text between the quotes, [from, to): escapes decoded, lines folded. */
function doubleQuotedValue(text: string, from: number, to: number): string {
  const inner = text.slice(from, to);
  if (!inner.includes('\\') && !inner.includes('\n')) return inner;
  let value = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\n') {
      // A line break and the blank or empty lines after it: a space, or a newline for each empty line.
      let fold = '';
      while (inner[i + 1] === ' ' || inner[i + 1] === '\t' || inner[i + 1] === '\n') if (inner[++i] === '\n') fold += '\n';
      value += fold || ' ';
    } else if (c === '\\') {
      const next = inner[++i];
      if (next === undefined) throw NOT_PLAIN;
      const escaped = ESCAPES[next];
      if (escaped !== undefined) {
        value += escaped;
      } else if (next === '\n') {
        while (inner[i + 1] === ' ' || inner[i + 1] === '\t') i++;
      } else {
        const length = HEX_LENGTH[next];
        const digits = length && inner.slice(i + 1, i + 1 + length);
        if (!digits || digits.length !== length || !HEX.test(digits)) throw NOT_PLAIN;
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) throw NOT_PLAIN;
        value += String.fromCodePoint(code);
        i += length;
      }
    } else if (c === ' ' || c === '\t') {
      // Blanks before a line break are dropped.
      const start = i;
      while (inner[i + 1] === ' ' || inner[i + 1] === '\t') i++;
      if (inner[i + 1] !== '\n') value += inner.slice(start, i + 1);
    } else {
      value += c;
    }
  }
  return value;
}

function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  return end === line.length ? line : line.slice(0, end);
}

function trimBlanksStart(line: string): string {
  let start = 0;
  while (start < line.length && isBlank(line.charCodeAt(start))) start++;
  return start === 0 ? line : line.slice(start);
}
