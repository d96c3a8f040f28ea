/**
 * Run-time decisions in agent code: does a tool make a person approve each call, and is it high-risk? Read from the
 * tool's definition and its agent, once the agent analysis (./scan.ts) has linked tools to definitions.
 *
 * Approval options, by framework (names from each framework's documentation and source):
 * - OpenAI Agents SDK: `tool({ needsApproval })`, hosted MCP `hostedMcpTool({ requireApproval })`;
 * - AI SDK: `tool({ needsApproval })`; a tool without `execute` goes back to the application (human in the loop);
 * - Mastra: `createTool({ requireApproval })`, `agent.stream/generate(…, { requireToolApproval: true })`;
 * - VoltAgent: `createTool({ needsApproval })`;
 * - Inngest AgentKit: `await step.waitForEvent(…)` in the tool's handler (a person's answer);
 * - LangChain: `createAgent({ middleware: [humanInTheLoopMiddleware({ interruptOn: { tool: true } })] })`;
 * - LangGraph: `interrupt()` in the tool, `createReactAgent({ interruptBefore: ['tools'] })`;
 * - MCP SDK server tools: an elicitation (`elicitInput()`) asks the user before acting.
 */
import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from '../languages/typescript-api';
import type { ToolApproval } from '../facts';
import { isFunctionLikeNode, propertyNameText, stringValue, type Expression, type FunctionLike, type Node, type ObjectLiteral, type ToolDef, type Walker } from './walk';
import { isAgentKit } from './modules';


/** The object a definition takes its options in: `tool({ … })`, LangChain (and LlamaIndex.TS) `tool(fn, { … })`, `registerTool(name, { … })`. */
export function definitionOptionsNode(ts: Ts, node: Node, def: ToolDef): Expression | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  const args = node.arguments ?? [];
  // LlamaIndex.TS takes either form: `tool({ … })` or `tool(fn, { … })`.
  const llamaIndexPair = def.framework === 'llamaindex' && args.length > 1 && !ts.isObjectLiteralExpression(args[0]!);
  const index = (def.framework === 'langchain' && ts.isCallExpression(node)) || llamaIndexPair || def.framework === 'mcp-sdk' ? 1 : 0;
  return args[index];
}

/**
 * How a tool's own definition gates its calls. `options` is its options object when known; `fn` its implementation.
 * Undefined when the options cannot be read (built elsewhere): then nothing is claimed either way.
 */
export function toolApproval(ts: Ts, w: Walker, def: ToolDef, options: ObjectLiteral | undefined, fn: FunctionLike | undefined, optionsUnknown: boolean): ToolApproval | undefined {
  if (options) {
    for (const key of ['needsApproval', 'requireApproval']) {
      const value = w.propValue(options, key);
      if (value === undefined) continue;
      if (value.kind === ts.SyntaxKind.TrueKeyword) return { gate: 'always', via: key };
      if (value.kind === ts.SyntaxKind.FalseKeyword) return { gate: 'none', via: `${key}: false` };
      const text = !isFunctionLikeNode(ts, value) ? stringValue(ts, w.unwrap(value as Expression)) : undefined;
      // Hosted MCP: requireApproval 'always' | 'never' | { always, never } per tool.
      if (text === 'always') return { gate: 'always', via: key };
      if (text === 'never') return { gate: 'none', via: `${key}: 'never'` };
      return { gate: 'conditional', via: key };
    }
    if (def.framework === 'ai-sdk' && !w.propValue(options, 'execute')) return { gate: 'always', via: 'no execute (the application runs each call)' };
  } else if (optionsUnknown) {
    return undefined;
  }
  const call = fn && gatingCall(ts, w, fn);
  if (call) return { gate: 'always', via: call };
  return { gate: 'none' };
}

/** `interrupt(…)` from LangGraph, an MCP elicitation, or an AgentKit `step.waitForEvent(…)`, inside the implementation. */
function gatingCall(ts: Ts, w: Walker, fn: FunctionLike): string | undefined {
  if (!fn.body) return undefined;
  let found: string | undefined;
  // Asked of the file's imports once, at the first `….waitForEvent(…)`.
  let agentKit: boolean | undefined;
  const importsAgentKit = (): boolean => (agentKit ??= [...w.imports.values()].some((binding) => isAgentKit(binding.module)));
  let budget = 20_000;
  const visit = (node: Node): void => {
    if (found || --budget < 0) return;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && callee.text === 'interrupt' && w.imports.get('interrupt')?.module.startsWith('@langchain/langgraph')) found = 'interrupt()';
      else if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'elicitInput') found = 'elicitInput()';
      // Inngest AgentKit: the tool's handler waits for a person's answer (`await step?.waitForEvent(…)`).
      else if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'waitForEvent' && importsAgentKit()) found = 'step.waitForEvent()';
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

/** Tools an agent's own options gate: LangChain's human-in-the-loop middleware, LangGraph `interruptBefore`. */
export interface AgentGates {
  /** Every tool of the agent (with what does it). */
  all?: string;
  /** Tools gated by name. */
  tools: Map<string, string>;
}

/** How the linker follows `const x = …` from an identifier to the value it names (the middleware is often built apart). */
export interface ValueResolver {
  /** The value an identifier names, through simple `const` declarations; any other expression as it is. */
  deref(expression: Expression): Expression;
  /** The same when it is an object literal, else undefined. */
  resolveObject(expression: Expression): ObjectLiteral | undefined;
}

export function agentGates(ts: Ts, w: Walker, options: ObjectLiteral | undefined, values: ValueResolver): AgentGates {
  const gates: AgentGates = { tools: new Map() };
  // Mastra: `agent.stream(prompt, { requireToolApproval: true })` anywhere in the file gates its agents' calls.
  if (/\brequireToolApproval\s{0,5}:\s{0,5}true\b/.test(w.sourceFile.text)) gates.all = 'requireToolApproval';
  if (!options) return gates;
  const interruptBefore = w.propValue(options, 'interruptBefore');
  if (interruptBefore && !isFunctionLikeNode(ts, interruptBefore) && ts.isArrayLiteralExpression(w.unwrap(interruptBefore as Expression))) {
    const list = w.unwrap(interruptBefore as Expression) as TsNamespace.ArrayLiteralExpression;
    if (list.elements.some((element) => stringValue(ts, element) === 'tools')) gates.all = "interruptBefore: ['tools']";
  }
  const middleware = w.propValue(options, 'middleware');
  if (!middleware || isFunctionLikeNode(ts, middleware)) return gates;
  // `middleware: [humanInTheLoopMiddleware({ … })]`, also through variables: `const hitl = humanInTheLoopMiddleware(…)`,
  // `middleware: [hitl]`, `const middleware = [hitl]`.
  const list = values.deref(middleware as Expression);
  if (!ts.isArrayLiteralExpression(list)) return gates;
  for (const element of list.elements) {
    const call = values.deref(ts.isSpreadElement(element) ? element.expression : (element as Expression));
    if (!ts.isCallExpression(call)) continue;
    const binding = w.calleeBinding(call.expression);
    const name = binding?.name ?? (ts.isIdentifier(call.expression) ? call.expression.text : undefined);
    if (name !== 'humanInTheLoopMiddleware') continue;
    const config = call.arguments[0] && values.resolveObject(call.arguments[0]);
    const interruptOn = config && w.propValue(config, 'interruptOn');
    const tools = interruptOn && !isFunctionLikeNode(ts, interruptOn) ? values.resolveObject(interruptOn as Expression) : undefined;
    for (const property of tools?.properties ?? []) {
      const key = property.name && propertyNameText(ts, property.name);
      if (key === undefined) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : undefined;
      if (value?.kind === ts.SyntaxKind.FalseKeyword) continue;
      gates.tools.set(key, 'humanInTheLoopMiddleware');
    }
  }
  return gates;
}
