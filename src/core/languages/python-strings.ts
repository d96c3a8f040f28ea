/**
 * Python string literals: the value of `'…'`, `"…"`, `'''…'''`, with `r`, `b`, `u`, `f` prefixes and escape
 * sequences, as the interpreter would build it, and where its content sits in the file.
 */
import type { PyNode } from './python-tree';

export interface PyString {
  value: string;
  /** Offsets of the content between the quotes. */
  contentStart: number;
  contentEnd: number;
  /** The content's text is exactly the value (no escapes, no `{{`), so offsets inside map onto the file. */
  exact: boolean;
}

const PREFIX = /^[rRbBuUfFtT]{0,2}/;

/**
 * The constant value of a `string` node, or undefined when it is not constant (an f-string with substitutions) or
 * cannot be read.
 */
export function pyStringValue(node: PyNode, text: string): PyString | undefined {
  if (node.type !== 'string') return undefined;
  if (node.children.some((child) => child.type === 'interpolation')) return undefined;
  const literal = text.slice(node.start, node.end);
  const prefix = PREFIX.exec(literal)![0].toLowerCase();
  const rest = literal.slice(prefix.length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? rest.slice(0, 3) : rest.slice(0, 1);
  if ((quote !== '"' && quote !== "'" && quote !== '"""' && quote !== "'''") || !rest.endsWith(quote) || rest.length < 2 * quote.length) return undefined;
  const contentStart = node.start + prefix.length + quote.length;
  const contentEnd = node.end - quote.length;
  const raw = text.slice(contentStart, contentEnd);
  const value = decode(raw, prefix.includes('r'), prefix.includes('f') || prefix.includes('t'), prefix.includes('b'));
  if (value === undefined) return undefined;
  return { value, contentStart, contentEnd, exact: value === raw };
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '' };

/** Decode escapes (and `{{`/`}}` in f-strings). Unknown escapes stay as written, as Python keeps them. */
function decode(raw: string, isRaw: boolean, isFormat: boolean, isBytes: boolean): string | undefined {
  if (!raw.includes('\\') && !(isFormat && (raw.includes('{{') || raw.includes('}}')))) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (isFormat && (char === '{' || char === '}') && raw[i + 1] === char) {
      out += char;
      i++;
      continue;
    }
    if (char !== '\\' || isRaw) {
      out += char;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) return undefined;
    if (next === '\r') {
      i += raw[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
      continue;
    }
    // In bytes literals \u, \U and \N are not escapes.
    const hexLength = next === 'x' ? 2 : isBytes ? 0 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hexLength) {
      const digits = raw.slice(i + 2, i + 2 + hexLength);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hexLength) return undefined;
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i += 1 + hexLength;
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(raw.slice(i + 1, i + 4));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8));
      i += octal[0].length;
      continue;
    }
    // \N{NAME} needs the Unicode name table: such a string is not read (never a credential in practice).
    if (next === 'N' && !isBytes) return undefined;
    out += char;
  }
  return out;
}
