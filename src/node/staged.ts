import { execFileSync, spawn } from 'node:child_process';
import { mayBeInGitWorkTree } from './discover';
import { findPlainRepository, readLooseBlob } from './git-objects';

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
  return parseDiffIndex(output);
}

/** Records of `git diff-index -z`: ":<mode> <mode> <sha> <sha> <status>\0<path>\0" (paths from the top level). */
function parseDiffIndex(output: string): StagedFile[] {
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

/** Blob contents are read up to this size; larger ones are not analysed anyway (the file size limit is far lower). */
const MAX_BLOB_BYTES = 1024 * 1024 * 1024;

/**
 * The staged content of many blobs: from their loose objects where the repository's layout is plain (what `git add`
 * writes; no process to start), the others with one `git cat-file --batch` process.
 */
export function readBlobs(topLevel: string, blobs: string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  const plain = blobs.length ? findPlainRepository(topLevel) : undefined;
  const missing = new Set<string>();
  for (const blob of blobs) {
    if (contents.has(blob)) continue;
    const content = plain && readLooseBlob(plain.objects, blob, MAX_BLOB_BYTES);
    if (content) contents.set(blob, content);
    else missing.add(blob);
  }
  if (!missing.size) return contents;
  const unique = [...missing];
  const output = execFileSync('git', ['cat-file', '--batch'], {
    cwd: topLevel,
    input: unique.join('\n') + '\n',
    maxBuffer: MAX_BLOB_BYTES,
  });
  for (const [blob, content] of parseBatch(output, unique)) contents.set(blob, content);
  return contents;
}

/** `git cat-file --batch` output for `unique` blob ids: "<sha> <type> <size>\n<content>\n" or "<id> missing\n". */
function parseBatch(output: Buffer, unique: string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
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

/**
 * The git side of `audit --staged`, started at once so that git works while the caller does (loads the parser,
 * reads the configuration): the staged files against HEAD, and the work tree's top (from the `.git` folder where the
 * layout is plain, else from git). Each answer is undefined where its git process failed (no HEAD yet, no git); the
 * caller then takes the synchronous path, which handles those cases and reports them.
 */
export interface StagedGit {
  topLevel: Promise<string | undefined>;
  files: Promise<StagedFile[] | undefined>;
}

/** Starts the git processes of `audit --staged` from `cwd` (any folder of the work tree); undefined outside git. */
export function startStagedGit(cwd: string): StagedGit | undefined {
  if (!mayBeInGitWorkTree(cwd)) return undefined;
  const plain = findPlainRepository(cwd);
  const topLevel = plain ? Promise.resolve(plain.top) : runGit(cwd, ['rev-parse', '--show-toplevel']).then((output) => output?.toString('utf8').trim() || undefined);
  const files = runGit(cwd, ['diff-index', '--cached', '--no-renames', '--diff-filter=ACMRT', '-z', 'HEAD', '--']).then((output) =>
    output === undefined ? undefined : parseDiffIndex(output.toString('utf8')),
  );
  return { topLevel, files };
}

/** A git command's standard output, or undefined when it cannot start or exits with an error. */
function runGit(cwd: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks) : undefined));
  });
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
