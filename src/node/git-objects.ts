import { existsSync, lstatSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import type * as Zlib from 'node:zlib';
import { readRegularFile } from './read';

/**
 * Git's own files, read where starting a git process costs more than the work (`audit --staged` before a commit):
 * the top of a work tree and the loose objects that `git add` writes. Only the plain layout is read: a `.git` folder
 * with its `objects` folder, and no environment variable that points git elsewhere. Anything else (a linked work
 * tree or a submodule, whose `.git` is a file; a packed object; a damaged one) is left to git itself: callers fall back
 * to a git process when these functions return undefined.
 */
export interface PlainRepository {
  /** The work tree's top: the folder that holds `.git`. */
  top: string;
  /** Its `.git/objects` folder. */
  objects: string;
}

/** Variables with which git finds its repository or objects somewhere else than `.git` above the current folder. */
const RELOCATING_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];

/**
 * The plain repository whose work tree holds `directory`, looked for as git does: upwards, not into a folder of
 * GIT_CEILING_DIRECTORIES, and not across a file system boundary (there this gives up and leaves it to git).
 */
export function findPlainRepository(directory: string): PlainRepository | undefined {
  if (RELOCATING_VARIABLES.some((name) => process.env[name] !== undefined)) return undefined;
  const ceilings = new Set((process.env.GIT_CEILING_DIRECTORIES ?? '').split(delimiter).filter((path) => isAbsolute(path)).map((path) => resolve(path)));
  let device: number | undefined;
  for (let folder = resolve(directory); ; folder = dirname(folder)) {
    try {
      const { dev } = statSync(folder);
      if (device !== undefined && dev !== device) return undefined;
      device = dev;
    } catch {
      return undefined;
    }
    const dotGit = join(folder, '.git');
    if (existsSync(dotGit)) {
      const objects = join(dotGit, 'objects');
      return isRealDirectory(dotGit) && isRealDirectory(objects) && isRealDirectory(join(dotGit, 'refs')) ? { top: folder, objects } : undefined;
    }
    if (dirname(folder) === folder || ceilings.has(dirname(folder))) return undefined;
  }
}

function isRealDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Loaded when first needed: most runs read no git object, and loading zlib costs every process start about 3 ms. */
let zlib: typeof Zlib | undefined;

/**
 * A blob's content from its loose object (`objects/ab/cdef…`: zlib-compressed `blob <size>\0<content>`), or
 * undefined when it is not stored loose or is not a well-formed blob. `maxBytes` bounds what is read and inflated.
 */
export function readLooseBlob(objects: string, id: string, maxBytes: number): Buffer | undefined {
  if (!OBJECT_ID.test(id)) return undefined;
  try {
    // Deflate adds at most a few bytes per 16 KB block to data it cannot compress.
    const compressed = readRegularFile(join(objects, id.slice(0, 2), id.slice(2)), maxBytes + Math.ceil(maxBytes / 1000) + 1024);
    if (!compressed) return undefined;
    // The header is at most "blob " and 20 digits and a NUL.
    const object = (zlib ??= require('node:zlib') as typeof Zlib).inflateSync(compressed, { maxOutputLength: maxBytes + 32 });
    const nul = object.indexOf(0, 0);
    const header = nul > 0 && nul < 32 ? object.subarray(0, nul).toString('latin1') : '';
    const size = /^blob (\d+)$/.exec(header)?.[1];
    if (size === undefined || Number(size) !== object.length - nul - 1) return undefined;
    return object.subarray(nul + 1);
  } catch {
    return undefined; // missing (packed), unreadable, damaged or too large: git reads it
  }
}
