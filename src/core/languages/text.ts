import type { NamedValue } from '../secrets/detect';

/**
 * Assignment-like spots in any text file (Markdown, Python, shell, TOML, INI, Dockerfiles …):
 * `name = value`, `name: value`, `"name": "value"`, `--name value`, `-H "x-api-key: value"`, `NAME=value`,
 * `os.environ["NAME"] = "value"`, `("NAME", "value")`, `api_key: str = "value"`, `${NAME:-value}`, `?api_key=value`,
 * `curl -u user:password`, and the same with JSON-escaped quotes (`\"NAME\": \"value\"` in notebooks).
 * Only lines that contain a credential word are looked at, and each line is matched with a bounded regex.
 */
const CREDENTIAL_WORD = /key|token|secret|passw|pwd|pass\b|auth|credential|bearer|[ \t]-u[ \t]|--user\b/gi;
/**
 * A name starts after a boundary (line start, whitespace, `{,;([?&` or a quote; a lookbehind, so that matching can
 * resume inside a previous match's value: `client = Mistral(api_key="…")`, `-H "Authorization: Bearer …"`).
 * Groups: 1 quote around the name (maybe backslash-escaped), 2 flag dashes, 3 name, 4 separator (incl. a type
 * annotation `: str =`), 5 quote before the value, 6 auth scheme, 7 value. A blank-separated value is found by a
 * lookbehind after the one blank run (a second `[ \t]+` there could split the run every way: quadratic).
 */
const ASSIGNMENT = /(?<![^\s{,;(["'`?&])((?:\\?["'`])?)(--?)?([A-Za-z_][A-Za-z0-9_.-]{0,80})\1\]?[ \t]*((?::=|=>|:-|=|:|,)[ \t]*|:[ \t]*[A-Za-z_][A-Za-z0-9_.[\]| ]{0,40}=[ \t]*|(?<=[ \t])(?=["'`]?[A-Za-z0-9+/_-]{12}))((?:\\?["'`])?)((?:Bearer|Basic|Token|token)[ \t]+)?([^\s"'`,;)\]}\\]{8,512})/g;
/** `module.Class`, `self.config.token`: short identifier segments joined by dots (a JWT's segments are long). */
const CODE_PATH = /^[A-Za-z_][A-Za-z0-9_]{0,29}(?:\.[A-Za-z_][A-Za-z0-9_]{0,29}){1,5}$/;
/** `curl -u user:password`, `--user "user:password"` just before a match: the value is a password. */
const USER_FLAG = /(?:^|\s)(?:-u|--user)[ =]?["']?$/;
const MAX_LINE = 4096;
/** Matches per line; matching resumes inside values, so this keeps the work per line bounded. */
const MAX_MATCHES_PER_LINE = 32;

/**
 * Could a string value of a JSON/YAML file hold assignments of its own: a command line, a header, a connection
 * string (`"curl -H 'x-api-key: …'"`, `"host:6380,password=…"`)? Such values are scanned like text.
 */
export function mayHoldAssignments(value: string): boolean {
  return value.length >= 10 && /[\s=:]/.test(value);
}

/** A property called just `key` (`Key`, `KEY`): it says what it is only together with its section's name. */
export function isBareKey(name: string): boolean {
  return name.length === 3 && name.toLowerCase() === 'key';
}

/**
 * Names for a bare `Key` under a section: `OpenAI` → `openai_key` and `OpenAI_key`, so that the secret-name rules
 * see the section either as one word (`openai`) or split (`AzureOpenAI` → `azure open ai`).
 */
export function sectionKeyNames(section: string): string[] {
  return [`${section.toLowerCase().replace(/[^a-z0-9]/g, '')}_key`, `${section}_key`];
}

export interface TextScanOptions {
  /**
   * The file is source code of a language without its own parser here (Kotlin, Java, Go …): a literal there is
   * always quoted, so an unquoted right-hand side is an expression (`userToken = settings?.userToken?.text`).
   */
  quotedValuesOnly?: boolean;
}

export function scanTextAssignments(text: string, options: TextScanOptions = {}): NamedValue[] {
  return scanTextRange(text, 0, text.length, options);
}

/** Member access, null-safe calls and scope operators: `a?.b`, `a!!.b`, `a->b`, `A::b`; generics `Token<Kind>`. */
const EXPRESSION_OPERATORS = /\?\.|!!|->|::|</;
/** A camelCase variable (`privateKeyPkcs8`, `userToken`): in a code sample, a reference to a value, not one. */
const CAMEL_CASE_VARIABLE = /^[a-z]+(?:[A-Z][a-z]+)+\d{0,2}$/;
/** An image or a status badge: `<img src="…?token=…">`, `![coverage](…?token=…)`. Its token is public, for display. */
const IMAGE_OR_BADGE = /<img\b|!\[[^\]]{0,200}\]\(|badge/i;

/**
 * The same scan over `text[start, end)` only, with offsets into `text`: shell commands and header strings held
 * in YAML/JSON string values (`run: curl -H "Authorization: Bearer …"`).
 */
export function scanTextRange(text: string, start: number, end: number, options: TextScanOptions = {}): NamedValue[] {
  const values: NamedValue[] = [];
  const seenLines = new Set<number>();
  const region = start === 0 && end === text.length ? text : text.slice(start, end);
  CREDENTIAL_WORD.lastIndex = 0;
  for (let hit = CREDENTIAL_WORD.exec(region); hit; hit = CREDENTIAL_WORD.exec(region)) {
    const lineStart = region.lastIndexOf('\n', hit.index) + 1;
    if (seenLines.has(lineStart)) continue;
    seenLines.add(lineStart);
    let lineEnd = region.indexOf('\n', hit.index);
    if (lineEnd < 0) lineEnd = region.length;
    CREDENTIAL_WORD.lastIndex = lineEnd;
    if (lineEnd - lineStart > MAX_LINE) continue;
    const line = region.slice(lineStart, lineEnd);
    ASSIGNMENT.lastIndex = 0;
    let matches = 0;
    for (let match = ASSIGNMENT.exec(line); match && matches < MAX_MATCHES_PER_LINE; match = ASSIGNMENT.exec(line)) {
      matches++;
      const [whole, nameQuote, flag, matchedName, separator, valueQuote, , matchedValue] = match as unknown as [string, string, string | undefined, string, string, string, string | undefined, string];
      const valueStart = match.index + whole.length - matchedValue.length;
      let name = matchedName;
      let value = matchedValue;
      // Resume inside the value: it may hold the real assignment (`Mistral(api_key="…")`, `"Authorization: …"`).
      ASSIGNMENT.lastIndex = valueStart;
      // A CLI flag followed by a value (`--api-key abc`) or an assignment; plain prose (`the token abc`) is not,
      // and a comma pairs only quoted strings (`("OPENAI_API_KEY", "…")`, `["x-api-key", "…"]`).
      const assigns = /[:=]/.test(separator) || (separator.startsWith(',') && nameQuote !== '' && valueQuote !== '');
      if (!flag && !assigns) continue;
      const before = line.slice(Math.max(0, match.index - 10), match.index);
      if (separator.startsWith(':') && USER_FLAG.test(before)) name = 'password';
      // A URL query parameter (`?api_key=…&q=…`) ends at the next `&` or `#`; a form-encoded value at `&name=`.
      const inQuery = match.index > 0 && (line[match.index - 1] === '?' || line[match.index - 1] === '&');
      if (inQuery && IMAGE_OR_BADGE.test(line)) continue;
      if (inQuery) value = value.replace(/[&#].*$/, '');
      else value = value.replace(/&[A-Za-z_][A-Za-z0-9_.-]*=.*$/, '');
      // `${VAR:-default}`, `$(command)`: a reference, cut short at `}` or `)`; a default inside is matched on its own.
      // So is a brace reference cut short at its own `}`: `{env:GITHUB_TOKEN}`, `{file:~/.token}` (opencode), `{TOKEN}`.
      if (value.length < 8 || value.startsWith('${') || value.startsWith('$(')) continue;
      if (value.startsWith('{') && line[valueStart + value.length] === '}') continue;
      // An unquoted value with a call, an index or member access in it, or a dotted name, is code
      // (`token = self._fp.read(1)[0]`, `private_key: ed25519.Ed25519PrivateKey`), not a literal.
      if (!valueQuote && (options.quotedValuesOnly || /[([]/.test(value) || EXPRESSION_OPERATORS.test(value) || CODE_PATH.test(value) || CAMEL_CASE_VARIABLE.test(value))) continue;
      const at = start + lineStart + valueStart;
      values.push({ name, value, start: at, end: at + value.length, exact: true });
    }
  }
  return values;
}
