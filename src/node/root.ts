import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
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
  const absolute = (targets.length ? targets : ['.']).map((target) => realTarget(resolve(cwd, target)));
  const start = commonDirectory(absolute.map((path) => (isDirectory(path) ? path : dirname(path))));
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
