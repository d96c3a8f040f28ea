/**
 * The Python code of a file, parsed once and shared by the secret scan and the agent analysis: a `.py` file as it
 * is, or a notebook's code cells joined (offsets map back to the notebook's JSON).
 */
import type { AnalysisContext } from '../context';
import { readNotebook, type Notebook } from '../languages/notebook';
import { parsePython, PythonParserMissing, type PyNode, type PythonTree } from '../languages/python-tree';

export interface PythonSource {
  /** The Python text the tree was parsed from (the file itself, or a notebook's joined cells). */
  text: string;
  tree: PythonTree;
  /** File offset of a start offset in `text`, and of an end offset. */
  toFile: (offset: number) => number;
  toFileEnd: (offset: number) => number;
  notebook?: Notebook;
}

const identity = (offset: number) => offset;

/** The parsed Python of a `.py` file or notebook (memoised per file); undefined when it cannot be parsed. */
export function pythonSource(context: AnalysisContext): PythonSource | undefined {
  if (context.kind !== 'python' && context.kind !== 'notebook') return undefined;
  return context.memo('python-source', () => {
    let source: PythonSource;
    if (context.kind === 'notebook') {
      const notebook = readNotebook(context.text);
      if (notebook.error) {
        context.note('partial', `${notebook.error}; scanned as text`);
        return undefined;
      }
      const tree = parse(context, notebook.code.text);
      if (!tree) return undefined;
      source = { text: notebook.code.text, tree, toFile: (offset) => notebook.code.toFile(offset), toFileEnd: (offset) => notebook.code.toFileEnd(offset), notebook };
    } else {
      const tree = parse(context, context.text);
      if (!tree) return undefined;
      source = { text: context.text, tree, toFile: identity, toFileEnd: identity };
    }
    if (source.tree.errors) context.note('partial', `${source.tree.errors} syntax error${source.tree.errors === 1 ? '' : 's'}; analysed what parsed`);
    return source;
  });
}

function parse(context: AnalysisContext, text: string): PythonTree | undefined {
  try {
    return parsePython(text);
  } catch (error) {
    if (!(error instanceof PythonParserMissing)) throw error;
    context.note('partial', 'the Python parser is not loaded; scanned as text');
    return undefined;
  }
}

const retainedInstances: object[] = [];

/**
 * Keep one instance of a class that the analysis makes once per file, for the life of the process. V8 holds the
 * hidden class of a fully constructed instance weakly (a transition from the class's initial one): a full garbage
 * collection that finds no instance alive drops it, and with it the optimised code of every method that read one,
 * so the next file ran unoptimised until V8 had optimised it all again.
 */
export function retainShape(instance: object): void {
  retainedInstances.push(instance);
}

/** A parsed empty module: what a retained instance is built on. */
const EMPTY_MODULE: PyNode = { type: 'module', field: undefined, start: 0, end: 0, parent: undefined, children: [], operator: undefined };
export const EMPTY_PYTHON_SOURCE: PythonSource = { text: '', tree: { root: EMPTY_MODULE, nodes: [EMPTY_MODULE], errors: 0 }, toFile: identity, toFileEnd: identity };
