/**
 * grants/unenforced-decision (challenge) and grants/unapproved-high-risk-tool in Python: add the framework's approval
 * keyword to the tool's definition, `needs_approval=True` (OpenAI Agents SDK `@function_tool`, `FunctionTool`,
 * `as_tool`), `requires_approval=True` (Pydantic AI `@agent.tool`, `Tool`), `require_confirmation=True` (Google ADK
 * `FunctionTool`), `requires_confirmation=True` (agno `@tool`), or set an existing `False`/`None` to `True`. Not safe for fix-all: the application must then
 * handle approval requests, which the follow-up says how to do.
 */
import { isAgno, isFunctionToolDecorator, isGoogleAdk, isOpenAIAgents, isPydanticAI } from '../code/python-frameworks';
import { PyWalker } from '../code/python-walk';
import { fieldOf, parsePython, PythonParserMissing, type PyNode, type PythonTree } from '../languages/python-tree';
import type { Finding } from '../types';
import { eolOf, indentAt, lineStartOf } from './text';
import { requireApprovalFix } from './approval-option';
import type { FileEdit, Fix } from './types';

const FOLLOW_UP: Record<string, string> = {
  needs_approval: 'The run now stops before each call with an interruption: handle result.interruptions (state.approve() or state.reject()), then run again with the state.',
  requires_approval:
    "The run now ends with DeferredToolRequests instead of calling the tool: add DeferredToolRequests to the agent's output_type, then run again with DeferredToolResults holding the approvals.",
  require_confirmation: 'Each call now waits for a confirmation (an adk_request_confirmation event): answer it from the client before the tool runs.',
  requires_confirmation: 'The run now pauses before each call: mark the paused tool confirmed (or not) and call continue_run() to go on.',
};

export function pythonApprovalOptionFixes(path: string, text: string, finding: Finding): Fix[] {
  if (/decision: deny/.test(finding.message)) return [];
  let tree: PythonTree;
  try {
    tree = parsePython(text);
  } catch (error) {
    if (error instanceof PythonParserMissing) return [];
    throw error;
  }
  const walker = new PyWalker(tree, text);
  walker.walk();
  const head = tree.nodes.find((node) => node.start === finding.startOffset && node.end === finding.endOffset && (node.type === 'identifier' || node.type === 'attribute'));
  if (!head) return [];
  const key = keywordFor(walker, head);
  if (!key) return [];
  const call = head.parent?.type === 'call' && fieldOf(head.parent, 'function') === head ? head.parent : undefined;
  const edit = call ? setTrue(walker, path, text, call, key) : head.parent?.type === 'decorator' ? { path, startOffset: head.end, endOffset: head.end, newText: `(${key}=True)` } : undefined;
  if (!edit) return [];
  return [requireApprovalFix(finding, `${key}=True`, edit, FOLLOW_UP[key])];
}

/** The approval keyword of the framework that defines the tool, by its decorator or callee. */
function keywordFor(w: PyWalker, head: PyNode): string | undefined {
  const binding = w.binding(head);
  if (binding && (isFunctionToolDecorator(binding) || (isOpenAIAgents(binding.module) && binding.name === 'FunctionTool'))) return 'needs_approval';
  if (binding && isPydanticAI(binding.module) && binding.name === 'Tool') return 'requires_approval';
  if (binding && isGoogleAdk(binding.module) && binding.name === 'FunctionTool') return 'require_confirmation';
  if (binding && isAgno(binding.module) && binding.name === 'tool') return 'requires_confirmation';
  if (head.type !== 'attribute') return undefined;
  const method = w.lastName(head);
  if (method === 'as_tool') return 'needs_approval';
  // Pydantic AI: `@agent.tool` / `@agent.tool_plain` on an agent of this file.
  if (method === 'tool' || method === 'tool_plain') {
    const receiver = w.deref(fieldOf(head, 'object')!).node;
    const agent = receiver.type === 'call' ? w.binding(fieldOf(receiver, 'function')!) : undefined;
    if (agent && isPydanticAI(agent.module) && agent.name === 'Agent') return 'requires_approval';
  }
  return undefined;
}

/** `key=True` in a call's arguments: an existing `False`/`None` replaced, or a new last argument in the call's layout. */
function setTrue(w: PyWalker, path: string, text: string, call: PyNode, key: string): FileEdit | undefined {
  const args = fieldOf(call, 'arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  const existing = w.argument(call, key);
  if (existing) {
    const value = w.unwrap(existing);
    return value.type === 'false' || value.type === 'none' ? { path, startOffset: value.start, endOffset: value.end, newText: 'True' } : undefined;
  }
  const items = args.children.filter((child) => child.type !== 'comment');
  const last = items[items.length - 1];
  if (!last) return { path, startOffset: args.start + 1, endOffset: args.end - 1, newText: `${key}=True` };
  const multiline = text.slice(lineStartOf(text, last.start), last.start).trim() === '';
  const comma = /^\s*,/.exec(text.slice(last.end, args.end - 1))?.[0].length;
  if (!multiline) return { path, startOffset: last.end, endOffset: last.end, newText: `, ${key}=True` };
  const eol = eolOf(text);
  const indent = indentAt(text, last.start);
  return comma !== undefined
    ? { path, startOffset: last.end + comma, endOffset: last.end + comma, newText: `${eol}${indent}${key}=True,` }
    : { path, startOffset: last.end, endOffset: last.end, newText: `,${eol}${indent}${key}=True` };
}
