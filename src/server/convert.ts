import { pathToFileURL } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { FileEdit, Fix } from '../core/fixes';
import type { LineIndex } from '../core/position';
import type { Redactor } from '../core/redaction';
import { isManifestPath } from '../core/manifest/schema';
import { getRule } from '../core/rules';
import { ruleDocsFile } from '../node/docs';
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

/**
 * Where a diagnostic's rule link points: the documentation page shipped with the server (a file the editor can
 * open offline), never a web page that may not exist for whoever reads it.
 */
export function docsHref(ruleId: string): string {
  const file = ruleDocsFile(ruleId);
  return file ? pathToFileURL(file).href : getRule(ruleId).docsUrl;
}

/** A finding as an LSP diagnostic; its texts pass through the redactor that knows every secret of the folder. */
export function toDiagnostic(unredacted: Finding, root: string, redactor: Redactor): Diagnostic {
  const finding = redactor.finding(unredacted);
  const data: DiagnosticData = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, startOffset: finding.startOffset, endOffset: finding.endOffset };
  return {
    range: { start: { line: finding.range.start.line, character: finding.range.start.column }, end: { line: finding.range.end.line, character: finding.range.end.column } },
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsHref(finding.ruleId) },
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

/** The server command that runs after a fix's edit: writes the files it creates and says what changed. */
export const FIX_APPLIED_COMMAND = 'agent-guardrail.fixApplied';

/** Arguments of FIX_APPLIED_COMMAND (one object). */
export interface FixAppliedArguments {
  /** The rule the fix is for (the VS Code walkthrough completes its "fix a hardcoded key" step on secrets/*). */
  ruleId?: string;
  /** Files the fix creates, written to disk by the server (so they exist when the edited file is saved). */
  create: { uri: string; path: string; text: string }[];
  /** Workspace-relative paths of the existing files the edit changed. */
  changed: string[];
  /** Created files to open in the editor (a new manifest). */
  open?: string[];
  /** What the person must still do (rotate the key, fill in a placeholder). */
  followUp?: string;
  /** Other things the client changed (`.vscode/settings.json: agentGuardrail.broker = vault`). */
  alsoChanged?: string[];
}

/** Arguments of CHOOSE_AND_APPLY_COMMAND (one object). */
export interface ChooseAndApplyArguments {
  /** The setting that records the choice (`agentGuardrail.broker`), written in the workspace scope. */
  setting: string;
  /** The quick-pick prompt. */
  prompt: string;
  /** Each choice's edit, and the FIX_APPLIED_COMMAND arguments to run after it. */
  choices: { value: string; label: string; detail?: string; edit?: WorkspaceEdit; applied: FixAppliedArguments }[];
  followUp?: string;
}

/** What a fix does to the workspace, in LSP terms. */
interface ConvertedEdits {
  edit?: WorkspaceEdit;
  applied: FixAppliedArguments;
}

/** Where a fix is converted: the document, its folder, and how to read other files' positions. */
export interface FixContext {
  uri: string;
  lines: LineIndex;
  root: string;
  selfPath: string;
  otherFileLines: (path: string) => LineIndex | undefined;
  diagnostic?: Diagnostic;
  /** The client runs CHOOSE_AND_APPLY_COMMAND (the VS Code extension); others get one code action per choice. */
  clientChooses: boolean;
  /** The edit that records a choice in the workspace configuration (`broker: vault`), for clients that do not choose. */
  recordChoice?: (setting: string, value: string) => FileEdit | undefined;
}

/**
 * Core file edits in LSP terms. Edits of existing files become one workspace edit (`changes`); the current document
 * uses `lines`, other files need their text (`otherFileLines`) and are dropped when it is unknown. Files the fix
 * creates are not part of the edit: FIX_APPLIED_COMMAND writes them to disk, so that a new credentials module exists
 * as soon as the edited file is saved (a CreateFile would leave an empty file until the new buffer is saved too).
 */
export function toWorkspaceEdit(edits: readonly FileEdit[], context: FixContext): ConvertedEdits {
  const byUri = new Map<string, TextEdit[]>();
  const applied: FixAppliedArguments = { create: [], changed: [] };
  for (const edit of edits) {
    const sameFile = edit.path === context.selfPath;
    if (edit.create && !sameFile) {
      applied.create.push({ uri: fileUri(context.root, edit.path), path: edit.path, text: edit.newText });
      continue;
    }
    const target = sameFile ? context.uri : fileUri(context.root, edit.path);
    const index = sameFile ? context.lines : context.otherFileLines(edit.path);
    if (!index) continue;
    const start = index.positionAt(edit.startOffset);
    const end = index.positionAt(edit.endOffset);
    byUri.set(target, [...(byUri.get(target) ?? []), { range: { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } }, newText: edit.newText }]);
    if (!applied.changed.includes(edit.path)) applied.changed.push(edit.path);
  }
  return { ...(byUri.size && { edit: { changes: Object.fromEntries(byUri) } }), applied };
}

/** Does the person need to hear about this fix once it is applied (files created or changed elsewhere, a follow-up)? */
function worthTelling(fix: Fix, applied: FixAppliedArguments, selfPath: string): boolean {
  return applied.create.length > 0 || applied.changed.some((path) => path !== selfPath) || Boolean(fix.followUp);
}

/** A core fix as LSP code actions: one, or one per choice when the client cannot ask for the choice itself. */
export function toCodeActions(fix: Fix, context: FixContext): CodeAction[] {
  const kind = fix.kind === 'quickfix' ? CodeActionKind.QuickFix : fix.kind === 'source' ? CodeActionKind.Source : CodeActionKind.Refactor;
  const base = { kind, ...(context.diagnostic && { diagnostics: [context.diagnostic] }) };
  if (fix.choose) {
    const choices = fix.choose.choices.map((choice) => ({ choice, converted: toWorkspaceEdit(choice.edits, context) }));
    if (context.clientChooses) {
      const args: ChooseAndApplyArguments = {
        setting: fix.choose.setting,
        prompt: fix.choose.prompt,
        choices: choices.map(({ choice, converted }) => ({ value: choice.value, label: choice.label, ...(choice.detail && { detail: choice.detail }), ...(converted.edit && { edit: converted.edit }), applied: { ...converted.applied, ruleId: fix.ruleId, ...(fix.followUp && { followUp: fix.followUp }) } })),
        ...(fix.followUp && { followUp: fix.followUp }),
      };
      return [{ ...base, title: fix.title, ...(fix.isPreferred && { isPreferred: true }), command: { title: fix.title, command: CHOOSE_AND_APPLY_COMMAND, arguments: [args] } }];
    }
    // Any other client: one action per choice, each also recording the choice in the workspace configuration.
    return fix.choose.choices.map((choice) => {
      const record = context.recordChoice?.(fix.choose!.setting, choice.value);
      const converted = toWorkspaceEdit(record ? [...choice.edits, record] : choice.edits, context);
      const title = fix.title.includes(' (rotate') ? fix.title.replace(' (rotate', ` via ${choice.label} (rotate`) : `${fix.title} via ${choice.label}`;
      const applied = { ...converted.applied, ruleId: fix.ruleId, ...(fix.followUp && { followUp: fix.followUp }) };
      return { ...base, title, ...(converted.edit && { edit: converted.edit }), command: { title, command: FIX_APPLIED_COMMAND, arguments: [applied] } };
    });
  }
  const converted = toWorkspaceEdit(fix.edits, context);
  const applied: FixAppliedArguments = { ...converted.applied, ruleId: fix.ruleId, ...(fix.followUp && { followUp: fix.followUp }), ...(converted.applied.create.some((file) => isManifestPath(file.path)) && { open: converted.applied.create.filter((file) => isManifestPath(file.path)).map((file) => file.uri) }) };
  let command = fix.command && { title: fix.command.title, command: fix.command.id, arguments: fix.command.id === SHOW_DOCUMENTATION_COMMAND ? [fix.ruleId] : fix.command.arguments };
  if (!command && worthTelling(fix, applied, context.selfPath)) command = { title: fix.title, command: FIX_APPLIED_COMMAND, arguments: [applied] };
  return [{ ...base, title: fix.title, ...(fix.isPreferred && { isPreferred: true }), ...(converted.edit && { edit: converted.edit }), ...(command && { command }) }];
}

/** The server command that opens a rule's documentation page (shipped with the server) in the editor. */
export const SHOW_DOCUMENTATION_COMMAND = 'agent-guardrail.showDocumentation';
