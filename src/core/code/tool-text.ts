/**
 * The text of tool definitions in TypeScript/JavaScript that a model reads: names and descriptions of MCP SDK server
 * tools (`server.tool(name, description, …)`, `server.registerTool(name, { title, description, inputSchema })`),
 * framework tools (`tool({...})`, `createTool`, `dynamicTool`, LangChain `tool(fn, {...})`, `DynamicStructuredTool`,
 * tool classes), raw tool objects (`{ name, description, inputSchema }` in a tools/list handler, Anthropic/OpenAI
 * function tools), and parameter descriptions inside them (`description:` in JSON schemas, zod `.describe('…')`).
 *
 * Kept apart from the agent analysis (./walk.ts, ./scan.ts): it rides the shared walk only for files whose strings
 * hold a poisoned tool text (stringsMayBePoisoned), which almost no file does, so it costs nothing elsewhere. Matching
 * is by shape and callee name, not by import: a poisoned description is worth reporting whatever library carries it.
 */
import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from '../languages/typescript-api';
import { kindTable, walkSyntax, type SyntaxCollector, type SyntaxVisitor } from '../languages/syntax-walk';
import { lexedStrings, mayEscapeIdentifiers } from '../languages/js-lexer';
import { scanToolText, type ToolTextRole } from '../poisoning/detect';

type Node = TsNamespace.Node;

export interface ToolText {
  /** The decoded string value. */
  value: string;
  /**
   * The file range of the value's characters `from` to `to` (escapes map to the start of their escape sequence); the
   * whole literal where single characters cannot be mapped; undefined for a literal whose text cannot be mapped at all.
   * Computed when asked: most texts have nothing to report.
   */
  range(from: number, to: number): [number, number] | undefined;
  role: ToolTextRole;
  /** The tool the text belongs to, when its name is known. */
  tool?: string;
}

export interface ToolTexts {
  texts: ToolText[];
  /** Names of every tool defined in the file (references between them are guidance, not shadowing). */
  names: Set<string>;
}

const FACTORIES = new Set(['tool', 'createTool', 'dynamicTool', 'defineTool', 'createMcpTool', 'betaZodTool', 'zodFunction']);
const TOOL_CLASSES = /^(?:Dynamic(?:Structured)?Tool|StructuredTool|Tool|FunctionTool|BaseTool)$/;
const NAME_KEYS = new Set(['name', 'id', 'toolName']);
const DESCRIPTION_KEYS = new Set(['description', 'title']);
const SCHEMA_KEYS = new Set(['inputSchema', 'input_schema', 'parameters', 'schema', 'argsSchema', 'outputSchema']);
/**
 * Where a definition can start: a call of a factory or of MCP `server.tool`/`registerTool` (also aliased:
 * `tool as lcTool`), `new` of a tool class, a class extending a `…Tool` base.
 */
const TOOL_CALLEES = ['registerTool', ...FACTORIES].join('|');
const TOOL_SHAPE = new RegExp(
  `\\b(?:${TOOL_CALLEES})(?:\\s*[<(]|\\s+as\\b)|\\bnew\\s+(?:[\\w$]+\\.)*(?:${TOOL_CLASSES.source.slice(1, -1)})\\b|\\bextends\\s+[\\w$.]*Tool\\b`,
);
/** The schema keys of a raw tool object (isRawTool). */
const RAW_TOOL_SCHEMA = /inputSchema|input_schema|parameters/;
/** Deeper than any real schema; hostile nesting stops here. */
const MAX_DEPTH = 12;

/** Collected during the shared walk of the file's syntax tree (src/core/syntax.ts), for files that can hold poisoning. */
export const TOOL_TEXTS = {
  id: 'tool-texts',
  // A tool definition's shape first (a `tool`/`Tool` callee or class, or a raw tool object, or names spelled with
  // escapes, which the shape's search misses), then the costlier scan of the strings.
  wants: (text: string) =>
    (TOOL_SHAPE.test(text) || (text.includes('description') && RAW_TOOL_SCHEMA.test(text)) || mayEscapeIdentifiers(text)) && stringsMayBePoisoned(text),
  create: (ts: Ts, sourceFile: TsNamespace.SourceFile) => toolTextVisitor(ts, sourceFile),
} satisfies SyntaxCollector<ToolTexts>;

/**
 * Tool texts are made of the file's strings, so the poisoning scan is asked of those, not of comments, where words such
 * as "ignore" and "replace" abound: of each string, as the rule scans each literal of a text. Nor of a
 * string that opens the arguments of a call other than `.describe(`, `.tool(` or `.registerTool(`: a test's title
 * (`it('ignores disabled tools'`), a message (`new Error('…')`); the walk reads no text there (a factory's or tool
 * class's own arguments are read only where they are objects, whose strings open no call).
 */
function stringsMayBePoisoned(text: string): boolean {
  const { strings, callees, keys, unsure } = lexedStrings(text);
  if (unsure) return true;
  return strings.some(
    (value, index) =>
      (callees[index] === undefined || TEXT_CALLEES.has(callees[index]!)) && (keys[index] === undefined || TEXT_KEYS.has(keys[index]!)) && poisoned(value),
  );
}

/**
 * Would the rule report this string as a tool's text? The walk takes each literal as a text of its own (literalsOf:
 * the parts of a concatenation or a template one by one), and scanToolText reports a description's text wherever
 * it reports a name's, and with the tool's own name and its siblings' unknown wherever it reports with them.
 */
const poisoned = (value: string): boolean => scanToolText(value, { role: 'description' }).length > 0;

/**
 * Calls whose first argument the walk reads as a tool's text: zod's `.describe('…')`, MCP's `server.tool('name', …)`
 * and `server.registerTool('name', …)`. (A bare `describe('…')` is a test suite's, a call's result called, `f(a)('…')`,
 * nobody's.)
 */
const TEXT_CALLEES: ReadonlySet<string> = new Set(['.describe', '.tool', '.registerTool']);

/**
 * The keys under which a property's whole value can be a tool's text (fromObject): a name or a description. A string
 * under any other key (`{ message: 'override instructions' }` in a test) is read by no definition.
 */
const TEXT_KEYS: ReadonlySet<string> = new Set([...NAME_KEYS, ...DESCRIPTION_KEYS]);

/** The tool texts of a whole file, in a walk of its own (tests and tools; analysis uses TOOL_TEXTS). */
export function collectToolTexts(ts: Ts, sourceFile: TsNamespace.SourceFile): ToolTexts {
  const visitor = toolTextVisitor(ts, sourceFile);
  walkSyntax(ts, sourceFile, [visitor]);
  return visitor.result();
}

function toolTextVisitor(ts: Ts, sourceFile: TsNamespace.SourceFile): SyntaxVisitor & { result(): ToolTexts } {
  const result: ToolTexts = { texts: [], names: new Set() };
  const seen = new Set<Node>();
  const text = sourceFile.text;

  /** `const name = 'echo'`, `const config = { … }`: module constants a definition names instead of literals. */
  const constants = new Map<string, TsNamespace.Expression>();
  const resolve = (node: Node): Node => {
    for (let steps = 0; steps < 4 && ts.isIdentifier(node); steps++) {
      const value = constants.get(node.text);
      if (!value) break;
      node = value;
    }
    return node;
  };
  const stringOf = (node: Node | undefined): string | undefined => {
    const value = node && resolve(node);
    return value && isStringLike(ts, value) ? value.text : undefined;
  };

  const add = (node: Node, role: ToolTextRole, tool: string | undefined): void => {
    for (const literal of literalsOf(ts, resolve(node))) {
      const start = literal.getStart(sourceFile);
      const value = literal.text;
      let offsets: number[] | undefined;
      let mapped = false;
      const range = (from: number, to: number): [number, number] | undefined => {
        if (!mapped) {
          offsets = literalOffsets(text, start, literal.end);
          mapped = true;
        }
        return offsets && literalRange(offsets, value.length, from, to);
      };
      result.texts.push(tool !== undefined ? { value, range, role, tool } : { value, range, role });
    }
  };

  /** Names, descriptions and parameter descriptions of one tool definition object. */
  const fromObject = (object: TsNamespace.ObjectLiteralExpression, tool: string | undefined, depth: number): void => {
    if (seen.has(object) || depth > MAX_DEPTH) return;
    seen.add(object);
    const own = tool ?? nameOf(object);
    if (own !== undefined && depth === 0) result.names.add(own);
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const key = property.name && propertyName(ts, property.name);
      if (key === undefined) continue;
      if (depth === 0 && NAME_KEYS.has(key)) add(property.initializer, 'name', own);
      else if (DESCRIPTION_KEYS.has(key)) add(property.initializer, 'description', own);
      else if (depth > 0 || SCHEMA_KEYS.has(key) || key === 'properties' || key === 'annotations') fromValue(property.initializer, own, depth + 1);
    }
  };

  /** Schema values: nested objects, arrays, and zod chains with `.describe('…')`. */
  const fromValue = (value: TsNamespace.Expression, tool: string | undefined, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (ts.isObjectLiteralExpression(value)) fromObject(value, tool, depth);
    else if (ts.isArrayLiteralExpression(value)) for (const element of value.elements) fromValue(element, tool, depth + 1);
    else if (ts.isCallExpression(value)) {
      if (ts.isPropertyAccessExpression(value.expression)) {
        if (value.expression.name.text === 'describe' && value.arguments[0]) add(value.arguments[0], 'description', tool);
        fromValue(value.expression.expression, tool, depth + 1);
      }
      for (const argument of value.arguments) if (!isFunction(ts, argument)) fromValue(argument, tool, depth + 1);
    } else if (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) fromValue(value.expression, tool, depth);
  };

  // One walk records constants and candidate definitions; definitions are read afterwards, when every constant is known.
  const candidates: Node[] = [];
  /** `import { tool as lcTool }`: local name → exported name, so aliased factories are recognised. */
  const aliases = new Map<string, string>();
  const K = ts.SyntaxKind;
  // Called for the kinds of toolTextKinds only: the walk passes the others by.
  const record = (node: Node): boolean => {
    switch (node.kind) {
      case K.ImportSpecifier: {
        const specifier = node as TsNamespace.ImportSpecifier;
        if (specifier.propertyName) aliases.set(specifier.name.text, specifier.propertyName.text);
        break;
      }
      case K.CallExpression:
      case K.NewExpression:
      case K.ClassDeclaration:
      case K.ClassExpression:
        candidates.push(node);
        break;
      case K.ObjectLiteralExpression:
        if (isRawTool(ts, node as TsNamespace.ObjectLiteralExpression)) candidates.push(node);
        break;
      case K.VariableDeclaration: {
        const declaration = node as TsNamespace.VariableDeclaration;
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) break;
        const value = unwrap(ts, declaration.initializer);
        if (isStringLike(ts, value) || ts.isObjectLiteralExpression(value) || ts.isBinaryExpression(value) || ts.isTemplateExpression(value)) constants.set(declaration.name.text, value);
        break;
      }
      default:
        // A type, interface or type alias: no tool is defined in one.
        return false;
    }
    return true;
  };

  const onCall = (call: TsNamespace.CallExpression | TsNamespace.NewExpression): void => {
    const callee = call.expression;
    const name = ts.isIdentifier(callee) ? (aliases.get(callee.text) ?? callee.text) : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === undefined) return;
    const mcpTool = (name === 'tool' || name === 'registerTool') && ts.isPropertyAccessExpression(callee);
    const factory = FACTORIES.has(name) || (ts.isNewExpression(call) && TOOL_CLASSES.test(name));
    // Every call of the file comes here: resolve arguments only for the calls that define tools.
    if (!mcpTool && !factory) return;
    const args = (call.arguments ?? []).map((argument) => resolve(unwrap(ts, argument)) as TsNamespace.Expression);
    const toolName = stringOf(args[0]);
    // MCP SDK: server.tool('name', 'description'?, schema?, handler), server.registerTool('name', { … }, handler)
    if (mcpTool && toolName !== undefined && args.length >= 2) {
      result.names.add(toolName);
      add(args[0]!, 'name', toolName);
      if (name === 'tool' && isStringLike(ts, args[1]!)) add(args[1]!, 'description', toolName);
      // registerTool's second argument is the tool's config; the objects tool() takes are parameter shapes.
      for (const [index, argument] of args.entries()) {
        if (index > 0 && ts.isObjectLiteralExpression(argument)) fromObject(argument, toolName, name === 'registerTool' && index === 1 ? 0 : 1);
      }
      return;
    }
    if (factory) for (const argument of args) if (ts.isObjectLiteralExpression(argument)) fromObject(argument, undefined, 0);
  };

  const onClass = (declaration: TsNamespace.ClassLikeDeclaration): void => {
    const base = declaration.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    const baseName = base && (ts.isIdentifier(base) ? base.text : ts.isPropertyAccessExpression(base) ? base.name.text : undefined);
    if (!baseName || !/Tool$/.test(baseName)) return;
    let tool: string | undefined;
    for (const member of declaration.members) {
      const key = member.name && propertyName(ts, member.name);
      if (ts.isPropertyDeclaration(member) && key === 'name' && member.initializer && isStringLike(ts, member.initializer)) tool = member.initializer.text;
    }
    if (tool !== undefined) result.names.add(tool);
    for (const member of declaration.members) {
      const key = member.name && propertyName(ts, member.name);
      if (!ts.isPropertyDeclaration(member) || !member.initializer || key === undefined) continue;
      if (key === 'name') add(member.initializer, 'name', tool);
      else if (DESCRIPTION_KEYS.has(key)) add(member.initializer, 'description', tool);
      else if (SCHEMA_KEYS.has(key)) fromValue(member.initializer, tool, 1);
    }
  };

  return {
    enter: record,
    kinds: toolTextKinds(ts),
    result() {
      for (const node of candidates.splice(0)) {
        if (ts.isCallExpression(node) || ts.isNewExpression(node)) onCall(node);
        else if (ts.isClassLike(node)) onClass(node);
        else if (ts.isObjectLiteralExpression(node)) fromObject(node, undefined, 0);
      }
      return result;
    },
  };

  function nameOf(object: TsNamespace.ObjectLiteralExpression): string | undefined {
    for (const property of object.properties) {
      const key = property.name && propertyName(ts, property.name);
      if (key !== undefined && NAME_KEYS.has(key) && ts.isPropertyAssignment(property)) {
        const value = stringOf(property.initializer);
        if (value !== undefined) return value;
      }
    }
    return undefined;
  }
}

let toolTextKindTable: Uint8Array | undefined;

/** The kinds the tool-text visitor's `enter` (record) looks at, and the types it skips. */
function toolTextKinds(ts: Ts): Uint8Array {
  const K = ts.SyntaxKind;
  toolTextKindTable ??= kindTable(ts, [K.ImportSpecifier, K.CallExpression, K.NewExpression, K.ClassDeclaration, K.ClassExpression, K.ObjectLiteralExpression, K.VariableDeclaration], true);
  return toolTextKindTable;
}

/** `{ name: '…', description: …, inputSchema: … }`: a tool object as MCP tools/list, Anthropic and OpenAI take them. */
function isRawTool(ts: Ts, object: TsNamespace.ObjectLiteralExpression): boolean {
  let name = false;
  let description = false;
  let schema = false;
  for (const property of object.properties) {
    const key = property.name && propertyName(ts, property.name);
    if (key === 'name' && ts.isPropertyAssignment(property) && isStringLike(ts, property.initializer)) name = true;
    else if (key === 'description') description = true;
    else if (key === 'inputSchema' || key === 'input_schema' || key === 'parameters') schema = true;
  }
  return name && description && schema;
}

function unwrap(ts: Ts, node: TsNamespace.Expression): TsNamespace.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) node = node.expression;
  return node;
}

function isFunction(ts: Ts, node: Node): boolean {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

function isStringLike(ts: Ts, node: Node): node is TsNamespace.StringLiteral | TsNamespace.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** The string literals of a value: a literal, a concatenation of literals, the literal parts of a template. */
function literalsOf(ts: Ts, node: Node): (TsNamespace.StringLiteral | TsNamespace.NoSubstitutionTemplateLiteral | TsNamespace.TemplateLiteralLikeNode)[] {
  if (isStringLike(ts, node)) return [node];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalsOf(ts, node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...literalsOf(ts, node.left), ...literalsOf(ts, node.right)];
  if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((span) => span.literal)];
  return [];
}

function propertyName(ts: Ts, name: TsNamespace.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/**
 * The file range of a value's characters `from` to `to`, from the file offset of each of its characters and of its end
 * (`offsets`, one more than the value's length); with fewer, the whole of what they cover.
 */
function literalRange(offsets: readonly number[], length: number, from: number, to: number): [number, number] {
  return offsets.length === length + 1 ? [offsets[from]!, offsets[to]!] : [offsets[0]!, offsets[offsets.length - 1]!];
}

/**
 * File offsets of each UTF-16 unit of a JS string or template literal's value, decoding escapes (`\n`, `\x41`,
 * `\u200B`, `\u{E0041}`, line continuations). `start`/`end` cover the token with its quotes (a template part from
 * the backtick or `}` to the backtick or `${`). Undefined for tokens it cannot map.
 */
export function literalOffsets(text: string, start: number, end: number): number[] | undefined {
  const open = text[start];
  let i = start + 1;
  let last = end - 1;
  if (open === '}' || open === '`') {
    if (text[last] === '{' && text[last - 1] === '$') last -= 1;
  } else if (open !== '"' && open !== "'") return undefined;
  const offsets: number[] = [];
  while (i < last) {
    const c = text[i]!;
    if (c !== '\\') {
      offsets.push(i);
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '\r' || next === '\n' || next === '\u2028' || next === '\u2029') {
      i += next === '\r' && text[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (next === 'u' && text[i + 2] === '{') {
      const close = text.indexOf('}', i + 3);
      if (close < 0 || close - i > 12) return undefined;
      const code = parseInt(text.slice(i + 3, close), 16);
      offsets.push(i);
      if (code > 0xffff) offsets.push(i);
      i = close + 1;
      continue;
    }
    offsets.push(i);
    i += next === 'u' ? 6 : next === 'x' ? 4 : 2;
  }
  offsets.push(last);
  return offsets;
}
