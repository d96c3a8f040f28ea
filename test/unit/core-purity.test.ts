import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core purity', () => {
  it('never imports vscode, the language server or the CLI', () => {
    const offenders = sourceFiles(join(REPO_ROOT, 'src', 'core')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /from\s+['"](?:vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]|require\(['"]vscode['"]\)|from\s+['"]\.\.\/(?:\.\.\/)*(?:cli|server|extension)\//.test(text);
    });
    assert.deepEqual(offenders, []);
  });

  it('makes no network or child-process calls', () => {
    const offenders = sourceFiles(join(REPO_ROOT, 'src', 'core')).filter((file) =>
      /from\s+['"](?:node:)?(?:net|http|https|http2|dgram|tls|child_process)['"]|\bfetch\(/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
});
