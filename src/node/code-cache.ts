import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { userCacheDirectory } from './private-dir';
import { workerThreads } from './threads';

/**
 * Loading a CommonJS bundle with a V8 code cache: compiling the 6.5 MB TypeScript bundle costs more than parsing a
 * few hundred files with it, on every process start and in every worker; the CLI's own bundle is loaded the same
 * way by its launcher (src/cli/launch.ts). Only this module, private-dir.ts and threads.ts go into the launcher: keep
 * them free of other imports. The compiled code is kept in the user's
 * private cache directory, keyed by the bundle's path, size and mtime, the Node version and the architecture (V8 itself
 * rejects data from another V8 or other flags, and the file is then rewritten). Any failure falls back to a
 * plain `require`. AGENT_GUARDRAIL_NO_CODE_CACHE=1 turns it off.
 */
export function requireWithCodeCache(file: string): unknown {
  const directory = process.env.AGENT_GUARDRAIL_NO_CODE_CACHE === '1' ? undefined : userCacheDirectory();
  if (!directory) return require(file);
  let source: string;
  let stamp: string;
  try {
    // The file's identity and stamp stand for its content (hashing 6.5 MB would cost a good part of what the
    // cache saves); a rebuilt or reinstalled bundle gets a new cache.
    const stats = statSync(file);
    stamp = `${file}\0${stats.size}\0${stats.mtimeMs}\0${stats.ino}`;
    // esbuild writes ASCII (TypeScript's bundle is all ASCII): such bytes become a one-byte string without UTF-8 decoding.
    const bytes = readFileSync(file);
    source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch {
    return require(file);
  }
  // Named for the bundle's path, then its version: a rebuilt bundle replaces its own cache only, so that two installs
  // (a global CLI and the editor extension) do not evict each other's.
  const place = shortHash(file);
  const version = shortHash(`${stamp}\0${process.version}\0${process.arch}`);
  const cacheFile = join(directory, `v8-${basename(file, '.js')}-${place}-${version}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
    markUsed(cacheFile);
  } catch {
    cachedData = undefined;
  }
  let script: Script;
  try {
    script = new Script(Module.wrap(source), { filename: file, cachedData });
  } catch {
    return require(file);
  }
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, dirname(file));
  loaded.loaded = true;
  // The main thread writes the cache when there was none or V8 refused it, once the code has run a while (the
  // functions compiled by then are in it): at exit, or a few seconds in for a long-running language server.
  if ((!cachedData || script.cachedDataRejected) && workerThreads().isMainThread) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeAtomically(cacheFile, script.createCachedData());
    };
    process.once('exit', write);
    setTimeout(write, 5000).unref();
  }
  return loaded.exports;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * A cache's modification time says when it was last used: refreshed when it is read and the stamp is a day old or
 * more (one metadata write a day at most), so that the sweep (sweepCacheDirectory) can tell caches in use from those
 * of installs that are gone.
 */
function markUsed(cacheFile: string): void {
  try {
    if (Date.now() - statSync(cacheFile).mtimeMs < DAY_MS) return;
    const now = new Date();
    utimesSync(cacheFile, now, now);
  } catch {
    // read-only or vanished: the sweep may then remove it a day early, and it is written again
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Caches not used for this long are removed: an install that was deleted, moved or upgraded leaves its own behind. */
const UNUSED_FOR_MS = 30 * DAY_MS;
/**
 * Above this much in all, the least recently used are removed first. One install (CLI, language server, TypeScript)
 * keeps 3-5 MB of compiled code: every project with its own copy of the CLI, and every version of the editor
 * extension, is an install of its own.
 */
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;

/**
 * Keep the cache directory bounded: earlier versions of the bundle whose cache `keep` is (just written) go at once;
 * compiled code (`v8-…bin`) and audit results (`audit-…json`, audit --cache) unused for 30 days go; then the least
 * recently used until all of it fits in MAX_TOTAL_BYTES. Runs when a new code cache is written (a new install or
 * version, rarely), never on the way to an audit.
 */
export function sweepCacheDirectory(directory: string, keep: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  const replaced = basename(keep).replace(/[0-9a-f]+\.bin$/, ''); // v8-<bundle>-<place>-
  const files: { path: string; used: number; size: number }[] = [];
  for (const name of names) {
    if (!/^(?:v8-.+\.bin|audit-[0-9a-f]+\.json)$/.test(name)) continue;
    const path = join(directory, name);
    if (path === keep) continue;
    if (name.startsWith(replaced)) {
      remove(path);
      continue;
    }
    try {
      const stats = statSync(path);
      if (stats.isFile()) files.push({ path, used: stats.mtimeMs, size: stats.size });
    } catch {
      // removed meanwhile
    }
  }
  let total = files.reduce((sum, file) => sum + file.size, 0);
  files.sort((a, b) => a.used - b.used);
  for (const file of files) {
    if (now - file.used < UNUSED_FOR_MS && total <= MAX_TOTAL_BYTES) break;
    remove(file.path);
    total -= file.size;
  }
}

/** Remove a file another process may be removing too, or may not let us remove: never an error (this runs at exit). */
function remove(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // not ours to remove after all
  }
}

/** Write the cache (a temporary file renamed over it), then sweep the directory (earlier versions of this bundle first). */
function writeAtomically(path: string, data: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
    return;
  }
  sweepCacheDirectory(dirname(path), path);
}
