/**
 * Run-time decisions in Python agent code, as ./approval.ts reads them in TypeScript: does a tool make a person
 * approve each call, and is it high-risk? Read from the records of the one walk (./python-walk.ts) once the agent
 * analysis (./python-agents.ts) has linked tools to their definitions.
 *
 * Approval options, by framework (names from each framework's documentation):
 * - OpenAI Agents SDK: `@function_tool(needs_approval=True | callable)`, `FunctionTool(…, needs_approval=…)`,
 *   `agent.as_tool(…, needs_approval=…)`, hosted MCP `HostedMCPTool(tool_config={"require_approval": …})`;
 * - Pydantic AI: `@agent.tool(requires_approval=True)`, `Tool(fn, requires_approval=True)`, `raise ApprovalRequired`;
 * - Google ADK: `FunctionTool(fn, require_confirmation=True | callable)`, `tool_context.request_confirmation()`;
 * - agno: `@tool(requires_confirmation=True)` (also `requires_user_input`; `external_execution` leaves it to the
 *   application), `@approval` (agno.approval), a toolkit's `requires_confirmation_tools=["<tool>"]`;
 * - LangGraph: `interrupt()` in the tool, `create_react_agent(…, interrupt_before=["tools"])`;
 * - LangChain: `create_agent(…, middleware=[HumanInTheLoopMiddleware(interrupt_on={"tool": True})])`;
 * - MCP servers: an elicitation (`await ctx.elicit(…)`) asks the user before acting.
 * CrewAI's `human_input=True` reviews a task's final answer after its tools have run, so it gates no tool call.
 */
import type { ToolApproval } from '../facts';
import { fieldOf, type PyNode } from '../languages/python-tree';
import type { AgentGates } from './approval';
import { isAgno, isLangChain, isLangGraph, isPydanticAI } from './python-frameworks';
import { sinkOf } from './python-shell';
import { retainShape } from './python-source';
import type { PyToolDef, PyWalker } from './python-walk';
import { isReadOnlyName, riskOf } from './risk';

/**
 * Keywords of a tool definition that make a person approve its calls; agno's `requires_user_input` pauses the run
 * until the user supplies arguments, and its `external_execution` hands the call to the application (which decides).
 */
const APPROVAL_KEYWORDS = ['needs_approval', 'requires_approval', 'require_confirmation', 'requires_confirmation', 'requires_user_input', 'external_execution'];

/** Calls whose name carries no risk word but that delete data, send messages or write rows, by module and name. */
const RISKY_CALLS = new Map<string, string>([
  ['os.remove', 'deletes data'],
  ['os.unlink', 'deletes data'],
  ['os.rmdir', 'deletes data'],
  ['os.removedirs', 'deletes data'],
  ['shutil.rmtree', 'deletes data'],
]);

/** Methods that do so whatever their receiver: pathlib, smtplib, pymongo. */
const RISKY_METHODS = new Map<string, string>([
  ['rmtree', 'deletes data'],
  ['rmdir', 'deletes data'],
  ['unlink', 'deletes data'],
  ['sendmail', 'sends messages'],
  ['insert_one', 'writes to a database'],
  ['insert_many', 'writes to a database'],
  ['update_one', 'writes to a database'],
  ['update_many', 'writes to a database'],
  ['replace_one', 'writes to a database'],
  ['bulk_write', 'writes to a database'],
]);

/**
 * Methods whose names read as risky but that act locally: a WebSocket's `send_text`, pandas' `drop`, Selenium's
 * `execute_script` (JavaScript in the browser page, not a shell).
 */
const LOCAL_METHODS = new Set(['send_text', 'send_json', 'send_bytes', 'drop', 'drop_duplicates', 'dropna', 'truncate', 'execute_script', 'execute_async_script']);

/** Methods that run SQL, and the statements that write. */
const SQL_METHODS = new Set(['execute', 'executemany', 'executescript', 'exec_driver_sql']);
const SQL_WRITE = /^\s*(?:insert|update|delete|drop|truncate|alter|replace|merge|upsert)\b/i;

export class PyApprovals {
  private readonly riskCache = new Map<PyNode, string | undefined>();

  constructor(private readonly w: PyWalker) {}

  private readonly approvalCache = new Map<PyToolDef, ToolApproval | undefined>();

  /**
   * How a tool's own definition gates its calls; undefined when its options come from elsewhere (`**options`). Asked
   * once per definition: one tool list can be handed to many agents.
   */
  toolApproval(def: PyToolDef): ToolApproval | undefined {
    if (!this.approvalCache.has(def)) this.approvalCache.set(def, this.ownApproval(def));
    const approval = this.approvalCache.get(def);
    return approval && { ...approval };
  }

  private ownApproval(def: PyToolDef): ToolApproval | undefined {
    if (def.impl && this.approvalDecorated(def.impl)) return { gate: 'always', via: '@approval' };
    const options = def.options;
    if (options?.type === 'dictionary') {
      // Hosted MCP: "require_approval": "always" | "never" | {"always": {…}, "never": {…}}
      const value = this.w.dictValue(options, 'require_approval');
      if (value) return this.gateOf(value, 'require_approval');
    } else if (options?.type === 'call') {
      for (const key of APPROVAL_KEYWORDS) {
        const value = this.w.argument(options, key);
        if (value) return this.gateOf(value, key);
      }
      // An agno toolkit: the tools it names need a confirmation (a list from elsewhere may name this one).
      const confirmed = this.w.argument(options, 'requires_confirmation_tools');
      if (confirmed) {
        const list = this.w.unwrap(confirmed);
        if (list.type !== 'list') return { gate: 'conditional', via: 'requires_confirmation_tools' };
        const names = list.children.map((item) => this.w.string(item));
        if (names.includes(def.name)) return { gate: 'always', via: 'requires_confirmation_tools' };
        if (names.some((name) => name === undefined)) return { gate: 'conditional', via: 'requires_confirmation_tools' };
      }
      if (fieldOf(options, 'arguments')?.children.some((child) => child.type === 'dictionary_splat')) return undefined;
    } else if (options) {
      return undefined;
    }
    const via = def.impl && this.gatingCall(def.impl);
    return via ? { gate: 'always', via } : { gate: 'none' };
  }

  /** agno's `@approval` (or `@approval()`) on the function: a blocking approval; `type="audit"` only records calls. */
  private approvalDecorated(fn: PyNode): boolean {
    const entry = this.w.decorated.find((item) => item.fn === fn);
    return !!entry?.decorators.some((decorator) => {
      const call = decorator.type === 'call' ? decorator : undefined;
      const binding = this.w.binding(call ? fieldOf(call, 'function')! : decorator);
      if (!binding || !isAgno(binding.module) || binding.name !== 'approval') return false;
      return !call || this.w.string(this.w.argument(call, 'type')) !== 'audit';
    });
  }

  private gateOf(value: PyNode, key: string): ToolApproval {
    const e = this.w.unwrap(value);
    if (e.type === 'true') return key === 'external_execution' ? { gate: 'conditional', via: key } : { gate: 'always', via: key };
    if (e.type === 'false' || e.type === 'none') return { gate: 'none', via: `${key}=${e.type === 'false' ? 'False' : 'None'}` };
    const text = this.w.string(e);
    if (text === 'always') return { gate: 'always', via: key };
    if (text === 'never') return { gate: 'none', via: `${key}="never"` };
    // A function deciding per call, a per-tool mapping, or a value from elsewhere.
    return { gate: 'conditional', via: key };
  }

  /** LangGraph `interrupt()`, an MCP elicitation, ADK `request_confirmation()` or Pydantic AI's `raise ApprovalRequired`. */
  private gatingCall(fn: PyNode): string | undefined {
    for (const call of this.within(this.w.calls, fn)) {
      const callee = fieldOf(call, 'function');
      if (!callee) continue;
      const method = this.w.lastName(callee);
      if (callee.type === 'attribute' && (method === 'elicit' || method === 'request_confirmation')) return `${method}()`;
      if (method === 'interrupt') {
        const binding = this.w.binding(callee);
        if (binding && isLangGraph(binding.module) && binding.name === 'interrupt') return 'interrupt()';
      }
    }
    for (const raise of this.within(this.w.raises, fn)) {
      const raised = raise.children.find((child) => child.type !== 'comment');
      const target = raised?.type === 'call' ? fieldOf(raised, 'function') : raised;
      const binding = target && (target.type === 'identifier' || target.type === 'attribute') ? this.w.binding(target) : undefined;
      if (binding && isPydanticAI(binding.module) && binding.name.endsWith('ApprovalRequired')) return 'raise ApprovalRequired';
    }
    return undefined;
  }

  /**
   * What makes a tool high-risk: its name (./risk.ts), else what its implementation calls, directly or through a
   * function of the file one call away. A read-only name (`get_…`, `list_…`) is never high-risk.
   */
  risk(def: PyToolDef, name: string | undefined): string | undefined {
    const byName = riskOf(name);
    if (byName || isReadOnlyName(name) || !def.impl) return byName;
    return this.bodyRisk(def.impl, 0);
  }

  private bodyRisk(fn: PyNode, depth: number): string | undefined {
    if (this.riskCache.has(fn)) return this.riskCache.get(fn);
    this.riskCache.set(fn, undefined);
    let found: string | undefined;
    const helpers: PyNode[] = [];
    for (const call of this.within(this.w.calls, fn)) {
      found = this.callRisk(call);
      if (found) break;
      if (depth === 0) {
        const helper = this.helperOf(call, fn);
        if (helper) helpers.push(helper);
      }
    }
    for (const helper of helpers) {
      if (found) break;
      found = this.bodyRisk(helper, depth + 1);
    }
    this.riskCache.set(fn, found);
    return found;
  }

  /** A function of this file a call reaches: `helper(…)` or `self.helper(…)`. */
  private helperOf(call: PyNode, from: PyNode): PyNode | undefined {
    const callee = fieldOf(call, 'function');
    if (!callee) return undefined;
    if (callee.type === 'attribute' && this.w.name(fieldOf(callee, 'object')!) !== 'self') return undefined;
    if (callee.type !== 'identifier' && callee.type !== 'attribute') return undefined;
    const fn = this.w.functionNamed(this.w.lastName(callee), call.start);
    return fn && fn !== from ? fn : undefined;
  }

  /** What one call does, in the words of ./risk.ts, with the call that says so. */
  private callRisk(call: PyNode): string | undefined {
    const callee = fieldOf(call, 'function');
    if (!callee || (callee.type !== 'identifier' && callee.type !== 'attribute')) return undefined;
    const sink = sinkOf(this.w, call);
    if (sink) return sink.family === 'code' ? undefined : `runs shell commands (${sink.label})`;
    const method = this.w.lastName(callee);
    const binding = this.w.binding(callee);
    if (binding) {
      // An imported function: its module path says what it acts on (`stripe.Refund.create`, `requests.delete`).
      const path = binding.name === '*' ? binding.module : `${binding.module}.${binding.name}`;
      const risk = RISKY_CALLS.get(path) ?? riskOf(path);
      if (risk) return `${risk} (${path})`;
    }
    if (callee.type !== 'attribute' || LOCAL_METHODS.has(method)) return undefined;
    if (SQL_METHODS.has(method)) return this.sqlWrite(call) ? `writes to a database (${method}())` : undefined;
    const risk = RISKY_METHODS.get(method) ?? riskOf(method);
    return risk ? `${risk} (${method}())` : undefined;
  }

  /** `cursor.execute("DELETE FROM …")`, also through SQLAlchemy's `text("…")`. */
  private sqlWrite(call: PyNode): boolean {
    let statement = this.w.positionals(call)[0];
    if (statement?.type === 'call') statement = this.w.positionals(statement)[0];
    if (statement?.type !== 'string' && statement?.type !== 'concatenated_string') return false;
    const body = this.w.name(statement).replace(/^[A-Za-z]{0,2}(?:"""|'''|"|')/, '');
    return SQL_WRITE.test(body);
  }

  /** The nodes of a document-ordered list that lie inside a node (one run of the list, found by bisection). */
  private *within(list: readonly PyNode[], outer: PyNode): Generator<PyNode> {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]!.start < outer.start) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < list.length && list[index]!.start < outer.end; index++) {
      if (list[index]!.end <= outer.end) yield list[index]!;
    }
  }
}

/**
 * Tools an agent's own options gate: LangGraph `interrupt_before=["tools"]`, LangChain's
 * `HumanInTheLoopMiddleware(interrupt_on={"tool": True | {…}})` in `middleware=[…]`.
 */
export function pyAgentGates(w: PyWalker, call: PyNode, dictOf: (node: PyNode | undefined) => PyNode | undefined): AgentGates {
  const gates: AgentGates = { tools: new Map() };
  const interruptBefore = w.argument(call, 'interrupt_before');
  const nodes = interruptBefore && w.deref(interruptBefore).node;
  if (nodes && (nodes.type === 'list' || nodes.type === 'tuple') && nodes.children.some((child) => w.string(child) === 'tools')) gates.all = 'interrupt_before=["tools"]';
  const middleware = w.argument(call, 'middleware');
  const list = middleware && w.deref(middleware).node;
  if (!list || (list.type !== 'list' && list.type !== 'tuple')) return gates;
  for (const element of list.children) {
    const target = w.deref(element).node;
    const callee = target.type === 'call' ? fieldOf(target, 'function') : undefined;
    const binding = callee && w.binding(callee);
    if (!binding || binding.name !== 'HumanInTheLoopMiddleware' || !(isLangChain(binding.module) || isLangGraph(binding.module))) continue;
    const config = dictOf(w.argument(target, 'interrupt_on', 0));
    for (const pair of config?.children ?? []) {
      if (pair.type !== 'pair') continue;
      const key = w.string(fieldOf(pair, 'key'));
      const value = fieldOf(pair, 'value');
      if (key === undefined || (value && w.unwrap(value).type === 'false')) continue;
      gates.tools.set(key, 'HumanInTheLoopMiddleware');
    }
  }
  return gates;
}

retainShape(new PyApprovals({} as PyWalker));
