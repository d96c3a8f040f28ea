/**
 * grants/unrestricted-shell in Python: a tool whose implementation hands model input (its parameters, or locals
 * derived from them) to a shell (`subprocess.*(…, shell=True)`, `os.system`, `os.popen`,
 * `asyncio.create_subprocess_shell`, paramiko `exec_command`), lets the model choose the program
 * (`subprocess.run(cmd.split())`, `["bash", "-c", cmd]`), or runs it as Python code (`eval`, `exec`), directly or
 * through a helper one call away. A negated allow-list check before the call, or a positive one around it, guards it.
 */
import { appendAll } from '../arrays';
import { fieldOf, type PyNode } from '../languages/python-tree';
import { retainShape } from './python-source';
import type { PyToolDef, PyWalker } from './python-walk';

/** What the shell check needs from the agent analysis. */
export interface ShellHost {
  readonly w: PyWalker;
  /** Tool definitions by their node (decorated function, factory call, class …). */
  readonly defs: Map<PyNode, PyToolDef>;
  readonly shellList: { start: number; end: number; message: string }[];
  finding(list: { start: number; end: number; message: string }[], start: number, end: number, message: string): void;
  /** File offsets of a range of the analysed Python text. */
  toFile(start: number, end: number): [number, number];
}

type Family = 'shell' | 'spawn' | 'command' | 'code';

interface Sink {
  call: PyNode;
  family: Family;
  label: string;
}

interface SinkShape {
  args: PyNode[];
  what: string;
}

/** Calls that run commands, by `module.name` as imported. */
const SINKS = new Map<string, Family>([
  ['os.system', 'shell'],
  ['os.popen', 'shell'],
  ['subprocess.getoutput', 'shell'],
  ['subprocess.getstatusoutput', 'shell'],
  ['asyncio.create_subprocess_shell', 'shell'],
  ['commands.getoutput', 'shell'],
  ['subprocess.run', 'spawn'],
  ['subprocess.call', 'spawn'],
  ['subprocess.check_call', 'spawn'],
  ['subprocess.check_output', 'spawn'],
  ['subprocess.Popen', 'spawn'],
  ['asyncio.create_subprocess_exec', 'spawn'],
  ['os.execv', 'spawn'],
  ['os.execvp', 'spawn'],
  ['os.execve', 'spawn'],
  ['os.execvpe', 'spawn'],
  ['os.execl', 'spawn'],
  ['os.execlp', 'spawn'],
  ['pexpect.spawn', 'command'],
  ['pexpect.run', 'command'],
]);

const SHELL_PROGRAMS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh', 'pwsh.exe']);
const SHELL_FLAGS = new Set(['-c', '-lc', '-ic', '-ec', '/c', '/C', '-Command', '-command', '-EncodedCommand']);
/** Parameters the framework fills, not the model: `self`, `ctx: RunContextWrapper[…]`, `tool_context: ToolContext`. */
const FRAMEWORK_PARAMS = new Set(['self', 'cls', 'ctx', 'context', 'run_context', 'tool_context', 'wrapper']);

/** Is this call one that runs a command or code (and which kind)? */
export function sinkOf(w: PyWalker, call: PyNode): { family: Family; label: string } | undefined {
  const callee = fieldOf(call, 'function');
  if (!callee) return undefined;
  if (callee.type === 'identifier' && (w.name(callee) === 'eval' || w.name(callee) === 'exec') && !w.imports.has(w.name(callee)) && !w.functions.has(w.name(callee))) {
    return { family: 'code', label: `${w.name(callee)}()` };
  }
  if (callee.type === 'attribute' && w.lastName(callee) === 'exec_command') return { family: 'shell', label: 'exec_command' };
  const binding = w.binding(callee);
  const family = binding && SINKS.get(`${binding.module}.${binding.name}`);
  return family ? { family, label: `${binding!.module}.${binding!.name}` } : undefined;
}

export class PythonShell {
  private readonly paramCache = new Map<PyNode, Set<string>[]>();

  constructor(private readonly l: ShellHost) {}

  /** Report the tools that run model input; returns their definitions (their tools are of kind `shell`). */
  run(): Set<PyToolDef> {
    const shellDefs = new Set<PyToolDef>();
    const sinks = this.sinks();
    if (!sinks.length) return shellDefs;
    const impls = new Map<PyNode, PyToolDef[]>();
    for (const def of this.l.defs.values()) {
      if (!def.impl) continue;
      const list = impls.get(def.impl) ?? [];
      list.push(def);
      impls.set(def.impl, list);
    }
    const helpers: { sink: Sink; shape: SinkShape; fn: PyNode; indices: number[] }[] = [];
    const done = new Set<PyNode>();
    for (const sink of sinks) {
      const fns = this.enclosingFunctions(sink.call);
      for (const shape of this.shapes(sink)) {
        if (done.has(sink.call)) break;
        for (const fn of fns) {
          const params = this.params(fn);
          const all = new Set(params.flatMap((names) => [...names]));
          if (!all.size || !this.reaches(shape.args, fn, all, sink.call.start)) continue;
          const defs = impls.get(fn);
          if (defs) {
            if (!this.guarded(fn, shape.args, sink.call.start)) this.report(sink, shape, defs, shellDefs);
            done.add(sink.call);
            break;
          }
          if (fn.type === 'function_definition') {
            const indices = params.map((names, index) => (this.reaches(shape.args, fn, names, sink.call.start) ? index : -1)).filter((index) => index >= 0);
            helpers.push({ sink, shape, fn, indices });
          }
        }
      }
    }
    // One call away: a tool calls `run_shell(command)`, and `def run_shell(cmd): subprocess.run(cmd, shell=True)`.
    for (const helper of helpers) {
      if (done.has(helper.sink.call)) continue;
      const name = this.l.w.name(fieldOf(helper.fn, 'name')!);
      for (const call of this.l.w.calls) {
        if (done.has(helper.sink.call)) break;
        const callee = fieldOf(call, 'function');
        if (!callee || this.l.w.lastName(callee) !== name || (callee.type === 'attribute' && this.l.w.name(fieldOf(callee, 'object')!) !== 'self')) continue;
        const positionals = this.l.w.positionals(call);
        const args = helper.indices.map((index) => positionals[index]).filter((arg): arg is PyNode => !!arg);
        if (!args.length) continue;
        for (const fn of this.enclosingFunctions(call)) {
          const defs = impls.get(fn);
          if (!defs) continue;
          const all = new Set(this.params(fn).flatMap((names) => [...names]));
          if (all.size && this.reaches(args, fn, all, call.start)) {
            if (!this.guarded(fn, args, call.start) && !this.guarded(helper.fn, helper.shape.args, helper.sink.call.start)) this.report(helper.sink, helper.shape, defs, shellDefs, name);
            done.add(helper.sink.call);
            break;
          }
        }
      }
    }
    return shellDefs;
  }

  private sinks(): Sink[] {
    const sinks: Sink[] = [];
    for (const call of this.l.w.calls) {
      const sink = sinkOf(this.l.w, call);
      if (sink) sinks.push({ call, ...sink });
    }
    return sinks;
  }

  /** Which arguments must carry model input for the call to be an unrestricted shell, and how to say so. */
  private shapes(sink: Sink): SinkShape[] {
    const w = this.l.w;
    const [first] = w.positionals(sink.call);
    const program = first ?? w.argument(sink.call, 'args') ?? w.argument(sink.call, 'cmd') ?? w.argument(sink.call, 'command');
    if (!program) return [];
    const label = sink.label;
    if (sink.family === 'code') return [{ args: [program], what: `hands model input to ${label}, which runs it as Python code` }];
    if (sink.family === 'shell') return [{ args: [program], what: `hands model input to ${label}, which runs it in a shell` }];
    if (sink.family === 'command') return [{ args: [program], what: `hands model input to ${label}, which runs it as a command line` }];
    const shell = w.argument(sink.call, 'shell');
    if (shell && w.unwrap(shell).type !== 'false' && w.name(w.unwrap(shell)) !== 'None') {
      return [{ args: [program], what: `hands model input to ${label} with shell=True, which runs it in a shell` }];
    }
    const list = w.deref(program).node;
    if (list.type !== 'list' && list.type !== 'tuple') return [{ args: [program], what: `lets the model choose the program ${label} runs` }];
    const items = list.children.filter((child) => child.type !== 'comment');
    const shapes: SinkShape[] = [];
    if (items[0]) shapes.push({ args: [items[0]], what: `lets the model choose the program ${label} runs` });
    const programName = w.string(items[0]);
    const base = programName?.slice(programName.lastIndexOf('/') + 1);
    const flag = items.map((item) => w.string(item)).find((value) => value !== undefined && SHELL_FLAGS.has(value));
    if (base && SHELL_PROGRAMS.has(base) && flag) shapes.push({ args: items.slice(1), what: `hands model input to a shell (${base} ${flag}) through ${label}` });
    return shapes;
  }

  private report(sink: Sink, shape: SinkShape, defs: PyToolDef[], shellDefs: Set<PyToolDef>, helper?: string): void {
    const name = defs.map((def) => def.name).find((candidate) => candidate !== undefined);
    const tool = name ? `Tool "${name}"` : 'This agent tool';
    const via = helper ? ` (through ${helper}())` : '';
    for (const def of defs) shellDefs.add(def);
    const [start, end] = this.l.toFile(sink.call.start, sink.call.end);
    const advice =
      sink.family === 'code'
        ? ': the model can run any Python code with this process\'s permissions and credentials. Parse the input instead (json.loads, ast.literal_eval), or remove the tool.'
        : ": the model can run any command with this process's permissions and credentials. Run a fixed program with subprocess.run([...]) and an argument list (no shell), check the input against an allow-list, or remove the tool.";
    this.l.finding(this.l.shellList, start, end, `${tool} ${shape.what}${via}${advice}`);
  }

  /** Functions around a node, innermost first. */
  private enclosingFunctions(node: PyNode): PyNode[] {
    const fns: PyNode[] = [];
    for (let current = node.parent; current; current = current.parent) if (current.type === 'function_definition' || current.type === 'lambda') fns.push(current);
    return fns;
  }

  /** The names each parameter binds, without the ones the framework fills. */
  private params(fn: PyNode): Set<string>[] {
    let cached = this.paramCache.get(fn);
    if (cached) return cached;
    const w = this.l.w;
    const list = fieldOf(fn, 'parameters');
    cached = [];
    for (const parameter of list?.children ?? []) {
      let nameNode: PyNode | undefined;
      let type: PyNode | undefined;
      if (parameter.type === 'identifier') nameNode = parameter;
      else if (parameter.type === 'typed_parameter') {
        nameNode = parameter.children.find((child) => child.type === 'identifier' || child.type === 'list_splat_pattern' || child.type === 'dictionary_splat_pattern');
        type = fieldOf(parameter, 'type');
      } else if (parameter.type === 'default_parameter' || parameter.type === 'typed_default_parameter') {
        nameNode = fieldOf(parameter, 'name');
        type = fieldOf(parameter, 'type');
      } else if (parameter.type === 'list_splat_pattern' || parameter.type === 'dictionary_splat_pattern') nameNode = parameter;
      if (nameNode && (nameNode.type === 'list_splat_pattern' || nameNode.type === 'dictionary_splat_pattern')) nameNode = nameNode.children[0];
      if (!nameNode || nameNode.type !== 'identifier') continue;
      const name = w.name(nameNode);
      if (FRAMEWORK_PARAMS.has(name) || (type && /Context/.test(w.name(type)))) continue;
      cached.push(new Set([name]));
    }
    this.paramCache.set(fn, cached);
    return cached;
  }

  /** Does model input (the parameters, or locals derived from them before `before`) reach these expressions? */
  private reaches(expressions: PyNode[], fn: PyNode, names: Set<string>, before: number): boolean {
    if (!names.size) return false;
    const seen = new Set<PyNode>();
    const check = (expression: PyNode, depth: number): boolean => {
      for (const id of this.identifiersIn(expression)) {
        if (names.has(id)) return true;
        if (depth >= 4) continue;
        for (const assign of this.l.w.vars.get(id) ?? []) {
          if (assign.pos < fn.start || assign.pos >= fn.end || assign.pos >= before || seen.has(assign.value)) continue;
          seen.add(assign.value);
          if (check(assign.value, depth + 1)) return true;
        }
      }
      return false;
    };
    return expressions.some((expression) => check(expression, 0));
  }

  /** Identifiers an expression reads (not attribute or keyword names); arguments of quoting calls (`shlex.quote`) do not count. */
  private identifiersIn(root: PyNode): Set<string> {
    const w = this.l.w;
    const ids = new Set<string>();
    const stack = [root];
    while (stack.length && ids.size <= 256) {
      const node = stack.pop()!;
      if (node.type === 'identifier') {
        ids.add(w.name(node));
        continue;
      }
      if (node.type === 'attribute') {
        const object = fieldOf(node, 'object');
        if (object) stack.push(object);
        continue;
      }
      if (node.type === 'keyword_argument') {
        const value = fieldOf(node, 'value');
        if (value) stack.push(value);
        continue;
      }
      if (node.type === 'call') {
        const callee = fieldOf(node, 'function');
        if (callee && /quote|escape/i.test(w.lastName(callee))) continue;
      }
      appendAll(stack, node.children);
    }
    return ids;
  }

  /**
   * Is the command checked against an allow-list before the call? `if cmd not in ALLOWED: raise …`,
   * `if not PATTERN.fullmatch(cmd): return …` before it, or `if cmd in ALLOWED:` / `if PATTERN.match(cmd):` around it.
   */
  private guarded(fn: PyNode, args: PyNode[], sinkPos: number): boolean {
    const w = this.l.w;
    const body = fieldOf(fn, 'body');
    if (!body) return false;
    const names = new Set<string>();
    for (const arg of args) for (const id of this.identifiersIn(arg)) names.add(id);
    if (!names.size) return false;
    const reachesNames = (node: PyNode) => this.reaches([node], fn, names, sinkPos);
    const isCheck = (expression: PyNode): boolean => {
      const e = w.unwrap(expression);
      if (e.type === 'comparison_operator' && e.operator === 'in') return !!e.children[0] && reachesNames(e.children[0]);
      if (e.type === 'call') {
        const callee = fieldOf(e, 'function');
        const method = callee ? w.lastName(callee) : '';
        return (method === 'match' || method === 'fullmatch') && w.positionals(e).some(reachesNames);
      }
      if (e.type === 'boolean_operator') return e.children.some((child) => (child.field === 'left' || child.field === 'right') && isCheck(child));
      return false;
    };
    const isNegatedCheck = (expression: PyNode): boolean => {
      const e = w.unwrap(expression);
      if (e.type === 'comparison_operator' && e.operator === 'not in') return !!e.children[0] && reachesNames(e.children[0]);
      if (e.type === 'not_operator') return !!e.children[0] && isCheck(e.children[0]);
      if (e.type === 'boolean_operator') return e.children.some((child) => (child.field === 'left' || child.field === 'right') && isNegatedCheck(child));
      return false;
    };
    const stack = [body];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.start >= sinkPos) continue;
      if (node.type === 'if_statement') {
        const condition = fieldOf(node, 'condition');
        const consequence = fieldOf(node, 'consequence');
        if (condition && isNegatedCheck(condition) && node.end <= sinkPos) return true;
        if (condition && consequence && consequence.start <= sinkPos && sinkPos < consequence.end && isCheck(condition)) return true;
      }
      if (node.type === 'assert_statement' && node.children[0] && isCheck(node.children[0])) return true;
      appendAll(stack, node.children);
    }
    return false;
  }
}

retainShape(new PythonShell({} as ShellHost));
