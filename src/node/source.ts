import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { analyzeFile, formatBytes, mayParse, type FileAnalysis } from '../core/analyze';
import type { ResolvedConfig } from '../core/config';
import type { FileNote } from '../core/types';
import type { DiscoveredFile } from './discover';
import { decodeFile, NotRegularFileError, readRegularFile } from './read';

export interface SourceText {
  path: string;
  /** The bytes; undefined when there are more than `maxBytes` (a file that large is never loaded whole). */
  read: (maxBytes?: number) => Uint8Array | undefined;
}

/** What one file contributes to a report (produced in this thread or in a worker). */
export interface SourceResult {
  path: string;
  analysis?: FileAnalysis;
  notes: FileNote[];
  /** For the audit cache (when asked for): SHA-256 of the bytes analysed, and whether the result may be stored. */
  hash?: string;
  cacheable?: boolean;
  /** Not analysed: asked to leave files TypeScript may parse to another thread, and this is one (analyzeSource). */
  deferred?: true;
}

/**
 * Read, decode and analyse one file; every failure becomes a note. `forCache`: also hash the bytes for the cache.
 * `deferParsed`: a file the analysis may parse with TypeScript is not analysed but returned as deferred (a helper
 * thread without TypeScript leaves those to the main thread).
 */
export function analyzeSource(source: SourceText, config: ResolvedConfig, now: Date, forCache = false, deferParsed = false): SourceResult {
  const notes: FileNote[] = [];
  let bytes: Uint8Array | undefined;
  try {
    bytes = source.read(config.maxFileSize);
  } catch (error) {
    if (error instanceof NotRegularFileError) notes.push({ file: source.path, kind: 'skipped', reason: error.message });
    else notes.push({ file: source.path, kind: 'error', reason: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    return { path: source.path, notes, cacheable: false };
  }
  if (bytes === undefined) {
    notes.push({ file: source.path, kind: 'skipped', reason: `larger than the ${formatBytes(config.maxFileSize)} limit (maxFileSize)` });
    return { path: source.path, notes, cacheable: false };
  }
  const text = decodeFile(source.path, bytes, notes);
  if (text !== undefined && deferParsed && mayParse(source.path, text, config)) return { path: source.path, notes: [], deferred: true };
  const hash = forCache ? contentHash(bytes) : undefined;
  if (text === undefined) return { path: source.path, notes, hash, cacheable: forCache };
  const result: SourceResult = { path: source.path, analysis: analyzeFile({ path: source.path, text }, config, { now }), notes, hash };
  // A file that holds a secret is analysed every time: its result carries the raw values that the run's redactor
  // needs (to mask them wherever they are quoted), and those never go to disk.
  if (forCache) result.cacheable = !result.analysis!.secrets.length && holdsNoSecretOf(text, result);
  return result;
}

/**
 * Findings, notes and facts are built to hold no secret (values are redacted), but facts quote the file (agent and
 * tool names, manifest fields): before a result is stored on disk, no text that a secrets/* finding flagged in
 * this file may appear anywhere in it. A result that fails the check is simply not cached.
 */
function holdsNoSecretOf(text: string, result: SourceResult): boolean {
  const flagged = (result.analysis?.findings ?? [])
    .filter((finding) => finding.ruleId.startsWith('secrets/'))
    .map((finding) => text.slice(finding.startOffset, finding.endOffset))
    .filter((value) => value.length >= 4);
  if (!flagged.length) return true;
  const stored = JSON.stringify(result);
  return !flagged.some((value) => stored.includes(value) || stored.includes(JSON.stringify(value).slice(1, -1)));
}

/**
 * A file on disk as a source: only a regular file is ever read (discovery resolved its real path). A file larger
 * than the limit is not even opened: its size is the one discovery saw, else asked now; and it is checked again on
 * the open file, in case the file grew since.
 */
export function diskSource(file: DiscoveredFile): SourceText {
  return {
    path: file.path,
    read: (maxBytes = Infinity) => {
      if ((file.size ?? sizeOf(file.absolutePath)) > maxBytes) return undefined;
      return readRegularFile(file.absolutePath, maxBytes);
    },
  };
}

/** The size of a file, or 0 when it cannot be asked (reading it will then say why). */
export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
