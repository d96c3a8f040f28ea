/**
 * One walk of a TypeScript/JavaScript syntax tree that records what the code-side agent analysis needs: imports,
 * variable declarations, agent definitions, tool definitions, MCP clients and servers, environment reads, shell
 * calls. Parse only (no type checker, no parent pointers): context such as the enclosing function is tracked on the
 * way down. Everything that needs the whole file (resolving a tool variable declared after its use, taint through
 * local variables) is done afterwards from these records, without walking the tree again (see ./scan.ts).
 */
import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from '../languages/typescript-api';
import type { AgentFramework, CodeTool } from '../facts';
import { isSecretLikeName } from '../secrets/names';
import {
  agentConstructor,
  AI_SDK_CALLS,
  type ImportBinding,
  isAiSdk,
  isAgentKit,
  isLangChain,
  isLlamaIndexTs,
  isMastra,
  isMcpClientFactory,
  isMcpModule,
  isMcpSdk,
  isOpenAIAgents,
  isShellModule,
  isStdioTransport,
  OPENAI_HOSTED_TOOLS,
  OPENAI_MCP_SERVERS,
} from './modules';
import { kindTable, type SyntaxCollector } from '../languages/syntax-walk';
import { wantsAgentRecords } from './agent-gate';

export type Node = TsNamespace.Node;
export type Expression = TsNamespace.Expression;
export type FunctionLike = TsNamespace.FunctionLikeDeclaration;
export type ObjectLiteral = TsNamespace.ObjectLiteralExpression;

export interface VarDecl {
  name: string;
  /** The initializer of the declaration (for a destructured name: the whole destructured value). */
  init?: Expression;
  /** True when the name is the whole declaration (`const x = …`), so `init` is its value. */
  simple: boolean;
  pos: number;
}

export interface ToolDef {
  /** The name the model sees, when the definition says it (`tool({ name })`, `createTool({ id })`). */
  name?: string;
  kind: NonNullable<CodeTool['kind']>;
  framework: AgentFramework;
  /** The implementation: `execute`, `func`, LangChain `tool(fn, …)`, an MCP server tool handler, `_call`. */
  impl?: Expression | FunctionLike;
  /** Name given by the tools record it was found in (AI SDK, Mastra), for messages. */
  displayName?: string;
  /** Hosted MCP tool without `allowedTools`: every tool of the server. */
  allTools?: boolean;
  /** Another agent called as a tool (`agent.asTool()`): its risk is that of its own tools, judged where it is defined. */
  subAgent?: boolean;
  /** A plain-object tool's own object (`{ description, inputSchema, execute }`), for its approval options. */
  options?: ObjectLiteral;
  /** Start/end of the callee (for findings about the definition itself). */
  headStart: number;
  headEnd: number;
}

export interface AgentSite {
  node: Node;
  framework: AgentFramework;
  kind: 'definition' | 'call';
  headStart: number;
  headEnd: number;
  options?: Expression;
  /** Enclosing declaration statements, innermost last (for `@owner` tags in their leading comments). */
  statements: Node[];
}

export interface OpenAIServer {
  node: TsNamespace.NewExpression;
  className: string;
  /** The constructor's options (an object literal, or a variable holding one). */
  options?: Expression;
  headStart: number;
  headEnd: number;
}

export interface EnvRead {
  name: string;
  start: number;
  end: number;
}

export interface EnvCandidate {
  value: Expression;
  /** The options object belongs to a known stdio transport, so no MCP import is needed to be sure. */
  transport: boolean;
}

export type SinkFamily = 'exec' | 'spawn' | 'command' | 'template';

export interface ShellSink {
  node: TsNamespace.CallExpression | TsNamespace.TaggedTemplateExpression;
  /** The enclosing functions, innermost last. */
  fns: FunctionLike[];
  family: SinkFamily;
  /** What is called, for messages: `execSync`, `child_process.exec`, `$\`…\``. */
  label: string;
}

export interface HostedShell {
  start: number;
  end: number;
  label: string;
}

const enum Flag {
  Function = 1,
  Statement = 2,
  Interesting = 4,
}

let kindFlags: Uint8Array | undefined;
let walkerKinds: Uint8Array | undefined;

function flagsFor(ts: Ts): Uint8Array {
  if (kindFlags) return kindFlags;
  const K = ts.SyntaxKind;
  const flags = new Uint8Array(K.Count + 1);
  for (const kind of [K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor]) flags[kind]! |= Flag.Function;
  for (const kind of [K.VariableStatement, K.FunctionDeclaration, K.ClassDeclaration, K.ExportAssignment, K.ExpressionStatement, K.ReturnStatement, K.PropertyDeclaration, K.MethodDeclaration, K.PropertyAssignment]) {
    flags[kind]! |= Flag.Statement;
  }
  for (const kind of [
    K.ImportDeclaration, K.ImportEqualsDeclaration, K.VariableDeclaration, K.FunctionDeclaration, K.CallExpression, K.NewExpression,
    K.TaggedTemplateExpression, K.PropertyAccessExpression, K.ElementAccessExpression, K.PropertyAssignment, K.ObjectLiteralExpression,
    K.ClassDeclaration, K.ClassExpression,
  ]) {
    flags[kind]! |= Flag.Interesting;
  }
  return (kindFlags = flags);
}

/**
 * `createTool({ … })` of each framework that has one: the key of the name the model sees (Mastra also matches its
 * record key, src/core/code/scan.ts) and of the implementation.
 */
const CREATE_TOOL_SHAPES: readonly { framework: AgentFramework; module: (module: string) => boolean; nameKey: string; implKey: string }[] = [
  { framework: 'mastra', module: isMastra, nameKey: 'id', implKey: 'execute' },
  { framework: 'agentkit', module: isAgentKit, nameKey: 'name', implKey: 'handler' },
  { framework: 'voltagent', module: (module) => module === '@voltagent/core', nameKey: 'name', implKey: 'execute' },
];
/** The agent analysis' share of the one walk of a code file (src/core/syntax.ts), for files that can hold what it looks for. */
export const AGENT_RECORDS = {
  id: 'agent-records',
  wants: wantsAgentRecords,
  create: (ts: Ts, sourceFile: TsNamespace.SourceFile) => new Walker(ts, sourceFile),
} satisfies SyntaxCollector<Walker>;

export class Walker {
  readonly K: typeof TsNamespace.SyntaxKind;
  readonly imports = new Map<string, ImportBinding>();
  readonly vars = new Map<string, VarDecl[]>();
  /** Function declarations and names of named functions (only in files that can run commands). */
  readonly fnDecls = new Map<string, FunctionLike>();
  readonly fnNames = new Map<FunctionLike, string>();
  readonly agentSites: AgentSite[] = [];
  readonly toolDefs = new Map<Node, ToolDef>();
  readonly classTools = new Map<string, ToolDef>();
  readonly mcpClients = new Set<string>();
  readonly mcpSdkServers = new Set<string>();
  readonly openaiServers = new Map<Node, OpenAIServer>();
  readonly envReads: EnvRead[] = [];
  /** `dangerouslyAllowBrowser: true`, and whether the same options object fixes the key in the file. */
  readonly browserFlags: { start: number; end: number; keyInFile: boolean }[] = [];
  private readonly flagsWithKeys = new Set<Node>();
  readonly envCandidates: EnvCandidate[] = [];
  readonly transportArgs: Expression[] = [];
  readonly toolsets: Expression[] = [];
  readonly sinks: ShellSink[] = [];
  readonly hostedShells: HostedShell[] = [];
  /** Calls of plain functions inside functions (`runShell(cmd)`), for shell helpers one call away from a tool. */
  readonly idCalls: { node: TsNamespace.CallExpression; fns: FunctionLike[] }[] = [];
  /** The file imports an MCP-related package (stdio server parameters in it configure MCP servers). */
  mcpContext = false;
  /** The file imports something that runs commands (child_process, execa, zx …): shell calls are looked for. */
  private shellCapable = false;
  /** Enclosing functions, innermost last. */
  private readonly functions: FunctionLike[] = [];
  private readonly statements: Node[] = [];
  private readonly flags: Uint8Array;
  /** SyntaxVisitor: the kinds enter looks at (types, interfaces, type aliases, and the kinds it has flags for). */
  readonly kinds: Uint8Array;

  constructor(
    readonly ts: Ts,
    readonly sourceFile: TsNamespace.SourceFile,
  ) {
    this.K = ts.SyntaxKind;
    this.flags = flagsFor(ts);
    this.kinds = walkerKinds ??= kindTable(ts, [...this.flags.keys()].filter((kind) => this.flags[kind] !== 0), true);
  }

  /** SyntaxVisitor: look at a node on the way down (false: nothing more to see below it). */
  enter(node: Node): boolean {
    const kind = node.kind;
    const K = this.K;
    // Types hold no calls, imports or values.
    if ((kind >= K.FirstTypeNode && kind <= K.LastTypeNode) || kind === K.InterfaceDeclaration || kind === K.TypeAliasDeclaration) return false;
    const flags = this.flags[kind]!;
    if (flags === 0) return true;
    if (flags & Flag.Interesting && this.inspect(node)) return false;
    if (flags & Flag.Function) this.functions.push(node as FunctionLike);
    if (flags & Flag.Statement) this.statements.push(node);
    return true;
  }

  leave(node: Node): void {
    const flags = this.flags[node.kind]!;
    if (flags & Flag.Statement) this.statements.pop();
    if (flags & Flag.Function) this.functions.pop();
  }

  result(): this {
    return this;
  }

  /** Look at one node of interest; true when its subtree holds nothing more to see (imports). */
  private inspect(node: Node): boolean {
    const K = this.K;
    switch (node.kind) {
      case K.ImportDeclaration:
        this.onImport(node as TsNamespace.ImportDeclaration);
        return true;
      case K.ImportEqualsDeclaration: {
        const declaration = node as TsNamespace.ImportEqualsDeclaration;
        const reference = declaration.moduleReference;
        if (reference.kind === K.ExternalModuleReference) {
          const specifier = (reference as TsNamespace.ExternalModuleReference).expression;
          if (this.ts.isStringLiteral(specifier)) this.bind(declaration.name.text, specifier.text, '*');
        }
        return true;
      }
      case K.VariableDeclaration:
        this.onVariable(node as TsNamespace.VariableDeclaration);
        return false;
      case K.FunctionDeclaration: {
        const fn = node as TsNamespace.FunctionDeclaration;
        if (fn.name && this.shellCapable) {
          if (!this.fnDecls.has(fn.name.text)) this.fnDecls.set(fn.name.text, fn);
          this.fnNames.set(fn, fn.name.text);
        }
        return false;
      }
      case K.CallExpression:
        this.onCall(node as TsNamespace.CallExpression);
        return false;
      case K.NewExpression:
        this.onNew(node as TsNamespace.NewExpression);
        return false;
      case K.TaggedTemplateExpression:
        this.onTaggedTemplate(node as TsNamespace.TaggedTemplateExpression);
        return false;
      case K.PropertyAccessExpression:
        this.onPropertyAccess(node as TsNamespace.PropertyAccessExpression);
        return false;
      case K.ElementAccessExpression: {
        const access = node as TsNamespace.ElementAccessExpression;
        const argument = access.argumentExpression;
        if (this.ts.isStringLiteralLike(argument) && this.isEnvObject(access.expression)) this.envRead(argument.text, access);
        return false;
      }
      case K.PropertyAssignment:
        this.onPropertyAssignment(node as TsNamespace.PropertyAssignment);
        return false;
      case K.ObjectLiteralExpression:
        this.onObjectLiteral(node as ObjectLiteral);
        return false;
      case K.ClassDeclaration:
      case K.ClassExpression:
        this.onClass(node as TsNamespace.ClassLikeDeclaration);
        return false;
    }
    return false;
  }

  // ---------------------------------------------------------------- imports and declarations

  private bind(local: string, module: string, name: string): void {
    this.imports.set(local, { module, name });
    if (isMcpModule(module)) this.mcpContext = true;
    else if (isShellModule(module)) this.shellCapable = true;
  }

  private onImport(declaration: TsNamespace.ImportDeclaration): void {
    const ts = this.ts;
    const clause = declaration.importClause;
    if (!clause || clause.isTypeOnly || !ts.isStringLiteral(declaration.moduleSpecifier)) return;
    const module = declaration.moduleSpecifier.text;
    if (clause.name) this.bind(clause.name.text, module, 'default');
    const bindings = clause.namedBindings;
    if (!bindings) return;
    if (ts.isNamespaceImport(bindings)) {
      this.bind(bindings.name.text, module, '*');
      return;
    }
    const staticEnv = module === '$env/static/public' || module === '$env/static/private';
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      const imported = element.propertyName ? moduleExportName(ts, element.propertyName) : element.name.text;
      this.bind(element.name.text, module, imported);
      // SvelteKit: `import { PUBLIC_OPENAI_KEY } from '$env/static/public'` reads an environment variable.
      if (staticEnv) this.envRead(imported, element.propertyName ?? element.name);
    }
  }

  /** `require('m')`, `await import('m')`: the module specifier. */
  private requiredModule(expression: Expression): string | undefined {
    const ts = this.ts;
    const call = this.unwrap(expression);
    if (!ts.isCallExpression(call) || call.arguments.length !== 1) return undefined;
    const [argument] = call.arguments;
    if (!argument || !ts.isStringLiteralLike(argument)) return undefined;
    if (ts.isIdentifier(call.expression) && call.expression.text === 'require') return argument.text;
    if (call.expression.kind === this.K.ImportKeyword) return argument.text;
    return undefined;
  }

  private onVariable(declaration: TsNamespace.VariableDeclaration): void {
    const ts = this.ts;
    const K = this.K;
    const { name, initializer } = declaration;
    if (ts.isIdentifier(name)) {
      this.addVar(name.text, initializer, true, declaration.pos);
      if (!initializer) return;
      const value = this.unwrap(initializer);
      const module = this.requiredModule(value);
      if (module) {
        this.bind(name.text, module, '*');
        return;
      }
      if (value.kind === K.ArrowFunction || value.kind === K.FunctionExpression) {
        if (this.shellCapable) this.fnNames.set(value as FunctionLike, name.text);
        return;
      }
      if (ts.isCallExpression(value) || ts.isNewExpression(value)) {
        const binding = this.calleeBinding(value.expression);
        if (binding && isMcpClientFactory(binding)) this.mcpClients.add(name.text);
        else if (binding && binding.name === 'McpServer' && isMcpSdk(binding.module)) this.mcpSdkServers.add(name.text);
        else if (ts.isCallExpression(value)) this.onPromisify(name.text, value);
      }
      return;
    }
    this.addBindingNames(name, initializer, declaration.pos);
    if (!initializer || !ts.isObjectBindingPattern(name)) return;
    const module = this.requiredModule(initializer);
    const envObject = !module && this.isEnvObject(this.unwrap(initializer));
    if (!module && !envObject) return;
    for (const element of name.elements) {
      if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
      const imported = element.propertyName ? propertyNameText(ts, element.propertyName) : element.name.text;
      if (imported === undefined) continue;
      if (module) this.bind(element.name.text, module, imported);
      // `const { OPENAI_API_KEY } = process.env`
      else this.envRead(imported, element.propertyName ?? element.name);
    }
  }

  /** `const run = promisify(exec)`: `run` runs commands in a shell like `exec` does. */
  private onPromisify(local: string, call: TsNamespace.CallExpression): void {
    const ts = this.ts;
    const callee = call.expression;
    const isPromisify = (ts.isIdentifier(callee) && callee.text === 'promisify') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 'promisify');
    const [argument] = call.arguments;
    if (!isPromisify || !argument) return;
    const target = this.calleeBinding(argument);
    if (target && isShellModule(target.module)) this.imports.set(local, target);
  }

  private addVar(name: string, init: Expression | undefined, simple: boolean, pos: number): void {
    const list = this.vars.get(name);
    const declaration: VarDecl = { name, init, simple, pos };
    if (list) list.push(declaration);
    else this.vars.set(name, [declaration]);
  }

  private addBindingNames(name: TsNamespace.BindingName, init: Expression | undefined, pos: number): void {
    const ts = this.ts;
    if (ts.isIdentifier(name)) {
      this.addVar(name.text, init, false, pos);
      return;
    }
    for (const element of name.elements) {
      if (ts.isBindingElement(element)) this.addBindingNames(element.name, init, pos);
    }
  }

  private onClass(declaration: TsNamespace.ClassLikeDeclaration): void {
    // LangChain tool classes: `class ShellTool extends StructuredTool { name = 'shell'; async _call(input) {…} }`
    const ts = this.ts;
    const heritage = declaration.heritageClauses?.find((clause) => clause.token === this.K.ExtendsKeyword);
    const base = heritage?.types[0]?.expression;
    const binding = base && this.calleeBinding(base);
    if (!binding || !isLangChain(binding.module) || !/^(?:Tool|StructuredTool|DynamicTool|DynamicStructuredTool)$/.test(binding.name)) return;
    let name: string | undefined;
    let impl: FunctionLike | undefined;
    for (const member of declaration.members) {
      const memberName = member.name && propertyNameText(ts, member.name);
      if (ts.isPropertyDeclaration(member) && memberName === 'name' && member.initializer) name = stringValue(ts, member.initializer);
      else if (ts.isMethodDeclaration(member) && memberName === '_call') impl = member;
    }
    const head = declaration.name ?? declaration;
    const def: ToolDef = { name, kind: 'function', framework: 'langchain', impl, headStart: head.getStart(this.sourceFile), headEnd: head.end };
    this.toolDefs.set(declaration, def);
    if (declaration.name) this.classTools.set(declaration.name.text, def);
  }

  // ---------------------------------------------------------------- calls

  /** What a callee refers to through imports: `Agent`, `agents.Agent`, `require('child_process').exec`. */
  calleeBinding(expression: Expression): ImportBinding | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(expression)) return this.imports.get(expression.text);
    if (ts.isPropertyAccessExpression(expression)) {
      const object = expression.expression;
      if (ts.isIdentifier(object)) {
        const namespace = this.imports.get(object.text);
        if (namespace && (namespace.name === '*' || namespace.name === 'default')) return { module: namespace.module, name: expression.name.text };
        return undefined;
      }
      const module = this.requiredModule(object);
      if (module) return { module, name: expression.name.text };
    }
    return undefined;
  }

  private onCall(call: TsNamespace.CallExpression): void {
    const ts = this.ts;
    const callee = call.expression;
    const args = call.arguments;
    const binding = this.calleeBinding(callee);
    if (binding) {
      const framework = agentConstructor(binding, false);
      if (framework) {
        this.addAgentSite(call, framework, 'definition', callee.getStart(this.sourceFile), callee.end, args[0]);
      } else if (AI_SDK_CALLS.has(binding.name) && isAiSdk(binding.module)) {
        this.addAgentSite(call, 'ai-sdk', 'call', callee.getStart(this.sourceFile), callee.end, args[0]);
      } else {
        this.onToolFactory(call, binding, args);
      }
      if (this.shellCapable && this.functions.length) this.onShellCall(call, binding);
    } else if (ts.isPropertyAccessExpression(callee)) {
      this.onMethodCall(call, callee, args);
    }
    if (this.shellCapable && this.functions.length && args.length && ts.isIdentifier(callee)) this.idCalls.push({ node: call, fns: this.functions.slice() });
  }

  private onMethodCall(call: TsNamespace.CallExpression, callee: TsNamespace.PropertyAccessExpression, args: readonly Expression[]): void {
    const ts = this.ts;
    const method = callee.name.text;
    const receiver = callee.expression;
    const headStart = callee.name.getStart(this.sourceFile);
    if (method === 'create' && ts.isIdentifier(receiver)) {
      // OpenAI Agents SDK: `Agent.create({...})`
      const binding = this.imports.get(receiver.text);
      if (binding && binding.name === 'Agent' && isOpenAIAgents(binding.module)) {
        this.addAgentSite(call, 'openai-agents', 'definition', callee.getStart(this.sourceFile), callee.end, args[0]);
      }
      return;
    }
    if (method === 'asTool') {
      // OpenAI Agents SDK: another agent as a tool, `agent.asTool({ toolName: 'translate' })`
      const options = this.objectArg(args[0]);
      this.toolDefs.set(call, { name: options && this.stringProp(options, 'toolName'), kind: 'function', framework: 'openai-agents', subAgent: true, headStart, headEnd: callee.end });
      return;
    }
    if ((method === 'tool' || method === 'registerTool') && ts.isIdentifier(receiver) && this.mcpSdkServers.has(receiver.text)) {
      // MCP TypeScript SDK server tools: `server.tool('name', schema, handler)`, `server.registerTool('name', config, handler)`
      const [first] = args;
      const handler = args[args.length - 1];
      this.toolDefs.set(call, {
        name: first ? stringValue(ts, first) : undefined,
        kind: 'function',
        framework: 'mcp-sdk',
        impl: handler,
        headStart,
        headEnd: callee.end,
      });
      return;
    }
    if (ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'tools') {
      // Provider-defined tools with a local implementation: `anthropic.tools.bash_20250124({ execute })`
      const options = this.objectArg(args[0]);
      const execute = options && this.propValue(options, 'execute');
      if (execute) this.toolDefs.set(call, { kind: 'function', framework: 'ai-sdk', impl: execute, headStart: callee.getStart(this.sourceFile), headEnd: callee.end });
      return;
    }
    if (method === 'get' && args.length === 1 && ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'env' && ts.isIdentifier(receiver.expression) && receiver.expression.text === 'Deno') {
      const [first] = args;
      if (first && ts.isStringLiteralLike(first)) this.envRead(first.text, call);
    }
  }

  private onToolFactory(call: TsNamespace.CallExpression, binding: ImportBinding, args: readonly Expression[]): void {
    const { module, name } = binding;
    const headStart = call.expression.getStart(this.sourceFile);
    const headEnd = call.expression.end;
    if (name === 'tool' || name === 'dynamicTool') {
      if (isOpenAIAgents(module)) {
        const options = this.objectArg(args[0]);
        this.toolDefs.set(call, { name: options && this.stringProp(options, 'name'), kind: 'function', framework: 'openai-agents', impl: options && this.propValue(options, 'execute'), headStart, headEnd });
      } else if (isAiSdk(module)) {
        const options = this.objectArg(args[0]);
        this.toolDefs.set(call, { kind: 'function', framework: 'ai-sdk', impl: options && this.propValue(options, 'execute'), headStart, headEnd });
      } else if (isLangChain(module)) {
        const options = this.objectArg(args[1]);
        this.toolDefs.set(call, { name: options && this.stringProp(options, 'name'), kind: 'function', framework: 'langchain', impl: args[0], headStart, headEnd });
      } else if (isLlamaIndexTs(module)) {
        // `tool({ name, description, parameters, execute })`, or `tool(fn, { name, description, parameters })`.
        const whole = this.objectArg(args[0]);
        const options = whole ?? this.objectArg(args[1]);
        this.toolDefs.set(call, { name: options && this.stringProp(options, 'name'), kind: 'function', framework: 'llamaindex', impl: whole ? this.propValue(whole, 'execute') : args[0], headStart, headEnd });
      }
      return;
    }
    const shape = name === 'createTool' ? CREATE_TOOL_SHAPES.find((candidate) => candidate.module(module)) : undefined;
    if (shape) {
      const options = this.objectArg(args[0]);
      this.toolDefs.set(call, { name: options && this.stringProp(options, shape.nameKey), kind: 'function', framework: shape.framework, impl: options && this.propValue(options, shape.implKey), headStart, headEnd });
      return;
    }
    const hosted = isOpenAIAgents(module) ? OPENAI_HOSTED_TOOLS.get(name) : undefined;
    if (!hosted) return;
    // fileSearchTool(vectorStoreIds, options); every other built-in takes its options first.
    const options = this.objectArg(name === 'fileSearchTool' ? args[1] : args[0]);
    const def: ToolDef = { name: (options && this.stringProp(options, 'name')) ?? hosted.name, kind: hosted.kind, framework: 'openai-agents', headStart, headEnd };
    if (name === 'hostedMcpTool') {
      def.name = (options && this.stringProp(options, 'serverLabel')) ?? def.name;
      def.allTools = !options || !this.propValue(options, 'allowedTools');
      if (def.allTools) def.kind = 'mcp-all';
    }
    this.toolDefs.set(call, def);
    if (hosted.kind === 'shell' && !this.sandboxedOrApproved(options)) this.hostedShells.push({ start: headStart, end: headEnd, label: name });
  }

  /**
   * A shell tool that runs in an OpenAI-hosted container (`environment: { type: 'container_auto' |
   * 'container_reference' }`: no access to this machine or its credentials) or asks before every command
   * (`needsApproval: true`, or a function deciding per call) is not an unrestricted shell.
   */
  private sandboxedOrApproved(options: ObjectLiteral | undefined): boolean {
    if (!options) return false;
    const environment = this.objectArg(this.propValue(options, 'environment') as Expression | undefined);
    const type = environment && this.stringProp(environment, 'type');
    if (type === 'container_auto' || type === 'container_reference') return true;
    const approval = this.propValue(options, 'needsApproval');
    return !!approval && (approval.kind === this.K.TrueKeyword || isFunctionLikeNode(this.ts, approval));
  }

  private onNew(expression: TsNamespace.NewExpression): void {
    const binding = this.calleeBinding(expression.expression);
    if (!binding) return;
    const args: readonly Expression[] = expression.arguments ?? [];
    const headStart = expression.getStart(this.sourceFile);
    const headEnd = expression.expression.end;
    const framework = agentConstructor(binding, true);
    if (framework) {
      this.addAgentSite(expression, framework, 'definition', headStart, headEnd, args[0]);
      return;
    }
    const { module, name } = binding;
    if ((name === 'DynamicTool' || name === 'DynamicStructuredTool') && isLangChain(module)) {
      const options = this.objectArg(args[0]);
      this.toolDefs.set(expression, { name: options && this.stringProp(options, 'name'), kind: 'function', framework: 'langchain', impl: options && this.propValue(options, 'func'), headStart, headEnd });
      return;
    }
    if (OPENAI_MCP_SERVERS.has(name) && isOpenAIAgents(module)) {
      this.openaiServers.set(expression, { node: expression, className: name, options: args[0], headStart, headEnd });
    }
    if (isStdioTransport(binding) && args[0]) this.transportArgs.push(args[0]);
  }

  private addAgentSite(node: Node, framework: AgentFramework, kind: 'definition' | 'call', headStart: number, headEnd: number, options: Expression | undefined): void {
    this.agentSites.push({ node, framework, kind, headStart, headEnd, options, statements: this.statements.slice() });
  }

  // ---------------------------------------------------------------- shell sinks

  private onShellCall(call: TsNamespace.CallExpression, binding: ImportBinding): void {
    const { module, name } = binding;
    let family: SinkFamily | undefined;
    if (module === 'child_process' || module === 'node:child_process') {
      if (name === 'exec' || name === 'execSync') family = 'exec';
      else if (name === 'spawn' || name === 'spawnSync' || name === 'execFile' || name === 'execFileSync') family = 'spawn';
    } else if (module === 'execa') {
      if (name === 'execa' || name === 'execaSync' || name === 'default') family = 'spawn';
      else if (name === 'execaCommand' || name === 'execaCommandSync') family = 'command';
    } else if (module === 'shelljs') {
      if (name === 'exec') family = 'exec';
    } else if (module === 'cross-spawn') {
      if (name === 'default' || name === 'spawn' || name === 'sync' || name === '*') family = 'spawn';
    }
    if (!family) return;
    this.sinks.push({ node: call, fns: this.functions.slice(), family, label: call.expression.getText(this.sourceFile) });
  }

  private onTaggedTemplate(tagged: TsNamespace.TaggedTemplateExpression): void {
    const ts = this.ts;
    if (!this.functions.length || !ts.isTemplateExpression(tagged.template)) return;
    const tag = tagged.tag;
    let shell = false;
    if (ts.isIdentifier(tag)) {
      const binding = this.imports.get(tag.text);
      shell = !!binding && binding.name === '$' && (binding.module === 'zx' || binding.module === 'bun' || binding.module === 'execa');
    } else if (ts.isPropertyAccessExpression(tag) && tag.name.text === '$' && ts.isIdentifier(tag.expression)) {
      shell = tag.expression.text === 'Bun' || this.imports.get(tag.expression.text)?.module === 'zx';
    }
    if (shell) this.sinks.push({ node: tagged, fns: this.functions.slice(), family: 'template', label: `${tag.getText(this.sourceFile)}\`…\`` });
  }

  // ---------------------------------------------------------------- environment, browser, MCP options

  /** `process.env`, `import.meta.env`, `Bun.env`, SvelteKit's `env` from `$env/dynamic/*`. */
  isEnvObject(expression: Expression): boolean {
    const ts = this.ts;
    if (ts.isPropertyAccessExpression(expression)) {
      if ((expression.name as TsNamespace.Identifier).escapedText !== 'env') return false;
      const base = expression.expression;
      return (ts.isIdentifier(base) && (base.text === 'process' || base.text === 'Bun')) || ts.isMetaProperty(base);
    }
    if (ts.isIdentifier(expression)) {
      const binding = this.imports.get(expression.text);
      return !!binding && binding.name === 'env' && binding.module.startsWith('$env/dynamic/');
    }
    return false;
  }

  private onPropertyAccess(access: TsNamespace.PropertyAccessExpression): void {
    if (this.isEnvObject(access.expression)) this.envRead(access.name.text, access);
  }

  private envRead(name: string, node: Node): void {
    this.envReads.push({ name, start: node.getStart(this.sourceFile), end: node.end });
  }

  private onPropertyAssignment(property: TsNamespace.PropertyAssignment): void {
    const ts = this.ts;
    const name = property.name;
    if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) return;
    if (name.text === 'dangerouslyAllowBrowser') {
      if (property.initializer.kind === this.K.TrueKeyword) {
        this.browserFlags.push({ start: property.getStart(this.sourceFile), end: property.end, keyInFile: this.flagsWithKeys.has(property) });
      }
    } else if (name.text === 'toolsets') {
      this.toolsets.push(property.initializer);
    }
  }

  /** Stdio server parameters: an object with `command` (or `fullCommand`) and `env`. Runs on every object: keep it cheap. */
  private onObjectLiteral(object: ObjectLiteral): void {
    const properties = object.properties;
    if (properties.length < 2 || properties.length > 64) return;
    const K = this.K;
    let env: Expression | undefined;
    let command = false;
    let browserFlag: Node | undefined;
    for (const property of properties) {
      const name = property.name;
      if (!name || name.kind !== K.Identifier) continue;
      const text = (name as TsNamespace.Identifier).escapedText;
      if (text === 'command' || text === 'fullCommand') command = true;
      else if (text === 'dangerouslyAllowBrowser') browserFlag = property;
      else if (text === 'env') {
        if (property.kind === K.PropertyAssignment) env = (property as TsNamespace.PropertyAssignment).initializer;
        else if (property.kind === K.ShorthandPropertyAssignment) env = (property as TsNamespace.ShorthandPropertyAssignment).name;
      }
    }
    if (command && env) this.envCandidates.push({ value: env, transport: false });
    if (browserFlag && this.fixesKey(object)) this.flagsWithKeys.add(browserFlag);
  }

  /**
   * Client options whose credential is written into this file: a string literal or an environment read
   * (`apiKey: import.meta.env.VITE_OPENAI_API_KEY`), which a bundler then inlines. A key passed in by the caller
   * (`apiKey: this.apiKey`, `apiKey` from the options) is the caller's to place.
   */
  private fixesKey(object: ObjectLiteral): boolean {
    const ts = this.ts;
    return object.properties.some((property) => {
      if (!ts.isPropertyAssignment(property) || !isSecretLikeName(propertyNameText(ts, property.name) ?? '')) return false;
      const pending: Expression[] = [property.initializer];
      while (pending.length) {
        const value = this.unwrap(pending.pop()!);
        if (ts.isStringLiteralLike(value)) return true;
        if ((ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) && this.isEnvObject(value.expression)) return true;
        if (ts.isBinaryExpression(value) && (value.operatorToken.kind === this.K.QuestionQuestionToken || value.operatorToken.kind === this.K.BarBarToken)) pending.push(value.left, value.right);
      }
      return false;
    });
  }

  // ---------------------------------------------------------------- helpers

  unwrap(expression: Expression): Expression {
    const ts = this.ts;
    let current = expression;
    for (;;) {
      if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current) || ts.isAwaitExpression(current)) {
        current = current.expression;
      } else return current;
    }
  }

  objectArg(expression: Expression | undefined): ObjectLiteral | undefined {
    if (!expression) return undefined;
    const value = this.unwrap(expression);
    return this.ts.isObjectLiteralExpression(value) ? value : undefined;
  }

  /** The value of a property (`key: value`, shorthand `key`, method `key() {}`) of an object literal. */
  propValue(object: ObjectLiteral, key: string): Expression | FunctionLike | undefined {
    const ts = this.ts;
    for (const property of object.properties) {
      if (!property.name || propertyNameText(ts, property.name) !== key) continue;
      if (ts.isPropertyAssignment(property)) return property.initializer;
      if (ts.isShorthandPropertyAssignment(property)) return property.name;
      if (ts.isMethodDeclaration(property)) return property;
    }
    return undefined;
  }

  stringProp(object: ObjectLiteral, key: string): string | undefined {
    const value = this.propValue(object, key);
    return value && !isFunctionLikeNode(this.ts, value) ? stringValue(this.ts, value as Expression) : undefined;
  }
}

export function isFunctionLikeNode(ts: Ts, node: Node): node is FunctionLike {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isAccessor(node);
}

export function stringValue(ts: Ts, node: Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

export function propertyNameText(ts: Ts, name: TsNamespace.PropertyName | TsNamespace.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

function moduleExportName(ts: Ts, name: TsNamespace.ModuleExportName): string {
  return ts.isIdentifier(name) ? name.text : name.text;
}
