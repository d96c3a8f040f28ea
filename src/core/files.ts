/** What kind of file a path is, which decides the parser and which rules apply. `code` is TypeScript/JavaScript. */
export type FileKind = 'code' | 'python' | 'notebook' | 'json' | 'yaml' | 'dotenv' | 'text';

const CODE_EXTENSIONS = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const JSON_EXTENSIONS = /\.(?:json|jsonc|json5)$/i;
const YAML_EXTENSIONS = /\.(?:ya?ml)$/i;

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}

export function fileKind(path: string): FileKind {
  const name = baseName(path);
  if (/\.d\.[mc]?ts$/i.test(name)) return 'text';
  if (CODE_EXTENSIONS.test(name)) return 'code';
  if (/\.pyw?$/i.test(name)) return 'python';
  if (/\.ipynb$/i.test(name)) return 'notebook';
  if (JSON_EXTENSIONS.test(name)) return 'json';
  if (YAML_EXTENSIONS.test(name)) return 'yaml';
  if (/^\.env(?:\..+)?$/i.test(name) || /\.env$/i.test(name)) return 'dotenv';
  return 'text';
}

/** Folders of test code: `test/`, `tests/`, `__tests__/`, `spec/`, `e2e/`, `integration_tests/` … */
const TEST_FOLDER = /^(?:tests?|__tests__|spec|e2e|testing|.+[_-]tests)$/;
/**
 * Test files by name: `test_x.py`, `x_test.py`, `conftest.py`, `x.test.ts`, `x.spec.js`, type tests `x.test-d.ts`;
 * Go's `x_test.go` (the toolchain's own rule), Ruby's `x_spec.rb` and `x_test.rb`, and `XTest.java`, `XTests.kt`,
 * `XTests.cs` (the default patterns of Maven Surefire, Gradle and .NET test projects).
 */
const TEST_FILE = /^test_.+\.pyw?$|_test\.(?:pyw?|go|rb)$|_spec\.rb$|^conftest\.py$|\.(?:test|spec)(?:-d)?\.[^.]+$/i;
/** `FooTest.java`, not `Latest.java`: the capital T after a lower-case letter or digit is the convention's. */
const CLASS_TEST_FILE = /[a-z0-9]Tests?\.(?:java|kt|cs)$/;

/** Test code, whose agents and tools are fixtures that nobody deploys. */
export function isTestFile(path: string): boolean {
  const parts = path.replace(/\\/g, '/').split('/');
  const name = parts.pop() ?? '';
  return TEST_FILE.test(name) || CLASS_TEST_FILE.test(name) || parts.some((part) => TEST_FOLDER.test(part));
}

/**
 * Source code of languages the analysis does not parse (it reads them with the line scanner): their string
 * literals are quoted, so only quoted values are values there.
 */
const UNPARSED_CODE_EXTENSIONS = /\.(?:kt|kts|java|scala|groovy|go|rs|swift|cs|fs|c|h|cc|cpp|cxx|hpp|m|mm|dart|php|rb|lua|pl|pm|r|jl|ex|exs|erl|hs|clj|cljs|vb|zig|nim|cr|v)$/i;

export function isUnparsedCode(path: string): boolean {
  return UNPARSED_CODE_EXTENSIONS.test(baseName(path));
}

/** A TypeScript declaration file (`.d.ts`): types only; the values in it are documentation examples in comments. */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[mc]?ts$/i.test(baseName(path));
}

/** Files whose content is package hashes and resolved URLs, never credentials (as gitleaks does by default). */
const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb',
  'Cargo.lock', 'poetry.lock', 'Pipfile.lock', 'composer.lock', 'Gemfile.lock', 'go.sum', 'uv.lock',
  'deno.lock', 'flake.lock', 'packages.lock.json', 'Podfile.lock', 'mix.lock', 'pubspec.lock',
]);

/** Build output and vendored code that discovery skips when walking a directory outside git. */
export const SKIPPED_DIRECTORIES = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.turbo',
  '.cache', '.parcel-cache', '.vercel', '.svelte-kit', '.output', 'vendor', '__pycache__', '.venv', 'venv',
  '.tox', 'target', '.gradle', '.idea', '.vscode-test',
]);

export function isLockfile(path: string): boolean {
  return LOCKFILES.has(baseName(path));
}

/** Names whose content is generated or minified code. */
export function isMinifiedName(path: string): boolean {
  return /\.min\.(?:js|mjs|cjs|css)$|\.(?:js|css)\.map$|\.bundle\.js$|-bundle\.js$|\.chunk\.js$/i.test(baseName(path));
}

/** Long lines on average, or any very long line in a code file: minified or generated. */
export function looksMinified(path: string, text: string): boolean {
  if (text.length < 4096) return false;
  const lines = text.length / (countLines(text) || 1);
  if (lines > 500) return true;
  return fileKind(path) === 'code' && hasLineOfAtLeast(text.slice(0, 200_000), 20_000);
}

/** A line of `length` characters or more (a loop: the regex `[^\n]{20000}` rescans each long line per start). */
function hasLineOfAtLeast(text: string, length: number): boolean {
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    if (newline - lineStart >= length) return true;
    lineStart = newline + 1;
  }
  return text.length - lineStart >= length;
}

function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** A NUL byte in the first 8 KiB: binary, as git decides. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}
