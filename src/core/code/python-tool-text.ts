/**
 * The text of Python tool definitions that a model reads, for supply-chain/tool-poisoning: the names and descriptions
 * of the tools the agent analysis found (./python-agents.ts): a tool function's docstring (what `@function_tool`,
 * `@tool`, `@mcp.tool()`, `FunctionTool.from_defaults(fn)` … send as its description), `name=` / `description=`
 * arguments of the decorator or factory (`description_override`, `name_override` in the OpenAI Agents SDK), a
 * decorator's positional name (`@tool("Name")`), and the `name` / `description` attributes of a tool class.
 */
import type { AnalysisContext } from '../context';
import { keyword, positional } from '../languages/python-secrets';
import { pyStringValue } from '../languages/python-strings';
import { fieldOf, type PyNode } from '../languages/python-tree';
import type { ToolTextRole } from '../poisoning/detect';
import { pythonCodeScan } from './python-agents';
import { pythonSource, type PythonSource } from './python-source';
import type { ToolText, ToolTexts } from './tool-text';

const NAME_KEYWORDS = ['name', 'name_override', 'tool_name'];
const DESCRIPTION_KEYWORDS = ['description', 'description_override', 'tool_description'];

export function pythonToolTexts(context: AnalysisContext): ToolTexts | undefined {
  const source = pythonSource(context);
  if (!source) return undefined;
  const { toolDefs } = pythonCodeScan(context);
  const texts: ToolText[] = [];
  const names = new Set<string>();
  for (const [node, def] of toolDefs) {
    if (def.name !== undefined) names.add(def.name);
    const add = (string: PyNode | undefined, role: ToolTextRole) => {
      const text = string && toolText(source, string, role, def.name);
      if (text) texts.push(text);
    };
    for (const call of definingCalls(node)) {
      const args = fieldOf(call, 'arguments');
      if (args?.type !== 'argument_list') continue;
      for (const name of NAME_KEYWORDS) add(keyword(args, name, source.text), 'name');
      for (const name of DESCRIPTION_KEYWORDS) add(keyword(args, name, source.text), 'description');
      if (call !== node) add(positional(args)[0], 'name');
    }
    if (node.type === 'class_definition') {
      for (const [attribute, value] of classAttributes(node, source.text)) {
        if (attribute === 'name') add(value, 'name');
        if (attribute === 'description') add(value, 'description');
      }
    }
    const fn = node.type === 'function_definition' ? node : def.impl;
    if (fn) add(docstring(fn), 'description');
  }
  return { texts, names };
}

/** The calls whose arguments name or describe the tool: the factory call itself, or a decorated function's decorators. */
function definingCalls(node: PyNode): PyNode[] {
  if (node.type === 'call') return [node];
  if (node.type !== 'function_definition' || node.parent?.type !== 'decorated_definition') return [];
  return node.parent.children.filter((child) => child.type === 'decorator').flatMap((decorator) => decorator.children.filter((child) => child.type === 'call'));
}

/** `name = "…"` and `description: str = "…"` in a class body. */
function* classAttributes(cls: PyNode, text: string): Generator<[string, PyNode]> {
  for (const statement of fieldOf(cls, 'body')?.children ?? []) {
    const assignment = statement.type === 'expression_statement' ? statement.children[0] : undefined;
    const left = assignment?.type === 'assignment' ? fieldOf(assignment, 'left') : undefined;
    const right = assignment && fieldOf(assignment, 'right');
    if (left?.type === 'identifier' && right) yield [text.slice(left.start, left.end), right];
  }
}

/** A function's docstring: a string as the first statement of its body. */
function docstring(fn: PyNode): PyNode | undefined {
  const first = fieldOf(fn, 'body')?.children.find((child) => child.type !== 'comment');
  return first?.type === 'expression_statement' && first.children[0]?.type === 'string' ? first.children[0] : undefined;
}

/** A string literal as a tool text; every value index maps to the file when the literal has no escapes. */
function toolText(source: PythonSource, node: PyNode, role: ToolTextRole, tool: string | undefined): ToolText | undefined {
  const string = node.type === 'string' ? pyStringValue(node, source.text) : undefined;
  if (!string) return undefined;
  const { value, exact, contentStart, contentEnd } = string;
  // Exact: each character of the value is the file's character at the same distance from the content's start.
  const at = (index: number): number => (index === value.length ? source.toFileEnd(contentEnd) : source.toFile(contentStart + index));
  const range = (from: number, to: number): [number, number] => (exact ? [at(from), at(to)] : [source.toFile(node.start), source.toFileEnd(node.end)]);
  return tool !== undefined ? { value, range, role, tool } : { value, range, role };
}
