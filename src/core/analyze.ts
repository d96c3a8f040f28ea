import { detectNotebookSecrets, pythonSecretContexts } from './code/python-secrets';
import { FACT_COLLECTORS } from './collectors';
import type { ResolvedConfig } from './config';
import { AnalysisContext } from './context';
import type { FileFacts } from './facts';
import { fileKind, isDeclarationFile, isLockfile, isMinifiedName, isUnparsedCode, looksMinified } from './files';
import { scanDotenv } from './languages/dotenv';
import { scanJson } from './languages/json';
import { scanTextAssignments } from './languages/text';
import { SECRET_CONTEXTS } from './languages/typescript';
import { collectedFrom, syntaxTreeWanted } from './syntax';
import { scanYaml, yamlTrees } from './languages/yaml';
import { readBlockYaml } from './languages/yaml-block';
import { Redactor, type FoundSecret } from './redaction';
import { getRule, RULES } from './rules';
import { SECRET_RULES } from './rules/secrets';
import { detectSecrets, type FoldedValue, type NamedValue, type SecretDetection } from './secrets/detect';
import { fingerprintOf, redact } from './secrets/redact';
import { applyInlineSuppressions, parseInlineSuppressions, type InlineSuppression } from './suppressions';
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
  /** Manifests and code agents this file declares, for the workspace index. */
  facts: FileFacts;
  /** Inline suppressions in the file, for the final suppression step (finalizeSuppressions). */
  suppressions: InlineSuppression[];
  /**
   * The secrets found, with their raw values: the output redactor of the run learns them (src/core/redaction.ts).
   * In memory only: never write them to a report, a log or a cache.
   */
  secrets: FoundSecret[];
}

const ROTATE = 'Rotate it: removing it from the file does not revoke it, and it may already be in git history. Then get it from a credential broker at run time.';

export interface AnalysisOptions {
  /** The clock for date rules (review-overdue, expired). Tests inject one. */
  now?: Date;
  /** Parse every code file, also those whose text the syntax collectors skip (tests of those text gates). */
  parseEveryCodeFile?: boolean;
}

const defaultSeverity = (ruleId: string) => getRule(ruleId).defaultSeverity;

/** The context the rule checks of one file share (also for tests that drive one reader or check directly). */
export function createAnalysisContext(path: string, text: string, config: ResolvedConfig, now: Date): AnalysisContext {
  return new AnalysisContext(path, text, config, now, defaultSeverity);
}

/** Analyse one file's text. Pure: no file system, no network; never throws for bad input. */
export function analyzeFile(input: FileInput, config: ResolvedConfig, options: AnalysisOptions = {}): FileAnalysis {
  const { path } = input;
  const text = withLineFeeds(input.text);
  const context = createAnalysisContext(path, text, config, options.now ?? new Date());
  context.parseEveryCodeFile = options.parseEveryCodeFile ?? false;
  const analysis: FileAnalysis = { path, findings: context.findings, notes: context.notes, facts: context.facts, suppressions: [], secrets: [] };

  if (text.length > config.maxFileSize) {
    context.note('skipped', `larger than the ${formatBytes(config.maxFileSize)} limit (maxFileSize)`);
    return analysis;
  }
  if (isLockfile(path)) {
    context.note('skipped', 'lockfile (package hashes only)');
    return analysis;
  }
  const scanOnly = secretScanOnlyReason(context);
  const secrets = detectFileSecrets(context, scanOnly !== undefined);
  if (scanOnly) context.note('partial', `${scanOnly}: only the secret scan ran`);
  else {
    for (const collect of FACT_COLLECTORS) context.guard('agent analysis', () => collect(context));
    for (const rule of RULES) {
      if (!rule.check || (rule.fileKinds && !rule.fileKinds.includes(context.kind)) || !context.enabled(rule.id)) continue;
      context.guard(rule.id, () => rule.check!(context));
    }
  }
  context.noteDroppedFindings();
  analysis.secrets = secrets.map((detection) => ({ value: detection.value, redacted: redactedForm(detection) }));
  scrubSecrets(context, analysis.secrets);
  analysis.suppressions = text.includes('agent-guardrail-ignore') ? parseInlineSuppressions(text, context.lines) : [];
  if (config.trusted) applyInlineSuppressions(context.findings, analysis.suppressions);
  return analysis;
}

/**
 * Whether analyzeFile may parse this file with TypeScript (a code file some syntax collector's text gate lets
 * through): for an audit that leaves such files to the thread that has TypeScript loaded. Never no where
 * analyzeFile parses; sometimes yes where it does not (a minified file gets the secret scan only).
 */
export function mayParse(path: string, text: string, config: ResolvedConfig): boolean {
  return fileKind(path) === 'code' && syntaxTreeWanted(withLineFeeds(text), config);
}

/** Above this size every file gets only the secret scan: parsers hold the whole tree (a 50 MB YAML file, gigabytes). */
export const STRUCTURED_ANALYSIS_LIMIT = 4 * 1024 * 1024;

/** A lone CR ends a line (old Mac files; editors show it so): as LF, same length, so every offset stays. */
function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Why a file gets only the secret scan (linear: provider, private-key and connection-string patterns and the line
 * scanner), not the parsers and rule checks, or undefined. Padding a file to look generated hides nothing from it.
 */
function secretScanOnlyReason(context: AnalysisContext): string | undefined {
  const { path, text, kind } = context;
  if (isMinifiedName(path) || (kind === 'code' && looksMinified(path, text))) return 'minified or generated file';
  if (text.length > STRUCTURED_ANALYSIS_LIMIT) return `larger than ${formatBytes(STRUCTURED_ANALYSIS_LIMIT)}, the limit for structured analysis`;
  // Code TypeScript must not parse (unparseableShape) is found when a parse is due: most code files need none.
  return undefined;
}

function detectFileSecrets(context: AnalysisContext, lineScanOnly: boolean): SecretDetection[] {
  if (!SECRET_RULES.some((rule) => context.enabled(rule.id))) return [];
  const options = { extraPlaceholders: context.config.extraPlaceholders, extraSecretNames: context.config.extraSecretNames };
  // A notebook is several texts (code cells, outputs) mapped into one JSON file; every other file is one text. A file
  // too large or too pathological for structure gets the line scan.
  const scan = (): SecretDetection[] => {
    if (context.kind === 'notebook' && !lineScanOnly) return detectNotebookSecrets(context, options);
    const { namedValues, foldedValues } = lineScanOnly ? lineScan(context) : collectContexts(context);
    return detectSecrets(context.text, namedValues, foldedValues, options);
  };
  const detections = context.guard('secret scan', scan) ?? [];
  for (const detection of detections) reportSecret(context, detection);
  return detections;
}

/**
 * Other rules quote values from the file in their messages (`credentials[0] must be a mapping; got string "sk-…"`).
 * The output redactor, which knows this file's secrets, replaces them there already: no message or note carries one.
 */
function scrubSecrets(context: AnalysisContext, secrets: readonly FoundSecret[]): void {
  const redactor = new Redactor(secrets);
  context.findings.forEach((finding, index) => (context.findings[index] = redactor.finding(finding)));
  for (const note of context.notes) note.reason = redactor.text(note.reason);
}

function redactedForm(detection: SecretDetection): string {
  return detection.kind === 'private-key' ? '-----BEGIN … PRIVATE KEY-----' : redact(detection.value, detection.publicPrefix);
}

function collectContexts(context: AnalysisContext): { namedValues: NamedValue[]; foldedValues: FoldedValue[] } {
  const { text } = context;
  const collected = context.guard('parse', () => {
    switch (context.kind) {
      case 'code':
        // Undefined when the parse failed; files whose text holds no named value are not parsed at all.
        return collectedFrom(context, SECRET_CONTEXTS);
      case 'json': {
        const scan = scanJson(text);
        if (scan.errors.length) context.note('partial', `JSON syntax error (${scan.errors[0]!.message}); analysed what parsed`);
        return { namedValues: scan.namedValues, foldedValues: [] };
      }
      case 'yaml': {
        // Plain block YAML (test cassettes, most configurations) is read without the parser; anything else is parsed
        // once, shared with the other checks. No documents: an empty file, or a parse that failed (noted), in which
        // case scanYaml parses again, throws, and the line scanner below takes over.
        let trees = readBlockYaml(text);
        if (!trees) {
          const documents = context.yamlDocuments();
          if (documents.length) trees = yamlTrees(text, documents);
        }
        const scan = scanYaml(text, trees);
        if (scan.errors.length) context.note('partial', `YAML syntax error (${scan.errors[0]!.message}); analysed what parsed`);
        return { namedValues: scan.namedValues, foldedValues: [] };
      }
      case 'dotenv':
        return { namedValues: scanDotenv(text), foldedValues: [] };
      case 'python':
        return pythonSecretContexts(context);
      case 'text':
        // A declaration file assigns no values: its named values are types, or examples in its doc comments (the
        // provider, key and connection-string scans still read all of it).
        if (isDeclarationFile(context.path)) return { namedValues: [], foldedValues: [] };
        return { namedValues: scanTextAssignments(text, { quotedValuesOnly: isUnparsedCode(context.path) }), foldedValues: [] };
    }
  });
  // The structured parse failed (hostile nesting …): fall back to the line scanner so secrets are still found.
  return collected ?? lineScan(context);
}

function lineScan(context: AnalysisContext): { namedValues: NamedValue[]; foldedValues: FoldedValue[] } {
  return { namedValues: context.guard('text scan', () => scanTextAssignments(context.text)) ?? [], foldedValues: [] };
}

const RULE_FOR_KIND = {
  provider: 'secrets/provider-key',
  generic: 'secrets/generic-secret',
  'private-key': 'secrets/private-key',
  'connection-string': 'secrets/connection-string',
} as const;

function reportSecret(context: AnalysisContext, detection: SecretDetection): void {
  const ruleId = RULE_FOR_KIND[detection.kind];
  const redacted = redactedForm(detection);
  const what = detection.kind === 'private-key' ? `Hardcoded ${detection.detectorName}.` : `Hardcoded ${detection.detectorName} (${redacted}).`;
  context.report(ruleId, detection.start, detection.end, `${what} ${ROTATE}`, {
    fingerprint: fingerprintOf(detection.value),
    redacted,
    provider: detection.detectorId,
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
