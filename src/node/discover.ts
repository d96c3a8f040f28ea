import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SKIPPED_DIRECTORIES } from '../core/files';
import { createIgnoreMatcher } from './ignore';
import { realPathInside, specialFileKind } from './read';
import type { FileNote } from '../core/types';

export interface DiscoveredFile {
  /** Absolute real path on disk (symbolic links resolved: what is read is inside the root). */
  absolutePath: string;
  /** Path relative to the audit root, with forward slashes. */
  path: string;
  /** Its size in bytes when discovery has already asked the file system (it lists files through git). */
  size?: number;
}

export interface Discovery {
  root: string;
  files: DiscoveredFile[];
  notes: FileNote[];
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Could `directory` be inside a git work tree? Not when neither it nor any folder above it holds a `.git` (a folder,
 * or the file of a linked work tree or submodule) and git is not pointed elsewhere by its environment: then git is
 * not run at all (a git process costs tens of milliseconds; an archive or a scratch folder has no repository).
 */
export function mayBeInGitWorkTree(directory: string): boolean {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_WORK_TREE !== undefined) return true;
  for (let folder = resolve(directory); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return true;
    if (dirname(folder) === folder) return false;
  }
}

/** The top of the git work tree that contains `directory`, or undefined outside git. */
export function gitTopLevel(directory: string): string | undefined {
  const known = topLevels.get(directory);
  if (known) return known;
  if (!mayBeInGitWorkTree(directory)) return undefined;
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (topLevels.size < 100) topLevels.set(directory, top);
    return top;
  } catch {
    return undefined;
  }
}

/** Work trees found so far (a CLI run asks several times; a directory stays in its work tree; "not in git" may change). */
const topLevels = new Map<string, string>();

/** Forget the work-tree tops learnt so far (the warm audit process, before each command: repositories move). */
export function forgetTopLevels(): void {
  topLevels.clear();
}

/** A work tree's top that git gave another way (`audit --staged` asks it in parallel with its other git commands). */
export function rememberTopLevel(directory: string, top: string): void {
  if (topLevels.size >= 100) return;
  topLevels.set(directory, top);
  topLevels.set(top, top);
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
  const add = (absolutePath: string, realPath = absolutePath, size?: number, path = toPosix(relative(root, absolutePath))) => {
    if (seen.has(path) || excluded.has(absolutePath) || isIgnored(ignoreBase === root ? path : toPosix(relative(ignoreBase, absolutePath)))) return;
    seen.add(path);
    files.push(size === undefined ? { absolutePath: realPath, path } : { absolutePath: realPath, path, size });
  };
  const special = (absolutePath: string, kind: string) => notes.push({ file: toPosix(relative(root, absolutePath)), kind: 'skipped', reason: `not a regular file (${kind})` });

  for (const target of targets.length ? targets : ['.']) {
    const absolute = resolve(root, target);
    let stats;
    try {
      stats = lstatSync(absolute);
    } catch {
      notes.push({ file: toPosix(relative(root, absolute)) || target, kind: 'error', reason: 'no such file or directory' });
      continue;
    }
    // The real path decides, not the path as written: `dirlink/sub` or `dirlink/secret.env`, where `dirlink` points
    // out of the root, is outside it although the target given is not itself a link. (A path written outside the
    // root, `../other`, is audited as asked.)
    const real = isWithin(absolute, root) ? realPathInside(absolute, rootReal) : realpathSync(absolute);
    if (!real) {
      notes.push(stats.isSymbolicLink() ? linkNote(absolute, root) : { file: toPosix(relative(root, absolute)), kind: 'skipped', reason: 'outside the workspace through a symbolic link' });
      continue;
    }
    if (stats.isSymbolicLink()) stats = statSync(absolute);
    if (stats.isFile()) {
      add(absolute, real);
      continue;
    }
    if (!stats.isDirectory()) {
      special(absolute, specialFileKind(stats));
      continue;
    }
    const gitFiles = listGitFiles(real);
    if (gitFiles) {
      const base = toPosix(relative(root, absolute));
      for (const file of gitFiles) {
        const fileAbsolute = join(absolute, file);
        let fileStats;
        try {
          fileStats = lstatSync(fileAbsolute);
        } catch {
          continue; // deleted in the work tree but still in the index
        }
        if (fileStats.isFile()) {
          add(fileAbsolute, join(real, file), fileStats.size, base ? `${base}/${file}` : file);
          continue;
        }
        if (!fileStats.isSymbolicLink()) {
          if (!fileStats.isDirectory()) special(fileAbsolute, specialFileKind(fileStats));
          continue;
        }
        const fileReal = realPathInside(fileAbsolute, rootReal);
        if (!fileReal) {
          notes.push(linkNote(fileAbsolute, root));
          continue;
        }
        try {
          if (statSync(fileReal).isFile()) add(fileAbsolute, fileReal);
        } catch {
          // gone since
        }
      }
    } else {
      walk(absolute, real, rootReal, add, notes, root);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, notes };
}

/** `name` in `directory` (as join would write it: the directory is absolute and normal, a name has no separator). */
function childPath(directory: string, name: string): string {
  return directory.endsWith(sep) ? directory + name : directory + sep + name;
}

function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
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

/**
 * `git ls-files` for tracked files plus untracked files that are not ignored; undefined outside a work tree (where
 * git fails: no separate `rev-parse` first, each git process costs tens of milliseconds).
 */
function listGitFiles(directory: string): string[] | undefined {
  if (!mayBeInGitWorkTree(directory)) return undefined;
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

/**
 * Walk a directory (its path as given and its real path), never following a link out of the root. Paths are built
 * by appending names (a name from readdir has no separator), not with join and relative: those normalise the whole
 * path each time, a good part of a cached audit's own work.
 */
function walk(
  directory: string,
  directoryReal: string,
  rootReal: string,
  add: (path: string, realPath: string, size: undefined, relativePath: string) => void,
  notes: FileNote[],
  root: string,
): void {
  const stack: [string, string, string][] = [[directory, directoryReal, toPosix(relative(root, directory))]];
  while (stack.length) {
    const [current, currentReal, currentRelative] = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(currentReal, { withFileTypes: true });
    } catch (error) {
      notes.push({ file: toPosix(relative(root, current)), kind: 'error', reason: `cannot read directory (${(error as NodeJS.ErrnoException).code})` });
      continue;
    }
    for (const entry of entries) {
      const path = childPath(current, entry.name);
      const real = childPath(currentReal, entry.name);
      const relativePath = currentRelative ? `${currentRelative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) stack.push([path, real, relativePath]);
      } else if (entry.isFile()) {
        add(path, real, undefined, relativePath);
      } else if (entry.isSymbolicLink()) {
        const linked = realPathInside(real, rootReal);
        if (!linked) {
          notes.push(linkNote(path, root));
          continue;
        }
        try {
          if (statSync(linked).isFile()) add(path, linked, undefined, relativePath);
        } catch {
          // gone since
        }
      } else {
        notes.push({ file: toPosix(relative(root, path)), kind: 'skipped', reason: `not a regular file (${specialFileKind(entry)})` });
      }
    }
  }
}
