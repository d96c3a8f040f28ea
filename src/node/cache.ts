import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedConfig } from '../core/config';
import { contentHash, type SourceResult } from './source';
import { TOOL_VERSION } from './version';
import { makePrivateDirectory, userCacheDirectory } from './private-dir';

/**
 * The on-disk cache of `audit --cache`: per-file results (findings, notes, agent facts, suppressions) keyed by the
 * file's path and content. The cross-file step is not cached; it runs on every audit from the cached per-file
 * facts, so a change in one file reaches the findings it causes in others.
 *
 * A cache is used whole or not at all: it records what its results depend on besides the files (the engine, the
 * configuration, the day for review and expiry dates, the root) and is started afresh when any of them differ.
 * It holds what reports hold (redacted values, fingerprints), never file text: a file whose result would carry
 * one of its secret values is not cached (see cacheableResult).
 */
const FORMAT = 1;

/** The file name used when --cache-location names a directory. */
export const CACHE_FILE_NAME = '.agent-guardrail-cache';

/** Trust size + mtime + ctime only for files unchanged for this long before they were looked at (racy writes). */
const SETTLED_MS = 2000;

export interface CacheHeader {
  format: number;
  engine: string;
  config: string;
  day: string;
  root: string;
}

interface CacheEntry {
  /** SHA-256 (hex) of the bytes analysed, or `git:<blob id>` for staged content. */
  hash: string;
  /** Metadata seen before the bytes were read; absent when it cannot vouch for the content (changed too recently). */
  size?: number;
  mtimeMs?: number;
  ctimeMs?: number;
  result: Omit<SourceResult, 'path' | 'hash' | 'cacheable'>;
}

interface CacheFile {
  header: CacheHeader;
  entries: Record<string, CacheEntry>;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  /** When the stamp was taken (Date.now()). */
  seenAt: number;
}

export function stampOf(absolutePath: string): FileStamp | undefined {
  try {
    const stats = statSync(absolutePath);
    return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, seenAt: Date.now() };
  } catch {
    return undefined;
  }
}

/** The default cache file for audits of `root`: in this user's cache directory, never in the repository. */
export function defaultCacheLocation(root: string): string | undefined {
  const directory = userCacheDirectory();
  return directory && join(directory, `audit-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
}

export class AuditCache {
  private readonly entries: Record<string, CacheEntry>;
  private readonly seen = new Set<string>();
  private changed = false;
  /** Files looked up in this audit, and how many of them the cache had a result for. */
  hits = 0;
  get looked(): number {
    return this.seen.size;
  }

  private constructor(
    readonly location: string,
    private readonly header: CacheHeader,
    entries: Record<string, CacheEntry> | undefined,
  ) {
    this.entries = entries ?? Object.create(null);
    this.changed = !entries;
  }

  /** The cache at `location` if it was written for the same engine, configuration, day and root; else an empty one. */
  static open(location: string, root: string, config: ResolvedConfig, now: Date): AuditCache {
    const header: CacheHeader = { format: FORMAT, engine: engineKey(), config: configKey(config), day: now.toISOString().slice(0, 10), root };
    let stored: CacheFile | undefined;
    try {
      stored = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
    } catch {
      stored = undefined;
    }
    const valid = stored && typeof stored === 'object' && sameHeader(stored.header, header) && stored.entries && typeof stored.entries === 'object';
    return new AuditCache(location, header, valid ? Object.assign(Object.create(null), stored!.entries) : undefined);
  }

  /**
   * The cached result for a file on disk. Same size, mtime and ctime as when it was cached (and settled then):
   * the same content, without reading it. Else the content decides: `read` is called and its hash compared.
   */
  lookupDisk(path: string, stamp: FileStamp | undefined, read: () => Uint8Array): SourceResult | undefined {
    this.seen.add(path);
    const entry = this.entries[path];
    if (!entry || !stamp || entry.hash.startsWith('git:')) return undefined;
    if (entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.ctimeMs === stamp.ctimeMs) return this.hit(path, entry);
    if (entry.size !== undefined && entry.size !== stamp.size) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = read();
    } catch {
      return undefined;
    }
    if (contentHash(bytes) !== entry.hash) return undefined;
    // Same content, new metadata (a checkout, `touch`): remember the metadata for the next audit.
    this.entries[path] = { ...entry, ...settledStamp(stamp) };
    this.changed = true;
    return this.hit(path, entry);
  }

  /** The cached result for staged content, by its git blob id. */
  lookupBlob(path: string, blob: string): SourceResult | undefined {
    this.seen.add(path);
    const entry = this.entries[path];
    return entry && entry.hash === `git:${blob}` ? this.hit(path, entry) : undefined;
  }

  /** Remember a fresh result (with the stamp taken before its bytes were read). Uncacheable results are dropped. */
  store(result: SourceResult, stamp?: FileStamp, blob?: string): void {
    this.seen.add(result.path);
    const hash = blob ? `git:${blob}` : result.hash;
    if (!hash || !result.cacheable) {
      if (this.entries[result.path]) {
        delete this.entries[result.path];
        this.changed = true;
      }
      return;
    }
    const { path, hash: _hash, cacheable: _cacheable, ...rest } = result;
    // A copy: the report goes on to change findings (external suppressions, --history) after this.
    this.entries[path] = { hash, ...(stamp && !blob ? settledStamp(stamp) : {}), result: structuredClone(rest) };
    this.changed = true;
  }

  /**
   * Write the cache (atomically: a temporary file renamed over it). Entries of files this audit did not see are
   * kept when the file still exists (an audit of a subdirectory keeps the rest). Failures are reported, not fatal.
   */
  save(fileExists: (path: string) => boolean): string | undefined {
    for (const path of Object.keys(this.entries)) {
      if (!this.seen.has(path) && !fileExists(path)) {
        delete this.entries[path];
        this.changed = true;
      }
    }
    if (!this.changed) return undefined;
    const temporary = `${this.location}.${process.pid}.tmp`;
    try {
      makePrivateDirectory(dirname(this.location));
      const file: CacheFile = { header: this.header, entries: this.entries };
      writeFileSync(temporary, JSON.stringify(file), { mode: 0o600 });
      renameSync(temporary, this.location);
      return undefined;
    } catch (error) {
      rmSync(temporary, { force: true });
      return `cannot write the cache ${this.location} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }

  private hit(path: string, entry: CacheEntry): SourceResult {
    this.hits++;
    // A copy: the report adds to findings (suppressions, --history) and must not change what is saved.
    return { path, ...(structuredClone(entry.result) as CacheEntry['result']) };
  }
}

function settledStamp(stamp: FileStamp): Partial<CacheEntry> {
  // A file written within SETTLED_MS of being looked at could be written again within the same timestamp tick
  // without its metadata changing: such entries are checked by content next time.
  if (stamp.seenAt - Math.max(stamp.mtimeMs, stamp.ctimeMs) < SETTLED_MS) return { size: stamp.size };
  return { size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs };
}

function sameHeader(stored: CacheHeader | undefined, current: CacheHeader): boolean {
  return !!stored && stored.format === current.format && stored.engine === current.engine && stored.config === current.config && stored.day === current.day && stored.root === current.root;
}

/**
 * Everything in the configuration that can change a file's result, as a hash: severities, placeholders (regular
 * expressions by source and flags), secret names, limits, suppressions, broker, trust.
 */
export function configKey(config: ResolvedConfig): string {
  const json = JSON.stringify(config, (_key, value: unknown) => (value instanceof RegExp ? `/${value.source}/${value.flags}` : value));
  return createHash('sha256').update(json).digest('hex');
}

let engine: string | undefined;

/**
 * The analysis engine: the tool version, the code of this bundle (the whole core is in it) and the TypeScript
 * bundle beside it. A rebuild or an upgrade starts every cache afresh.
 */
export function engineKey(): string {
  if (engine) return engine;
  const hash = createHash('sha256').update(TOOL_VERSION);
  try {
    hash.update(readFileSync(__filename));
  } catch {
    hash.update('unreadable');
  }
  try {
    const stats = statSync(join(__dirname, 'typescript.js'));
    hash.update(`${stats.size}:${stats.mtimeMs}`);
  } catch {
    // not bundled: TypeScript comes from node_modules, and the version above covers it
  }
  return (engine = hash.digest('hex'));
}
