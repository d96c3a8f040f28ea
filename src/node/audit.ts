import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capPerRule } from '../core/caps';
import type { ResolvedConfig } from '../core/config';
import { Redactor } from '../core/redaction';
import type { FileNote, Finding } from '../core/types';
import { finalizeSuppressions } from '../core/suppressions';
import { WorkspaceIndex } from '../core/workspace';
import { stampOf, type AuditCache, type FileStamp } from './cache';
import { discoverFiles, type DiscoveredFile } from './discover';
import { readRegularFile } from './read';
import { analyzeSource, diskSource, type SourceResult, type SourceText } from './source';
import { listStagedFiles, readBlobs, type StagedGit } from './staged';
import { createIgnoreMatcher } from './ignore';
import { appendAll } from '../core/arrays';
import { loadParsersFor } from './python-parser';
import { millisecondsNow } from './clock';

export interface AuditReport {
  /** Absolute directory that finding paths are relative to. */
  root: string;
  filesAnalyzed: number;
  findings: Finding[];
  notes: FileNote[];
  durationMs: number;
  /** Manifests and code agents of the audited files, linked: the inventory reads it. */
  index: WorkspaceIndex;
  /** Findings left out because the baseline records them. */
  baselined: number;
  /** The audited text of a file (work tree or index), for --history. */
  readText: (file: string) => string | undefined;
  /** Knows every secret the audit found: everything written from this report passes through it. */
  redactor: Redactor;
}

/**
 * Turn per-file results into a report: only findings, notes and the small per-file facts are kept (memory stays
 * flat whatever the tree's size), then the cross-file findings come from the workspace index.
 */
export function assembleReport(root: string, results: Iterable<SourceResult>, sources: Map<string, SourceText>, config: ResolvedConfig, notes: FileNote[], started: number): AuditReport {
  const findings: Finding[] = [];
  const index = new WorkspaceIndex({ fileExists: (path) => existsSync(join(root, path)) });
  const redactor = new Redactor();
  let filesAnalyzed = 0;
  for (const result of results) {
    appendAll(notes, result.notes);
    if (!result.analysis) continue;
    filesAnalyzed++;
    appendAll(findings, result.analysis.findings);
    appendAll(notes, result.analysis.notes);
    index.set(result.path, result.analysis.facts, result.analysis.suppressions);
    redactor.addAll(result.analysis.secrets);
  }
  appendAll(findings, index.allFindings(config));
  appendAll(findings, finalizeAll(findings, index, config));
  // Cross-file findings are not capped where they are made (the per-file analysis caps its own).
  const capped = capPerRule(findings);
  appendAll(notes, capped.notes);
  const readText = (file: string) => {
    try {
      const bytes = sources.get(file)?.read();
      return bytes && new TextDecoder().decode(bytes);
    } catch {
      return undefined;
    }
  };
  return { root, filesAnalyzed, findings: capped.kept, notes, durationMs: millisecondsNow() - started, index, baselined: 0, readText, redactor };
}

/** Analyse files one at a time on this thread. */
export function analyzeSources(root: string, sources: Iterable<SourceText>, config: ResolvedConfig, notes: FileNote[] = [], now = new Date()): AuditReport {
  const started = millisecondsNow();
  const byPath = new Map<string, SourceText>();
  const results = function* () {
    for (const source of sources) {
      byPath.set(source.path, source);
      yield analyzeSource(source, config, now);
    }
  };
  return assembleReport(root, results(), byPath, config, notes, started);
}

/** Apply inline and configured suppressions to every file's findings; returns the suppression/* notes. */
function finalizeAll(findings: Finding[], index: WorkspaceIndex, config: ResolvedConfig): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const files = new Set([...byFile.keys(), ...index.paths().filter((path) => index.suppressionsOf(path).length)]);
  return [...files].flatMap((file) => finalizeSuppressions(file, byFile.get(file) ?? [], index.suppressionsOf(file), config));
}

export interface AuditOptions {
  /** Reuse per-file results of earlier audits and record this one's (audit --cache). */
  cache?: AuditCache;
}

/** Every file on one thread (see auditPathsInParallel for large trees). */
export async function auditPaths(root: string, targets: string[], config: ResolvedConfig, now = new Date(), ignoreBase = root, options: AuditOptions = {}): Promise<AuditReport> {
  const discovery = discoverFiles(root, targets, config.ignore, ignoreBase, cacheFiles(options));
  const started = millisecondsNow();
  const sources = diskSources(discovery.files);
  const { cached, pending, stamps } = consultCache(discovery.files, options.cache);
  await loadParsersFor(pending.map((file) => file.path));
  const fresh = pending.map((file) => analyzeSource(sources.get(file.path)!, config, now, !!options.cache));
  return finishAudit(root, { cached, fresh, stamps }, sources, config, discovery.notes, started, options.cache);
}

/** The cache file is never audited, wherever --cache-location puts it. */
export function cacheFiles(options: AuditOptions): Set<string> {
  return new Set(options.cache ? [options.cache.location] : []);
}

export function diskSources(files: DiscoveredFile[]): Map<string, SourceText> {
  return new Map(files.map((file) => [file.path, diskSource(file)]));
}

interface Consulted {
  /** Results the cache vouches for. */
  cached: SourceResult[];
  /** Files to analyse, with their metadata as seen before anything read them (for the cache). */
  pending: DiscoveredFile[];
  stamps: Map<string, FileStamp>;
}

/** Split the files into those the cache has a result for and those to analyse. */
export function consultCache(files: DiscoveredFile[], cache: AuditCache | undefined): Consulted {
  if (!cache) return { cached: [], pending: files, stamps: new Map() };
  const cached: SourceResult[] = [];
  const pending: DiscoveredFile[] = [];
  const stamps = new Map<string, FileStamp>();
  for (const file of files) {
    const stamp = stampOf(file.absolutePath);
    const hit = cache.lookupDisk(file.path, stamp, () => readRegularFile(file.absolutePath)!);
    if (hit) {
      cached.push(hit);
      continue;
    }
    pending.push(file);
    if (stamp) stamps.set(file.path, stamp);
  }
  return { cached, pending, stamps };
}

/** Record fresh results in the cache, then build the report from cached and fresh results in path order. */
export function finishAudit(
  root: string,
  results: { cached: SourceResult[]; fresh: SourceResult[]; stamps?: Map<string, FileStamp>; blobs?: Map<string, string> },
  sources: Map<string, SourceText>,
  config: ResolvedConfig,
  notes: FileNote[],
  started: number,
  cache: AuditCache | undefined,
): AuditReport {
  if (cache) for (const result of results.fresh) cache.store(result, results.stamps?.get(result.path), results.blobs?.get(result.path));
  const all = results.cached.length ? [...results.cached, ...results.fresh] : results.fresh;
  all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return assembleReport(root, all, sources, config, notes, started);
}

/** The staged (index) content of staged files: what the commit will contain, not the work tree. */
export async function auditStaged(topLevel: string, config: ResolvedConfig, options: AuditOptions & { git?: StagedGit } = {}): Promise<AuditReport> {
  const started = millisecondsNow();
  const { cache, git } = options;
  const isIgnored = createIgnoreMatcher(config.ignore);
  const staged = ((git && (await git.files)) ?? listStagedFiles(topLevel)).filter((file) => !isIgnored(file.path));
  const cached: SourceResult[] = [];
  const pending = staged.filter((file) => {
    const hit = cache?.lookupBlob(file.path, file.blob);
    if (hit) cached.push(hit);
    return !hit;
  });
  await loadParsersFor(pending.map((file) => file.path));
  // Only the blobs to analyse are read now; a cached file's text is read if --history asks for it.
  const blobs = readBlobs(topLevel, pending.map((file) => file.blob));
  const sources = new Map<string, SourceText>(
    staged.map((file) => [
      file.path,
      {
        path: file.path,
        read: (maxBytes = Infinity) => {
          const content = blobs.get(file.blob) ?? readBlobs(topLevel, [file.blob]).get(file.blob);
          if (!content) throw new Error('staged content is missing from the object database');
          return content.length > maxBytes ? undefined : content;
        },
      },
    ]),
  );
  const now = new Date();
  const fresh = pending.map((file) => analyzeSource(sources.get(file.path)!, config, now, !!cache));
  return finishAudit(topLevel, { cached, fresh, blobs: new Map(pending.map((file) => [file.path, file.blob])) }, sources, config, [], started, cache);
}
