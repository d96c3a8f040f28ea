import type { Document } from 'yaml';
import type { Node as JsonNode } from 'jsonc-parser';
import { droppedFindingsNote, MAX_FINDINGS_PER_RULE } from './caps';
import { effectiveSeverity, type ResolvedConfig } from './config';
import { emptyFacts, type FileFacts } from './facts';
import { fileKind, type FileKind } from './files';
import { parseJsonTree } from './languages/json';
import { parseSourceFile, syntaxErrorCount, UnparseableShapeError, type SourceFile } from './languages/typescript';
import { parseYamlDocuments } from './languages/yaml';
import { LineIndex } from './position';
import { fingerprintOf } from './secrets/redact';
import type { FileNote, Finding, RelatedLocation, Severity } from './types';

export interface ReportOptions {
  /** Text that identifies the finding for baselines (default: the flagged text). */
  fingerprintBasis?: string;
  related?: RelatedLocation[];
  redacted?: string;
  provider?: string;
  /** A precomputed fingerprint (secrets: SHA-256 of the value). */
  fingerprint?: string;
  /** Report at this severity while the rule is at its default severity (e.g. error in production). */
  escalateTo?: Severity;
}

/** A rule's default severity by id. The context gets it from its creator (analyze.ts), not from the rule registry,
 * so that rules, which use the context, and the context never import each other. Throws for an unknown id. */
export type DefaultSeverity = (ruleId: string) => Severity;

/**
 * Everything a rule check gets for one file: the text, lazily parsed forms (each parsed at most once per file),
 * the configuration, a clock, the facts it may add for cross-file rules, and `report`.
 */
export class AnalysisContext {
  readonly kind: FileKind;
  readonly findings: Finding[] = [];
  readonly notes: FileNote[] = [];
  readonly facts: FileFacts = emptyFacts();
  private lineIndex?: LineIndex;
  private parsedSource?: SourceFile | null;
  private parsedYaml?: Document.Parsed[] | null;
  private parsedJson?: JsonNode | null;
  private readonly memos = new Map<string, unknown>();
  /** Findings each rule reported, including those over MAX_FINDINGS_PER_RULE (src/core/caps.ts) that were not kept. */
  private readonly reported = new Map<string, number>();

  constructor(
    readonly path: string,
    readonly text: string,
    readonly config: ResolvedConfig,
    readonly now: Date,
    private readonly defaultSeverity: DefaultSeverity,
  ) {
    this.kind = fileKind(path);
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /**
   * Parse every code file, even those whose text no syntax collector wants (src/core/syntax.ts): for tests that check
   * the collectors' text gates against a full analysis.
   */
  parseEveryCodeFile = false;

  /** The TypeScript syntax tree (code files only). A failed parse, or syntax errors, become a note once. */
  sourceFile(): SourceFile | undefined {
    if (this.parsedSource === undefined) {
      this.parsedSource = this.kind === 'code' ? this.guard('parse', () => this.parseUnlessQuadratic()) ?? null : null;
      const errors = this.parsedSource ? syntaxErrorCount(this.parsedSource) : 0;
      if (errors) this.note('partial', `${errors} syntax error${errors === 1 ? '' : 's'}; analysed what parsed`);
    }
    return this.parsedSource ?? undefined;
  }

  /**
   * A shape TypeScript's parser takes quadratic time on is refused by parseSourceFile: noted here, and the secret scan
   * falls back to its line scan.
   */
  private parseUnlessQuadratic(): SourceFile | undefined {
    try {
      return parseSourceFile(this.path, this.text);
    } catch (error) {
      if (!(error instanceof UnparseableShapeError)) throw error;
      this.note('partial', `${error.message}: only the secret scan ran`);
      return undefined;
    }
  }

  /** All YAML documents of a YAML file (aliases unexpanded). */
  yamlDocuments(): Document.Parsed[] {
    if (this.parsedYaml === undefined) {
      this.parsedYaml = this.kind === 'yaml' ? this.guard('parse', () => parseYamlDocuments(this.text)) ?? null : null;
    }
    return this.parsedYaml ?? [];
  }

  /** The jsonc-parser tree of a JSON/JSONC file. */
  jsonTree(): JsonNode | undefined {
    if (this.parsedJson === undefined) {
      this.parsedJson = this.kind === 'json' ? this.guard('parse', () => parseJsonTree(this.text)) ?? null : null;
    }
    return this.parsedJson ?? undefined;
  }

  /**
   * Compute something once per file and share it between checks (e.g. one walk of the syntax tree that collects
   * what several rules need). Failures become a note and yield undefined.
   */
  memo<T>(key: string, compute: () => T): T | undefined {
    if (!this.memos.has(key)) this.memos.set(key, this.guard(key, compute));
    return this.memos.get(key) as T | undefined;
  }

  /** Is this rule switched on (severity other than off) for this file? Checks skip work for rules that are off. */
  enabled(ruleId: string): boolean {
    if (effectiveSeverity(this.config, ruleId, this.defaultSeverity(ruleId)) !== 'off') return true;
    // A rule that is off may still have one detector switched back on (`secrets/provider-key:jwt: error`).
    const category = ruleId.split('/')[0]!;
    return Object.entries(this.config.severities).some(
      ([selector, severity]) => severity !== 'off' && (selector.startsWith(`${ruleId}:`) || selector.startsWith(`${category}/*:`)),
    );
  }

  report(ruleId: string, startOffset: number, endOffset: number, message: string, options: ReportOptions = {}): void {
    const defaultSeverity = this.defaultSeverity(ruleId);
    const configured = effectiveSeverity(this.config, ruleId, defaultSeverity, options.provider);
    if (configured === 'off') return;
    const count = (this.reported.get(ruleId) ?? 0) + 1;
    this.reported.set(ruleId, count);
    if (count > MAX_FINDINGS_PER_RULE) return;
    const severity = options.escalateTo && configured === defaultSeverity ? options.escalateTo : configured;
    const basis = options.fingerprintBasis ?? this.text.slice(startOffset, endOffset);
    this.findings.push({
      ruleId,
      severity,
      message,
      file: this.path,
      range: this.lines.rangeOf(startOffset, endOffset),
      startOffset,
      endOffset,
      // The file path is not part of the fingerprint, so baselines survive renames (see src/core/baseline.ts).
      fingerprint: options.fingerprint ?? fingerprintOf(`${ruleId}\0${basis}`),
      ...(options.redacted !== undefined && { redacted: options.redacted }),
      ...(options.provider !== undefined && { provider: options.provider }),
      ...(options.related && { related: options.related }),
    });
  }

  /** A note for each rule that reported more findings than it may keep, saying how many more there were. */
  noteDroppedFindings(): void {
    for (const [ruleId, count] of this.reported) {
      if (count > MAX_FINDINGS_PER_RULE) this.note('partial', droppedFindingsNote(this.path, ruleId, count - MAX_FINDINGS_PER_RULE).reason);
    }
  }

  note(kind: FileNote['kind'], reason: string): void {
    if (!this.notes.some((note) => note.reason === reason)) this.notes.push({ file: this.path, kind, reason });
  }

  /** Run a step that may fail on hostile input; failures become a note, never an exception. */
  guard<T>(step: string, run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      // Never the error's message: parsers quote the input there, and the input may be a secret.
      const reason = error instanceof RangeError ? 'nesting too deep' : `${(error as Error).name ?? 'Error'}`;
      this.note('partial', `${step} failed (${reason}); the rest of the file was still analysed`);
      return undefined;
    }
  }
}

/** A per-file check: reads the context, reports findings and adds facts. */
export type FileCheck = (context: AnalysisContext) => void;
