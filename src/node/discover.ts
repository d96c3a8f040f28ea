import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { SKIPPED_DIRECTORIES } from '../core/files';
import { createIgnoreMatcher } from './ignore';
import type { FileNote } from '../core/types';

export interface DiscoveredFile {
  /** Absolute path on disk. */
  absolutePath: string;
  /** Path relative to the audit root, with forward slashes. */
  path: string;
}

export interface Discovery {
  root: string;
  files: DiscoveredFile[];
  notes: FileNote[];
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The top of the git work tree that contains `directory`, or undefined outside git. */
export function gitTopLevel(directory: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The files to audit under `targets`, relative to `root`. Inside a git work tree: tracked files plus untracked
 * files that are not ignored (git's own view). Outside: a directory walk that skips node_modules, VCS folders
 * and build output. Symlinks are never followed out of the root; config ignore globs apply in both cases.
 * `excluded`: absolute paths never to list (the audit's own cache file).
 */
export function discoverFiles(root: string, targets: string[], ignoreGlobs: string[], ignoreBase = root, excluded: ReadonlySet<string> = new Set()): Discovery {
  const notes: FileNote[] = [];
  const isIgnored = createIgnoreMatcher(ignoreGlobs);
  const rootReal = realpathSync(root);
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];
  const add = (absolutePath: string) => {
    const path = toPosix(relative(root, absolutePath));
    if (seen.has(path) || excluded.has(absolutePath) || isIgnored(ignoreBase === root ? path : toPosix(relative(ignoreBase, absolutePath)))) return;
    seen.add(path);
    files.push({ absolutePath, path });
  };

  for (const target of targets.length ? targets : ['.']) {
    const absolute = resolve(root, target);
    let stats;
    try {
      stats = lstatSync(absolute);
    } catch {
      notes.push({ file: toPosix(relative(root, absolute)) || target, kind: 'error', reason: 'no such file or directory' });
      continue;
    }
    if (stats.isSymbolicLink()) {
      const resolved = insideRoot(absolute, rootReal);
      if (!resolved) {
        notes.push(linkNote(absolute, root));
        continue;
      }
      stats = statSync(absolute);
    }
    if (stats.isFile()) {
      add(absolute);
      continue;
    }
    const gitFiles = listGitFiles(absolute);
    if (gitFiles) {
      for (const file of gitFiles) {
        const fileAbsolute = join(absolute, file);
        let fileStats;
        try {
          fileStats = lstatSync(fileAbsolute);
        } catch {
          continue; // deleted in the work tree but still in the index
        }
        if (fileStats.isSymbolicLink()) {
          if (!insideRoot(fileAbsolute, rootReal)) {
            notes.push(linkNote(fileAbsolute, root));
            continue;
          }
          try {
            if (!statSync(fileAbsolute).isFile()) continue;
          } catch {
            continue;
          }
        } else if (!fileStats.isFile()) continue;
        add(fileAbsolute);
      }
    } else {
      walk(absolute, rootReal, add, notes, root);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, notes };
}

function insideRoot(path: string, rootReal: string): boolean {
  try {
    const real = realpathSync(path);
    return real === rootReal || real.startsWith(rootReal + sep);
  } catch {
    return false;
  }
}

/** The note for a symbolic link that is not followed: it points out of the root, or nowhere. */
function linkNote(path: string, root: string): FileNote {
  let dangling = false;
  try {
    statSync(path);
  } catch {
    dangling = true;
  }
  return { file: toPosix(relative(root, path)), kind: 'skipped', reason: dangling ? 'broken symbolic link' : 'symbolic link that points outside the workspace' };
}

/** `git ls-files` for tracked files plus untracked files that are not ignored; undefined outside a work tree. */
function listGitFiles(directory: string): string[] | undefined {
  if (!gitTopLevel(directory)) return undefined;
  try {
    const output = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], {
      cwd: directory,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return output.split('\0').filter((file) => file && !file.split('/').includes('node_modules'));
  } catch {
    return undefined;
  }
}

function walk(directory: string, rootReal: string, add: (path: string) => void, notes: FileNote[], root: string): void {
  const stack = [directory];
  while (stack.length) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      notes.push({ file: toPosix(relative(root, current)), kind: 'error', reason: `cannot read directory (${(error as NodeJS.ErrnoException).code})` });
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) stack.push(path);
      } else if (entry.isFile()) {
        add(path);
      } else if (entry.isSymbolicLink()) {
        if (!insideRoot(path, rootReal)) {
          notes.push(linkNote(path, root));
          continue;
        }
        try {
          if (statSync(path).isFile()) add(path);
        } catch {
          // dangling link
        }
      }
    }
  }
}
