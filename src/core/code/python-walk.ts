/**
 * One iterative walk of a Python tree that records what the agent analysis needs: imports, assignments (and
 * `with … as x`), function and class definitions, decorators and calls. Names are resolved afterwards from these
 * records, scope-blind like the TypeScript side: the last assignment before a use, else the first one.
 */
import { keyword, lastName, positional } from '../languages/python-secrets';
import { pyStringValue } from '../languages/python-strings';
import { fieldOf, type PyNode, type PythonTree, textOf } from '../languages/python-tree';
import type { AgentFramework, CodeTool } from '../facts';
import { lastBefore } from './common';
import type { PyBinding } from './python-frameworks';
import { EMPTY_PYTHON_SOURCE, retainShape } from './python-source';

/** A tool defined in the file: a decorated function, a factory call, a tool class, a plain function in a tools list. */
export interface PyToolDef {
  name?: string;
  kind: NonNullable<CodeTool['kind']>;
  framework: AgentFramework;
  /** The function the model's arguments reach. */
  impl?: PyNode;
  /** Where findings about the definition go (the decorator or callee). */
  headStart: number;
  headEnd: number;
  /**
   * Where the tool's approval options go: the call that takes its options (`@function_tool(…)`, `FunctionTool(…)`),
   * hosted MCP's `tool_config` dictionary, or (any other node) options built elsewhere, so unknown.
   */
  options?: PyNode;
  /** Another agent handed over as a tool (`agent.as_tool(…)`, ADK `AgentTool`): judged by its own tools. */
  subAgent?: boolean;
}

export interface PyAssign {
  value: PyNode;
  pos: number;
  /** `with X as name` / `async with`: the value is a context manager, the name what it yields. */
  viaWith: boolean;
}

export class PyWalker {
  readonly imports = new Map<string, PyBinding>();
  /** Modules imported with `from m import *` (notebooks often do), for names bound nowhere else. */
  readonly starModules: string[] = [];
  readonly vars = new Map<string, PyAssign[]>();
  readonly functions = new Map<string, PyNode[]>();
  readonly classes = new Map<string, PyNode>();
  /** Calls, in document order (so the calls inside a function are one run of this list). */
  readonly calls: PyNode[] = [];
  /** `raise` statements, in document order. */
  readonly raises: PyNode[] = [];
  /** Decorated function definitions with their decorator expressions. */
  readonly decorated: { fn: PyNode; decorators: PyNode[] }[] = [];

  /** Dictionary literals, in document order. */
  readonly dictionaries: PyNode[] = [];
  private readonly bindings = new Map<PyNode, PyBinding | undefined>();

  constructor(
    readonly tree: PythonTree,
    readonly text: string,
  ) {}

  walk(): void {
    for (const node of this.tree.nodes) this.inspect(node);
  }

  private inspect(node: PyNode): void {
    switch (node.type) {
      case 'import_statement':
        for (const child of node.children) {
          if (child.type === 'dotted_name') {
            const module = this.name(child);
            this.imports.set(module.split('.')[0]!, { module: module.split('.')[0]!, name: '*' });
          } else if (child.type === 'aliased_import') {
            const alias = fieldOf(child, 'alias');
            const name = fieldOf(child, 'name');
            if (alias && name) this.imports.set(this.name(alias), { module: this.name(name), name: '*' });
          }
        }
        break;
      case 'import_from_statement': {
        const moduleNode = fieldOf(node, 'module_name');
        if (!moduleNode) break;
        const module = this.name(moduleNode);
        if (node.children.some((child) => child.type === 'wildcard_import')) this.starModules.push(module);
        for (const child of node.children) {
          if (child.field !== 'name') continue;
          if (child.type === 'dotted_name') this.imports.set(this.name(child), { module, name: this.name(child) });
          else if (child.type === 'aliased_import') {
            const alias = fieldOf(child, 'alias');
            const name = fieldOf(child, 'name');
            if (alias && name) this.imports.set(this.name(alias), { module, name: this.name(name) });
          }
        }
        break;
      }
      case 'assignment': {
        const left = fieldOf(node, 'left');
        const right = fieldOf(node, 'right');
        if (left?.type === 'identifier' && right) this.assign(this.name(left), right, false);
        break;
      }
      case 'named_expression': {
        const name = fieldOf(node, 'name');
        const value = fieldOf(node, 'value');
        if (name && value) this.assign(this.name(name), value, false);
        break;
      }
      case 'with_item': {
        // `with X as y:` (tree-sitter: with_item → as_pattern(value, as_pattern_target(identifier)))
        const pattern = node.children[0];
        if (pattern?.type !== 'as_pattern') break;
        const [value, target] = pattern.children.filter((child) => child.type !== 'comment');
        const identifier = target?.type === 'as_pattern_target' ? target.children[0] : target;
        if (value && identifier?.type === 'identifier') this.assign(this.name(identifier), value, true);
        break;
      }
      case 'function_definition': {
        const name = fieldOf(node, 'name');
        if (name) {
          const list = this.functions.get(this.name(name)) ?? [];
          list.push(node);
          this.functions.set(this.name(name), list);
        }
        if (node.parent?.type === 'decorated_definition') {
          const decorators = node.parent.children.filter((child) => child.type === 'decorator').map((decorator) => decorator.children[0]).filter((expression): expression is PyNode => !!expression);
          this.decorated.push({ fn: node, decorators });
        }
        break;
      }
      case 'class_definition': {
        const name = fieldOf(node, 'name');
        if (name) this.classes.set(this.name(name), node);
        break;
      }
      case 'dictionary':
        this.dictionaries.push(node);
        break;
      case 'call':
        this.calls.push(node);
        break;
      case 'raise_statement':
        this.raises.push(node);
        break;
    }
  }

  private assign(name: string, value: PyNode, viaWith: boolean): void {
    const list = this.vars.get(name) ?? [];
    list.push({ value, pos: value.start, viaWith });
    this.vars.set(name, list);
  }

  name(node: PyNode): string {
    return textOf(node, this.text);
  }

  // ---------------------------------------------------------------- resolution

  /** `(x)` and `await x` are x. */
  unwrap(node: PyNode): PyNode {
    let current = node;
    while ((current.type === 'parenthesized_expression' || current.type === 'await') && current.children.length >= 1) {
      const inner = current.children.find((child) => child.type !== 'comment');
      if (!inner) break;
      current = inner;
    }
    return current;
  }

  /** The assignment of a name in effect at a position (scope-blind). */
  lookup(name: string, before: number): PyAssign | undefined {
    return lastBefore(this.vars.get(name), before);
  }

  /** Follow `x = …` from a name to the value it holds (a few steps at most). */
  deref(node: PyNode): { node: PyNode; viaWith: boolean } {
    let e = this.unwrap(node);
    let viaWith = false;
    for (let steps = 0; steps < 8 && e.type === 'identifier'; steps++) {
      const assign = this.lookup(this.name(e), e.start);
      if (!assign) break;
      viaWith ||= assign.viaWith;
      e = this.unwrap(assign.value);
    }
    return { node: e, viaWith };
  }

  /** The function a name refers to: `def name(…)` (the one before the position, else the first). */
  functionNamed(name: string, before: number): PyNode | undefined {
    const list = this.functions.get(name);
    if (!list) return undefined;
    let found: PyNode | undefined;
    for (const fn of list) if (fn.start < before) found = fn;
    return found ?? list[0];
  }

  /**
   * What a callee is: `Agent` → `{ agents, Agent }`, `agents.mcp.MCPServerStdio` → `{ agents.mcp, MCPServerStdio }`,
   * `StructuredTool.from_function` → `{ langchain_core.tools, StructuredTool.from_function }`.
   */
  binding(callee: PyNode): PyBinding | undefined {
    // Asked for the same callee by several passes of the analysis (after the walk, so the answer is fixed).
    if (this.bindings.has(callee)) return this.bindings.get(callee);
    const binding = this.resolve(callee);
    this.bindings.set(callee, binding);
    return binding;
  }

  private resolve(callee: PyNode): PyBinding | undefined {
    const parts: string[] = [];
    let e = this.unwrap(callee);
    while (e.type === 'attribute') {
      const attribute = fieldOf(e, 'attribute');
      const object = fieldOf(e, 'object');
      if (!attribute || !object) return undefined;
      parts.unshift(this.name(attribute));
      e = this.unwrap(object);
    }
    if (e.type !== 'identifier') return undefined;
    const head = this.name(e);
    const bound = this.imports.get(head) ?? (this.starModules.length && !this.vars.has(head) ? { module: this.starModules[0]!, name: head } : undefined);
    if (!bound) return undefined;
    if (!parts.length) return bound;
    if (bound.name === '*') return { module: [bound.module, ...parts.slice(0, -1)].join('.'), name: parts[parts.length - 1]! };
    return { module: bound.module, name: [bound.name, ...parts].join('.') };
  }

  /** The constant string of a node, if it is one. */
  string(node: PyNode | undefined): string | undefined {
    if (!node) return undefined;
    const e = this.unwrap(node);
    return e.type === 'string' ? pyStringValue(e, this.text)?.value : undefined;
  }

  /** A call's argument by keyword or position. */
  argument(call: PyNode, name: string, index?: number): PyNode | undefined {
    const args = fieldOf(call, 'arguments');
    if (!args || args.type !== 'argument_list') return undefined;
    return keyword(args, name, this.text) ?? (index === undefined ? undefined : positional(args)[index]);
  }

  positionals(call: PyNode): PyNode[] {
    const args = fieldOf(call, 'arguments');
    return args && args.type === 'argument_list' ? positional(args) : [];
  }

  /** The value under a string key of a dict literal. */
  dictValue(dict: PyNode, key: string): PyNode | undefined {
    for (const pair of dict.children) {
      if (pair.type === 'pair' && this.string(fieldOf(pair, 'key')) === key) return fieldOf(pair, 'value');
    }
    return undefined;
  }

  lastName(node: PyNode): string {
    return lastName(node, this.text);
  }
}

retainShape(new PyWalker(EMPTY_PYTHON_SOURCE.tree, ''));
