/**
 * A linear pass over JavaScript/TypeScript source that sees what a parse would see of its string literals and
 * identifiers, without building a syntax tree: comments are skipped, strings and template chunks are read to their
 * end (escapes decoded), regular expression literals are told from division by the token before them.
 *
 * It exists so that most files need no parse at all (src/core/syntax.ts): whether a file can hold a named secret is
 * decided from its literals and names. It is never the last word: where the text does not read as JavaScript (a
 * string running into the end of its line, JSX text with an apostrophe, an unterminated comment or template), it
 * reports `unsure` and the caller parses the file.
 */

export interface LexVisitor {
  /**
   * A string literal's or template chunk's decoded value; `module` when it names a module (`from '…'`, `import '…'`,
   * `require('…')`, `import('…')`); `callee` when the string (a template: each of its chunks) is the first thing in
   * a call's arguments, the name called (`it('…'` gives `it`, `z.string().describe('…'` gives `.describe`, with a dot
   * for a method), or `()` where what is called is itself a call or in parentheses (`it.each(cases)('…'`); `alone`
   * when such a string is the whole argument (a `,` or `)` follows it, not `=== x`, `+ y` or `as T`; a template with
   * substitutions never is); `key` when the string is the whole value of a property in braces (`{ id: '…' }`,
   * `{ 'x-api-key': '…', … }`; a `,` or `}` follows it), the property's name. Return true to stop the scan.
   */
  string(value: string, module: boolean, callee: string | undefined, alone: boolean, key: string | undefined): boolean | void;
  /** An identifier or keyword (when given: scans that need no identifiers skip making their strings). Return true to stop. */
  identifier?(name: string): boolean | void;
  /** Two constant strings joined by `+` (`'sk-' + '…'`, `('a') + "b"`): the parse folds them into one value. */
  concatenation(): boolean | void;
}

export interface LexResult {
  /** The text did not read as JavaScript somewhere: the visitor may have missed literals. */
  unsure: boolean;
  /**
   * The longest run of modifiers and decorators (`export`, `static`, `@name` …) with only blanks and comments
   * between, up to where the scan ended: TypeScript's parser is quadratic in it (see unparseableShape).
   */
  modifierRun: number;
  /** A visitor callback asked to stop. */
  stopped: boolean;
  /**
   * An identifier is spelled with an escape (`registerT\u006fol`), up to where the scan ended: to the parser it is the
   * plain name, while a search of the text for that name misses it.
   */
  escapedIdentifier: boolean;
}

/** Keywords after which `/` starts a regular expression, not a division. */
const REGEX_AFTER_KEYWORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

const enum Prev {
  /** Start, an operator or punctuation: a `/` here starts a regular expression. */
  Operator,
  /** An identifier, number, string, `)` or `]`: a `/` here divides. */
  Operand,
}

/** States of the `{ key: 'value' }` recogniser: after `{` or `,`, after a key, after its `:`. */
const enum Member {
  None,
  Opened,
  Key,
  Colon,
}

/** States of the `'a' + 'b'` recogniser. */
const enum Fold {
  None,
  AfterString,
  AfterPlus,
}

/** Letters, `_`, `$`, `\` (escapes) and any non-ASCII character but a space (TypeScript skips those as blanks). */
const isIdentifierStart = (c: number): boolean =>
  c < 128 ? (ASCII_CLASS[c]! & IDENTIFIER_START) !== 0 : c > 127 && c !== 0xa0 && c !== 0xfeff && !BLANK.test(String.fromCharCode(c)); // NaN (past the end): no
const isIdentifierPart = (c: number): boolean => (c < 128 ? (ASCII_CLASS[c]! & IDENTIFIER_PART) !== 0 : isIdentifierStart(c));
const IDENTIFIER_START = 1;
const IDENTIFIER_PART = 2;
/** What each ASCII character can be in an identifier (a table: identifiers are most of what the lexer reads). */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c === 92;
  ASCII_CLASS[c] = (start ? IDENTIFIER_START | IDENTIFIER_PART : 0) | (c >= 48 && c <= 57 ? IDENTIFIER_PART : 0);
}
const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

export function lexJavaScript(text: string, visitor: LexVisitor): LexResult {
  const n = text.length;
  let i = 0;
  let prev = Prev.Operator as Prev;
  let fold = Fold.None as Fold;
  /** The identifier just before the current token (`from`, `require` …), else undefined. */
  let lastWord: string | undefined;
  /** The identifier before the `(` just before the current token (`require(`, `import(`), else undefined. */
  let calleeWord: string | undefined;
  /** Where the identifier just before the current token lies (-1: the token before is no identifier), and whether a `.` came before it. */
  let wordStart = -1;
  let wordEnd = -1;
  let wordAfterDot = false;
  /**
   * The same for the identifier before the `(` just before the current token: the callee whose arguments start here
   * (CALL_RESULT: a `)` came before that `(`).
   */
  let calleeStart = -1;
  let calleeEnd = -1;
  let calleeAfterDot = false;
  /** The last punctuation character, 0 after any other token (blanks and comments keep it). */
  let punctuation = 0;
  /** Where `{ key: 'value' }` stands, and the key: its span (an identifier or a number), or its value (a string). */
  let member = Member.None as Member;
  let keyStart = 0;
  let keyEnd = 0;
  let keyString: string | undefined;
  let braceDepth = 0;
  /** For each open `${` of a template: the brace depth at which its `}` resumes the template, and the template's callee. */
  const templates: number[] = [];
  const templateCallees: (string | undefined)[] = [];
  let run = 0;
  let longestRun = 0;
  /** Just after an `@`: the name that follows is the decorator's, not a token of its own. */
  let afterAt = false;
  let escapedIdentifier = false;
  const unsure = (): LexResult => ({ unsure: true, stopped: false, modifierRun: longestRun, escapedIdentifier });
  const stopped = (): LexResult => ({ unsure: false, stopped: true, modifierRun: longestRun, escapedIdentifier });

  /** The callee whose arguments the current token opens (see LexVisitor.string); a keyword's `(` opens none. */
  const openedCallee = (): string | undefined => {
    if (calleeStart < 0) return calleeStart === CALL_RESULT ? '()' : undefined;
    const name = identifierAt(text, calleeStart, calleeEnd);
    if (calleeAfterDot) return `.${name}`;
    return RESERVED_WORDS.has(name) ? undefined : name;
  };
  /** Nothing before the next token is an identifier or a `(` after one. */
  const operand = (): void => {
    wordStart = calleeStart = -1;
    punctuation = 0;
  };
  /** A token that can be a property's key: an identifier or a number in text[start, end), or a string (its value; no span). */
  const keyToken = (start: number, end: number, value: string | undefined): void => {
    if (member !== Member.Opened) {
      member = Member.None;
      return;
    }
    member = Member.Key;
    keyStart = start;
    keyEnd = end;
    keyString = value;
  };

  /** A string value was read: report it and advance the concatenation recogniser. */
  const onString = (value: string, callee: string | undefined, end: number, whole: boolean): boolean => {
    const module = lastWord === 'from' || lastWord === 'import' || calleeWord === 'require' || calleeWord === 'import';
    lastWord = calleeWord = undefined;
    operand();
    const alone = callee !== undefined && whole && endsPart(text, end, 41);
    const key = member === Member.Colon && whole && endsPart(text, end, 125) ? (keyString ?? identifierAt(text, keyStart, keyEnd)) : undefined;
    if (whole) keyToken(-1, -1, value);
    else member = Member.None;
    if (visitor.string(value, module, callee, alone, key)) return true;
    if (fold === Fold.AfterPlus && visitor.concatenation()) return true;
    fold = Fold.AfterString;
    prev = Prev.Operand;
    return false;
  };

  /** Read a template from just after its backtick or a substitution's `}`; -1 when it never ends. */
  const templatePart = (start: number, callee: string | undefined, whole: boolean): number => {
    let j = start;
    let value = '';
    let from = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) {
        value += text.slice(from, j);
        const escape = readEscape(text, j);
        if (escape.value === undefined) return -1;
        value += escape.value;
        j = from = escape.end;
      } else if (c === 96) {
        return onString(value + text.slice(from, j), callee, j + 1, whole) ? -2 : j + 1;
      } else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        operand();
        member = Member.None;
        if (visitor.string(value + text.slice(from, j), false, callee, false, undefined)) return -2;
        templates.push(braceDepth);
        templateCallees.push(callee);
        prev = Prev.Operator;
        fold = Fold.None;
        return j + 2;
      } else j++;
    }
    return -1;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // Blanks (any control character, and Unicode spaces, as TypeScript's scanner skips them) and comments keep a run.
    if (c <= 32 || c === 0xfeff || c === 0xa0 || (c > 127 && BLANK.test(text[i]!))) {
      i++;
      continue;
    }
    const commentStart = c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42);
    const decoratorName = afterAt && isIdentifierStart(c);
    // `@ /* … */ name` is one decorator to TypeScript: a comment does not end it.
    if (!commentStart) afterAt = false;
    if (c === 64) {
      if (++run > longestRun) longestRun = run;
      afterAt = true;
    } else if (!commentStart && !decoratorName && !isIdentifierStart(c)) {
      run = 0;
    }
    if (c === 47) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        while (i < n && !isLineBreak(text.charCodeAt(i))) i++;
        continue;
      }
      if (next === 42) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) return unsure();
        i = close + 2;
        continue;
      }
      // `</div>` and `/>` in JSX are tags, not regular expressions.
      const jsxTag = next === 62 || (i > 0 && text.charCodeAt(i - 1) === 60);
      if (prev === Prev.Operator && !jsxTag) {
        const end = regexEnd(text, i + 1);
        if (end < 0) return unsure();
        i = end;
        while (i < n && isIdentifierPart(text.charCodeAt(i))) i++;
        prev = Prev.Operand;
        fold = Fold.None;
        operand();
        member = Member.None;
        continue;
      }
      i++;
      prev = Prev.Operator;
      fold = Fold.None;
      wordStart = calleeStart = -1;
      punctuation = c;
      member = Member.None;
      continue;
    }
    if (c === 39 || c === 34) {
      const read = readString(text, i + 1, c);
      if (!read) return unsure();
      if (onString(read.value, openedCallee(), read.end, true)) return stopped();
      i = read.end;
      continue;
    }
    if (c === 96) {
      const next = templatePart(i + 1, openedCallee(), true);
      if (next === -2) return stopped();
      if (next < 0) return unsure();
      i = next;
      continue;
    }
    if (isIdentifierStart(c)) {
      let j = i + 1;
      /** Plain ASCII, no escapes: the identifier is its characters. */
      let plain = c < 128 && c !== 92;
      let escaped = c === 92;
      // ASCII letters and digits first (past the end, charCodeAt gives NaN, which ends the loop), then the rest.
      let d = text.charCodeAt(j);
      while (d < 128 && d !== 92 && (ASCII_CLASS[d]! & IDENTIFIER_PART) !== 0) d = text.charCodeAt(++j);
      for (; j < n && isIdentifierPart(d); d = text.charCodeAt(++j)) {
        if (d >= 128 || d === 92) plain = false;
        if (d === 92) escaped = true;
      }
      if (escaped) escapedIdentifier = true;
      // Only the words the scan itself looks for (keywords, `from`, `require`, `import`) matter to it: others are not
      // made into strings unless the visitor asks for identifiers.
      const name = visitor.identifier || (plain ? mayBeWordOfInterest(c, j - i) : j - i <= MAX_KEYWORD_LENGTH) ? identifierAt(text, i, j) : undefined;
      if (decoratorName) {
        // part of the `@name` token counted at the `@`
      } else if (name !== undefined && MODIFIERS.has(name)) {
        if (++run > longestRun) longestRun = run;
      } else {
        run = 0;
      }
      if (name !== undefined && visitor.identifier?.(name)) return stopped();
      lastWord = name;
      calleeWord = undefined;
      wordStart = i;
      wordEnd = j;
      wordAfterDot = punctuation === 46;
      keyToken(i, j, undefined);
      calleeStart = -1;
      punctuation = 0;
      prev = name !== undefined && REGEX_AFTER_KEYWORD.has(name) ? Prev.Operator : Prev.Operand;
      fold = Fold.None;
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && (isIdentifierPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      keyToken(i, j, undefined);
      i = j;
      prev = Prev.Operand;
      fold = Fold.None;
      operand();
      continue;
    }
    i++;
    calleeWord = c === 40 ? lastWord : undefined;
    lastWord = undefined;
    if (c === 40 && wordStart >= 0) {
      calleeStart = wordStart;
      calleeEnd = wordEnd;
      calleeAfterDot = wordAfterDot;
    } else calleeStart = c === 40 && punctuation === 41 ? CALL_RESULT : -1;
    wordStart = -1;
    punctuation = c;
    member = c === 123 || c === 44 ? Member.Opened : c === 58 && member === Member.Key ? Member.Colon : Member.None;
    switch (c) {
      case 123: // {
        braceDepth++;
        prev = Prev.Operator;
        fold = Fold.None;
        break;
      case 125: {
        // }
        if (templates.length && templates[templates.length - 1] === braceDepth) {
          templates.pop();
          const next = templatePart(i, templateCallees.pop(), false);
          if (next === -2) return stopped();
          if (next < 0) return unsure();
          i = next;
          break;
        }
        braceDepth--;
        // After a block a `/` starts a regular expression; after an object literal it divides. Reading it as a
        // regular expression is the safe guess: a wrong one runs into the end of the line and makes the scan unsure.
        prev = Prev.Operator;
        fold = Fold.None;
        break;
      }
      case 41: // )
        prev = Prev.Operand;
        if (fold !== Fold.AfterString) fold = Fold.None;
        break;
      case 93: // ]
        prev = Prev.Operand;
        fold = Fold.None;
        break;
      case 40: // (
        prev = Prev.Operator;
        if (fold !== Fold.AfterPlus) fold = Fold.None;
        break;
      case 43: // +
        prev = Prev.Operator;
        fold = fold === Fold.AfterString && text.charCodeAt(i) !== 43 && text.charCodeAt(i) !== 61 ? Fold.AfterPlus : Fold.None;
        break;
      case 35: // # (private names, shebang)
      case 64: // @ (decorators)
        break;
      default:
        prev = Prev.Operator;
        fold = Fold.None;
    }
  }
  return templates.length ? unsure() : { unsure: false, stopped: false, modifierRun: longestRun, escapedIdentifier };
}

/** A quoted string from just after its opening quote: its decoded value and the index after its closing quote. */
function readString(text: string, start: number, quote: number): { value: string; end: number } | undefined {
  let j = start;
  let from = j;
  let value = '';
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === quote) return { value: value + text.slice(from, j), end: j + 1 };
    if (c === 92) {
      value += text.slice(from, j);
      const escape = readEscape(text, j);
      if (escape.value === undefined) return undefined;
      value += escape.value;
      j = from = escape.end;
    } else if (c === 10 || c === 13) {
      return undefined;
    } else j++;
  }
  return undefined;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/**
 * The escape sequence at `at` (a backslash): its value and where it ends. Line continuations have no value. Undefined
 * for what TypeScript reads otherwise than this does: a legacy octal escape (`\101` is `A` to it) and a malformed
 * `\x` or `\u` (it keeps the backslash); the caller then reports the text unsure, and the file is parsed.
 */
function readEscape(text: string, at: number): { value: string | undefined; end: number } {
  const c = text[at + 1];
  if (c === undefined) return { value: '', end: at + 1 };
  if ((c >= '1' && c <= '7') || (c === '0' && text[at + 2]! >= '0' && text[at + 2]! <= '9')) return { value: undefined, end: at + 2 };
  if (c === '\r') return { value: '', end: text[at + 2] === '\n' ? at + 3 : at + 2 };
  if (c === '\n' || c === '\u2028' || c === '\u2029') return { value: '', end: at + 2 };
  if (c === 'x') {
    const hex = /^[0-9a-fA-F]{2}/.exec(text.slice(at + 2, at + 4));
    if (hex) return { value: String.fromCharCode(parseInt(hex[0], 16)), end: at + 4 };
  } else if (c === 'u') {
    const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(at + 2, at + 10));
    if (braced) {
      const code = parseInt(braced[1]!, 16);
      if (code <= 0x10ffff) return { value: String.fromCodePoint(code), end: at + 2 + braced[0].length };
    }
    const hex = /^[0-9a-fA-F]{4}/.exec(text.slice(at + 2, at + 6));
    if (hex) return { value: String.fromCharCode(parseInt(hex[0], 16)), end: at + 6 };
  }
  if (c === 'x' || c === 'u') return { value: undefined, end: at + 2 };
  return { value: SIMPLE_ESCAPES[c] ?? c, end: at + 2 };
}

/** The index after a regular expression's closing `/`, from just after its opening one; -1 at a line break or the end. */
function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let j = start; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (isLineBreak(c)) return -1;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) return j + 1;
  }
  return -1;
}

/** Does an argument or a property end at `at`: is the next token, past blanks and comments, a `,` or `closer`? */
function endsPart(text: string, at: number, closer: number): boolean {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === closer) return true;
    if (c <= 32 || c === 0xa0 || c === 0xfeff) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return false;
      i = close + 2;
    } else return false;
  }
}

/** calleeStart when the callee is a call's result or in parentheses: `f(a)(…)`, `(g)(…)`. */
const CALL_RESULT = -2;

/** Words before which a `(` opens no call's arguments (`return (`, `if (`, `typeof (`): JavaScript's and TypeScript's keywords. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'abstract', 'as', 'asserts', 'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'declare', 'default',
  'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'infer',
  'instanceof', 'interface', 'is', 'keyof', 'let', 'new', 'null', 'of', 'package', 'private', 'protected', 'public', 'readonly', 'return',
  'satisfies', 'static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'unique', 'var', 'void', 'while', 'with', 'yield',
]);

/** TypeScript's modifiers (a run of them, or of decorators, makes its parser quadratic). */
export const MODIFIERS: ReadonlySet<string> = new Set(['abstract', 'accessor', 'async', 'const', 'declare', 'default', 'export', 'in', 'out', 'override', 'private', 'protected', 'public', 'readonly', 'static']);
/**
 * Per first character (ASCII), a bit for each length of a word the scan looks for: most identifiers are told apart
 * by these two alone, before any string is made of them.
 */
const WORD_SHAPES = new Uint32Array(128);
for (const word of [...MODIFIERS, ...REGEX_AFTER_KEYWORD, 'from', 'import', 'require']) WORD_SHAPES[word.charCodeAt(0)]! |= 1 << word.length;
/** Could a plain identifier starting with character `first`, `length` long, be one of those words? */
const mayBeWordOfInterest = (first: number, length: number): boolean => length < 32 && (WORD_SHAPES[first]! & (1 << length)) !== 0;
/** An identifier with escapes or non-ASCII characters is decoded when it is this short (a keyword could be spelled so). */
const MAX_KEYWORD_LENGTH = 10;
const BLANK = /\s/;

/** The identifier in text[start, end); `\u0061piKey` is `apiKey` to the parser: escapes decoded. */
function identifierAt(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? decodeIdentifier(raw) : raw;
}

function decodeIdentifier(raw: string): string {
  return raw.replace(/\\u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/g, (escape, braced: string | undefined, plain: string | undefined) => {
    const code = parseInt(braced ?? plain!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
  });
}

/** What the syntax collectors' text gates read of a code file (src/core/syntax.ts). */
export interface LexedStrings {
  /** Every string literal and template chunk, decoded, in order; module names (`from '…'`) left out. */
  strings: readonly string[];
  /**
   * For each of `strings`, the callee when the string opens a call's arguments (`it('…'` gives `it`, `.describe('…'`
   * gives `.describe`; see LexVisitor.string), else undefined. A gate may set aside the strings that no call of the
   * kind it knows reads (a test's title).
   */
  callees: readonly (string | undefined)[];
  /** For each of `strings`, whether it is a whole argument of the call it opens (see LexVisitor.string). */
  alone: readonly boolean[];
  /** For each of `strings`, the key when it is a property's whole value (`{ id: '…' }`; see LexVisitor.string). */
  keys: readonly (string | undefined)[];
  /** Two constant strings are joined by `+` somewhere. */
  concatenation: boolean;
  /**
   * The strings joined by `+` (module names too), each run in order: `'a' + 'b' + 'c'` is `['a', 'b', 'c']`. A run may
   * hold more than the parse folds (`f('a') + 'b'` joins `a` here), never less.
   */
  runs: readonly (readonly string[])[];
  /** The text did not read as JavaScript somewhere (see lexJavaScript): the strings may be incomplete. */
  unsure: boolean;
  /** The longest run of modifiers and decorators (see LexResult). */
  modifierRun: number;
  /** An identifier is spelled with an escape (see LexResult). */
  escapedIdentifier: boolean;
}

let lastLexed: { text: string; lexed: LexedStrings } | undefined;

/** The strings of a text, for the last text asked about: the gates of one file share one scan. */
export function lexedStrings(text: string): LexedStrings {
  if (lastLexed?.text === text) return lastLexed.lexed;
  const strings: string[] = [];
  const callees: (string | undefined)[] = [];
  const alone: boolean[] = [];
  const keys: (string | undefined)[] = [];
  let concatenation = false;
  const runs: string[][] = [];
  /** The string read last and the one before it (`concatenation` comes right after the second of a pair). */
  let last = '';
  let beforeLast = '';
  /** How many strings have been read, and how many when the open run last grew (it ends with the string before). */
  let count = 0;
  let runGrewAt = -1;
  let run: string[] | undefined;
  const { unsure, modifierRun, escapedIdentifier } = lexJavaScript(text, {
    string(value, module, callee, whole, key) {
      if (!module) {
        strings.push(value);
        callees.push(callee);
        alone.push(whole);
        keys.push(key);
      }
      beforeLast = last;
      last = value;
      count++;
    },
    concatenation() {
      concatenation = true;
      if (run && runGrewAt === count - 1) run.push(last);
      else runs.push((run = [beforeLast, last]));
      runGrewAt = count;
    },
  });
  const lexed = { strings, callees, alone, keys, concatenation, runs, unsure, modifierRun, escapedIdentifier };
  lastLexed = { text, lexed };
  return lexed;
}

/** Any `\u` escape, in a string or an identifier: where the lexer could not read a text, the cautious answer. */
const UNICODE_ESCAPE = /\\u(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]{1,6}\})/;

/**
 * Can an identifier of this text be spelled with an escape, so that the name gates' searches of the raw text miss it
 * (`server.registerT\u006fol(…)`)? From the lexer's pass, which the gates have made already; where the lexer could
 * not read the text, any `\u` escape counts.
 */
export function mayEscapeIdentifiers(text: string): boolean {
  const { unsure, escapedIdentifier } = lexedStrings(text);
  return escapedIdentifier || (unsure && UNICODE_ESCAPE.test(text));
}
