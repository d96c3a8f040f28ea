import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from './typescript-api';
import { holdsProviderSecret, type FoldedValue, type NamedValue } from '../secrets/detect';
import { isUriOrPath, looksLikeSecretValue, randomEnough, stripAuthScheme } from '../secrets/generic';
import { isSecretLikeName, nameWords, PAIR_NAME, PASSWORD_WORDS, SECRET_NAME_HINT } from '../secrets/names';
import { isUuid } from '../secrets/placeholders';
import { memoizeByString } from '../memo';
import { expandStructuredValue } from '../secrets/structured-values';
import { lexedStrings, MODIFIERS } from './js-lexer';
import { kindTable, walkSyntax, type CollectorOptions, type SyntaxCollector, type SyntaxVisitor } from './syntax-walk';

let tsModule: Ts | undefined;

/** Set by the esbuild bundles (test/tools/build.mjs), where TypeScript lives in its own file, dist/typescript.js. */
declare const AGENT_GUARDRAIL_BUNDLE: boolean | undefined;

/**
 * TypeScript is loaded on first use only. In the bundles it is a separate file, ts-morph's copy cut down to the API
 * of ./typescript-api.ts (test/tools/trim-typescript.mjs), so starting the CLI or the language server does not even
 * parse it until a TS/JS file needs it. Unbundled (the tests), it is ts-morph's full copy.
 */
export function loadTypeScript(): Ts {
  if (!tsModule) {
    if (typeof AGENT_GUARDRAIL_BUNDLE !== 'undefined' && AGENT_GUARDRAIL_BUNDLE) {
      tsModule = (bundleLoader(`${__dirname}/typescript.js`) as typeof import('ts-morph')).ts;
    } else {
      tsModule = (require('ts-morph') as typeof import('ts-morph')).ts;
    }
  }
  return tsModule;
}

let bundleLoader: (file: string) => unknown = (file) => require(file);

/** How the bundles load dist/typescript.js: the Node layer passes a loader with a V8 code cache (src/node/code-cache.ts). */
export function setTypeScriptBundleLoader(load: (file: string) => unknown): void {
  bundleLoader = load;
}

export type SourceFile = TsNamespace.SourceFile;
type Node = TsNamespace.Node;
type Expression = TsNamespace.Expression;

export function scriptKindFor(path: string): TsNamespace.ScriptKind {
  const ts = loadTypeScript();
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/**
 * TypeScript's parser takes quadratic time on long runs of modifiers and decorators (`export export …`,
 * `static public …`, `@a @a …`: 100 KB take 10 s, 2 MB hours). Real code has a handful in a row at most.
 */
const MAX_MODIFIER_RUN = 64;
const LONGEST_MODIFIER = [...MODIFIERS].reduce((longest, word) => Math.max(longest, word.length), 0);

const TOO_MANY_MODIFIERS = `more than ${MAX_MODIFIER_RUN} modifiers or decorators in a row (TypeScript's parser takes quadratic time on them)`;

/**
 * Why TypeScript's parser must not see this text (a shape it takes super-linear time on), or undefined. Read from
 * the lexer's pass (src/core/languages/js-lexer.ts), which the parse gates have already made for this text; where
 * the lexer could not read the text, from a pass over its characters.
 */
export function unparseableShape(text: string): string | undefined {
  const { unsure, modifierRun } = lexedStrings(text);
  if (!unsure) return modifierRun > MAX_MODIFIER_RUN ? TOO_MANY_MODIFIERS : undefined;
  return unparseableShapeByCharacters(text);
}

/**
 * The same by characters alone, for text the lexer cannot read: one linear pass over the tokens; blanks and
 * comments do not end a run of modifiers, a decorator (`@name`) continues one, any other token (a quote too) ends it.
 */
export function unparseableShapeByCharacters(text: string): string | undefined {
  let run = 0;
  let index = 0;
  const n = text.length;
  while (index < n) {
    const c = text.charCodeAt(index);
    if (c <= 32 || (c > 127 && BLANK.test(text[index]!))) {
      index++;
    } else if (c === 47 && text.charCodeAt(index + 1) === 47) {
      const end = text.indexOf('\n', index);
      index = end < 0 ? n : end;
    } else if (c === 47 && text.charCodeAt(index + 1) === 42) {
      const close = text.indexOf('*/', index + 2);
      if (close < 0) break;
      index = close + 2;
    } else if (c === 64 || isIdentifierStart(c)) {
      const start = index;
      index++;
      while (index < n && isWordCharacter(text.charCodeAt(index))) index++;
      const modifier = c === 64 || (index - start <= LONGEST_MODIFIER && MODIFIERS.has(text.slice(start, index)));
      if (!modifier) run = 0;
      else if (++run > MAX_MODIFIER_RUN) return TOO_MANY_MODIFIERS;
    } else {
      index++;
      run = 0;
    }
  }
  return undefined;
}

const isIdentifierStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;

/** Thrown instead of parsing a text of a shape the parser takes super-linear time on (see unparseableShape). */
export class UnparseableShapeError extends Error {
  override name = 'UnparseableShapeError';
}

/** TypeScript's createSourceFile, refused for shapes it takes super-linear time on. */
export function createSourceFileSafely(path: string, text: string, setParentNodes: boolean): SourceFile {
  const shape = unparseableShape(text);
  if (shape) throw new UnparseableShapeError(shape);
  const ts = loadTypeScript();
  return ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, setParentNodes, scriptKindFor(path));
}

/** Parse only: no program, no binder, no type checker. JSDoc is not parsed (we read comments as text). */
export function parseSourceFile(path: string, text: string): SourceFile {
  return createSourceFileSafely(path, text, false);
}

export function syntaxErrorCount(sourceFile: SourceFile): number {
  return (sourceFile as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
}

/**
 * Calls whose positional arguments take a credential whatever they are called: `new WebClient(token)`,
 * `new Stripe(key)`, `jwt.sign(payload, secret)`, `createHmac('sha256', secret)` …
 */
const CREDENTIAL_ARGUMENTS = new Map<string, number[]>(Object.entries({
  WebClient: [0],
  Stripe: [0],
  HfInference: [0],
  InferenceClient: [0],
  Resend: [0],
  Twilio: [1],
  twilio: [1],
  Telegraf: [0],
  TelegramBot: [0],
  Bot: [0],
  setApiKey: [0],
  setToken: [0],
  setAuth: [0],
  sign: [1],
  verify: [1],
  createHmac: [1],
  createDeepgram: [0],
  Deepgram: [0],
  SerpAPI: [0],
  TwitterApi: [0],
  Octokit: [],
  Groq: [],
}));


const NO_INDEXES: readonly number[] = [];
const HEADER_SETTERS = new Set(['set', 'append', 'setHeader', 'header', 'setRequestHeader', 'add']);

export interface SecretContexts {
  namedValues: NamedValue[];
  foldedValues: FoldedValue[];
}

/** Every string value that sits under a name, and every constant concatenation (a walk of its own). */
export function collectSecretContexts(sourceFile: SourceFile): SecretContexts {
  const ts = loadTypeScript();
  const visitor = SECRET_CONTEXTS.create(ts, sourceFile);
  walkSyntax(ts, sourceFile, [visitor]);
  return visitor.result();
}

/** The secret scan's share of the one walk of a code file (src/core/syntax.ts), for files that can hold a named value. */
export const SECRET_CONTEXTS = {
  id: 'secret-contexts',
  wants: (text: string, options: CollectorOptions) => mayHoldNamedSecret(text, options.extraSecretNames),
  skipped: (): SecretContexts => ({ namedValues: [], foldedValues: [] }),
  create: (ts: Ts, sourceFile: SourceFile) => secretContextsVisitor(ts, sourceFile),
} satisfies SyntaxCollector<SecretContexts>;

/** Callees whose arguments the walk reads as credentials, whatever names surround them (visitCall). */
const CREDENTIAL_CALLEES = new Set(CREDENTIAL_ARGUMENTS.keys());
/** Callees whose `user:password` argument the walk reads as a password (visitCall): its password part is the value. */
const BASIC_AUTH_ENCODERS = new Set(['btoa', 'Buffer']);
/** Callees whose values the walk reads as passwords (visitCall): `basicAuth({ users: { admin: '…' } })`, whole. */
const PASSWORD_CALLEES = new Set(['basicAuth']);
/** The callees (as the lexer gives them, src/core/languages/js-lexer.ts) whose first argument visitCall reads as a value. */
const VALUE_CALLEES: ReadonlySet<string> = new Set([...CREDENTIAL_CALLEES, 'btoa', '.from'].flatMap((name) => (name.startsWith('.') ? [name] : [name, `.${name}`])));
const NAME_HINTS = new RegExp(SECRET_NAME_HINT.source, 'gi');
const CALLEE_WORDS = new RegExp(`\\b(?:${[...CREDENTIAL_CALLEES, ...PASSWORD_CALLEES, ...BASIC_AUTH_ENCODERS].join('|')})\\b`, 'g');
/** [A-Za-z0-9_$]: the characters of the identifiers names are made of. */
const isWordCharacter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
const BLANK = /\s/;

/** How strong a name, or a value, is for the generic secret check: any secret-like one, or one that only a password name takes. */
const enum Strength {
  None,
  Password,
  Any,
}

/**
 * Could the walk of this text find a value the generic secret check reports, or a constant concatenation for the
 * provider scan? Yes when strings joined with `+` make a provider token; when it holds a string (or strings joined
 * with `+`) that could be a credential and a name (or a credential-taking callee) that could carry it; when it joins
 * more strings in a row than are tried one by one; and whenever the lexer cannot read the text
 * (src/core/languages/js-lexer.ts). The provider, private-key and connection-string scans read the whole text
 * anyway: this decides only whether a parse can add to them. Names and values are matched file-wide, not in pairs,
 * except a property's whole value, which only its key names.
 */
export function mayHoldNamedSecret(text: string, extraNames: readonly string[]): boolean {
  const { strings, callees, alone, keys, concatenation, runs, unsure, escapedIdentifier } = lexedStrings(text);
  if (unsure) return true;
  const extra = new Set(extraNames.map((word) => word.toLowerCase()));
  // A property's whole value (`{ id: '…' }`) is named by its key alone: judged under it here, not beside every name of
  // the file (test fixtures hold many random ids and many secret-like names, seldom one under the other). Not in a
  // file that calls basicAuth, whose `users: { admin: '…' }` values the walk reads as passwords (nor where a name is
  // spelled with an escape, `basic\u0041uth`, which a search of the text misses).
  const keyed = !escapedIdentifier && !text.includes('basicAuth');
  // A string that is a whole argument of a call is a value the walk reads only where the call takes a credential
  // (`new WebClient('…')`, `btoa('user:password')`): not a test's title, an assertion's expected value, a message.
  // (Not so a comparison in an argument, `assert('…' === token)`.) It may still name one (`headers.set('x-api-key',
  // …)`): names are looked for in every string.
  let values: string[] = [];
  for (let index = 0; index < strings.length; index++) {
    const literal = strings[index]!;
    if (alone[index] && !VALUE_CALLEES.has(callees[index]!)) continue;
    const key = keyed ? keys[index] : undefined;
    if (key === undefined) values.push(literal);
    else if (holdsJsonSecret(literal, extra) || (literal.length >= 8 && strongEnough(nameStrength(key, extra), credentialStrength(literal)))) return true;
  }
  let literals: readonly string[] = strings;
  if (concatenation) {
    // The parse folds constant concatenations, each a stretch of one of the lexer's runs: a provider token split over
    // the parts is seen only joined, and so is a credential assigned to a name as a sum of parts.
    const joined = joinedStretches(runs);
    if (!joined || joined.some(holdsProviderSecret)) return true;
    values = [...values, ...joined];
    literals = [...strings, ...joined];
  }
  // Values first: most files hold no string that could be a credential, and then no name needs looking for. A
  // `user:password` string is judged by its password too, which only btoa and Buffer.from take (visitCall).
  let value: number = Strength.None;
  let basicAuth = false;
  for (const literal of values) {
    if (holdsJsonSecret(literal, extra)) return true;
    if (value !== Strength.Any && literal.length >= 8) value = Math.max(value, credentialStrength(literal));
    if (!basicAuth && literal.length >= 8 && literal.includes(':')) basicAuth = basicAuthStrength(literal) !== Strength.None;
  }
  if (value === Strength.None && !basicAuth) return false;
  // A name spelled with an escape (`ap\u0069Key`) is the plain name to the parse, not to the searches below.
  if (escapedIdentifier) return true;
  const enough = (name: number): boolean => strongEnough(name, value);
  let name: number = Strength.None;
  for (const literal of literals) {
    name = Math.max(name, nameStrength(literal, extra));
    if (enough(name)) return true;
  }
  // Identifiers are found by searches of the text (also in comments, which only adds names).
  if (extra.size) {
    const lower = text.toLowerCase();
    for (const word of extra) if (lower.includes(word)) return true;
  }
  for (const match of text.matchAll(CALLEE_WORDS)) {
    if (BASIC_AUTH_ENCODERS.has(match[0])) {
      if (basicAuth) return true;
      continue;
    }
    name = Math.max(name, PASSWORD_CALLEES.has(match[0]) ? Strength.Password : Strength.Any);
    if (enough(name)) return true;
  }
  // Each hint found, widened to its whole word (a pattern with the widening built in backtracks on every word).
  let wordEnd = -1;
  for (const match of text.matchAll(NAME_HINTS)) {
    if (match.index < wordEnd) continue;
    let start = match.index;
    while (start > 0 && isWordCharacter(text.charCodeAt(start - 1))) start--;
    wordEnd = match.index + match[0].length;
    while (wordEnd < text.length && isWordCharacter(text.charCodeAt(wordEnd))) wordEnd++;
    name = Math.max(name, nameStrength(text.slice(start, wordEnd), extra));
    if (enough(name)) return true;
  }
  return false;
}

/** A password name takes any value a name can take; another secret-like name takes the stronger values only. */
function strongEnough(name: number, value: number): boolean {
  return (name === Strength.Password && value !== Strength.None) || (name === Strength.Any && value === Strength.Any);
}

/** Longest run of joined strings whose stretches are judged one by one; a longer one is left to the parse. */
const MAX_RUN_PARTS = 8;
const MAX_RUN_LENGTH = 16_384;

/** Every stretch of two or more consecutive parts of each run, joined; undefined when a run is too long to try them all. */
function joinedStretches(runs: readonly (readonly string[])[]): string[] | undefined {
  const joined: string[] = [];
  for (const run of runs) {
    if (run.length > MAX_RUN_PARTS || run.reduce((length, part) => length + part.length, 0) > MAX_RUN_LENGTH) return undefined;
    for (let from = 0; from < run.length - 1; from++) {
      let value = run[from]!;
      for (let to = from + 1; to < run.length; to++) joined.push((value += run[to]!));
    }
  }
  return joined;
}

/** Any for a secret-like name, Password for a password's (the most lenient), None for others. */
function nameStrength(word: string, extra: ReadonlySet<string>): Strength {
  if (extra.size && extra.has(word.toLowerCase())) return Strength.Password;
  return word.length > 200 ? Strength.None : strengthOfName(word);
}

/** Names repeat across the files of a project: each is judged once (a bounded memory, src/core/memo.ts). */
const strengthOfName = memoizeByString(
  (word): Strength =>
    !SECRET_NAME_HINT.test(word) || !isSecretLikeName(word) ? Strength.None : nameWords(word).some((part) => PASSWORD_WORDS.has(part)) ? Strength.Password : Strength.Any,
  50_000,
);

/** A JSON object written as a string is judged member by member, each under its own key (expandStructuredValue). */
function holdsJsonSecret(literal: string, extra: ReadonlySet<string>): boolean {
  if (literal.length < 12 || !literal.includes('{')) return false;
  const trimmed = literal.trim();
  if (trimmed.length < 12 || trimmed[0] !== '{' || trimmed[trimmed.length - 1] !== '}') return false;
  return expandStructuredValue({ name: '', value: literal, start: 0, end: literal.length, exact: false }).some((member) => {
    const strength = member.value === literal ? Strength.None : credentialStrength(member.value);
    const under = nameStrength(member.name, extra);
    return (strength !== Strength.None && under === Strength.Password) || (strength === Strength.Any && under === Strength.Any);
  });
}

/**
 * How this string literal could fare in the generic check (src/core/secrets/detect.ts) under the most lenient name:
 * a password name takes shorter, less random values (a `user:password` literal's password: basicAuthStrength).
 * Literals repeat across the files of a tree (two in three, on the agent repositories we measure): each is judged once.
 */
const credentialStrength = memoizeByString(judgeCredentialStrength, 50_000);

function judgeCredentialStrength(literal: string): Strength {
  const trimmed = literal.trim();
  return trimmed.length < 8 ? Strength.None : valueStrength(stripAuthScheme(trimmed).credential);
}

/** How the password of a `user:password` literal fares (None when it reads as none), as btoa and Buffer.from take it. */
const basicAuthStrength = memoizeByString((literal: string): Strength => {
  const password = basicAuthPassword(literal);
  return password === undefined ? Strength.None : valueStrength(password);
}, 50_000);

/**
 * The password of a `user:password` literal (what `btoa(…)` and `Buffer.from(…)` encode for Basic auth), or
 * undefined when the text does not read as one: no colon after a user, blanks (a sentence), or a URL, a path or inline
 * content (`data:text/plain;base64,`, `C:\Users\…`), whose colon separates no user from a password.
 */
function basicAuthPassword(literal: string): string | undefined {
  const colon = literal.indexOf(':');
  if (colon <= 0 || /\s/.test(literal) || literal.startsWith('http') || isUriOrPath(literal)) return undefined;
  return literal.slice(colon + 1);
}

/** The generic check itself, asked only of values that meet its cheap thresholds (randomEnough): most strings fail those. */
function valueStrength(value: string): Strength {
  if (value.length < 8 || BLANK.test(value)) return Strength.None;
  if (isUuid(value) || (randomEnough(value, false) && looksLikeSecretValue(value))) return Strength.Any;
  return randomEnough(value, true) && looksLikeSecretValue(value, { passwordLike: true }) ? Strength.Password : Strength.None;
}

function secretContextsVisitor(ts: Ts, sourceFile: SourceFile): SyntaxVisitor & { result(): SecretContexts } {
  const text = sourceFile.text;
  const namedValues: NamedValue[] = [];
  const foldedValues: FoldedValue[] = [];
  const K = ts.SyntaxKind;

  const nameOf = (node: Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isComputedPropertyName(node) && ts.isStringLiteralLike(node.expression)) return node.expression.text;
    if (ts.isPropertyAccessExpression(node)) return node.name.text;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
    return undefined;
  };

  /** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`: the variable name. */
  const envReadName = (node: Expression): string | undefined => {
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && isEnvObject(node.expression)) {
      return nameOf(node);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get' && isEnvObject(node.expression.expression)) {
      const [first] = node.arguments;
      return first && ts.isStringLiteralLike(first) ? first.text : undefined;
    }
    return undefined;
  };
  /** `process.env`, `import.meta.env`, `Bun.env`, `Deno.env` (by shape: reading the node's text costs a rescan). */
  const isEnvObject = (node: Expression): boolean => {
    if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'env') return false;
    const base = node.expression;
    if (ts.isIdentifier(base)) return base.text === 'process' || base.text === 'Bun' || base.text === 'Deno';
    return ts.isMetaProperty(base) && base.keywordToken === K.ImportKeyword && base.name.text === 'meta';
  };

  const isPlus = (node: Expression): node is TsNamespace.BinaryExpression =>
    ts.isBinaryExpression(node) && node.operatorToken.kind === K.PlusToken;
  const isFallback = (node: Expression): node is TsNamespace.BinaryExpression =>
    ts.isBinaryExpression(node) && (node.operatorToken.kind === K.QuestionQuestionToken || node.operatorToken.kind === K.BarBarToken);

  /**
   * Fold `'a' + 'b' + \`c\`` into one string; undefined if any part is not a constant string. Iterative along the
   * left spine (where long `+` chains grow), so a chain of thousands of parts costs no stack and linear time.
   */
  const fold = (node: Expression): string | undefined => {
    let current = node;
    while (ts.isParenthesizedExpression(current)) current = current.expression;
    if (ts.isStringLiteral(current) || ts.isNoSubstitutionTemplateLiteral(current)) return current.text;
    if (!isPlus(current)) return undefined;
    const rights: Expression[] = [];
    while (isPlus(current)) {
      rights.push(current.right);
      current = current.left;
    }
    let value = fold(current);
    for (let i = rights.length - 1; i >= 0 && value !== undefined; i--) {
      const right = fold(rights[i]!);
      value = right === undefined ? undefined : value + right;
    }
    return value;
  };

  const unwrap = (node: Expression): Expression => {
    let current = node;
    for (;;) {
      if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current)) {
        current = current.expression;
      } else return current;
    }
  };

  /** Env var names read on the left of a fallback chain: `process.env.A ?? process.env.B ?? '…'` gives A and B. */
  const envNamesIn = (node: Expression, names: string[]): void => {
    const pending: Expression[] = [node];
    while (pending.length) {
      const current = unwrap(pending.pop()!);
      if (isFallback(current)) {
        pending.push(current.right, current.left);
        continue;
      }
      const name = envReadName(current);
      if (name && names.length < 8) names.push(name);
    }
  };

  /**
   * A value under a name (`apiKey: '…'`), or in a credential position (`new WebClient('…')`). `names` may hold
   * several candidates (the declared name, a destructured property name, env var names of a fallback); each is
   * recorded and the detector's overlap rule keeps one finding.
   */
  const addValue = (name: string | undefined, initializer: Expression | undefined, credentialPosition = false, alias?: string): void => {
    if (!initializer || !mayYieldValue(initializer)) return;
    const names: string[] = [];
    if (name) names.push(name);
    if (alias && alias !== name) names.push(alias);
    addExpression(names, initializer, credentialPosition, 0);
  };

  /**
   * Can addExpression take a value from this expression: a string, a `+` chain or an env fallback, a conditional, an
   * arrow's expression body (below parentheses and type assertions)? Most initializers are none of these (identifiers,
   * calls, objects, numbers), and are passed by before any names are gathered for them.
   */
  const mayYieldValue = (initializer: Expression): boolean => {
    const expression = unwrap(initializer);
    switch (expression.kind) {
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.BinaryExpression:
      case K.ConditionalExpression:
        return true;
      case K.ArrowFunction:
        return !ts.isBlock((expression as TsNamespace.ArrowFunction).body);
      default:
        return false;
    }
  };

  const addExpression = (names: string[], initializer: Expression, credentialPosition: boolean, depth: number): void => {
    let expression = unwrap(initializer);
    // Env fallbacks: `process.env.OPENAI_API_KEY ?? 'sk-…'`, `|| '…'`. The env var name names the value too.
    while (isFallback(expression)) {
      const envNames: string[] = [];
      envNamesIn(expression.left, envNames);
      if (envNames.length) names = [...names, ...envNames];
      expression = unwrap(expression.right);
    }
    if (depth < 4) {
      // `isProd ? process.env.KEY : 'dev-…'`: either branch.
      if (ts.isConditionalExpression(expression)) {
        addExpression(names, expression.whenTrue, credentialPosition, depth + 1);
        addExpression(names, expression.whenFalse, credentialPosition, depth + 1);
        return;
      }
      // `getApiKey = () => '…'`, `token: () => '…'`
      if (ts.isArrowFunction(expression) && !ts.isBlock(expression.body)) {
        addExpression(names, expression.body, credentialPosition, depth + 1);
        return;
      }
    }
    if (!names.length && !credentialPosition) return;
    let value: string | undefined;
    let start: number;
    let end: number;
    let exact = false;
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      value = expression.text;
      end = expression.end - 1;
      // Without escapes the value is the text before the closing quote, right after the opening one; only
      // otherwise is the literal's start looked up (getStart rescans the leading trivia).
      start = end - value.length;
      exact = start > 0 && text.charCodeAt(start - 1) === text.charCodeAt(end) && text.slice(start, end) === value;
      if (!exact) {
        start = expression.getStart(sourceFile) + 1;
        exact = end - start === value.length && text.slice(start, end) === value;
      }
    } else {
      value = fold(expression);
      if (value === undefined) return;
      start = expression.getStart(sourceFile);
      end = expression.end;
    }
    if (!names.length) names = [''];
    for (const name of names) namedValues.push({ name, value, start, end, credentialPosition, exact });
  };

  /** Inner `+` nodes of chains already split into runs, and the constant operands already folded (not visited). */
  const chainSpine = new Set<Node>();
  const foldedOperands = new Set<Node>();

  /**
   * A `+` chain, seen at its top: every run of two or more constant parts is folded into one value
   * (`'sk-proj-' + '…'`, also inside `prefix + 'sk-' + '…' + suffix`); the walk then goes on into the other parts.
   * Walks the left spine without recursion.
   */
  const splitPlusChain = (top: TsNamespace.BinaryExpression): void => {
    const rights: Expression[] = [];
    let leaf: Expression = top;
    while (isPlus(leaf)) {
      if (leaf !== top) chainSpine.add(leaf);
      rights.push(leaf.right);
      leaf = leaf.left;
    }
    const operands: Expression[] = [leaf];
    for (let i = rights.length - 1; i >= 0; i--) operands.push(rights[i]!);
    let runStart = -1;
    let runValue = '';
    const flush = (endIndex: number): void => {
      if (runStart >= 0 && endIndex - runStart >= 2) {
        foldedValues.push({ value: runValue, start: operands[runStart]!.getStart(sourceFile), end: operands[endIndex - 1]!.end });
        for (let i = runStart; i < endIndex; i++) foldedOperands.add(operands[i]!);
      }
      runStart = -1;
      runValue = '';
    };
    for (let i = 0; i < operands.length; i++) {
      const value = fold(operands[i]!);
      if (value === undefined) {
        flush(i);
      } else if (runStart < 0) {
        runStart = i;
        runValue = value;
      } else {
        runValue += value;
      }
    }
    flush(operands.length);
  };

  /** The password part of a `user:password` literal. */
  const addBasicAuth = (argument: Expression): void => {
    const literal = unwrap(argument);
    if (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) return;
    const value = literal.text;
    const password = basicAuthPassword(value);
    if (password === undefined) return;
    const start = literal.getStart(sourceFile) + 1;
    if (text.slice(start, literal.end - 1) !== value) return;
    namedValues.push({ name: 'password', value: password, start: start + value.length - password.length, end: start + value.length, exact: true });
  };

  const visitCall = (node: TsNamespace.CallExpression | TsNamespace.NewExpression): void => {
    const callee = nameOf(node.expression as Node);
    const args = node.arguments ?? [];
    for (const index of (callee && CREDENTIAL_ARGUMENTS.get(callee)) || NO_INDEXES) addValue(undefined, args[index], true);
    // Basic auth material: btoa('user:password'), Buffer.from('user:password').toString('base64')
    if ((callee === 'btoa' || (callee === 'from' && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'Buffer')) && args[0]) {
      addBasicAuth(args[0]);
    }
    // express-basic-auth: basicAuth({ users: { admin: 'password' } })
    if (callee === 'basicAuth' && args[0] && ts.isObjectLiteralExpression(args[0])) {
      for (const property of args[0].properties) {
        if (!ts.isPropertyAssignment(property) || nameOf(property.name) !== 'users' || !ts.isObjectLiteralExpression(property.initializer)) continue;
        for (const user of property.initializer.properties) if (ts.isPropertyAssignment(user)) addValue('password', user.initializer);
      }
    }
    // headers.set('Authorization', 'Bearer …'), res.setHeader('x-api-key', '…')
    if (callee && HEADER_SETTERS.has(callee) && args.length >= 2 && ts.isStringLiteralLike(args[0]!)) {
      addValue(args[0].text, args[1]);
    }
  };

  /**
   * `algolia: { appId, apiKey, indexName }` (Docusaurus, DocSearch, InstantSearch): a search-only key, public by
   * design; Algolia documents it as safe to ship in front-end code. Found at the object (parsing sets no parent
   * pointers), before its properties are visited.
   */
  const publicKeys = new Set<Node>();
  /** Only a file that says `indexName` can hold such an object (most objects of most files are never looked at). */
  const mayHoldAlgolia = text.includes('indexName');
  const noteAlgoliaSearchKey = (object: TsNamespace.ObjectLiteralExpression): void => {
    if (!mayHoldAlgolia || object.properties.length < 3) return;
    const names = new Set(object.properties.map((property) => property.name && nameOf(property.name)));
    if (!names.has('indexName') || !names.has('appId')) return;
    for (const property of object.properties) if (property.name && nameOf(property.name) === 'apiKey') publicKeys.add(property);
  };

  const enter = (node: Node): boolean => {
    const kind = node.kind;
    // Types, interfaces and imports hold no values: skip their subtrees (a key in a literal type is still found by
    // the provider scan of the whole text).
    if ((kind >= K.FirstTypeNode && kind <= K.LastTypeNode) || kind === K.InterfaceDeclaration || kind === K.TypeAliasDeclaration || kind === K.ImportDeclaration) {
      return false;
    }
    if (foldedOperands.has(node)) return false;
    switch (kind) {
      case K.PropertyAssignment: {
        const property = node as TsNamespace.PropertyAssignment;
        if (!publicKeys.has(property)) addValue(nameOf(property.name), property.initializer);
        break;
      }
      case K.VariableDeclaration: {
        const declaration = node as TsNamespace.VariableDeclaration;
        addValue(nameOf(declaration.name), declaration.initializer);
        break;
      }
      case K.Parameter: {
        const parameter = node as TsNamespace.ParameterDeclaration;
        addValue(nameOf(parameter.name), parameter.initializer);
        break;
      }
      case K.PropertyDeclaration: {
        const property = node as TsNamespace.PropertyDeclaration;
        addValue(nameOf(property.name), property.initializer);
        break;
      }
      case K.BindingElement: {
        // `{ apiKey = '…' }`, and `{ apiKey: key = '…' }` where the property name is the telling one.
        const element = node as TsNamespace.BindingElement;
        addValue(nameOf(element.name), element.initializer, false, nameOf(element.propertyName));
        break;
      }
      case K.ShorthandPropertyAssignment: {
        // Destructuring assignment with a default: `({ apiKey = '…' } = options)`
        const property = node as TsNamespace.ShorthandPropertyAssignment;
        addValue(property.name.text, property.objectAssignmentInitializer);
        break;
      }
      case K.GetAccessor: {
        // `get apiKey() { return '…'; }`
        const accessor = node as TsNamespace.GetAccessorDeclaration;
        const statements = accessor.body?.statements;
        const only = statements?.length === 1 ? statements[0] : undefined;
        if (only && ts.isReturnStatement(only)) addValue(nameOf(accessor.name), only.expression);
        break;
      }
      case K.EnumMember: {
        const member = node as TsNamespace.EnumMember;
        addValue(nameOf(member.name), member.initializer);
        break;
      }
      case K.JsxAttribute: {
        const attribute = node as TsNamespace.JsxAttribute;
        const initializer = attribute.initializer;
        const value = initializer && ts.isJsxExpression(initializer) ? initializer.expression : initializer;
        addValue(nameOf(attribute.name as Node), value as Expression | undefined);
        break;
      }
      case K.BinaryExpression: {
        const binary = node as TsNamespace.BinaryExpression;
        const operator = binary.operatorToken.kind;
        if (operator === K.EqualsToken || operator === K.QuestionQuestionEqualsToken || operator === K.BarBarEqualsToken) {
          // `this.apiKey = '…'`, `config['x-api-key'] = '…'`, `options.token ??= '…'`
          addValue(nameOf(unwrap(binary.left)), binary.right);
        } else if (operator === K.EqualsEqualsEqualsToken || operator === K.EqualsEqualsToken || operator === K.ExclamationEqualsEqualsToken || operator === K.ExclamationEqualsToken) {
          // `if (req.headers['x-api-key'] === 'live-…')`: a hardcoded credential compared against input (either side).
          addValue(nameOf(unwrap(binary.left)), binary.right);
          const right = unwrap(binary.right);
          if (!ts.isStringLiteralLike(right)) addValue(nameOf(right), binary.left);
        } else if (operator === K.PlusToken && !chainSpine.has(binary)) {
          splitPlusChain(binary);
        }
        break;
      }
      case K.CallExpression:
      case K.NewExpression:
        visitCall(node as TsNamespace.CallExpression);
        break;
      case K.ObjectLiteralExpression:
        noteAlgoliaSearchKey(node as TsNamespace.ObjectLiteralExpression);
        break;
      case K.ArrayLiteralExpression: {
        // Header tuples: new Headers([['x-api-key', '…']])
        const elements = (node as TsNamespace.ArrayLiteralExpression).elements;
        if (elements.length === 2 && ts.isStringLiteralLike(elements[0]!) && PAIR_NAME.test(elements[0].text)) addValue(elements[0].text, elements[1]);
        break;
      }
    }
    return true;
  };

  return { enter, kinds: secretKinds(ts), result: () => ({ namedValues, foldedValues }) };
}

let secretKindTable: Uint8Array | undefined;

/**
 * The kinds the secret visitor's `enter` looks at: those of its switch, the subtrees it skips (types, interfaces, type
 * aliases, imports) and what can be a folded operand above a leaf (a parenthesised part: its subtree is skipped).
 */
function secretKinds(ts: Ts): Uint8Array {
  const K = ts.SyntaxKind;
  secretKindTable ??= kindTable(
    ts,
    [
      K.ImportDeclaration, K.ParenthesizedExpression, K.PropertyAssignment, K.VariableDeclaration, K.Parameter, K.PropertyDeclaration, K.BindingElement,
      K.ShorthandPropertyAssignment, K.GetAccessor, K.EnumMember, K.JsxAttribute, K.BinaryExpression, K.CallExpression, K.NewExpression,
      K.ObjectLiteralExpression, K.ArrayLiteralExpression,
    ],
    true,
  );
  return secretKindTable;
}
