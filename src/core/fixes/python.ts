/**
 * Fixes in Python: use a broker-issued credential (`credentials.get("openai-api-key")`, with a scaffolded
 * `credentials.py` per broker), read an environment variable (`os.environ["OPENAI_API_KEY"]`), drop a hardcoded AWS
 * key pair so boto3 uses its default credential chain, remove a tool from an agent's tools list, and where a
 * suppression comment may go. The secret's text is never copied: replacements are built from names.
 */
import { appendAll } from '../arrays';
import type { Broker, ResolvedConfig } from '../config';
import { keyword, lastName } from '../languages/python-secrets';
import { pyStringValue } from '../languages/python-strings';
import { fieldOf, parsePython, type PyNode, type PythonTree, textOf } from '../languages/python-tree';
import type { Finding } from '../types';
import { BROKER_TEMPLATES } from './brokers';
import { credentialNameFor, envNameFor } from './names';
import { pythonCredentialsModule, PYTHON_BROKER_TEMPLATES } from './python-brokers';
import { ROTATE_FOLLOW_UP, ROTATE_TITLE } from './rotate';
import { dirnameOf, eolOf } from './text';
import type { FileEdit, Fix, FixChoice, SecretFixInput } from './types';
import { fileExists, type FixWorkspace } from './workspace';

/** Where the secret sits, and what replaces it there. */
interface Site {
  /** The range an expression replaces (a whole literal or concatenation) … */
  start: number;
  end: number;
  /** … and how: `expression` → the new text (an f-string around it when the secret is part of a longer string). */
  wrap: (expression: string) => string;
  assignedName?: string;
  /** Evaluated once when the module loads (default parameter, class attribute): the value is not refreshed. */
  once: boolean;
}

const MARKER = 'agent-guardrail:credentials-module';

/** Keywords that say "a credential" without saying whose. */
const GENERIC_KEYWORDS = new Set(['api_key', 'token', 'key', 'secret', 'password', 'auth', 'access_token']);

/** Clients whose credential keyword (or first argument) names the provider: `OpenAI(api_key=…)` → OPENAI_API_KEY. */
const CLIENT_PREFIXES: Record<string, string> = {
  OpenAI: 'openai', AsyncOpenAI: 'openai', ChatOpenAI: 'openai', OpenAIEmbeddings: 'openai', AzureOpenAI: 'azure_openai', AzureChatOpenAI: 'azure_openai',
  Anthropic: 'anthropic', AsyncAnthropic: 'anthropic', ChatAnthropic: 'anthropic',
  Groq: 'groq', AsyncGroq: 'groq', ChatGroq: 'groq', Mistral: 'mistral', ChatMistralAI: 'mistral', Cohere: 'cohere', ClientV2: 'cohere',
  Together: 'together', Fireworks: 'fireworks', ChatGoogleGenerativeAI: 'google',
  Github: 'github', WebClient: 'slack_bot', AsyncWebClient: 'slack_bot', TavilyClient: 'tavily', Pinecone: 'pinecone', Replicate: 'replicate',
};

export function pythonSecretFixes(input: SecretFixInput): Fix[] {
  const { path, text, finding } = input;
  const tree = parsePython(text);
  if (tree.errors) return [];
  const site = locate(tree, text, finding.startOffset, finding.endOffset);
  if (!site) return [];
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix' as const };
  const fixes: Fix[] = [];
  const aws = finding.provider === 'aws-access-key-id' || finding.provider === 'aws-secret-access-key' ? awsKeyPairFix(input, tree) : undefined;
  if (aws) fixes.push(aws);
  const envName = envNameFor(finding.provider, site.assignedName);
  fixes.push(brokerFix(input, tree, site, credentialNameFor(envName), !aws));
  const osImport = importEdit(path, text, tree, 'os', 'import os');
  fixes.push({
    ...base,
    title: `Read from environment variable ${envName} (${ROTATE_TITLE})`,
    safe: false,
    edits: [{ path, startOffset: site.start, endOffset: site.end, newText: site.wrap(`os.environ["${envName}"]`) }, ...(osImport ? [osImport] : [])],
    followUp: `Set ${envName} where the code runs. ${ROTATE_FOLLOW_UP}`,
  });
  return fixes;
}

function brokerFix(input: SecretFixInput, tree: PythonTree, site: Site, credentialName: string, preferred: boolean): Fix {
  const { path, text, finding, config, workspace } = input;
  const module = locateModule(path, workspace);
  const bound = boundNames(tree, text);
  const alias = bound.has('credentials') && !importsModule(tree, text, module.importLine) ? 'broker_credentials' : 'credentials';
  const importLine = alias === 'credentials' ? module.importLine : `${module.importLine} as broker_credentials`;
  const call = `${alias}.get("${credentialName}")`;
  const edits: FileEdit[] = [{ path, startOffset: site.start, endOffset: site.end, newText: site.wrap(call) }];
  const imported = importsModule(tree, text, module.importLine) ? undefined : importEdit(path, text, tree, alias, importLine);
  if (imported) edits.push(imported);
  const eol = eolOf(text);
  const once = site.once ? ' This line runs once when the module loads, so the value is not refreshed there: call credentials.get() where the credential is used to keep it fresh.' : '';
  const editsFor = (broker: Broker): FileEdit[] =>
    module.exists ? edits : [...edits, { path: module.path, startOffset: 0, endOffset: 0, newText: pythonCredentialsModule(broker, BROKER_TEMPLATES[broker].label, eol), create: true }];
  const describe = (broker: Broker) => {
    const packages = PYTHON_BROKER_TEMPLATES[broker].packages;
    return `${module.exists ? '' : `Creates ${module.path} for ${BROKER_TEMPLATES[broker].label}${packages.length ? ` (pip install ${packages.join(' ')})` : ''}. `}Store the credential as "${credentialName}" in the broker.${once} ${ROTATE_FOLLOW_UP}`;
  };
  const fix: Fix = {
    ruleId: finding.ruleId,
    fingerprint: finding.fingerprint,
    kind: 'quickfix',
    title: `Use broker-issued credential '${credentialName}' (${ROTATE_TITLE})`,
    safe: false,
    ...(preferred && { isPreferred: true }),
    edits: [],
  };
  if (config.broker || module.exists) {
    const broker = module.broker ?? config.broker ?? 'env';
    return { ...fix, title: module.exists ? fix.title : fix.title.replace(/ \(rotate/, ` via ${BROKER_TEMPLATES[broker].label} (rotate`), edits: editsFor(broker), followUp: describe(broker) };
  }
  const choices: FixChoice[] = Object.values(BROKER_TEMPLATES).map((template) => ({ value: template.id, label: template.label, detail: template.detail, edits: editsFor(template.id) }));
  return { ...fix, choose: { setting: 'agentGuardrail.broker', prompt: 'Which credential broker issues credentials in this workspace?', choices }, followUp: `Store the credential as "${credentialName}" in the broker.${once} ${ROTATE_FOLLOW_UP}` };
}

/**
 * Where `credentials.py` is (a scaffolded one in the file's folder or a folder above, within its package), or
 * goes (the file's folder), and how the file imports it: `import credentials`, or `from . import credentials`
 * (`from .. import …`) inside a package.
 */
function locateModule(path: string, workspace: FixWorkspace): { path: string; exists: boolean; importLine: string; broker?: Broker } {
  const folder = dirnameOf(path);
  const inPackage = (dir: string) => fileExists(workspace, dir ? `${dir}/__init__.py` : '__init__.py');
  let dir = folder;
  for (let level = 0; level < 8; level++) {
    const candidate = dir ? `${dir}/credentials.py` : 'credentials.py';
    const text = workspace.readText(candidate);
    if (text !== undefined && text.includes(MARKER)) {
      const broker = /agent-guardrail:credentials-module broker=([a-z0-9-]+)/.exec(text)?.[1] as Broker | undefined;
      const importLine = level === 0 ? (inPackage(folder) ? 'from . import credentials' : 'import credentials') : `from ${'.'.repeat(level + 1)} import credentials`;
      return { path: candidate, exists: true, importLine, ...(broker && broker in BROKER_TEMPLATES && { broker }) };
    }
    // Relative imports reach only as far as the package goes.
    if (!dir || !inPackage(dir) || !inPackage(dirnameOf(dir))) break;
    dir = dirnameOf(dir);
  }
  return { path: folder ? `${folder}/credentials.py` : 'credentials.py', exists: false, importLine: inPackage(folder) ? 'from . import credentials' : 'import credentials' };
}

/** The string literal, concatenation or part of a string that holds the secret. */
function locate(tree: PythonTree, text: string, start: number, end: number): Site | undefined {
  const innermost = deepest(tree.root, start, end);
  // A folded value covers its whole expression (`"sk-" "…"`, `"a" + "b"`); a literal may be covered whole too.
  for (let node = innermost; node; node = node.parent) {
    if (node.start === start && node.end === end && node.type !== 'string' && (node.type === 'concatenated_string' || node.type === 'binary_operator')) {
      return { start, end, wrap: (expression) => expression, ...contextOf(node, text) };
    }
  }
  let node = innermost;
  while (node && node.type !== 'string') node = node.parent;
  if (!node) return undefined;
  const context = contextOf(node, text);
  const literal = pyStringValue(node, text);
  const prefix = /^[rRbBuUfFtT]*/.exec(text.slice(node.start, node.end))![0].toLowerCase();
  const bytes = prefix.includes('b');
  const asBytes = (expression: string) => (bytes ? `${expression}.encode()` : expression);
  if (!literal || (start <= literal.contentStart && literal.contentEnd <= end)) return { start: node.start, end: node.end, wrap: asBytes, ...context };
  // Part of a longer string (`"Bearer sk-…"`): an f-string around the call, the rest of the text kept as written.
  if (!literal.exact || bytes || prefix.includes('r')) return undefined;
  const quote = text.slice(literal.contentEnd, node.end);
  const inner = quote.includes('"') ? "'" : '"';
  const before = text.slice(literal.contentStart, start).replace(/[{}]/g, (brace) => brace + brace);
  const after = text.slice(end, literal.contentEnd).replace(/[{}]/g, (brace) => brace + brace);
  return {
    start: node.start,
    end: node.end,
    wrap: (expression) => `f${quote}${before}{${expression.replace(/"/g, inner)}}${after}${quote}`,
    ...context,
  };
}

/** The name a value is given (keyword, target, dict key, parameter, env variable) and whether it runs only once. */
function contextOf(node: PyNode, text: string): { assignedName?: string; once: boolean } {
  let once = false;
  let assignedName: string | undefined;
  for (let current: PyNode | undefined = node, child: PyNode = node; current; child = current, current = current.parent) {
    if (assignedName === undefined) {
      if (current.type === 'keyword_argument') assignedName = nameOf(fieldOf(current, 'name'), text);
      else if (current.type === 'assignment' && fieldOf(current, 'right') === child) assignedName = nameOf(fieldOf(current, 'left'), text);
      else if (current.type === 'pair' && fieldOf(current, 'value') === child) assignedName = nameOf(fieldOf(current, 'key'), text);
      else if ((current.type === 'default_parameter' || current.type === 'typed_default_parameter') && fieldOf(current, 'value') === child) {
        assignedName = nameOf(fieldOf(current, 'name'), text);
        once = true;
      } else if (current.type === 'call' && current !== node) {
        const callee = fieldOf(current, 'function');
        const args = fieldOf(current, 'arguments');
        const written = callee ? textOf(callee, text) : '';
        if (args && /^(?:os\.getenv|getenv|(?:os\.)?environ\.get)$/.test(written)) assignedName = nameOf(args.children.find((arg) => arg.type === 'string'), text);
      }
    }
    // `OpenAI(api_key="…")`, `Github("…")`: the client says whose credential a generic keyword holds.
    if (current.type === 'call' && current !== node && (assignedName === undefined || GENERIC_KEYWORDS.has(assignedName))) {
      const callee = fieldOf(current, 'function');
      const client = callee && CLIENT_PREFIXES[lastName(callee, text)];
      if (client) assignedName = `${client}_${assignedName ?? 'api_key'}`;
    }
    if (current.type === 'function_definition' || current.type === 'lambda') break;
    if (current.type === 'class_definition') once = true;
  }
  return { ...(assignedName !== undefined && { assignedName }), once };
}

function nameOf(node: PyNode | undefined, text: string): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return textOf(node, text);
  if (node.type === 'attribute') return lastName(node, text);
  if (node.type === 'string') return pyStringValue(node, text)?.value;
  if (node.type === 'subscript') return nameOf(fieldOf(node, 'subscript'), text);
  return undefined;
}

/** The deepest node containing [start, end). */
function deepest(root: PyNode, start: number, end: number): PyNode | undefined {
  let found: PyNode | undefined;
  let current: PyNode | undefined = root;
  while (current) {
    found = current;
    current = current.children.find((child) => child.start <= start && end <= child.end);
  }
  return found === root ? undefined : found;
}

/**
 * `boto3.client("s3", aws_access_key_id="AKIA…", aws_secret_access_key="…")`: without the key pair boto3 uses its
 * default credential chain (the workload's role, SSO, the environment): short-lived credentials, nothing to store.
 */
function awsKeyPairFix(input: SecretFixInput, tree: PythonTree): Fix | undefined {
  const { path, text, finding } = input;
  let call = deepest(tree.root, finding.startOffset, finding.endOffset);
  while (call && call.type !== 'keyword_argument') call = call.parent;
  const args = call?.parent;
  if (!args || args.type !== 'argument_list' || !keyword(args, 'aws_access_key_id', text) || !keyword(args, 'aws_secret_access_key', text)) return undefined;
  const removed = args.children.filter((child) => child.type === 'keyword_argument' && /^aws_(?:access_key_id|secret_access_key|session_token)$/.test(textOf(fieldOf(child, 'name')!, text)));
  const edits = removed.map((argument) => removalOf(args, argument, text)).filter((edit): edit is { startOffset: number; endOffset: number } => !!edit).map((edit) => ({ path, ...edit, newText: '' }));
  if (edits.length !== removed.length) return undefined;
  return {
    ruleId: finding.ruleId,
    fingerprint: finding.fingerprint,
    kind: 'quickfix',
    title: `Remove the hardcoded AWS key pair: boto3 uses the default credential chain (${ROTATE_TITLE})`,
    safe: false,
    isPreferred: true,
    edits,
    followUp: `Give the workload a role (instance profile, IRSA, ECS task role) or sign in with aws sso login where it runs. ${ROTATE_FOLLOW_UP}`,
  };
}

/** The range that removes one element of a list or argument list, with its comma. */
function removalOf(list: PyNode, element: PyNode, text: string): { startOffset: number; endOffset: number } | undefined {
  const items = list.children.filter((child) => child.type !== 'comment');
  const index = items.indexOf(element);
  if (index < 0) return undefined;
  const next = items[index + 1];
  if (next) return { startOffset: element.start, endOffset: next.start };
  let after = element.end;
  while (after < text.length && /[ \t]/.test(text[after]!)) after++;
  if (text[after] === ',') after++;
  const previous = items[index - 1];
  if (previous) return { startOffset: previous.end, endOffset: after };
  return { startOffset: element.start, endOffset: after };
}

/** `grants/undeclared-tool`: the edit that removes the tool at [start, end) from its tools list. */
export function pythonToolRemoval(text: string, start: number, end: number): { startOffset: number; endOffset: number } | undefined {
  const tree = parsePython(text);
  if (tree.errors) return undefined;
  let node = deepest(tree.root, start, end);
  while (node && !(node.start === start && node.parent && (node.parent.type === 'list' || node.parent.type === 'tuple'))) node = node.parent;
  return node && removalOf(node.parent!, node, text);
}

/** Names bound at the top level of the file (imports, assignments, definitions). */
function boundNames(tree: PythonTree, text: string): Set<string> {
  const names = new Set<string>();
  const stack = [tree.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'aliased_import') {
      const alias = fieldOf(node, 'alias');
      if (alias) names.add(textOf(alias, text));
    } else if (node.type === 'dotted_name' && (node.parent?.type === 'import_statement' || (node.parent?.type === 'import_from_statement' && node.field === 'name'))) {
      names.add(textOf(node, text).split('.')[0]!);
    } else if (node.type === 'assignment' || node.type === 'function_definition' || node.type === 'class_definition') {
      const target = fieldOf(node, node.type === 'assignment' ? 'left' : 'name');
      if (target?.type === 'identifier') names.add(textOf(target, text));
    }
    if (node.type !== 'function_definition' && node.type !== 'class_definition') appendAll(stack, node.children);
  }
  return names;
}

/** Does the file already have this import line (`import credentials`, `from . import credentials`)? */
function importsModule(tree: PythonTree, text: string, importLine: string): boolean {
  const normalized = importLine.replace(/\s+/g, ' ');
  return tree.root.children.some((statement) => (statement.type === 'import_statement' || statement.type === 'import_from_statement') && textOf(statement, text).replace(/\s+/g, ' ') === normalized);
}

/**
 * An import line for `name`, unless the file already binds it: after the module's docstring, `from __future__`
 * imports and the other top-level imports at its head.
 */
function importEdit(path: string, text: string, tree: PythonTree, name: string, line: string): FileEdit | undefined {
  if (tree.root.children.some((statement) => (statement.type === 'import_statement' || statement.type === 'import_from_statement') && importedNames(statement, text).includes(name))) return undefined;
  const eol = eolOf(text);
  let insertAt = -1;
  for (const statement of tree.root.children) {
    if (statement.type === 'comment') continue;
    const isDocstring = statement.type === 'expression_statement' && statement.children[0]?.type === 'string' && insertAt < 0;
    if (isDocstring || statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'future_import_statement') {
      insertAt = statement.end;
      continue;
    }
    break;
  }
  if (insertAt < 0) {
    // No docstring or imports: at the top, after a shebang and coding comment.
    const head = /^(?:#![^\n]*\n)?(?:#[^\n]*coding[:=][^\n]*\n)?/.exec(text)![0];
    return { path, startOffset: head.length, endOffset: head.length, newText: `${line}${eol}${head.length < text.length && !/^\r?\n/.test(text.slice(head.length)) ? eol : ''}` };
  }
  const lineEnd = text.indexOf('\n', insertAt);
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  return { path, startOffset: at, endOffset: at, newText: `${lineEnd < 0 ? eol : ''}${line}${eol}` };
}

function importedNames(statement: PyNode, text: string): string[] {
  const names: string[] = [];
  for (const child of statement.children) {
    if (statement.type === 'import_from_statement' && child.field !== 'name') continue;
    if (child.type === 'aliased_import') {
      const alias = fieldOf(child, 'alias');
      if (alias) names.push(textOf(alias, text));
    } else if (child.type === 'dotted_name') names.push(textOf(child, text).split('.')[0]!);
  }
  return names;
}

/**
 * May a `# agent-guardrail-ignore-next-line` comment go on its own line before this one? Not inside a string that
 * spans lines (it would become part of the string) or after a backslash continuation (it would end the statement).
 */
export function pythonCommentLineAllowed(text: string, lineStart: number): boolean {
  const before = text.slice(0, lineStart).replace(/\r?\n$/, '');
  if (before.endsWith('\\')) return false;
  let tree: PythonTree;
  try {
    tree = parsePython(text);
  } catch {
    return false;
  }
  const stack = [tree.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.end <= lineStart || node.start >= lineStart) continue;
    if (node.type === 'string') return false;
    appendAll(stack, node.children);
  }
  return true;
}

