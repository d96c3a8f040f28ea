/** A text edit in a file, by offsets into that file's current text. */
export interface FileEdit {
  /** Workspace-relative path of the file the edit applies to (the finding's own file unless stated). */
  path: string;
  startOffset: number;
  endOffset: number;
  newText: string;
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
  /** The finding this fix is for (rule id and fingerprint). */
  ruleId: string;
  fingerprint: string;
}
