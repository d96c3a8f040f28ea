/**
 * Loads the Python parser (web-tree-sitter with tree-sitter-python, as built by VS Code: @vscode/tree-sitter-wasm)
 * and installs it into the core. WebAssembly compiles asynchronously while the analysis is synchronous, so every
 * entry point awaits `loadParsersFor(paths)` before it analyses Python files or notebooks; nothing is loaded for a
 * workspace without them. In the bundles the runtime is its own file (dist/tree-sitter.js, beside its two .wasm
 * files), required on first use like TypeScript.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileKind } from '../core/files';
import { installPythonParser, pythonParserInstalled, type TreeSitterExports } from '../core/languages/python-tree';

/** Set by the esbuild bundles (test/tools/build.mjs). */
declare const AGENT_GUARDRAIL_BUNDLE: boolean | undefined;

type Runtime = typeof import('@vscode/tree-sitter-wasm');

let loading: Promise<boolean> | undefined;

/** Load and install the Python parser once per process (or worker thread). Resolves false if it cannot load. */
export function loadPythonParser(): Promise<boolean> {
  if (pythonParserInstalled()) return Promise.resolve(true);
  loading ??= load().then(
    () => true,
    () => false,
  );
  return loading;
}

async function load(): Promise<void> {
  const bundled = typeof AGENT_GUARDRAIL_BUNDLE !== 'undefined' && AGENT_GUARDRAIL_BUNDLE;
  const runtime = (bundled ? require(`${__dirname}/tree-sitter.js`) : require('@vscode/tree-sitter-wasm')) as Runtime;
  const directory = bundled ? __dirname : dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
  // The bytes are handed over, so the runtime never looks for files itself. Emscripten makes this object the
  // module and adds the WebAssembly exports to it: the core's tree copy calls them directly.
  const module = { wasmBinary: readFileSync(join(directory, 'tree-sitter.wasm')) };
  await runtime.Parser.init(module as unknown as Parameters<Runtime['Parser']['init']>[0]);
  const language = await runtime.Language.load(readFileSync(join(directory, 'tree-sitter-python.wasm')));
  installPythonParser(new runtime.Parser(), language, module as unknown as TreeSitterExports);
}

/** Does analysing these paths need the Python parser? */
export function needsPythonParser(paths: Iterable<string>): boolean {
  for (const path of paths) {
    const kind = fileKind(path);
    if (kind === 'python' || kind === 'notebook') return true;
  }
  return false;
}

/** Load the parsers these files need (today: Python's) before a synchronous analysis runs over them. */
export async function loadParsersFor(paths: Iterable<string>): Promise<void> {
  if (needsPythonParser(paths)) await loadPythonParser();
}
