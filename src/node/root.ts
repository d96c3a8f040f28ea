import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { findConfig } from './config-file';
import { gitTopLevel } from './discover';

/** Where an audit is anchored, independent of the directory it is started from. */
export interface AuditRoot {
  /** Finding paths, the baseline and the cross-file step (entrypoints) are relative to this directory. */
  root: string;
  /** The targets, relative to `root` (`.` for the root itself). */
  targets: string[];
  /** The configuration file that applies (`--config`, else the nearest one above the targets), if any. */
  configPath?: string;
  /** The git work tree's top, when the targets are inside one. */
  gitTop?: string;
}

/**
 * The audited root of some targets: the git work tree's top when they are inside one, else the folder holding the
 * nearest configuration file above them, else the folder they are in. The configuration is looked up from the
 * targets (not from the current directory), so the same folder gives the same findings from anywhere.
 */
export function resolveAuditRoot(cwd: string, targets: string[], explicitConfig?: string): AuditRoot {
  const written = (targets.length ? targets : ['.']).map((target) => resolve(cwd, target));
  // A target written inside the current folder that a symbolic link leads out of it (`dirlink/sub`, in a repository
  // someone else wrote) is not re-anchored at its real place: it stays under the current folder, where discovery
  // refuses it with a note instead of reading outside.
  const cwdReal = realOrSelf(cwd);
  const escapes = written.some((path) => isWithin(path, cwd) && !isWithin(realOrSelf(path), cwdReal));
  const absolute = escapes ? written.map((path) => (isWithin(path, cwd) ? join(cwdReal, relative(cwd, path)) : realTarget(path))) : written.map(realTarget);
  const folders = absolute.map((path) => (isDirectory(path) ? path : dirname(path)));
  // Never look for git or a configuration through the escaping link.
  const start = commonDirectory(escapes ? [cwdReal, ...folders.filter((folder) => !isWithin(folder, cwdReal))] : folders);
  const gitTop = gitTopLevel(start);
  const configPath = explicitConfig ? resolve(cwd, explicitConfig) : findConfig(start, gitTop);
  const configFolder = configPath && !explicitConfig ? dirname(configPath) : undefined;
  const root = gitTop ?? configFolder ?? start;
  return { root, targets: absolute.map((path) => toPosix(relative(root, path)) || '.'), ...(configPath && { configPath }), ...(gitTop && { gitTop }) };
}

/** The target with its folder's symbolic links resolved (git reports real paths); the target itself is kept. */
function realTarget(path: string): string {
  try {
    return path === dirname(path) ? path : join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isWithin(path: string, folder: string): boolean {
  const relation = relative(folder, path);
  return relation === '' || (!relation.startsWith('..') && !isAbsolute(relation));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function commonDirectory(directories: string[]): string {
  let common = directories[0]!;
  for (const directory of directories.slice(1)) {
    while (directory !== common && !directory.startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return common;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
