/** Plain data shared by every part of the core and by the adapters (CLI, language server). */

export type Severity = 'error' | 'warning' | 'note';
export type SeveritySetting = Severity | 'off';

/** The six product categories, plus `suppression` for notes about the tool's own suppression comments. */
export type RuleCategory = 'secrets' | 'credentials' | 'grants' | 'supply-chain' | 'ownership' | 'manifest' | 'suppression';

/** Zero-based line and UTF-16 column, as in LSP. Output formats add 1 where they need 1-based positions. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  /** Offsets into the file text the edit applies to. */
  startOffset: number;
  endOffset: number;
  newText: string;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Workspace-relative path with forward slashes. */
  file: string;
  range: Range;
  startOffset: number;
  endOffset: number;
  /**
   * Stable identity used by baselines and suppressions. For secrets: SHA-256 (hex) of the secret value,
   * so it survives line moves and file renames. For other rules: SHA-256 of rule, file and the flagged text.
   */
  fingerprint: string;
  /** Secrets only: a redacted form that is safe to show (e.g. `sk-proj-…9fQ2`). */
  redacted?: string;
  /** Secrets only: the provider detector that matched (e.g. `openai`). */
  provider?: string;
  related?: RelatedLocation[];
  /** Set when an inline suppression or config entry silenced the finding (kept for SARIF). */
  suppression?: { kind: 'inSource' | 'external'; justification: string };
}

/** Why a file was not analysed (or analysed only partly). Shown in reports, never fatal. */
export interface FileNote {
  file: string;
  kind: 'skipped' | 'partial' | 'error';
  reason: string;
}

export interface OwaspRef {
  /** e.g. `NHI2:2025` */
  id: string;
  title: string;
}

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  owasp: OwaspRef[];
}
