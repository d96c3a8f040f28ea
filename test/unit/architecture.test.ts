// The layers read top-down: adapters (cli, server, extension) → node (Node-side I/O shared by the CLI and the language
// server) → core (pure: text and config in, plain data out). No layer imports one above it, and no module imports
// itself back through others (type imports included: they tie modules together just the same).
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers';

const SRC = join(REPO_ROOT, 'src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of a file (value and type), resolved to files under src/. */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/gm)) {
    const base = resolve(dirname(file), match[1]!);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (target) targets.push(target);
  }
  return targets;
}

const layerOf = (file: string): string => relative(SRC, file).split(/[\\/]/)[0]!;

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('src/core never imports vscode, the language server, the CLI, the node layer or the extension', () => {
    const offenders = sourceFiles(join(SRC, 'core')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /from\s+['"](?:vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]|require\(['"]vscode['"]\)/.test(text) || localImports(file).some((target) => layerOf(target) !== 'core');
    });
    assert.deepEqual(offenders, []);
  });

  it('src/core makes no file-system, network, worker or child-process calls', () => {
    const modules = '(?:node:)?(?:fs|fs/promises|net|http|https|http2|dgram|tls|child_process|worker_threads)';
    const importing = new RegExp(`^\\s*(?:import|export)\\b[^;\`]*?\\bfrom\\s+['"]${modules}['"]`, 'm');
    // Code lines only: comments and scaffolding templates mention these modules as text.
    const calling = new RegExp(`^(?!\\s*(?://|\\*|/\\*))[^\`'"]*\\b(?:require\\(['"]${modules}['"]\\)|fetch\\()`, 'm');
    const offenders = sourceFiles(join(SRC, 'core')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return importing.test(text) || calling.test(text);
    });
    assert.deepEqual(offenders, []);
  });

  it('src/node imports only src/core and itself; adapters import no other adapter', () => {
    const allowed: Record<string, string[]> = {
      core: ['core'],
      node: ['core', 'node'],
      cli: ['core', 'node', 'cli'],
      server: ['core', 'node', 'server'],
      extension: ['extension'],
    };
    const offenders = files.flatMap((file) =>
      localImports(file)
        .filter((target) => !(allowed[layerOf(file)] ?? []).includes(layerOf(target)))
        .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((file) => [file, localImports(file)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open') cycles.push(stack.slice(stack.indexOf(target)).concat(target).map((f) => relative(SRC, f)).join(' → '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });
});
