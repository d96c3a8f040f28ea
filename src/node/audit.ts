import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile, formatBytes, type FileAnalysis } from '../core/analyze';
import { capPerRule } from '../core/caps';
import type { ResolvedConfig } from '../core/config';
import { Redactor } from '../core/redaction';
import type { FileNote, Finding } from '../core/types';
import { finalizeSuppressions } from '../core/suppressions';
import { WorkspaceIndex } from '../core/workspace';
import { discoverFiles } from './discover';
import { decodeFile, NotRegularFileError, readRegularFile } from './read';
import { listStagedFiles, readBlobs } from './staged';
import { createIgnoreMatcher } from './ignore';
import { appendAll } from '../core/arrays';

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

export interface SourceText {
  path: string;
  read: () => Uint8Array;
  size?: number;
}

/** What one file contributes to a report (produced in this thread or in a worker). */
export interface SourceResult {
  path: string;
  analysis?: FileAnalysis;
  notes: FileNote[];
}

/** Read, decode and analyse one file; every failure becomes a note. */
export function analyzeSource(source: SourceText, config: ResolvedConfig, now: Date): SourceResult {
  const notes: FileNote[] = [];
  if (source.size !== undefined && source.size > config.maxFileSize) {
    notes.push({ file: source.path, kind: 'skipped', reason: `larger than the ${formatBytes(config.maxFileSize)} limit (maxFileSize)` });
    return { path: source.path, notes };
  }
  let bytes: Uint8Array;
  try {
    bytes = source.read();
  } catch (error) {
    if (error instanceof NotRegularFileError) notes.push({ file: source.path, kind: 'skipped', reason: error.message });
    else notes.push({ file: source.path, kind: 'error', reason: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    return { path: source.path, notes };
  }
  const text = decodeFile(source.path, bytes, notes);
  if (text === undefined) return { path: source.path, notes };
  return { path: source.path, analysis: analyzeFile({ path: source.path, text }, config, { now }), notes };
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
    const source = sources.get(file);
    try {
      return source ? new TextDecoder().decode(source.read()) : undefined;
    } catch {
      return undefined;
    }
  };
  return { root, filesAnalyzed, findings: capped.kept, notes, durationMs: performance.now() - started, index, baselined: 0, readText, redactor };
}

/** Analyse files one at a time on this thread. */
export function analyzeSources(root: string, sources: Iterable<SourceText>, config: ResolvedConfig, notes: FileNote[] = [], now = new Date()): AuditReport {
  const started = performance.now();
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

/**
 * A file on disk as a source: its size is checked before it is read, so huge files are never loaded, and only a
 * regular file is ever opened (discovery resolved its real path).
 */
export function diskSource(path: string, absolutePath: string): SourceText {
  return {
    path,
    get size() {
      try {
        return statSync(absolutePath).size;
      } catch {
        return undefined;
      }
    },
    read: () => readRegularFile(absolutePath)!,
  };
}

export function auditPaths(root: string, targets: string[], config: ResolvedConfig, now = new Date(), ignoreBase = root): AuditReport {
  const discovery = discoverFiles(root, targets, config.ignore, ignoreBase);
  const sources = discovery.files.map((file) => diskSource(file.path, file.absolutePath));
  return analyzeSources(root, sources, config, discovery.notes, now);
}

/** The staged (index) content of staged files: what the commit will contain, not the work tree. */
export function auditStaged(topLevel: string, config: ResolvedConfig): AuditReport {
  const isIgnored = createIgnoreMatcher(config.ignore);
  const staged = listStagedFiles(topLevel).filter((file) => !isIgnored(file.path));
  const blobs = readBlobs(topLevel, staged.map((file) => file.blob));
  const sources = staged.map((file) => ({
    path: file.path,
    size: blobs.get(file.blob)?.length,
    read: () => {
      const content = blobs.get(file.blob);
      if (!content) throw new Error('staged content is missing from the object database');
      return content;
    },
  }));
  return analyzeSources(topLevel, sources, config);
}
