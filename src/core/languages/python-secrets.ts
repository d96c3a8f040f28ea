/**
 * The secret contexts of a Python file, the same inputs the TypeScript path gives the detectors
 * (src/core/secrets/detect.ts): every string value under a name (assignments, class attributes, default
 * parameters, keyword arguments, dict keys, env fallbacks, header setters) or in a credential position of a known
 * client, and every constant concatenation (`"sk-proj-" "…"`, `'a' + 'b'`).
 */
import { appendAll } from '../arrays';
import type { FoldedValue, NamedValue } from '../secrets/detect';
import { PAIR_NAME } from '../secrets/names';
import { pyStringValue } from './python-strings';
import { fieldOf, type PyNode, type PythonTree, textEndsWith, textOf } from './python-tree';

export interface PythonSecretContexts {
  namedValues: NamedValue[];
  foldedValues: FoldedValue[];
}

/**
 * Calls whose positional arguments take a credential whatever they are called: `Github("ghp_…")`,
 * `WebClient("xoxb-…")`, `Auth.Token(…)`, `jwt.encode(payload, "secret")`, `hmac.new(b"key", …)` …
 * Keys are the callee as written (`jwt.encode`) or its last name (`WebClient`).
 */
const CREDENTIAL_ARGUMENTS = new Map<string, number[]>(Object.entries({
  Github: [0],
  'Auth.Token': [0],
  'Auth.Login': [1],
  WebClient: [0],
  AsyncWebClient: [0],
  StripeClient: [0],
  SecretStr: [0],
  HTTPBasicAuth: [1],
  HTTPDigestAuth: [1],
  BasicAuth: [1],
  'jwt.encode': [1],
  'jwt.decode': [1],
  'hmac.new': [0],
  'hmac.digest': [0],
  Bot: [0],
  TeleBot: [0],
  'builder.token': [0],
  Redis: [],
  Groq: [],
}));

/** Calls that take a name and a value: `os.environ.setdefault("KEY", "…")`, `req.add_header("Authorization", "…")`. */
const NAME_VALUE_CALLS = new Map<string, [name: number, value: number]>(Object.entries({
  setdefault: [0, 1],
  putenv: [0, 1],
  setenv: [0, 1],
  add_header: [0, 1],
  putheader: [0, 1],
  set_key: [1, 2],
}));

/** The last names of the callees listed with their receiver (`Auth.Token` → `Token`): only those need it read. */
const QUALIFIED_LAST_NAMES = new Set([...CREDENTIAL_ARGUMENTS.keys()].filter((key) => key.includes('.')).map((key) => key.slice(key.lastIndexOf('.') + 1)));

const BASE64_ENCODERS = new Set(['b64encode', 'standard_b64encode', 'urlsafe_b64encode', 'encodebytes']);

/** Calls that pass a value through under the name it is assigned to: `api_key: str = Field(default="…")`. */
const PASS_THROUGH = new Set(['Field', 'field', 'SecretStr', 'Secret', 'str', 'bytes', 'PrivateAttr', 'Option', 'Argument']);

/** Bounded depth for the few recursive steps (conditional branches, pass-through calls, lambdas). */
const MAX_DEPTH = 4;

export function collectPythonSecretContexts(tree: PythonTree, text: string): PythonSecretContexts {
  const c: Collector = { text, namedValues: [], foldedValues: [] };
  for (const node of tree.nodes) visit(c, node);
  return { namedValues: c.namedValues, foldedValues: c.foldedValues };
}

/**
 * What the collection gathers, with the text it reads. The steps are module functions over this plain object, not
 * closures made per file: V8 keeps optimised code for a closure only while one is alive, so closures remade for
 * every file ran unoptimised again after each full garbage collection.
 */
interface Collector {
  text: string;
  namedValues: NamedValue[];
  foldedValues: FoldedValue[];
}


function unwrap(node: PyNode): PyNode {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.children.length === 1) current = current.children[0]!;
  return current;
}

/** The name a target or key gives its value: `api_key`, `self.api_key`, `config["api_key"]`, `"Authorization"`. */
function nameOf(c: Collector, node: PyNode | undefined): string | undefined {
  if (!node) return undefined;
  const e = unwrap(node);
  if (e.type === 'identifier') return textOf(e, c.text);
  if (e.type === 'attribute') {
    const attribute = fieldOf(e, 'attribute');
    return attribute && textOf(attribute, c.text);
  }
  if (e.type === 'subscript') {
    const key = fieldOf(e, 'subscript');
    return key && key.type === 'string' ? pyStringValue(key, c.text)?.value : undefined;
  }
  if (e.type === 'string') return pyStringValue(e, c.text)?.value;
  // `headers.get("x-api-key")`, `request.cookies.get("session_token")`: the key read.
  if (e.type === 'call') {
    const callee = fieldOf(e, 'function');
    const args = fieldOf(e, 'arguments');
    const first = args && positional(args)[0];
    if (callee?.type === 'attribute' && lastName(callee, c.text) === 'get' && first?.type === 'string') return pyStringValue(first, c.text)?.value;
  }
  return undefined;
}

/** `os.environ.get("X", …)`, `os.getenv("X")`, `environ["X"]`, `os.environ.setdefault("X", …)`: the variable name. */
function envReadName(c: Collector, node: PyNode): string | undefined {
  const e = unwrap(node);
  if (e.type === 'subscript') {
    const value = fieldOf(e, 'value');
    return value && isEnvObject(c, value) ? nameOf(c, e) : undefined;
  }
  if (e.type !== 'call') return undefined;
  const callee = fieldOf(e, 'function');
  // What the test below accepts ends so; most calls do not, and are dismissed without copying any text.
  if (!callee || !(textEndsWith(callee, c.text, 'getenv') || textEndsWith(callee, c.text, '.get') || textEndsWith(callee, c.text, '.setdefault'))) return undefined;
  const args = fieldOf(e, 'arguments');
  const first = args && positional(args)[0];
  if (!first || first.type !== 'string') return undefined;
  const source = textOf(callee, c.text);
  if (source === 'os.getenv' || source === 'getenv' || ((source.endsWith('.get') || source.endsWith('.setdefault')) && isEnvObject(c, fieldOf(callee, 'object')))) {
    return pyStringValue(first, c.text)?.value;
  }
  return undefined;
}

function isEnvObject(c: Collector, node: PyNode | undefined): boolean {
  if (!node) return false;
  const source = textOf(node, c.text);
  return source === 'os.environ' || source === 'environ' || source === 'os.environb';
}

/** The fallback argument of an env read: `os.environ.get("X", "…")`, `os.getenv("X", default="…")`. */
function envFallback(c: Collector, node: PyNode): PyNode | undefined {
  const e = unwrap(node);
  if (e.type !== 'call' || envReadName(c, e) === undefined) return undefined;
  const args = fieldOf(e, 'arguments')!;
  return positional(args)[1] ?? keyword(args, 'default', c.text);
}

/** Fold `"a" "b"` and `'a' + 'b'` into one constant; undefined if any part is not constant. Iterative on `+` chains. */
function fold(c: Collector, node: PyNode): string | undefined {
  let current = unwrap(node);
  if (current.type === 'string') return pyStringValue(current, c.text)?.value;
  if (current.type === 'concatenated_string') {
    let value = '';
    for (const part of current.children) {
      if (part.type === 'comment') continue;
      const piece = part.type === 'string' ? pyStringValue(part, c.text)?.value : undefined;
      if (piece === undefined) return undefined;
      value += piece;
    }
    return value;
  }
  if (!isPlus(current)) return undefined;
  const rights: PyNode[] = [];
  while (isPlus(current)) {
    rights.push(fieldOf(current, 'right')!);
    current = unwrap(fieldOf(current, 'left')!);
  }
  let value = fold(c, current);
  for (let i = rights.length - 1; i >= 0 && value !== undefined; i--) {
    const right = fold(c, rights[i]!);
    value = right === undefined ? undefined : value + right;
  }
  return value;
}

function isPlus(node: PyNode): boolean {
  return node.type === 'binary_operator' && node.operator === '+' && !!fieldOf(node, 'left') && !!fieldOf(node, 'right');
}

/** A value under one or more names, or in a credential position. */
function addValue(c: Collector, names: (string | undefined)[], value: PyNode | undefined, credentialPosition = false, depth = 0): void {
  if (!value) return;
  let list = names.filter((name): name is string => !!name);
  let e = unwrap(value);
  // `os.environ.get("OPENAI_API_KEY") or "sk-…"`: the env var names the fallback too.
  while (e.type === 'boolean_operator' && e.operator === 'or') {
    const left = fieldOf(e, 'left');
    const right = fieldOf(e, 'right');
    if (!left || !right) return;
    const envNames: string[] = [];
    envNamesIn(c, left, envNames);
    list = [...list, ...envNames];
    addEnvFallbacks(c, left, list, depth);
    e = unwrap(right);
  }
  if (depth < MAX_DEPTH) {
    if (e.type === 'conditional_expression') {
      // `KEY if PROD else "dev-…"`: either branch (children: body, condition, alternative).
      const [body, , alternative] = e.children.filter((child) => child.type !== 'comment');
      addValue(c, list, body, credentialPosition, depth + 1);
      addValue(c, list, alternative, credentialPosition, depth + 1);
      return;
    }
    if (e.type === 'lambda') {
      addValue(c, list, fieldOf(e, 'body'), credentialPosition, depth + 1);
      return;
    }
    if (e.type === 'call') {
      const fallback = envFallback(c, e);
      if (fallback) {
        addValue(c, [...list, envReadName(c, e)], fallback, credentialPosition, depth + 1);
        return;
      }
      const callee = fieldOf(e, 'function');
      const args = fieldOf(e, 'arguments');
      if (callee && args && PASS_THROUGH.has(lastName(callee, c.text)) && list.length) {
        addValue(c, list, keyword(args, 'default', c.text) ?? positional(args)[0], credentialPosition, depth + 1);
      }
      return;
    }
  }
  if (!list.length && !credentialPosition) return;
  let constant: string | undefined;
  let start: number;
  let end: number;
  let exact = false;
  if (e.type === 'string') {
    const literal = pyStringValue(e, c.text);
    if (!literal) return;
    constant = literal.value;
    start = literal.contentStart;
    end = literal.contentEnd;
    exact = literal.exact;
  } else {
    constant = fold(c, e);
    if (constant === undefined) return;
    start = e.start;
    end = e.end;
  }
  if (!list.length) list = [''];
  for (const name of new Set(list)) c.namedValues.push({ name, value: constant, start, end, credentialPosition, exact });
}

/** Env var names read on the left of an `or` chain. */
function envNamesIn(c: Collector, node: PyNode, names: string[]): void {
  const pending = [node];
  while (pending.length && names.length < 8) {
    const current = unwrap(pending.pop()!);
    if (current.type === 'boolean_operator' && current.operator === 'or') {
      appendAll(pending, current.children.filter((child) => child.field === 'left' || child.field === 'right'));
      continue;
    }
    const name = envReadName(c, current);
    if (name) names.push(name);
  }
}

/** `os.environ.get("A", "…") or …`: the fallback inside the left side is a value too. */
function addEnvFallbacks(c: Collector, node: PyNode, names: string[], depth: number): void {
  const fallback = envFallback(c, node);
  if (fallback) addValue(c, [...names, envReadName(c, node)], fallback, false, depth + 1);
}

/** `"sk-proj-" "…"` and `"sk-" + "…" + suffix`: runs of two or more constant parts become folded values. */
function addFoldedRuns(c: Collector, parts: PyNode[]): void {
  let runStart = -1;
  let runValue = '';
  const flush = (endIndex: number): void => {
    if (runStart >= 0 && endIndex - runStart >= 2) c.foldedValues.push({ value: runValue, start: parts[runStart]!.start, end: parts[endIndex - 1]!.end });
    runStart = -1;
    runValue = '';
  };
  for (let i = 0; i < parts.length; i++) {
    const value = fold(c, parts[i]!);
    if (value === undefined) flush(i);
    else if (runStart < 0) {
      runStart = i;
      runValue = value;
    } else runValue += value;
  }
  flush(parts.length);
}

/** The operands of a maximal `+` chain, left to right (iterative on the left spine). */
function plusOperands(top: PyNode): PyNode[] {
  const rights: PyNode[] = [];
  let leaf = top;
  while (isPlus(leaf)) {
    rights.push(fieldOf(leaf, 'right')!);
    leaf = unwrap(fieldOf(leaf, 'left')!);
  }
  return [leaf, ...rights.reverse()];
}

/** The password of a `"user:password"` literal (basic auth material). */
function addBasicAuth(c: Collector, argument: PyNode | undefined): void {
  if (!argument) return;
  const literal = unwrap(argument);
  const value = literal.type === 'string' ? pyStringValue(literal, c.text) : undefined;
  if (!value?.exact) return;
  const colon = value.value.indexOf(':');
  if (colon <= 0 || /\s/.test(value.value) || value.value.startsWith('http')) return;
  c.namedValues.push({ name: 'password', value: value.value.slice(colon + 1), start: value.contentStart + colon + 1, end: value.contentEnd, exact: true });
}

function visitCall(c: Collector, node: PyNode): void {
  const callee = fieldOf(node, 'function');
  const args = fieldOf(node, 'arguments');
  if (!callee || !args || args.type !== 'argument_list') return;
  const last = lastName(callee, c.text);
  const qualified = callee.type === 'attribute' && QUALIFIED_LAST_NAMES.has(last) ? `${receiverName(fieldOf(callee, 'object'), c.text)}.${last}` : last;
  const credentialArguments = CREDENTIAL_ARGUMENTS.get(qualified) ?? CREDENTIAL_ARGUMENTS.get(last);
  const pair = NAME_VALUE_CALLS.get(last);
  const encoder = BASE64_ENCODERS.has(last);
  if (!credentialArguments && !pair && !encoder) return;
  const list = positional(args);
  for (const index of credentialArguments ?? []) addValue(c, [], list[index], true);
  if (pair) {
    const name = list[pair[0]];
    if (name?.type === 'string') addValue(c, [pyStringValue(name, c.text)?.value], list[pair[1]]);
  }
  // base64.b64encode(b"user:password"), HTTPBasicAuth / auth=("user", "password") are covered by CREDENTIAL_ARGUMENTS and tuples.
  if (encoder) addBasicAuth(c, list[0]);
}

function visit(c: Collector, node: PyNode): void {
  switch (node.type) {
    case 'assignment': {
      // `KEY = "…"`, `KEY: str = "…"`, `self.api_key = "…"`, `os.environ["X"] = "…"`, `a = b = "…"` (nested assignment).
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      if (left && right && right.type !== 'assignment') {
        if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && (right.type === 'expression_list' || right.type === 'tuple')) {
          const targets = left.children.filter((child) => child.type !== 'comment');
          const values = right.children.filter((child) => child.type !== 'comment');
          if (targets.length === values.length) targets.forEach((target, i) => addValue(c, [nameOf(c, target)], values[i]));
        } else {
          addValue(c, [nameOf(c, left)], right);
        }
      } else if (left && right) {
        // Chained: every target names the final value.
        const names = [nameOf(c, left)];
        let value: PyNode | undefined = right;
        while (value?.type === 'assignment') {
          names.push(nameOf(c, fieldOf(value, 'left')));
          value = fieldOf(value, 'right');
        }
        addValue(c, names, value);
      }
      break;
    }
    case 'keyword_argument':
      addValue(c, [nameOf(c, fieldOf(node, 'name'))], fieldOf(node, 'value'));
      // requests: auth=("user", "password")
      if (nameOf(c, fieldOf(node, 'name')) === 'auth') {
        const value = unwrap(fieldOf(node, 'value') ?? node);
        const items = value.type === 'tuple' ? value.children.filter((child) => child.type !== 'comment') : [];
        if (items.length === 2) addValue(c, ['password'], items[1]);
      }
      break;
    case 'default_parameter':
    case 'typed_default_parameter':
      addValue(c, [nameOf(c, fieldOf(node, 'name'))], fieldOf(node, 'value'));
      break;
    case 'pair': {
      addValue(c, [nameOf(c, fieldOf(node, 'key'))], fieldOf(node, 'value'));
      break;
    }
    case 'comparison_operator': {
      // `if token == "live-…"`: a hardcoded credential compared against input (either side).
      const operands = node.children.filter((child) => child.type !== 'comment');
      if (operands.length === 2 && /^(?:==|!=)$/.test(node.operator ?? '')) {
        addValue(c, [nameOf(c, operands[0])], operands[1]);
        if (unwrap(operands[1]!).type !== 'string') addValue(c, [nameOf(c, operands[1])], operands[0]);
      }
      break;
    }
    case 'function_definition': {
      // `def api_key(self): return "…"` (a property or getter that returns a constant).
      const body = fieldOf(node, 'body');
      const statements = body?.children.filter((child) => child.type !== 'comment' && !(child.type === 'expression_statement' && child.children[0]?.type === 'string')) ?? [];
      if (statements.length === 1 && statements[0]!.type === 'return_statement') addValue(c, [nameOf(c, fieldOf(node, 'name'))], statements[0]!.children[0]);
      break;
    }
    case 'call':
      visitCall(c, node);
      break;
    case 'tuple':
    case 'list': {
      // Header tuples: [("x-api-key", "…")]
      const items = node.children.filter((child) => child.type !== 'comment');
      if (items.length === 2 && unwrap(items[0]!).type === 'string') {
        const name = nameOf(c, items[0]);
        if (name !== undefined && PAIR_NAME.test(name)) addValue(c, [name], items[1]);
      }
      break;
    }
    case 'concatenated_string':
      addFoldedRuns(c, node.children.filter((child) => child.type !== 'comment'));
      break;
    case 'binary_operator':
      if (isPlus(node) && !(node.parent && isPlus(node.parent))) addFoldedRuns(c, plusOperands(node));
      break;
  }
}

/** Positional arguments of an argument list (not `name=value`, `*args`, `**kwargs`). */
export function positional(args: PyNode): PyNode[] {
  return args.children.filter((child) => child.type !== 'keyword_argument' && child.type !== 'list_splat' && child.type !== 'dictionary_splat' && child.type !== 'comment');
}

/** The value of a keyword argument. */
export function keyword(args: PyNode, name: string, text: string): PyNode | undefined {
  for (const child of args.children) {
    if (child.type !== 'keyword_argument') continue;
    const key = fieldOf(child, 'name');
    if (key && key.end - key.start === name.length && text.startsWith(name, key.start)) return fieldOf(child, 'value');
  }
  return undefined;
}

/** The last name of a callee: `OpenAI`, `client.chat.completions.create` → `create`. */
export function lastName(node: PyNode, text: string): string {
  if (node.type === 'identifier') return textOf(node, text);
  if (node.type === 'attribute') {
    const attribute = fieldOf(node, 'attribute');
    return attribute ? textOf(attribute, text) : '';
  }
  return '';
}

/** The name of a method's receiver: `Auth` in `Auth.Token(…)`, `builder` in `Application.builder().token(…)`. */
function receiverName(node: PyNode | undefined, text: string): string {
  if (!node) return '';
  if (node.type === 'call') {
    const callee = fieldOf(node, 'function');
    return callee ? lastName(callee, text) : '';
  }
  return lastName(node, text);
}
