/**
 * The code-side agent analysis of one TypeScript/JavaScript file, computed once per file (`context.memo`) and
 * shared by the facts collector and the rules: agent definitions and their tools (facts for the workspace index),
 * and the findings of grants/all-mcp-tools, grants/env-passthrough, credentials/browser-exposed and the code side
 * of grants/unrestricted-shell.
 *
 * One walk of the syntax tree (./walk.ts) records what the file declares; this module then links the records
 * (tool variables to their definitions, tool implementations to the shell calls in them) without walking again.
 */
import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from '../languages/typescript-api';
import type { AnalysisContext } from '../context';
import type { CodeAgent, CodeTool } from '../facts';
import { isSecretLikeName } from '../secrets/names';
import { agentGates, definitionOptionsNode, toolApproval, type AgentGates, type ValueResolver } from './approval';
import { riskOf } from './risk';
import { browserExposedMessage, browserExposedName } from './public-env';
import { codeToolAt, envPassthroughMessage, lastBefore } from './common';
import { isMcpClientFactory } from './modules';
import { pythonCodeScan } from './python-agents';
import {
  type Expression,
  type FunctionLike,
  isFunctionLikeNode,
  type Node,
  type ObjectLiteral,
  propertyNameText,
  type ShellSink,
  stringValue,
  type ToolDef,
  type VarDecl,
  Walker,
  AGENT_RECORDS,
} from './walk';
import { collectedFrom } from '../syntax';

export interface CodeFinding {
  start: number;
  end: number;
  message: string;
}

export interface CodeScan {
  agents: CodeAgent[];
  allMcpTools: CodeFinding[];
  envPassthrough: CodeFinding[];
  browserExposed: CodeFinding[];
  shell: CodeFinding[];
}

function emptyScan(): CodeScan {
  return { agents: [], allMcpTools: [], envPassthrough: [], browserExposed: [], shell: [] };
}

/** The analysis of a code file (memoised: computed on first use, shared by every check). */
export function codeScan(context: AnalysisContext): CodeScan {
  if (context.kind === 'python' || context.kind === 'notebook') return pythonCodeScan(context);
  if (context.kind !== 'code') return emptyScan();
  return context.memo('code-facts', () => scanCode(context)) ?? emptyScan();
}

function scanCode(context: AnalysisContext): CodeScan {
  const scan = emptyScan();
  const walker = collectedFrom(context, AGENT_RECORDS);
  if (walker) new Linker(walker, context, scan).run();
  return scan;
}

interface McpTools {
  /** Every tool of the client/server (no filter). */
  all: boolean;
  /** Names when the tools are listed (`tools({ schemas: { get_issue: … } })`). */
  names?: string[];
  /** The client expression, for messages. */
  client: string;
  method: string;
}

interface AgentContext {
  /** `activeTools` limits what the model may call, so an unfiltered MCP tool set is not reported. */
  limited: boolean;
}

/** How a shell call was reached: which arguments must carry model input and what to call it in messages. */
interface SinkShape {
  args: Expression[];
  what: string;
}

/** Packages only browser code imports. */
const UI_FRAMEWORK = /^(?:react|react-dom|react-dom\/client|preact|vue|svelte|solid-js|@angular\/core|lit)$/;

const SHELL_PROGRAMS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'csh', 'tcsh', 'ash', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh', 'pwsh.exe']);
const SHELL_FLAGS = new Set(['-c', '-lc', '-ic', '-ec', '/c', '/C', '-Command', '-command', '-EncodedCommand']);

class Linker implements ValueResolver {
  private readonly ts: Ts;
  private readonly sourceFile: TsNamespace.SourceFile;
  /** Tool implementations and the definitions using them (one function can implement several tools). */
  private readonly impls = new Map<FunctionLike, ToolDef[]>();
  /** Plain-object tools in records (`{ description, inputSchema, execute }`), by their implementation. */
  private readonly implicitDefs = new Map<Node, ToolDef>();
  private readonly toolRefs: { tool: CodeTool; def: ToolDef }[] = [];
  private readonly shellDefs = new Set<ToolDef>();
  private readonly reported = new Set<string>();
  private readonly paramCache = new Map<FunctionLike, Set<string>[]>();
  /** Each agent's tools with the gates its own options set (human-in-the-loop middleware …). */
  private readonly agentTools: { tools: CodeTool[]; gates: AgentGates }[] = [];

  constructor(
    private readonly w: Walker,
    private readonly context: AnalysisContext,
    private readonly scan: CodeScan,
  ) {
    this.ts = w.ts;
    this.sourceFile = w.sourceFile;
  }

  run(): void {
    const credentials = this.environment();
    for (const site of this.w.agentSites) this.agent(site, credentials);
    this.hostedMcpTools();
    this.toolsets();
    this.envPassthrough();
    this.shell();
    for (const { tool, def } of this.toolRefs) if (this.shellDefs.has(def)) tool.kind = 'shell';
    this.approvals();
  }

  // ---------------------------------------------------------------- environment and browser exposure

  private environment(): string[] {
    const names: string[] = [];
    const seen = new Set<string>();
    const extraNames = this.context.config.extraSecretNames;
    const serverOnly = this.w.envReads.length > 0 && this.isServerOnlyCode();
    for (const read of this.w.envReads) {
      if (!seen.has(read.name)) {
        seen.add(read.name);
        if (isSecretLikeName(read.name, { extraNames })) names.push(read.name);
      }
      // Code that never reaches a browser keeps what it reads there; the same name read in browser code is reported
      // where it is read.
      const exposed = serverOnly ? undefined : browserExposedName(read.name);
      if (exposed) this.finding(this.scan.browserExposed, read.start, read.end, browserExposedMessage(read.name, exposed, 'read'));
    }
    for (const flag of this.w.browserFlags) {
      if (!flag.keyInFile && !this.isBrowserCode()) continue;
      this.finding(
        this.scan.browserExposed,
        flag.start,
        flag.end,
        'dangerouslyAllowBrowser: true makes the client send its API key from the browser, where any visitor can read and reuse it. ' +
          'Call the provider from a server route that holds the key and let the browser call that route, or give the browser a short-lived ephemeral token instead of the API key.',
      );
    }
    return names;
  }

  /**
   * Code that runs in a browser: a client component (`'use client'`), a JSX/TSX file, or a file importing a UI
   * framework. Library code that passes its caller's key to a client (`dangerouslyAllowBrowser: true` so that it
   * also works in browsers) is none of these.
   */
  private isBrowserCode(): boolean {
    if (/\.(?:jsx|tsx)$/i.test(this.context.path)) return true;
    const first = this.sourceFile.statements[0];
    if (first && this.ts.isExpressionStatement(first) && this.ts.isStringLiteral(first.expression) && first.expression.text === 'use client') return true;
    for (const { module } of this.w.imports.values()) if (UI_FRAMEWORK.test(module)) return true;
    return false;
  }

  /**
   * Code that never goes to a browser, by its own declaration: React server functions (`'use server'` in the
   * directive prologue) and modules importing `server-only`, which Next.js refuses to bundle for the client.
   */
  private isServerOnlyCode(): boolean {
    const ts = this.ts;
    for (const statement of this.sourceFile.statements) {
      if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
      if (statement.expression.text === 'use server') return true;
    }
    return this.sourceFile.statements.some(
      (statement) => ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === 'server-only',
    );
  }

  // ---------------------------------------------------------------- agents and tools

  private agent(site: Walker['agentSites'][number], credentials: string[]): void {
    const options = site.options && this.resolveObject(site.options);
    const toolsValue = options && this.w.propValue(options, 'tools');
    if (site.kind === 'call' && (!toolsValue || isFunctionLikeNode(this.ts, toolsValue))) return;
    const name = options && (this.w.stringProp(options, 'name') ?? this.w.stringProp(options, 'id'));
    const context: AgentContext = { limited: !!options && !!this.w.propValue(options, 'activeTools') };
    const tools: CodeTool[] = [];
    // Unknown options (`new Agent(config)` with config from elsewhere) or tools computed at run time: not complete.
    let complete = (!!options || !site.options) && (!toolsValue || !isFunctionLikeNode(this.ts, toolsValue));
    if (toolsValue && !isFunctionLikeNode(this.ts, toolsValue)) this.collectTools(toolsValue, toolsValue, tools, 0, context);
    const servers = options && this.w.propValue(options, 'mcpServers');
    if (servers && !isFunctionLikeNode(this.ts, servers)) this.mcpServers(servers, tools, name);
    if (tools.some((tool) => tool.name === undefined || tool.kind === 'mcp-all')) complete = false;
    this.agentTools.push({ tools, gates: agentGates(this.ts, this.w, options, this) });
    const ownerTag = this.ownerTag(site.statements);
    this.scan.agents.push({
      file: this.context.path,
      framework: site.framework,
      kind: site.kind,
      ...(name !== undefined && { name }),
      range: this.context.lines.rangeOf(site.headStart, site.headEnd),
      startOffset: site.headStart,
      endOffset: site.headEnd,
      tools,
      toolsComplete: complete,
      ...(ownerTag !== undefined && { ownerTag }),
      environmentCredentials: credentials.slice(),
    });
  }

  /** Resolve a `tools` value (array, record, variable, MCP tool set …) into tools, located where they are referenced. */
  private collectTools(value: Expression, at: Node, out: CodeTool[], depth: number, agent: AgentContext): void {
    const ts = this.ts;
    const e = this.w.unwrap(value);
    if (depth > 8) {
      this.unresolved(at, out);
      return;
    }
    if (ts.isArrayLiteralExpression(e)) {
      for (const element of e.elements) {
        if (ts.isOmittedExpression(element)) continue;
        if (ts.isSpreadElement(element)) this.collectTools(element.expression, element, out, depth + 1, agent);
        else this.collectTool(element, out);
      }
      return;
    }
    if (ts.isObjectLiteralExpression(e)) {
      for (const property of e.properties) {
        if (ts.isSpreadAssignment(property)) {
          this.collectTools(property.expression, property, out, depth + 1, agent);
          continue;
        }
        const key = property.name && propertyNameText(ts, property.name);
        if (key === undefined || !property.name) {
          this.unresolved(property, out);
          continue;
        }
        let def: ToolDef | undefined;
        if (ts.isPropertyAssignment(property)) def = this.recordValueDef(property.initializer, key);
        else if (ts.isShorthandPropertyAssignment(property)) def = this.recordValueDef(property.name, key);
        else if (ts.isMethodDeclaration(property)) def = this.implicitDef(property, key);
        const tool = this.tool(key, def?.kind === 'mcp-all' ? 'function' : (def?.kind ?? 'function'), property.name);
        // Mastra: the model sees the record key; a manifest may still name the tool by its own `id`.
        if (def?.name !== undefined && def.name !== key) tool.aliases = [def.name];
        out.push(tool);
        if (def) this.toolRefs.push({ tool, def });
      }
      return;
    }
    if (ts.isConditionalExpression(e)) {
      this.collectTools(e.whenTrue, e.whenTrue, out, depth + 1, agent);
      this.collectTools(e.whenFalse, e.whenFalse, out, depth + 1, agent);
      return;
    }
    const mcp = this.mcpTools(e, 0);
    if (mcp) {
      if (mcp.names) for (const name of mcp.names) out.push(this.tool(name, 'function', at));
      else if (mcp.all) this.mcpAll(at, mcp, out, agent);
      else this.unresolved(at, out);
      return;
    }
    if (ts.isIdentifier(e)) {
      const declaration = this.lookupVar(e.text, e.pos);
      if (declaration?.simple && declaration.init) {
        this.collectTools(declaration.init, at, out, depth + 1, agent);
        return;
      }
    }
    this.unresolved(at, out);
  }

  /** One element of a tools array: a tool variable, an inline definition, a hosted tool. */
  private collectTool(element: Expression, out: CodeTool[]): void {
    const target = this.deref(element);
    const def = this.toolDefOf(target);
    if (!def) {
      this.unresolved(element, out);
      return;
    }
    const inline = this.w.unwrap(element) === target;
    const tool = inline ? this.toolAt(def.name, def.kind, def.headStart, def.headEnd) : this.tool(def.name, def.kind, element);
    out.push(tool);
    this.toolRefs.push({ tool, def });
  }

  /** A record entry's value (`search: searchTool`, `summarize`): its definition, if it has one here. */
  private recordValueDef(value: Expression, key: string): ToolDef | undefined {
    const target = this.deref(value);
    const def = this.toolDefOf(target);
    if (def) {
      def.displayName ??= key;
      return def;
    }
    // AI SDK tools can be plain objects: `{ description, inputSchema, execute }`.
    if (this.ts.isObjectLiteralExpression(target)) {
      const execute = this.w.propValue(target, 'execute');
      if (execute) return this.implicitDef(execute, key, target);
    }
    return undefined;
  }

  private implicitDef(impl: Expression | FunctionLike, key: string, options?: ObjectLiteral): ToolDef {
    let def = this.implicitDefs.get(impl);
    if (!def) {
      def = { kind: 'function', framework: 'ai-sdk', impl, displayName: key, headStart: impl.getStart(this.sourceFile), headEnd: impl.end, ...(options && { options }) };
      this.implicitDefs.set(impl, def);
    }
    return def;
  }

  private toolDefOf(target: Expression): ToolDef | undefined {
    const def = this.w.toolDefs.get(target);
    if (def) return def;
    if (this.ts.isNewExpression(target) && this.ts.isIdentifier(target.expression)) return this.w.classTools.get(target.expression.text);
    return undefined;
  }

  /** OpenAI Agents SDK `mcpServers: [server]`: unfiltered servers give the agent all their tools. */
  private mcpServers(value: Expression, out: CodeTool[], agentName: string | undefined): void {
    const ts = this.ts;
    const list = this.deref(value);
    if (!ts.isArrayLiteralExpression(list)) {
      this.unresolved(value, out);
      return;
    }
    for (const element of list.elements) {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) {
        this.unresolved(element, out);
        continue;
      }
      const server = this.w.openaiServers.get(this.deref(element));
      if (!server) {
        this.unresolved(element, out);
        continue;
      }
      const options = server.options && this.resolveObject(server.options);
      if (server.options && !options) {
        // Options built elsewhere: whether they filter is unknown.
        this.unresolved(element, out);
        continue;
      }
      if (options && this.w.propValue(options, 'toolFilter')) continue;
      const inline = this.w.unwrap(element) === server.node;
      out.push(inline ? this.toolAt(undefined, 'mcp-all', server.headStart, server.headEnd) : this.tool(undefined, 'mcp-all', element));
      const label = options && this.w.stringProp(options, 'name');
      const serverName = label ? `MCP server "${label}"` : `This ${server.className}`;
      this.finding(
        this.scan.allMcpTools,
        server.headStart,
        server.headEnd,
        `${serverName} gives ${agentName ? `agent "${agentName}"` : 'the agent'} every tool it exposes, including write and admin tools and any tool added to the server later. ` +
          "Add a toolFilter that lists the tools the task needs: toolFilter: createMCPToolStaticFilter({ allowed: ['…'] }).",
      );
    }
  }

  /**
   * OpenAI Agents SDK `hostedMcpTool({ serverLabel })` without `allowedTools`, unless every call waits for a person
   * (`requireApproval: 'always'`; a per-tool map still lets the tools it leaves out run unasked).
   */
  private hostedMcpTools(): void {
    for (const [node, def] of this.w.toolDefs) {
      if (!def.allTools) continue;
      const optionsNode = definitionOptionsNode(this.ts, node, def);
      const options = optionsNode && this.resolveObject(optionsNode);
      if (options && toolApproval(this.ts, this.w, def, options, undefined, false)?.gate === 'always') continue;
      this.finding(
        this.scan.allMcpTools,
        def.headStart,
        def.headEnd,
        `Hosted MCP server "${def.name}" gives the model every tool it exposes, including write and admin tools and any tool added to the server later. ` +
          "Set allowedTools to the tools the task needs: allowedTools: ['…'].",
      );
    }
  }

  /** Mastra: `agent.generate(prompt, { toolsets: await mcp.getToolsets() })`. */
  private toolsets(): void {
    for (const value of this.w.toolsets) {
      const mcp = this.mcpTools(this.w.unwrap(value), 0);
      if (mcp?.all) this.mcpFinding(value.getStart(this.sourceFile), value.end, mcp);
    }
  }

  private mcpAll(at: Node, mcp: McpTools, out: CodeTool[], agent: AgentContext): void {
    const tool = this.tool(undefined, 'mcp-all', at);
    out.push(tool);
    if (!agent.limited) this.mcpFinding(tool.startOffset, tool.endOffset, mcp);
  }

  private mcpFinding(start: number, end: number, mcp: McpTools): void {
    const short = mcp.client.length <= 40 && !/\s/.test(mcp.client);
    const call = mcp.method === 'loadMcpTools' ? 'loadMcpTools()' : short ? `${mcp.client}.${mcp.method}()` : `${mcp.method}()`;
    const how =
      mcp.method === 'tools'
        ? `Hand over only the tools the task needs: pick them by name (const { get_issue } = await ${short ? mcp.client : 'client'}.tools()), declare them with tools({ schemas }), or limit the call with activeTools.`
        : 'Pick the tools the task needs from the result by name and pass only those.';
    this.finding(this.scan.allMcpTools, start, end, `Every tool from ${call} goes to the model unfiltered, including write and admin tools and any tool added to the MCP server later. ${how}`);
  }

  /**
   * Is this expression the tool set of an MCP client? `await mcp.tools()`, `Object.values(await mcp.tools())`,
   * Mastra `await mcp.getTools()`/`getToolsets()`, LangChain `await client.getTools()`, `loadMcpTools(…)`.
   */
  private mcpTools(expression: Expression, depth: number): McpTools | undefined {
    const ts = this.ts;
    const e = this.w.unwrap(expression);
    if (ts.isIdentifier(e)) {
      if (depth > 4) return undefined;
      const declaration = this.lookupVar(e.text, e.pos);
      return declaration?.simple && declaration.init ? this.mcpTools(declaration.init, depth + 1) : undefined;
    }
    if (!ts.isCallExpression(e)) return undefined;
    const callee = e.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = callee.expression;
      if (method === 'values' && ts.isIdentifier(receiver) && receiver.text === 'Object' && e.arguments[0]) return this.mcpTools(e.arguments[0], depth + 1);
      if ((method === 'tools' || method === 'getTools' || method === 'getToolsets') && this.isMcpClient(receiver)) {
        const client = receiver.getText(this.sourceFile);
        if (method === 'tools') {
          const options = this.w.objectArg(e.arguments[0]);
          const schemas = options && this.w.propValue(options, 'schemas');
          if (schemas && !isFunctionLikeNode(ts, schemas)) {
            const record = this.resolveObject(schemas);
            const names = record?.properties.map((property) => property.name && propertyNameText(ts, property.name));
            return { all: false, names: names && names.every((name) => name !== undefined) ? (names as string[]) : undefined, client, method };
          }
        }
        return { all: true, client, method };
      }
      return undefined;
    }
    const binding = this.w.calleeBinding(callee);
    if (binding && binding.name === 'loadMcpTools' && binding.module.startsWith('@langchain/mcp-adapters')) return { all: true, client: 'loadMcpTools', method: 'loadMcpTools' };
    return undefined;
  }

  private isMcpClient(receiver: Expression): boolean {
    const ts = this.ts;
    const e = this.w.unwrap(receiver);
    if (ts.isIdentifier(e)) return this.w.mcpClients.has(e.text) || /mcp/i.test(e.text);
    if (ts.isPropertyAccessExpression(e)) return /mcp/i.test(e.name.text);
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
      const binding = this.w.calleeBinding(e.expression);
      return !!binding && isMcpClientFactory(binding);
    }
    return false;
  }

  private tool(name: string | undefined, kind: CodeTool['kind'], at: Node): CodeTool {
    return this.toolAt(name, kind, at.getStart(this.sourceFile), at.end);
  }

  private toolAt(name: string | undefined, kind: CodeTool['kind'], start: number, end: number): CodeTool {
    return codeToolAt(this.context.lines, name, kind, start, end);
  }

  private unresolved(at: Node, out: CodeTool[]): void {
    out.push(this.tool(undefined, undefined, at));
  }

  /** `@owner team:x` in a comment before the agent's declaration (or an enclosing declaration). */
  private ownerTag(statements: Node[]): string | undefined {
    const text = this.sourceFile.text;
    for (let i = statements.length - 1; i >= 0; i--) {
      const comments = this.ts.getLeadingCommentRanges(text, statements[i]!.pos);
      if (!comments) continue;
      for (let j = comments.length - 1; j >= 0; j--) {
        const comment = comments[j]!;
        const match = /@owner[ \t]+([^\s*]+)/.exec(text.slice(comment.pos, comment.end));
        if (match) return match[1];
      }
    }
    return undefined;
  }

  // ---------------------------------------------------------------- grants/env-passthrough

  private envPassthrough(): void {
    const candidates = this.w.envCandidates.filter((candidate) => this.w.mcpContext || candidate.transport);
    for (const argument of this.w.transportArgs) {
      const options = this.resolveObject(argument);
      const env = options && this.w.propValue(options, 'env');
      if (env && !isFunctionLikeNode(this.ts, env)) candidates.push({ value: env, transport: true });
    }
    const seen = new Set<Node>();
    for (const { value } of candidates) {
      if (seen.has(value)) continue;
      seen.add(value);
      for (const pass of this.passthrough(value, 0)) {
        const example = 'env: { GITHUB_TOKEN: process.env.GITHUB_TOKEN } (with the MCP SDK, start from getDefaultEnvironment())';
        this.finding(this.scan.envPassthrough, pass.start, pass.end, envPassthroughMessage(pass.via, example));
      }
    }
  }

  private passthrough(value: Expression, depth: number): { start: number; end: number; via?: string }[] {
    const ts = this.ts;
    const e = this.w.unwrap(value);
    const at = (node: Node): { start: number; end: number } => ({ start: node.getStart(this.sourceFile), end: node.end });
    if (this.isWholeEnv(e)) return [at(e)];
    if (ts.isObjectLiteralExpression(e)) {
      return e.properties.filter((property) => ts.isSpreadAssignment(property) && this.isWholeEnv(this.w.unwrap(property.expression))).map(at);
    }
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'assign' && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === 'Object') {
      return e.arguments.filter((argument) => this.isWholeEnv(this.w.unwrap(argument))).map(at);
    }
    if (ts.isIdentifier(e) && depth < 3) {
      const declaration = this.lookupVar(e.text, e.pos);
      if (declaration?.simple && declaration.init && this.passthrough(declaration.init, depth + 1).length) return [{ ...at(e), via: e.text }];
    }
    return [];
  }

  /** `process.env`, `import.meta.env`, `Bun.env`, `Deno.env.toObject()`. */
  private isWholeEnv(e: Expression): boolean {
    const ts = this.ts;
    if (this.w.isEnvObject(e)) return true;
    return (
      ts.isCallExpression(e) &&
      ts.isPropertyAccessExpression(e.expression) &&
      e.expression.name.text === 'toObject' &&
      ts.isPropertyAccessExpression(e.expression.expression) &&
      e.expression.expression.name.text === 'env' &&
      ts.isIdentifier(e.expression.expression.expression) &&
      e.expression.expression.expression.text === 'Deno'
    );
  }

  // ---------------------------------------------------------------- grants/unrestricted-shell

  private shell(): void {
    for (const hosted of this.w.hostedShells) {
      const message =
        `${hosted.label}() lets the model run any shell command with this process's permissions and credentials. ` +
        "Give the agent function tools that run the specific commands its task needs, or run the shell in OpenAI's hosted container (environment: { type: 'container_auto' }) or require approval (needsApproval).";
      this.finding(this.scan.shell, hosted.start, hosted.end, message);
    }
    if (!this.w.sinks.length) return;
    for (const def of [...this.w.toolDefs.values(), ...this.implicitDefs.values()]) {
      const fn = def.impl && this.resolveFunction(def.impl);
      if (!fn) continue;
      const defs = this.impls.get(fn);
      if (defs) defs.push(def);
      else this.impls.set(fn, [def]);
    }
    const helpers: { sink: ShellSink; shape: SinkShape; fn: FunctionLike; indices: number[] }[] = [];
    const done = new Set<Node>();
    for (const sink of this.w.sinks) {
      for (const shape of this.shapes(sink)) {
        if (done.has(sink.node)) break;
        for (let level = sink.fns.length - 1; level >= 0; level--) {
          const fn = sink.fns[level]!;
          const params = this.params(fn);
          const all = new Set(params.flatMap((names) => [...names]));
          if (!all.size || !this.reaches(shape.args, fn, all, sink.node.pos)) continue;
          const defs = this.impls.get(fn);
          if (defs) {
            if (!this.guarded(fn, shape.args, sink.node.pos)) this.shellFinding(sink, shape, defs);
            done.add(sink.node);
            break;
          }
          if (this.w.fnNames.has(fn)) {
            const indices = params.map((names, index) => (this.reaches(shape.args, fn, names, sink.node.pos) ? index : -1)).filter((index) => index >= 0);
            helpers.push({ sink, shape, fn, indices });
          }
        }
      }
    }
    // One call away: `execute: async ({ command }) => runShell(command)` with `function runShell(cmd) { execSync(cmd) }`.
    for (const helper of helpers) {
      if (done.has(helper.sink.node)) continue;
      const name = this.w.fnNames.get(helper.fn)!;
      for (const call of this.w.idCalls) {
        if (done.has(helper.sink.node)) break;
        if (!this.ts.isIdentifier(call.node.expression) || call.node.expression.text !== name) continue;
        const args = helper.indices.map((index) => call.node.arguments[index]).filter((arg): arg is Expression => !!arg);
        if (!args.length) continue;
        for (let level = call.fns.length - 1; level >= 0; level--) {
          const fn = call.fns[level]!;
          const defs = this.impls.get(fn);
          if (!defs) continue;
          const all = new Set(this.params(fn).flatMap((names) => [...names]));
          if (all.size && this.reaches(args, fn, all, call.node.pos)) {
            if (!this.guarded(fn, args, call.node.pos) && !this.guarded(helper.fn, helper.shape.args, helper.sink.node.pos)) this.shellFinding(helper.sink, helper.shape, defs, name);
            done.add(helper.sink.node);
            break;
          }
        }
      }
    }
  }

  /** Which arguments of a shell call must carry model input for it to be an unrestricted shell, and how to say so. */
  private shapes(sink: ShellSink): SinkShape[] {
    const ts = this.ts;
    const label = sink.label.length <= 40 ? sink.label : 'a command runner';
    if (ts.isTaggedTemplateExpression(sink.node)) {
      const template = sink.node.template;
      const spans = ts.isTemplateExpression(template) ? template.templateSpans.map((span) => span.expression) : [];
      return [{ args: spans, what: `interpolates model input into the command ${label} runs` }];
    }
    const args = sink.node.arguments;
    const [first, second] = args;
    if (!first) return [];
    if (sink.family === 'exec') return [{ args: [first], what: `hands model input to ${label}, which runs it in a shell` }];
    if (sink.family === 'command') return [{ args: [first], what: `hands model input to ${label}, which runs it as a command line` }];
    // spawn/execFile/execa: a shell when `shell` is set; otherwise the model must not choose the program.
    const options = args.slice(1, 3).map((arg) => this.resolveObject(arg)).find((object): object is ObjectLiteral => !!object);
    const shellOption = options && this.w.propValue(options, 'shell');
    if (shellOption && !isFunctionLikeNode(ts, shellOption) && shellOption.kind !== ts.SyntaxKind.FalseKeyword) {
      return [{ args: second && !this.ts.isObjectLiteralExpression(second) ? [first, second] : [first], what: `hands model input to ${label} with shell: true, which runs it in a shell` }];
    }
    const shapes: SinkShape[] = [{ args: [first], what: `lets the model choose the program ${label} runs` }];
    const program = stringValue(ts, this.w.unwrap(first));
    const list = second && this.deref(second);
    if (program && list && ts.isArrayLiteralExpression(list)) {
      const base = program.slice(program.lastIndexOf('/') + 1);
      if (SHELL_PROGRAMS.has(base) && list.elements.some((element) => SHELL_FLAGS.has(stringValue(ts, element) ?? ''))) {
        shapes.push({ args: [list], what: `hands model input to a shell (${base} ${list.elements.map((element) => stringValue(ts, element)).find((flag) => flag && SHELL_FLAGS.has(flag))}) through ${label}` });
      }
    }
    return shapes;
  }

  private shellFinding(sink: ShellSink, shape: SinkShape, defs: ToolDef[], helper?: string): void {
    const name = defs.map((def) => def.name ?? def.displayName).find((candidate) => candidate !== undefined);
    const tool = name ? `Tool "${name}"` : 'This agent tool';
    const via = helper ? ` (through ${helper}())` : '';
    for (const def of defs) this.shellDefs.add(def);
    this.finding(
      this.scan.shell,
      sink.node.getStart(this.sourceFile),
      sink.node.end,
      `${tool} ${shape.what}${via}: the model can run any command with this process's permissions and credentials. ` +
        'Run a fixed program with execFile and an argument array (no shell), check the input against an allow-list, or remove the tool.',
    );
  }

  /**
   * Is the command checked against an allow-list before the call? `if (!ALLOWED.includes(program)) throw …`,
   * `if (!allowed.has(cmd)) return …`, `if (/^git (status|log)$/.test(command)) { …call… }`, on the command or a value
   * derived from it. Control flow is not followed further: a negated check before the call, or a positive check in an
   * `if` around it, is taken to guard it. A positive check elsewhere is a deny-list (`if (BLOCKED.has(cmd)) throw`),
   * which does not bound what the model can run.
   */
  private guarded(fn: FunctionLike, args: Expression[], sinkPos: number): boolean {
    const ts = this.ts;
    const body = fn.body;
    if (!body) return false;
    const names = new Set<string>();
    for (const arg of args) for (const id of this.identifiersIn(arg)) names.add(id);
    if (!names.size) return false;
    const isCheck = (expression: Expression): boolean => {
      const e = this.w.unwrap(expression);
      if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || !e.arguments.length) return false;
      const method = e.expression.name.text;
      return (method === 'includes' || method === 'has' || method === 'test') && this.reaches([e.arguments[0]!], fn, names, sinkPos);
    };
    let found = false;
    const visit = (node: Node): void => {
      if (found || node.pos >= sinkPos) return;
      if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken && isCheck(node.operand)) {
        found = true;
        return;
      }
      if (ts.isIfStatement(node) && node.thenStatement.pos <= sinkPos && sinkPos < node.thenStatement.end && this.anyCheck(node.expression, isCheck)) {
        found = true;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  }

  /** Does a condition contain a check (`a && ALLOWED.has(x)`)? Looks through `&&`, `||` and parentheses. */
  private anyCheck(condition: Expression, isCheck: (expression: Expression) => boolean): boolean {
    const ts = this.ts;
    const e = this.w.unwrap(condition);
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      return this.anyCheck(e.left, isCheck) || this.anyCheck(e.right, isCheck);
    }
    return isCheck(e);
  }

  /** Does model input (the names of `fn`'s parameters, or local variables derived from them) reach these expressions? */
  private reaches(expressions: Expression[], fn: FunctionLike, names: Set<string>, before: number): boolean {
    if (!names.size) return false;
    const seen = new Set<VarDecl>();
    const check = (expression: Node, depth: number): boolean => {
      for (const id of this.identifiersIn(expression)) {
        if (names.has(id)) return true;
        if (depth >= 4) continue;
        for (const declaration of this.w.vars.get(id) ?? []) {
          if (declaration.pos < fn.pos || declaration.pos >= fn.end || declaration.pos >= before || !declaration.init || seen.has(declaration)) continue;
          seen.add(declaration);
          if (check(declaration.init, depth + 1)) return true;
        }
      }
      return false;
    };
    return expressions.some((expression) => check(expression, 0));
  }

  /**
   * Identifiers an expression reads (not property names), at most a few hundred. Arguments of quoting functions
   * (`shellQuote.quote([ref])`, `escapeShellArg(x)`) are not counted: quoted input is an argument, not a command.
   */
  private identifiersIn(root: Node): Set<string> {
    const ts = this.ts;
    const ids = new Set<string>();
    const visit = (node: Node): void => {
      if (ids.size > 256) return;
      if (ts.isIdentifier(node)) {
        ids.add(node.text);
        return;
      }
      if (ts.isPropertyAccessExpression(node)) {
        visit(node.expression);
        return;
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (/quote|escape/i.test(name)) return;
      }
      if (ts.isPropertyAssignment(node)) {
        visit(node.initializer);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
    return ids;
  }

  /** The names each parameter of a function binds (destructuring included). */
  private params(fn: FunctionLike): Set<string>[] {
    let cached = this.paramCache.get(fn);
    if (!cached) {
      cached = fn.parameters.map((parameter) => {
        const names = new Set<string>();
        this.bindingNames(parameter.name, names);
        return names;
      });
      this.paramCache.set(fn, cached);
    }
    return cached;
  }

  private bindingNames(name: TsNamespace.BindingName, into: Set<string>): void {
    const ts = this.ts;
    if (ts.isIdentifier(name)) {
      if (name.text !== 'this') into.add(name.text);
      return;
    }
    for (const element of name.elements) if (ts.isBindingElement(element)) this.bindingNames(element.name, into);
  }

  private resolveFunction(impl: Expression | FunctionLike): FunctionLike | undefined {
    const ts = this.ts;
    if (isFunctionLikeNode(ts, impl)) return impl;
    const e = this.w.unwrap(impl as Expression);
    if (isFunctionLikeNode(ts, e)) return e;
    if (!ts.isIdentifier(e)) return undefined;
    const declared = this.w.fnDecls.get(e.text);
    if (declared) return declared;
    const target = this.deref(e);
    return isFunctionLikeNode(ts, target) ? target : undefined;
  }

  // ---------------------------------------------------------------- run-time decisions (./approval.ts)

  /** Per tool: whether the code makes a person approve its calls, where it is defined, and whether it is high-risk. */
  private approvals(): void {
    const nodes = new Map<ToolDef, Node>();
    for (const [node, def] of this.w.toolDefs) nodes.set(def, node);
    const subAgents = new Set<CodeTool>();
    for (const { tool, def } of this.toolRefs) {
      if (def.subAgent) subAgents.add(tool);
      const node = nodes.get(def);
      const optionsNode = def.options ?? (node && definitionOptionsNode(this.ts, node, def));
      const options = def.options ?? (optionsNode && this.resolveObject(optionsNode));
      const fn = def.impl && this.resolveFunction(def.impl);
      const approval = toolApproval(this.ts, this.w, def, options, fn, !!optionsNode && !options);
      if (approval) tool.approval = approval;
      // A plain-object tool is defined where its record names it; the others by their callee (`tool(`, `createTool(`).
      const [start, end] = def.options ? [tool.startOffset, tool.endOffset] : [def.headStart, def.headEnd];
      tool.definition = { range: this.context.lines.rangeOf(start, end), startOffset: start, endOffset: end, framework: def.framework };
    }
    for (const { tools, gates } of this.agentTools) {
      for (const tool of tools) {
        const via = gates.all ?? (tool.name !== undefined ? gates.tools.get(tool.name) : undefined);
        if (via && tool.approval?.gate !== 'always') tool.approval = { gate: 'always', via };
        const risk = tool.kind === 'shell' ? 'runs shell commands' : subAgents.has(tool) ? undefined : riskOf(tool.name);
        if (risk) tool.risk = risk;
      }
    }
  }

  // ---------------------------------------------------------------- shared helpers

  /** The declaration of a name nearest before a position (else the first one): scope-blind, good enough here. */
  private lookupVar(name: string, before: number): VarDecl | undefined {
    return lastBefore(this.w.vars.get(name), before);
  }

  /** Follow `const x = …` from an identifier to the value it names (a few steps at most). */
  deref(expression: Expression): Expression {
    let e = this.w.unwrap(expression);
    for (let steps = 0; steps < 8 && this.ts.isIdentifier(e); steps++) {
      const declaration = this.lookupVar(e.text, e.pos);
      if (!declaration?.simple || !declaration.init) break;
      e = this.w.unwrap(declaration.init);
    }
    return e;
  }

  resolveObject(expression: Expression): ObjectLiteral | undefined {
    const e = this.deref(expression);
    return this.ts.isObjectLiteralExpression(e) ? e : undefined;
  }

  private finding(list: CodeFinding[], start: number, end: number, message: string): void {
    const key = `${list === this.scan.shell ? 's' : list === this.scan.allMcpTools ? 'm' : list === this.scan.envPassthrough ? 'e' : 'b'}:${start}:${end}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    list.push({ start, end, message });
  }
}
