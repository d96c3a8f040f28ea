import { effectiveSeverity, type ResolvedConfig } from './config';
import { fileKind, isLockfile, isMinifiedName, looksMinified } from './files';
import { scanDotenv } from './languages/dotenv';
import { scanJson } from './languages/json';
import { scanTextAssignments } from './languages/text';
import { collectSecretContexts, parseSourceFile, syntaxErrorCount } from './languages/typescript';
import { scanYaml } from './languages/yaml';
import { LineIndex } from './position';
import { getRule } from './rules';
import { detectSecrets, type FoldedValue, type NamedValue, type SecretDetection } from './secrets/detect';
import { fingerprintOf, redact } from './secrets/redact';
import { applyInlineSuppressions, parseInlineSuppressions } from './suppressions';
import type { FileNote, Finding } from './types';

export interface FileInput {
  /** Workspace-relative path with forward slashes. */
  path: string;
  text: string;
}

export interface FileAnalysis {
  path: string;
  findings: Finding[];
  notes: FileNote[];
}

const ROTATE = 'Rotate it: removing it from the file does not revoke it, and it may already be in git history. Then get it from a credential broker at run time.';

/** Analyse one file's text. Pure: no file system, no network; never throws for bad input. */
export function analyzeFile(input: FileInput, config: ResolvedConfig): FileAnalysis {
  const { path, text } = input;
  const notes: FileNote[] = [];
  const analysis: FileAnalysis = { path, findings: [], notes };

  if (text.length > config.maxFileSize) {
    notes.push({ file: path, kind: 'skipped', reason: `larger than the ${formatBytes(config.maxFileSize)} limit (maxFileSize)` });
    return analysis;
  }
  if (isLockfile(path)) {
    notes.push({ file: path, kind: 'skipped', reason: 'lockfile (package hashes only)' });
    return analysis;
  }
  if (isMinifiedName(path) || looksMinified(path, text)) {
    notes.push({ file: path, kind: 'skipped', reason: 'minified or generated file' });
    return analysis;
  }

  const { namedValues, foldedValues } = collectContexts(path, text, notes);
  let detections: SecretDetection[] = [];
  try {
    detections = detectSecrets(text, namedValues, foldedValues, {
      extraPlaceholders: config.extraPlaceholders,
      extraSecretNames: config.extraSecretNames,
    });
  } catch (error) {
    notes.push({ file: path, kind: 'error', reason: `secret scan failed: ${(error as Error).message}` });
  }
  if (!detections.length) return analysis;

  const lines = new LineIndex(text);
  for (const detection of detections) {
    const finding = secretFinding(path, detection, lines, config);
    if (finding) analysis.findings.push(finding);
  }
  applyInlineSuppressions(analysis.findings, config.trusted ? parseInlineSuppressions(text, lines) : []);
  return analysis;
}

function collectContexts(path: string, text: string, notes: FileNote[]): { namedValues: NamedValue[]; foldedValues: FoldedValue[] } {
  const kind = fileKind(path);
  try {
    switch (kind) {
      case 'code': {
        const sourceFile = parseSourceFile(path, text);
        const errors = syntaxErrorCount(sourceFile);
        if (errors) notes.push({ file: path, kind: 'partial', reason: `${errors} syntax error${errors === 1 ? '' : 's'}; analysed what parsed` });
        return collectSecretContexts(sourceFile);
      }
      case 'json': {
        const scan = scanJson(text);
        if (scan.errors.length) notes.push({ file: path, kind: 'partial', reason: `JSON syntax error (${scan.errors[0]!.message}); analysed what parsed` });
        return { namedValues: scan.namedValues, foldedValues: [] };
      }
      case 'yaml': {
        const scan = scanYaml(text);
        if (scan.errors.length) notes.push({ file: path, kind: 'partial', reason: `YAML syntax error (${scan.errors[0]!.message}); analysed what parsed` });
        return { namedValues: scan.namedValues, foldedValues: [] };
      }
      case 'dotenv':
        return { namedValues: scanDotenv(text), foldedValues: [] };
      case 'text':
        return { namedValues: scanTextAssignments(text), foldedValues: [] };
    }
  } catch (error) {
    const reason = error instanceof RangeError ? 'nesting too deep to parse' : (error as Error).message;
    notes.push({ file: path, kind: 'partial', reason: `could not parse (${reason}); scanned as plain text` });
    return { namedValues: scanTextAssignments(text), foldedValues: [] };
  }
}

const RULE_FOR_KIND = {
  provider: 'secrets/provider-key',
  generic: 'secrets/generic-secret',
  'private-key': 'secrets/private-key',
  'connection-string': 'secrets/connection-string',
} as const;

function secretFinding(path: string, detection: SecretDetection, lines: LineIndex, config: ResolvedConfig): Finding | undefined {
  const rule = getRule(RULE_FOR_KIND[detection.kind]);
  const severity = effectiveSeverity(config, rule.id, rule.defaultSeverity);
  if (severity === 'off') return undefined;
  const redacted = detection.kind === 'private-key' ? '-----BEGIN … PRIVATE KEY-----' : redact(detection.value, detection.publicPrefix);
  const what =
    detection.kind === 'generic'
      ? `Hardcoded ${detection.detectorName} (${redacted}).`
      : detection.kind === 'private-key'
        ? `Hardcoded ${detection.detectorName}.`
        : `Hardcoded ${detection.detectorName} (${redacted}).`;
  return {
    ruleId: rule.id,
    severity,
    message: `${what} ${ROTATE}`,
    file: path,
    range: lines.rangeOf(detection.start, detection.end),
    startOffset: detection.start,
    endOffset: detection.end,
    fingerprint: fingerprintOf(detection.value),
    redacted,
    provider: detection.detectorId,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
