/**
 * The code-side agent analysis of a Python file or notebook, with the same output as the TypeScript one (./scan.ts):
 * agents and their tools as the model sees them (facts for the workspace index: unowned agents, undeclared tools,
 * inventory), and the findings of grants/all-mcp-tools, grants/env-passthrough and the code side of
 * grants/unrestricted-shell. Frameworks: OpenAI Agents SDK, LangChain/LangGraph, CrewAI, Pydantic AI, smolagents,
 * Google ADK, LlamaIndex, AutoGen, agno, and MCP servers (FastMCP, the low-level server).
 */
import type { AnalysisContext } from '../context';
import type { AgentFramework, CodeAgent, CodeTool } from '../facts';
import type { AgentGates } from './approval';
import { fieldOf, type PyNode, textEndsWith } from '../languages/python-tree';
import { isSecretLikeName } from '../secrets/names';
import {
  agentShape,
  isGoogleAdk,
  isMcpServerClass,
  isPythonMcpModule,
  isPydanticAI,
  mcpAllTools,
  mcpClientClass,
  mcpServerClass,
  mcpToolkitClass,
  shellToolkit,
  OPENAI_HOSTED_TOOLS,
  type PyBinding,
  stdioParams,
  toolBaseClass,
  toolDecorator,
  toolFactory,
} from './python-frameworks';
import { codeToolAt, envPassthroughMessage, lastBefore } from './common';
import { PyApprovals, pyAgentGates } from './python-approval';
import { riskOf } from './risk';
import { PythonShell, type ShellHost, sinkOf } from './python-shell';
import { EMPTY_PYTHON_SOURCE, pythonSource, type PythonSource, retainShape } from './python-source';
import { type PyToolDef, PyWalker } from './python-walk';

/** A finding of a code rule, in file offsets (the same shape as the TypeScript side's, ./scan.ts). */
export interface PyCodeFinding {
  start: number;
  end: number;
  message: string;
}

/** What the rules and the workspace index read (structurally the TypeScript side's CodeScan). */
export interface PyCodeScan {
  agents: CodeAgent[];
  allMcpTools: PyCodeFinding[];
  envPassthrough: PyCodeFinding[];
  browserExposed: PyCodeFinding[];
  shell: PyCodeFinding[];
  /** Every tool defined in the file, by the node that defines it (function, call or class): for tool-text checks. */
  toolDefs: ReadonlyMap<PyNode, PyToolDef>;
}

/** Modules that let code run commands (or import anything): authorized to a smolagents CodeAgent, they are a shell. */
const DANGEROUS_IMPORTS = new Set(['*', 'os', 'subprocess', 'sys', 'shutil', 'pty', 'posix', 'builtins', 'importlib', 'ctypes', 'multiprocessing', 'pexpect', 'socket']);

/** Words without which a Python file has nothing for this analysis. */
const TRIGGER = /Agent|[Tt]ool|MCP|mcp|subprocess|os\.system|popen|environ|getenv|exec|eval|agent/;

const empty = (): PyCodeScan => ({ agents: [], allMcpTools: [], envPassthrough: [], browserExposed: [], shell: [], toolDefs: new Map() });

/** The analysis of a Python file or notebook (computed once per file, shared by the facts collector and the rules). */
export function pythonCodeScan(context: AnalysisContext): PyCodeScan {
  return (
    context.memo('python-code-facts', () => {
      const scan = empty();
      const source = pythonSource(context);
      if (!source || !TRIGGER.test(source.text)) return scan;
      const walker = new PyWalker(source.tree, source.text);
      walker.walk();
      const linker = new PyLinker(walker, context, source, scan);
      linker.run();
      return { ...scan, toolDefs: linker.defs };
    }) ?? empty()
  );
}

class PyLinker implements ShellHost {
  readonly defs = new Map<PyNode, PyToolDef>();
  /**
   * Tools added to a Pydantic AI agent by `@agent.tool`, by the value of the `agent` assignment in effect at the
   * decorator (as every name here is resolved): a test module that makes an `agent` in each of 500 tests gives each
   * its own tools, not all of them to every one.
   */
  private readonly agentDecoratorTools = new Map<PyNode, PyToolDef[]>();
  private readonly mcpServerVars = new Set<string>();
  private readonly reported = new Set<string>();
  private readonly toolRefs: { tool: CodeTool; def: PyToolDef }[] = [];
  /** Each agent's tools, with what its own options gate (./python-approval.ts). */
  private readonly agentTools: { tools: CodeTool[]; gates: AgentGates; framework: AgentFramework }[] = [];
  private mcpContext = false;
  /** Each tool definition's own approval, asked by the shell toolkits' check and by the approvals of every agent. */
  private readonly pyApprovals: PyApprovals;

  constructor(
    readonly w: PyWalker,
    private readonly context: AnalysisContext,
    private readonly source: PythonSource,
    private readonly scan: PyCodeScan,
  ) {
    this.pyApprovals = new PyApprovals(w);
  }

  run(): void {
    this.mcpContext = [...this.w.imports.values()].some((binding) => isPythonMcpModule(binding.module)) || this.w.starModules.some(isPythonMcpModule);
    for (const [name, assigns] of this.w.vars) {
      for (const assign of assigns) {
        const value = this.w.unwrap(assign.value);
        const binding = value.type === 'call' ? this.callBinding(value) : undefined;
        if (binding && isMcpServerClass(binding)) this.mcpServerVars.add(name);
      }
    }
    this.decoratedTools();
    this.callTools();
    this.classTools();
    const credentials = this.environment();
    for (const call of this.w.calls) this.agent(call, credentials);
    this.shellToolkits();
    this.hostedMcpTools();
    this.envPassthrough();
    const shellDefs = new PythonShell(this).run();
    for (const { tool, def } of this.toolRefs) if (shellDefs.has(def)) tool.kind = 'shell';
    this.approvals();
  }

  // ---------------------------------------------------------------- run-time decisions (./python-approval.ts)

  /** Per tool: whether the code makes a person approve its calls, where it is defined, and whether it is high-risk. */
  private approvals(): void {
    const approvals = this.pyApprovals;
    const defs = new Map<CodeTool, PyToolDef>();
    for (const { tool, def } of this.toolRefs) defs.set(tool, def);
    for (const { tools, gates, framework } of this.agentTools) {
      for (const tool of tools) {
        const def = defs.get(tool);
        if (def) {
          const approval = approvals.toolApproval(def);
          if (approval) tool.approval = approval;
          const start = this.source.toFile(def.headStart);
          const end = this.source.toFileEnd(def.headEnd);
          // A plain function takes the approval advice of the agent it is handed to.
          tool.definition = { range: this.context.lines.rangeOf(start, end), startOffset: start, endOffset: end, framework: def.framework === 'unknown' ? framework : def.framework };
        }
        const via = gates.all ?? (tool.name !== undefined ? gates.tools.get(tool.name) : undefined);
        if (via && tool.approval?.gate !== 'always') tool.approval = { gate: 'always', via };
        const risk = tool.kind === 'shell' ? 'runs shell commands' : def?.subAgent ? undefined : def ? approvals.risk(def, tool.name) : riskOf(tool.name);
        if (risk) tool.risk = risk;
      }
    }
  }

  // ---------------------------------------------------------------- tool definitions

  callBinding(call: PyNode): PyBinding | undefined {
    const callee = fieldOf(call, 'function');
    return callee ? this.w.binding(callee) : undefined;
  }

  /** `@function_tool`, `@tool("name")`, `@mcp.tool()`, `@agent.tool`, `@server.call_tool()`. */
  private decoratedTools(): void {
    for (const { fn, decorators } of this.w.decorated) {
      const fnName = this.w.name(fieldOf(fn, 'name') ?? fn);
      for (const decorator of decorators) {
        const call = decorator.type === 'call' ? decorator : undefined;
        const callee = call ? fieldOf(call, 'function')! : decorator;
        const head = { headStart: decorator.start, headEnd: call ? callee.end : decorator.end };
        const binding = this.w.binding(callee);
        const known = binding && toolDecorator(binding);
        if (known) {
          const positionalName = known.positionalName && call ? this.w.string(this.w.positionals(call)[0]) : undefined;
          const override = call && known.nameKeyword ? this.w.string(this.w.argument(call, known.nameKeyword)) : undefined;
          this.defs.set(fn, { name: override ?? positionalName ?? fnName, kind: 'function', framework: known.framework, impl: fn, ...head, ...(call && { options: call }) });
          break;
        }
        if (callee.type !== 'attribute') continue;
        const receiver = this.w.unwrap(fieldOf(callee, 'object')!);
        const method = this.w.lastName(callee);
        if (receiver.type !== 'identifier') continue;
        const receiverName = this.w.name(receiver);
        if (method === 'tool' && this.mcpServerVars.has(receiverName)) {
          // FastMCP: @mcp.tool, @mcp.tool(), @mcp.tool(name="…"), @mcp.tool("…")
          const name = call ? (this.w.string(this.w.argument(call, 'name')) ?? this.w.string(this.w.positionals(call)[0])) : undefined;
          this.defs.set(fn, { name: name ?? fnName, kind: 'function', framework: 'mcp-sdk', impl: fn, ...head });
          break;
        }
        if (method === 'call_tool' && this.mcpServerVars.has(receiverName)) {
          // Low-level MCP server: one handler receives every tool call (name, arguments).
          this.defs.set(fn, { kind: 'function', framework: 'mcp-sdk', impl: fn, ...head });
          break;
        }
        if ((method === 'tool' || method === 'tool_plain') && this.isPydanticAgentVar(receiverName)) {
          const name = call ? this.w.string(this.w.argument(call, 'name')) : undefined;
          const def: PyToolDef = { name: name ?? fnName, kind: 'function', framework: 'pydantic-ai', impl: fn, ...head, ...(call && { options: call }) };
          this.defs.set(fn, def);
          const assigned = this.visibleAssignment(receiverName, decorator);
          if (assigned) {
            const list = this.agentDecoratorTools.get(assigned) ?? [];
            list.push(def);
            this.agentDecoratorTools.set(assigned, list);
          }
          break;
        }
      }
    }
  }

  /**
   * The value of the assignment of `name` that a use sees: among assignments at module level or in a function that
   * encloses the use (a test's local `agent` is not another test's), the last before it, else the first.
   */
  private visibleAssignment(name: string, use: PyNode): PyNode | undefined {
    const visible = (this.w.vars.get(name) ?? []).filter((assign) => {
      const scope = enclosingFunction(assign.value);
      return !scope || (scope.start <= use.start && use.end <= scope.end);
    });
    return visible.length ? lastBefore(visible, use.start)?.value : undefined;
  }

  private isPydanticAgentVar(name: string): boolean {
    return (this.w.vars.get(name) ?? []).some((assign) => {
      const value = this.w.unwrap(assign.value);
      const binding = value.type === 'call' ? this.callBinding(value) : undefined;
      return !!binding && isPydanticAI(binding.module) && binding.name === 'Agent';
    });
  }

  /** Tool factories, hosted tools and `agent.as_tool(…)` calls. */
  private callTools(): void {
    for (const call of this.w.calls) {
      const callee = fieldOf(call, 'function');
      if (!callee) continue;
      const head = { headStart: callee.start, headEnd: callee.end };
      const binding = this.w.binding(callee);
      if (binding) {
        const factory = toolFactory(binding);
        if (factory) {
          const implNode = factory.impl && this.w.argument(call, factory.impl.keyword, factory.impl.index);
          const impl = implNode && this.functionOf(implNode);
          const name =
            (factory.nameKeyword ? this.w.string(this.w.argument(call, factory.nameKeyword, factory.nameIndex)) : undefined) ?? (impl ? this.w.name(fieldOf(impl, 'name') ?? impl) : undefined);
          this.defs.set(call, { ...(name !== undefined && { name }), kind: 'function', framework: factory.framework, ...(impl && { impl }), ...head, options: call });
          continue;
        }
        const shellTool = shellToolkit(binding);
        if (shellTool) {
          // agno `ShellTools()`: `enable_run_shell_command=False` leaves it without the shell (unless `all=True`).
          const enabled = this.w.argument(call, 'enable_run_shell_command');
          const all = this.w.argument(call, 'all');
          if (enabled && this.w.unwrap(enabled).type === 'false' && !(all && this.w.unwrap(all).type === 'true')) continue;
          this.defs.set(call, { name: shellTool, kind: 'shell', framework: 'agno', ...head, options: call });
          continue;
        }
        if (binding.name === 'AgentTool' && isGoogleAdk(binding.module)) {
          // Google ADK: another agent as a tool; the model sees the agent's name.
          const agent = this.w.argument(call, 'agent', 0);
          const target = agent && this.w.deref(agent).node;
          const name = target?.type === 'call' ? this.w.string(this.w.argument(target, 'name')) : undefined;
          this.defs.set(call, { ...(name !== undefined && { name }), kind: 'function', framework: 'google-adk', ...head, subAgent: true });
          continue;
        }
        const hosted = OPENAI_HOSTED_TOOLS.get(binding.name);
        if (hosted && binding.module.split('.')[0] === 'agents') {
          const def: PyToolDef = { name: this.w.string(this.w.argument(call, 'name')) ?? hosted.name, kind: hosted.kind, framework: 'openai-agents', ...head, options: call };
          if (binding.name === 'HostedMCPTool') {
            const config = this.dictOf(this.w.argument(call, 'tool_config', 0));
            // Its approval option sits in the configuration (unknown when built elsewhere).
            def.options = config ?? this.w.argument(call, 'tool_config', 0) ?? call;
            def.name = (config && this.w.string(this.w.dictValue(config, 'server_label'))) ?? def.name;
            // Only a configuration written here is known to lack a filter.
            if (config && !this.w.dictValue(config, 'allowed_tools')) def.kind = 'mcp-all';
          }
          this.defs.set(call, def);
          // `ComputerTool()` drives a browser or desktop, not a shell: not reported (as `computerTool()` in TypeScript).
          if (hosted.kind === 'shell') this.hostedShell(call, binding.name, head);
          continue;
        }
      }
      if (callee.type === 'attribute' && this.w.lastName(callee) === 'as_tool') {
        // OpenAI Agents SDK: another agent as a tool, `agent.as_tool(tool_name="translate", …)`
        this.defs.set(call, { name: this.w.string(this.w.argument(call, 'tool_name', 0)), kind: 'function', framework: 'openai-agents', ...head, options: call, subAgent: true });
      }
    }
  }

  /** `class SearchTool(BaseTool): name: str = "search"; def _run(self, query)` and smolagents `Tool` subclasses. */
  private classTools(): void {
    for (const cls of this.w.classes.values()) {
      const bases = fieldOf(cls, 'superclasses');
      if (!bases) continue;
      let base: ReturnType<typeof toolBaseClass>;
      for (const superclass of bases.children) {
        const binding = superclass.type === 'identifier' || superclass.type === 'attribute' ? this.w.binding(superclass) : undefined;
        base = binding && toolBaseClass(binding);
        if (base) break;
      }
      if (!base) continue;
      const body = fieldOf(cls, 'body');
      let name: string | undefined;
      let impl: PyNode | undefined;
      for (const statement of body?.children ?? []) {
        const assignment = statement.type === 'expression_statement' ? statement.children[0] : undefined;
        if (assignment?.type === 'assignment' && this.w.name(fieldOf(assignment, 'left') ?? assignment) === 'name') name = this.w.string(fieldOf(assignment, 'right'));
        const fn = statement.type === 'decorated_definition' ? fieldOf(statement, 'definition') : statement;
        if (fn?.type === 'function_definition' && base.methods.includes(this.w.name(fieldOf(fn, 'name') ?? fn))) impl ??= fn;
      }
      const className = fieldOf(cls, 'name')!;
      this.defs.set(cls, { ...(name !== undefined && { name }), kind: 'function', framework: base.framework, ...(impl && { impl }), headStart: className.start, headEnd: className.end });
    }
  }

  /**
   * `ShellTool()`, `LocalShellTool()`. Not reported: a shell that needs approval, one in OpenAI's
   * hosted container (`environment={"type": "container_auto"}`), one without an executor (hosted, or refused by the
   * SDK: a local shell requires one), or one whose executor (found in this file) runs no local command itself (it
   * hands the command to a sandbox, or it is a test double).
   */
  private hostedShell(call: PyNode, label: string, head: { headStart: number; headEnd: number }): void {
    const approval = this.w.argument(call, 'needs_approval');
    if (approval && this.w.unwrap(approval).type !== 'false') return;
    const environment = this.dictOf(this.w.argument(call, 'environment'));
    if (environment && /^container_/.test(this.w.string(this.w.dictValue(environment, 'type')) ?? '')) return;
    const executor = this.w.argument(call, 'executor');
    if (!executor) return;
    const fn = this.executorFunction(executor);
    if (fn && !this.w.calls.some((inner) => inner.start >= fn.start && inner.end <= fn.end && sinkOf(this.w, inner))) return;
    const message =
      `${label}() lets the model run any shell command with this process's permissions and credentials. ` +
      'Give the agent function tools that run the specific commands its task needs, or run the shell in a sandbox (container or VM) with no standing credentials and require approval (needs_approval=True).';
    this.finding(this.scan.shell, this.source.toFile(head.headStart), this.source.toFileEnd(head.headEnd), message);
  }

  /**
   * agno `ShellTools()` handed to an agent of this file (a toolkit built in a unit test of its own is no grant):
   * reported unless its `requires_confirmation_tools` names the shell tool (or is a list from elsewhere, which may:
   * ./python-approval.ts), since then each command waits for a person's confirmation.
   */
  private shellToolkits(): void {
    const given = new Set(this.toolRefs.map((ref) => ref.def));
    for (const [call, def] of this.defs) {
      if (def.framework !== 'agno' || def.kind !== 'shell' || !given.has(def)) continue;
      if (this.pyApprovals.toolApproval(def)?.gate !== 'none') continue;
      const label = this.w.name(fieldOf(call, 'function')!);
      const message =
        `${label}() lets the model run any shell command with this process's permissions and credentials. ` +
        `Give the agent tools that run the specific commands its task needs, or require a confirmation for each command: ${label}(requires_confirmation_tools=["${def.name}"]).`;
      this.finding(this.scan.shell, this.source.toFile(def.headStart), this.source.toFileEnd(def.headEnd), message);
    }
  }

  // ---------------------------------------------------------------- agents

  private environment(): string[] {
    const names: string[] = [];
    const extraNames = this.context.config.extraSecretNames;
    for (const call of this.w.calls) {
      const name = this.envReadName(call);
      if (name && !names.includes(name) && isSecretLikeName(name, { extraNames })) names.push(name);
    }
    const subscripts = /os\.environ\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]/g;
    for (const match of this.source.text.matchAll(subscripts)) {
      if (!names.includes(match[1]!) && isSecretLikeName(match[1]!, { extraNames })) names.push(match[1]!);
    }
    return names;
  }

  private envReadName(call: PyNode): string | undefined {
    const callee = fieldOf(call, 'function');
    // What the test below accepts ends so; most calls do not, and are dismissed without copying any text.
    if (!callee || !(textEndsWith(callee, this.source.text, 'getenv') || textEndsWith(callee, this.source.text, '.get'))) return undefined;
    const written = this.w.name(callee);
    if (written === 'os.getenv' || written === 'getenv' || written === 'os.environ.get' || written === 'environ.get') return this.w.string(this.w.positionals(call)[0]);
    return undefined;
  }

  private agent(call: PyNode, credentials: string[]): void {
    const binding = this.callBinding(call);
    const shape = binding && (agentShape(binding) ?? (binding.name.endsWith('.from_tools') ? agentShape({ module: binding.module, name: 'from_tools' }) : undefined));
    if (!shape) return;
    const toolsValue = shape.tools && this.w.argument(call, shape.tools.keyword, shape.tools.index);
    if (shape.kind === 'call' && !toolsValue) return;
    const name = shape.name && this.w.string(this.w.argument(call, shape.name.keyword, shape.name.index));
    const args = fieldOf(call, 'arguments');
    // `Agent(**options)` alone forwards a definition made elsewhere (a config loader, a factory): nothing to own here.
    if (args?.children.length && args.children.every((child) => child.type === 'dictionary_splat' || child.type === 'comment')) return;
    // `Agent(role=…, **config)`: options from elsewhere, whose tools are unknown.
    let complete = !args?.children.some((child) => child.type === 'dictionary_splat');
    const tools: CodeTool[] = [];
    if (toolsValue) this.collectTools(toolsValue, toolsValue, tools, 0, name);
    for (const keyword of shape.servers ?? []) {
      const servers = this.w.argument(call, keyword);
      if (servers) this.mcpServers(servers, tools, name);
    }
    for (const def of (this.assignedName(call) ? this.agentDecoratorTools.get(call) : undefined) ?? []) {
      const tool = this.toolAt(def.name, def.kind, def.headStart, def.headEnd);
      tools.push(tool);
      this.toolRefs.push({ tool, def });
    }
    if (tools.some((tool) => tool.name === undefined || tool.kind === 'mcp-all')) complete = false;
    this.agentTools.push({ tools, gates: pyAgentGates(this.w, call, (node) => this.dictOf(node)), framework: shape.framework });
    if (shape.framework === 'smolagents' && binding.name.endsWith('CodeAgent')) this.codeAgentImports(call, name);
    const callee = fieldOf(call, 'function')!;
    const ownerTag = this.ownerTag(call);
    const start = this.source.toFile(callee.start);
    const end = this.source.toFileEnd(callee.end);
    this.scan.agents.push({
      file: this.context.path,
      framework: shape.framework,
      kind: shape.kind,
      ...(name !== undefined && { name }),
      range: this.context.lines.rangeOf(start, end),
      startOffset: start,
      endOffset: end,
      tools,
      toolsComplete: complete,
      ...(ownerTag !== undefined && { ownerTag }),
      environmentCredentials: credentials.slice(),
    });
  }

  /**
   * smolagents `CodeAgent` runs the Python the model writes in this process unless an executor sandboxes it; with
   * `additional_authorized_imports` of `"*"`, `os`, `subprocess` … that Python can run any command.
   */
  private codeAgentImports(call: PyNode, agentName: string | undefined): void {
    const executor = this.w.string(this.w.argument(call, 'executor_type'));
    if (executor && executor !== 'local') return;
    const imports = this.w.argument(call, 'additional_authorized_imports');
    const list = imports && this.w.deref(imports).node;
    if (!list || (list.type !== 'list' && list.type !== 'tuple' && list.type !== 'set')) return;
    const risky = list.children.map((item) => this.w.string(item)).find((module) => module !== undefined && DANGEROUS_IMPORTS.has(module.split('.')[0]!));
    if (!risky) return;
    const who = agentName ? `CodeAgent "${agentName}"` : 'This CodeAgent';
    this.finding(
      this.scan.shell,
      this.source.toFile(imports!.start),
      this.source.toFileEnd(imports!.end),
      `${who} runs the Python the model writes in this process, and additional_authorized_imports allows ${risky === '*' ? 'every module' : `"${risky}"`}: the model can run any command with this process's permissions and credentials. ` +
        'Authorize only the modules the task needs, or run the code in a sandbox: executor_type="e2b", "docker" or "modal".',
    );
  }

  /** The variable a call is assigned to (`agent = Agent(…)`), if any. */
  private assignedName(call: PyNode): string | undefined {
    const parent = call.parent;
    if (parent?.type === 'assignment' && fieldOf(parent, 'right') === call) {
      const left = fieldOf(parent, 'left');
      return left?.type === 'identifier' ? this.w.name(left) : undefined;
    }
    return undefined;
  }

  /** Resolve a `tools` value (list, variable, list splat, MCP tool set …) into tools, located where referenced. */
  private collectTools(value: PyNode, at: PyNode, out: CodeTool[], depth: number, agentName: string | undefined): void {
    const e = this.w.unwrap(value);
    if (depth > 8) {
      this.unresolved(at, out);
      return;
    }
    if (e.type === 'list' || e.type === 'tuple') {
      for (const element of e.children) {
        if (element.type === 'comment') continue;
        if (element.type === 'list_splat') this.collectTools(element.children[0] ?? element, element, out, depth + 1, agentName);
        else this.collectTool(element, out, agentName);
      }
      return;
    }
    if (e.type === 'binary_operator' && e.operator === '+') {
      for (const side of [fieldOf(e, 'left'), fieldOf(e, 'right')]) if (side) this.collectTools(side, side, out, depth + 1, agentName);
      return;
    }
    const mcp = this.mcpTools(e, 0);
    if (mcp) {
      if (mcp.names) for (const name of mcp.names) out.push(this.tool(name, 'function', at));
      else this.mcpAll(at, mcp.label, mcp.how, out);
      return;
    }
    if (e.type === 'identifier') {
      const assign = this.w.lookup(this.w.name(e), e.start);
      if (assign && !assign.viaWith) {
        this.collectTools(assign.value, at, out, depth + 1, agentName);
        return;
      }
    }
    this.unresolved(at, out);
  }

  /** One element of a tools list: a tool variable, an inline definition, a plain function, an MCP toolset. */
  private collectTool(element: PyNode, out: CodeTool[], agentName: string | undefined): void {
    const { node: target } = this.w.deref(element);
    let def = this.defs.get(target);
    if (!def && target.type === 'call') {
      const binding = this.callBinding(target);
      const server = binding && mcpServerClass(binding);
      if (server) {
        // Google ADK: `tools=[MCPToolset(connection_params=…, tool_filter=[…])]`
        this.mcpServerTool(target, server, element, out, agentName);
        return;
      }
      // A tool class instantiated: `SearchTool()`
      const callee = fieldOf(target, 'function');
      if (callee?.type === 'identifier') {
        const cls = this.w.classes.get(this.w.name(callee));
        def = cls && this.defs.get(cls);
      }
    }
    if (!def) {
      // An MCP toolkit in the list (agno `tools=[MCPTools(…)]`, also bound by `async with … as tools`).
      const mcp = this.mcpTools(element, 0);
      if (mcp) {
        if (mcp.names) for (const name of mcp.names) out.push(this.tool(name, 'function', element));
        else this.mcpAll(element, mcp.label, mcp.how, out);
        return;
      }
      const fn = this.functionOf(element);
      if (fn) {
        // A plain function handed to the agent (ADK, Pydantic AI, LangGraph, AutoGen, LlamaIndex accept them).
        def = this.defs.get(fn);
        if (!def) {
          const name = fieldOf(fn, 'name')!;
          def = { name: this.w.name(name), kind: 'function', framework: 'unknown', impl: fn, headStart: name.start, headEnd: name.end };
          this.defs.set(fn, def);
        }
      }
    }
    if (!def) {
      this.unresolved(element, out);
      return;
    }
    // An inline definition (`tools=[FunctionTool(…)]`) is located at its callee; a reference where it stands.
    const inline = this.w.unwrap(element) === target && this.defs.get(target) === def;
    const tool = inline ? this.toolAt(def.name, def.kind, def.headStart, def.headEnd) : this.tool(def.name, def.kind, element);
    out.push(tool);
    this.toolRefs.push({ tool, def });
  }

  /** A shell tool's executor: a lambda, a function, `self.method` of the enclosing class, or `Executor()` (its class). */
  private executorFunction(executor: PyNode): PyNode | undefined {
    const e = this.w.deref(executor).node;
    const callee = e.type === 'call' ? fieldOf(e, 'function') : undefined;
    if (callee?.type === 'identifier' && this.w.classes.has(this.w.name(callee))) return this.w.classes.get(this.w.name(callee));
    if (e.type === 'attribute' && this.w.name(fieldOf(e, 'object')!) === 'self') {
      let cls: PyNode | undefined = e.parent;
      while (cls && cls.type !== 'class_definition') cls = cls.parent;
      const method = this.w.lastName(e);
      return (this.w.functions.get(method) ?? []).find((fn) => cls && fn.start > cls.start && fn.end <= cls.end);
    }
    return this.functionOf(e);
  }

  /** The function definition a name refers to, if it is one. */
  functionOf(node: PyNode): PyNode | undefined {
    const e = this.w.unwrap(node);
    if (e.type === 'function_definition') return e;
    if (e.type === 'lambda') return e;
    if (e.type !== 'identifier') return undefined;
    const name = this.w.name(e);
    if (this.w.vars.has(name)) {
      const target = this.w.deref(e).node;
      if (target.type === 'lambda') return target;
      if (target.type !== 'identifier') return undefined;
      return this.w.functionNamed(this.w.name(target), e.start);
    }
    return this.w.functionNamed(name, e.start);
  }

  // ---------------------------------------------------------------- MCP tool sets

  /** OpenAI Agents SDK `mcp_servers=[server]`, Pydantic AI `toolsets=[server]`: unfiltered servers give every tool. */
  private mcpServers(value: PyNode, out: CodeTool[], agentName: string | undefined): void {
    const list = this.w.deref(value).node;
    if (list.type !== 'list' && list.type !== 'tuple') {
      this.unresolved(value, out);
      return;
    }
    for (const element of list.children) {
      if (element.type === 'comment') continue;
      const { node: target } = this.w.deref(element);
      const binding = target.type === 'call' ? this.callBinding(target) : undefined;
      const server = binding && mcpServerClass(binding);
      if (!server) {
        // `server.filtered(…)` (Pydantic AI) hands over what its filter allows; anything else is unknown.
        const callee = target.type === 'call' ? fieldOf(target, 'function') : undefined;
        if (!(callee?.type === 'attribute' && this.w.lastName(callee) === 'filtered')) this.unresolved(element, out);
        continue;
      }
      this.mcpServerTool(target, server, element, out, agentName);
    }
  }

  private mcpServerTool(server: PyNode, shape: NonNullable<ReturnType<typeof mcpServerClass>>, at: PyNode, out: CodeTool[], agentName: string | undefined): void {
    // A filtered server hands over the tools its filter allows (as on the TypeScript side, not listed here).
    if (shape.filter && this.w.argument(server, shape.filter)) return;
    const callee = fieldOf(server, 'function')!;
    const inline = this.w.unwrap(at) === server;
    out.push(inline ? this.toolAt(undefined, 'mcp-all', callee.start, callee.end) : this.tool(undefined, 'mcp-all', at));
    const label = this.w.string(this.w.argument(server, 'name'));
    const serverName = label ? `MCP server "${label}"` : `This ${shape.label}`;
    const how =
      shape.filter === 'tool_filter' && shape.label.startsWith('MCPServer')
        ? 'Add a tool_filter that lists the tools the task needs: tool_filter=create_static_tool_filter(allowed_tool_names=["…"]).'
        : shape.filter === 'tool_filter'
          ? 'Add tool_filter=["…"] with the tools the task needs.'
          : 'Hand over only the tools the task needs: server.filtered(lambda ctx, tool_def: tool_def.name in {"…"}).';
    this.finding(
      this.scan.allMcpTools,
      this.source.toFile(callee.start),
      this.source.toFileEnd(callee.end),
      `${serverName} gives ${agentName ? `agent "${agentName}"` : 'the agent'} every tool it exposes, including write and admin tools and any tool added to the server later. ${how}`,
    );
  }

  /**
   * Is this expression an MCP tool set? `await client.get_tools()` (LangChain MultiServerMCPClient),
   * `load_mcp_tools(session)`, CrewAI `MCPServerAdapter(params)` (as a context manager), smolagents
   * `ToolCollection.from_mcp(…)` / `MCPClient(…)` (and their `.tools`), LlamaIndex `McpToolSpec(…).to_tool_list()`.
   */
  private mcpTools(expression: PyNode, depth: number): { names?: string[]; label: string; how: string } | undefined {
    const e = this.w.unwrap(expression);
    if (depth > 4) return undefined;
    if (e.type === 'identifier') {
      const assign = this.w.lookup(this.w.name(e), e.start);
      return assign ? this.mcpTools(assign.value, depth + 1) : undefined;
    }
    if (e.type === 'attribute' && this.w.lastName(e) === 'tools') return this.mcpTools(fieldOf(e, 'object')!, depth + 1);
    if (e.type === 'call' && this.w.name(fieldOf(e, 'function') ?? e) === 'list' && this.w.positionals(e)[0]) return this.mcpTools(this.w.positionals(e)[0]!, depth + 1);
    if (e.type !== 'call') return undefined;
    const callee = fieldOf(e, 'function')!;
    const binding = this.w.binding(callee);
    const all = binding && mcpAllTools(binding);
    if (all) {
      if (all === 'MCPServerAdapter') {
        // `MCPServerAdapter(params, "tool_a", "tool_b")` keeps only the named tools.
        const names = this.w.positionals(e).slice(1).map((node) => this.w.string(node));
        if (names.length && names.every((name) => name !== undefined)) return { names: names as string[], label: all, how: '' };
        return { label: 'MCPServerAdapter(…)', how: 'Pass the names of the tools the task needs: MCPServerAdapter(params, "tool_a", "tool_b").' };
      }
      return { label: all, how: 'Pick the tools the task needs from the result by name and pass only those.' };
    }
    const toolkit = binding && mcpToolkitClass(binding);
    if (toolkit) {
      // agno `MCPTools(command=…)`: every tool of the server unless `include_tools=[…]` picks them.
      const filter = this.w.argument(e, toolkit.filter);
      if (!filter) return { label: `${binding!.name}(…)`, how: `Pass ${toolkit.filter}=["…"] with the tools the task needs.` };
      const list = this.w.deref(filter).node;
      const names = list.type === 'list' ? list.children.map((item) => this.w.string(item)) : [];
      return names.length && names.every((name) => name !== undefined) ? { names: names as string[], label: binding!.name, how: '' } : undefined;
    }
    if (callee.type === 'attribute') {
      const method = this.w.lastName(callee);
      const receiver = this.w.deref(fieldOf(callee, 'object')!).node;
      const clientBinding = receiver.type === 'call' ? this.callBinding(receiver) : undefined;
      const client = clientBinding && mcpClientClass(clientBinding);
      if (client && client.methods.includes(method)) {
        if (client.filter && this.w.argument(receiver, client.filter)) return undefined;
        const how = client.filter ? `Pass ${client.filter}=["…"] with the tools the task needs.` : 'Pick the tools the task needs from the result by name and pass only those.';
        return { label: `${clientBinding!.name}.${method}()`, how };
      }
    }
    return undefined;
  }

  private mcpAll(at: PyNode, label: string, how: string, out: CodeTool[]): void {
    const tool = this.tool(undefined, 'mcp-all', at);
    out.push(tool);
    this.finding(this.scan.allMcpTools, tool.startOffset, tool.endOffset, `Every tool from ${label} goes to the model unfiltered, including write and admin tools and any tool added to the MCP server later. ${how}`);
  }

  /**
   * OpenAI Agents SDK `HostedMCPTool(tool_config={…})` without `allowed_tools`, unless every call waits for a person
   * (`"require_approval": "always"`; a per-tool map still lets the tools it leaves out run unasked).
   */
  private hostedMcpTools(): void {
    for (const def of this.defs.values()) {
      if (def.kind !== 'mcp-all' || def.framework !== 'openai-agents') continue;
      if (this.pyApprovals.toolApproval(def)?.gate === 'always') continue;
      this.finding(
        this.scan.allMcpTools,
        this.source.toFile(def.headStart),
        this.source.toFileEnd(def.headEnd),
        `Hosted MCP server "${def.name}" gives the model every tool it exposes, including write and admin tools and any tool added to the server later. ` +
          'Set "allowed_tools" in tool_config to the tools the task needs.',
      );
    }
  }

  // ---------------------------------------------------------------- grants/env-passthrough

  private envPassthrough(): void {
    const values: PyNode[] = [];
    for (const call of this.w.calls) {
      const binding = this.callBinding(call);
      if (!binding) continue;
      const keyword = stdioParams(binding);
      const env = keyword && this.w.argument(call, keyword);
      if (env) values.push(env);
      const server = mcpServerClass(binding);
      if (server?.stdio && binding.module.split('.')[0] === 'agents') {
        // OpenAI Agents SDK: MCPServerStdio(params={"command": …, "env": …})
        const params = this.dictOf(this.w.argument(call, 'params', 0));
        const inner = params && this.w.dictValue(params, 'env');
        if (inner) values.push(inner);
      }
    }
    if (this.mcpContext) {
      // `{"command": "npx", "args": […], "env": os.environ}` server configurations (LangChain, Claude Agent SDK …),
      // last first and an enclosing dictionary before those inside it: the order in which findings were always reported.
      const servers = this.w.dictionaries.filter((node) => this.w.dictValue(node, 'command'));
      servers.sort((a, b) => (a.start <= b.start && b.end <= a.end ? -1 : b.start <= a.start && a.end <= b.end ? 1 : b.start - a.start));
      for (const node of servers) {
        const env = this.w.dictValue(node, 'env');
        if (env) values.push(env);
      }
    }
    const seen = new Set<PyNode>();
    for (const value of values) {
      if (seen.has(value)) continue;
      seen.add(value);
      for (const pass of this.passthrough(value, 0)) {
        const example = 'env={"GITHUB_TOKEN": os.environ["GITHUB_TOKEN"]} (with the MCP SDK, start from get_default_environment())';
        this.finding(this.scan.envPassthrough, this.source.toFile(pass.start), this.source.toFileEnd(pass.end), envPassthroughMessage(pass.via, example));
      }
    }
  }

  private passthrough(value: PyNode, depth: number): { start: number; end: number; via?: string }[] {
    const e = this.w.unwrap(value);
    if (this.isWholeEnv(e)) return [{ start: e.start, end: e.end }];
    if (e.type === 'dictionary') {
      return e.children.filter((child) => child.type === 'dictionary_splat' && child.children[0] && this.isWholeEnv(this.w.unwrap(child.children[0]))).map((child) => ({ start: child.start, end: child.end }));
    }
    if (e.type === 'binary_operator' && e.operator === '|') {
      const left = fieldOf(e, 'left');
      if (left && this.isWholeEnv(this.w.unwrap(left))) return [{ start: left.start, end: left.end }];
    }
    if (e.type === 'call' && this.w.name(fieldOf(e, 'function') ?? e) === 'dict') {
      const first = this.w.positionals(e)[0];
      if (first && this.isWholeEnv(this.w.unwrap(first))) return [{ start: first.start, end: first.end }];
    }
    if (e.type === 'identifier' && depth < 3) {
      const assign = this.w.lookup(this.w.name(e), e.start);
      if (assign && this.passthrough(assign.value, depth + 1).length) return [{ start: e.start, end: e.end, via: this.w.name(e) }];
    }
    return [];
  }

  /** `os.environ`, `environ` (from os), `os.environ.copy()`, `dict(os.environ)`. */
  private isWholeEnv(e: PyNode): boolean {
    const written = this.w.name(e);
    if (written === 'os.environ' || (written === 'environ' && this.w.imports.get('environ')?.module === 'os')) return true;
    if (e.type === 'call') {
      const callee = fieldOf(e, 'function');
      const calleeText = callee ? this.w.name(callee) : '';
      if (calleeText === 'os.environ.copy' || calleeText === 'environ.copy') return true;
      if (calleeText === 'dict' && this.w.positionals(e).length === 1 && !fieldOf(e, 'arguments')?.children.some((child) => child.type === 'keyword_argument')) {
        return this.isWholeEnv(this.w.unwrap(this.w.positionals(e)[0]!));
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- shared helpers

  private dictOf(node: PyNode | undefined): PyNode | undefined {
    if (!node) return undefined;
    let target = this.w.deref(node).node;
    // `cast(Any, {…})` is the dictionary itself
    if (target.type === 'call' && this.w.lastName(fieldOf(target, 'function')!) === 'cast') {
      const value = this.w.positionals(target)[1];
      if (value) target = this.w.deref(value).node;
    }
    return target.type === 'dictionary' ? target : undefined;
  }

  private tool(name: string | undefined, kind: CodeTool['kind'], at: PyNode): CodeTool {
    return this.toolAt(name, kind, at.start, at.end);
  }

  private toolAt(name: string | undefined, kind: CodeTool['kind'], start: number, end: number): CodeTool {
    return codeToolAt(this.context.lines, name, kind, this.source.toFile(start), this.source.toFileEnd(end));
  }

  private unresolved(at: PyNode, out: CodeTool[]): void {
    out.push(this.tool(undefined, undefined, at));
  }

  /** `# @owner team:x` in the comment lines right above the agent's statement or an enclosing definition. */
  private ownerTag(node: PyNode): string | undefined {
    const text = this.source.text;
    for (let current: PyNode | undefined = node; current; current = current.parent) {
      const parent = current.parent;
      if (!parent || (parent.type !== 'module' && parent.type !== 'block' && parent.type !== 'decorated_definition')) continue;
      let lineStart = text.lastIndexOf('\n', current.start - 1) + 1;
      for (let lines = 0; lines < 20 && lineStart > 0; lines++) {
        const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        const line = text.slice(previousStart, lineStart - 1).trim();
        if (!line.startsWith('#') && !line.startsWith('@')) break;
        const match = /@owner[ \t]+(\S+)/.exec(line);
        if (match && line.startsWith('#')) return match[1];
        lineStart = previousStart;
      }
    }
    return undefined;
  }

  /** Record a finding once (offsets in the file). */
  finding(list: PyCodeFinding[], start: number, end: number, message: string): void {
    const key = `${list === this.scan.shell ? 's' : list === this.scan.allMcpTools ? 'm' : 'e'}:${start}:${end}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    list.push({ start, end, message });
  }

  get shellList(): PyCodeFinding[] {
    return this.scan.shell;
  }

  get sourceText(): string {
    return this.source.text;
  }

  toFile(start: number, end: number): [number, number] {
    return [this.source.toFile(start), this.source.toFileEnd(end)];
  }
}

retainShape(new PyLinker(new PyWalker(EMPTY_PYTHON_SOURCE.tree, ''), {} as AnalysisContext, EMPTY_PYTHON_SOURCE, empty()));

/** The function whose body holds a node, or undefined at module level (class bodies do not count). */
function enclosingFunction(node: PyNode): PyNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'function_definition') return current;
  return undefined;
}
