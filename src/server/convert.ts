import { pathToFileURL } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CreateFile, type Diagnostic, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { FileEdit, Fix } from '../core/fixes';
import type { LineIndex } from '../core/position';
import type { Redactor } from '../core/redaction';
import { getRule } from '../core/rules';
import type { Finding, Severity } from '../core/types';

export const SOURCE = 'Agent Guardrail';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to the server for code actions. */
export interface DiagnosticData {
  ruleId: string;
  fingerprint: string;
  startOffset: number;
  endOffset: number;
}

export function fileUri(root: string, path: string): string {
  return pathToFileURL(`${root}/${path}`).href;
}

/** A finding as an LSP diagnostic; its texts pass through the redactor that knows every secret of the folder. */
export function toDiagnostic(unredacted: Finding, root: string, redactor: Redactor): Diagnostic {
  const finding = redactor.finding(unredacted);
  const rule = getRule(finding.ruleId);
  const data: DiagnosticData = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, startOffset: finding.startOffset, endOffset: finding.endOffset };
  return {
    range: { start: { line: finding.range.start.line, character: finding.range.start.column }, end: { line: finding.range.end.line, character: finding.range.end.column } },
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: rule.docsUrl },
    message: finding.message,
    ...(finding.related?.length && {
      relatedInformation: finding.related.map((related) => ({
        location: {
          uri: fileUri(root, related.file),
          range: { start: { line: related.range.start.line, character: related.range.start.column }, end: { line: related.range.end.line, character: related.range.end.column } },
        },
        message: related.message,
      })),
    }),
    data,
  };
}

/** The command a client registers to ask for a choice (the broker), record it in a setting, and apply that choice's edit. */
export const CHOOSE_AND_APPLY_COMMAND = 'agentGuardrail.chooseAndApplyFix';

/** Arguments of CHOOSE_AND_APPLY_COMMAND (one object). */
export interface ChooseAndApplyArguments {
  /** The setting that records the choice (`agentGuardrail.broker`), written in the workspace scope. */
  setting: string;
  /** The quick-pick prompt. */
  prompt: string;
  choices: { value: string; label: string; detail?: string; edit: WorkspaceEdit }[];
  /** What the person must still do afterwards (rotate the key …), to show once the edit is applied. */
  followUp?: string;
}

/**
 * Core file edits as one LSP workspace edit. Edits of the current document use `lines`; edits of other existing
 * files need their text (`otherFileLines`), and are dropped when it is unknown. A created file becomes a
 * `CreateFile` followed by its content, which needs `documentChanges`; otherwise plain `changes` are used.
 */
export function toWorkspaceEdit(edits: readonly FileEdit[], uri: string, lines: LineIndex, root: string, otherFileLines: (path: string) => LineIndex | undefined, selfPath: string): WorkspaceEdit | undefined {
  const byUri = new Map<string, TextEdit[]>();
  const created = new Set<string>();
  for (const edit of edits) {
    const sameFile = edit.path === selfPath;
    const target = sameFile ? uri : fileUri(root, edit.path);
    if (edit.create && !sameFile) {
      created.add(target);
      byUri.set(target, [...(byUri.get(target) ?? []), { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: edit.newText }]);
      continue;
    }
    const index = sameFile ? lines : otherFileLines(edit.path);
    if (!index) continue;
    const start = index.positionAt(edit.startOffset);
    const end = index.positionAt(edit.endOffset);
    byUri.set(target, [...(byUri.get(target) ?? []), { range: { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } }, newText: edit.newText }]);
  }
  if (!byUri.size) return undefined;
  if (!created.size) return { changes: Object.fromEntries(byUri) };
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const target of created) documentChanges.push({ kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: true } });
  for (const [target, textEdits] of byUri) documentChanges.push({ textDocument: { uri: target, version: null }, edits: textEdits });
  return { documentChanges };
}

/** A core fix as an LSP code action; edits in other files use their own URIs. */
export function toCodeAction(fix: Fix, uri: string, lines: LineIndex, root: string, diagnostic: Diagnostic | undefined, otherFileLines: (path: string) => LineIndex | undefined, selfPath: string): CodeAction {
  const edit = toWorkspaceEdit(fix.edits, uri, lines, root, otherFileLines, selfPath);
  let command = fix.command && { title: fix.command.title, command: fix.command.id, arguments: fix.command.arguments };
  if (fix.choose) {
    const args: ChooseAndApplyArguments = {
      setting: fix.choose.setting,
      prompt: fix.choose.prompt,
      choices: fix.choose.choices.flatMap((choice) => {
        const choiceEdit = toWorkspaceEdit(choice.edits, uri, lines, root, otherFileLines, selfPath);
        return choiceEdit ? [{ value: choice.value, label: choice.label, ...(choice.detail && { detail: choice.detail }), edit: choiceEdit }] : [];
      }),
      ...(fix.followUp && { followUp: fix.followUp }),
    };
    command = { title: fix.title, command: CHOOSE_AND_APPLY_COMMAND, arguments: [args] };
  }
  return {
    title: fix.title,
    kind: fix.kind === 'quickfix' ? CodeActionKind.QuickFix : fix.kind === 'source' ? CodeActionKind.Source : CodeActionKind.Refactor,
    ...(diagnostic && { diagnostics: [diagnostic] }),
    ...(fix.isPreferred && { isPreferred: true }),
    ...(edit && { edit }),
    ...(command && { command }),
  };
}
