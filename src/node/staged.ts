import { execFileSync } from 'node:child_process';

export interface StagedFile {
  /** Path relative to the repository top level, forward slashes. */
  path: string;
  /** Blob id of the staged (index) content. */
  blob: string;
}

/**
 * Files added, copied, modified or renamed in the index, with the blob id of their staged content. Works before
 * the first commit (git compares the index against the empty tree). Deletions are ignored: nothing to scan.
 */
export function listStagedFiles(topLevel: string): StagedFile[] {
  // Against HEAD; before the first commit, against the empty tree. One git process in the usual case.
  const output = diffIndex(topLevel, 'HEAD') ?? (hasHead(topLevel) ? undefined : diffIndex(topLevel, emptyTree(topLevel)));
  if (output === undefined) throw new Error('git diff-index failed');
  // Records: ":<mode> <mode> <sha> <sha> <status>\0<path>\0"
  const parts = output.split('\0');
  const files: StagedFile[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const fields = parts[i]!.split(' ');
    const newMode = fields[1];
    const blob = fields[3];
    const path = parts[i + 1]!;
    if (!blob || !path || newMode === '160000' || newMode === '120000') continue; // submodules and symlinks
    files.push({ path, blob });
  }
  return files;
}

/** The staged content of many blobs with one `git cat-file --batch` process. */
export function readBlobs(topLevel: string, blobs: string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  if (!blobs.length) return contents;
  const unique = [...new Set(blobs)];
  const output = execFileSync('git', ['cat-file', '--batch'], {
    cwd: topLevel,
    input: unique.join('\n') + '\n',
    maxBuffer: 1024 * 1024 * 1024,
  });
  let offset = 0;
  for (const blob of unique) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const [, type, size] = header.split(' ');
    offset = headerEnd + 1;
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    contents.set(blob, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return contents;
}

function emptyTree(topLevel: string): string {
  return execFileSync('git', ['hash-object', '-t', 'tree', '/dev/null'], { cwd: topLevel, encoding: 'utf8' }).trim();
}

function hasHead(topLevel: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: topLevel, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function diffIndex(topLevel: string, base: string): string | undefined {
  try {
    return execFileSync('git', ['diff-index', '--cached', '--no-renames', '--diff-filter=ACMRT', '-z', base, '--'], {
      cwd: topLevel,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}
