import type { ResolvedConfig } from '../config';
import type { Finding } from '../types';
import type { FixWorkspace } from './workspace';

/** A text edit in a file, by offsets into that file's current text. */
export interface FileEdit {
  /** Workspace-relative path of the file the edit applies to (the finding's own file unless stated). */
  path: string;
  startOffset: number;
  endOffset: number;
  newText: string;
  /**
   * The file does not exist yet: the adapter creates it (LSP `CreateFile`) and inserts `newText` (offsets are 0).
   * Never set for a file that exists.
   */
  create?: boolean;
}

/** One alternative of a fix that needs a choice first (the broker, when none is configured). */
export interface FixChoice {
  /** The value recorded in the setting (`vault`). */
  value: string;
  /** What the person picks from (`HashiCorp Vault`). */
  label: string;
  detail?: string;
  edits: FileEdit[];
}

/** One code action the core offers for a finding: edits to apply as one undoable change, and/or a command. */
export interface Fix {
  title: string;
  kind: 'quickfix' | 'refactor' | 'source';
  /** Safe to apply without looking (used for "fix all"). */
  safe: boolean;
  isPreferred?: boolean;
  edits: FileEdit[];
  /** An adapter command to run instead of / after the edits (e.g. open the docs, ask for a reason). */
  command?: { id: string; title: string; arguments: unknown[] };
  /**
   * The fix needs a choice before it can apply (no broker configured): the adapter asks once, stores the choice in
   * `setting`, then applies that alternative's edits. `edits` is empty when this is set.
   */
  choose?: { setting: string; prompt: string; choices: FixChoice[] };
  /** What the person must still do after applying (rotate the key, fill in a placeholder). Shown by adapters. */
  followUp?: string;
  /**
   * Why the finding can still be reported after this fix (a suppression needs a real reason first; documentation
   * changes nothing). Undefined when applying the fix removes the finding.
   */
  remains?: string;
  /** The finding this fix is for (rule id and fingerprint). */
  ruleId: string;
  fingerprint: string;
}

/** What a secret's fixes in one file are computed from (TS/JS and Python alike). */
export interface SecretFixInput {
  path: string;
  text: string;
  finding: Finding;
  config: ResolvedConfig;
  workspace: FixWorkspace;
}
