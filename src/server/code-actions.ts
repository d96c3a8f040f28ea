import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResolvedConfig } from '../core/config';
import { fixAllEdits, fixesFor, type FileEdit, type FixWorkspace } from '../core/fixes';
import { configSettingEdit } from '../core/fixes/config-setting';
import { LineIndex } from '../core/position';
import type { Finding } from '../core/types';
import type { WorkspaceIndex } from '../core/workspace';
import { decodeFile, readWorkspaceFile } from '../node/read';
import { toCodeActions, toWorkspaceEdit, type DiagnosticData, type FixContext } from './convert';
import { appendAll } from '../core/arrays';

/** The code action kind of "fix all": VS Code lists it under Source Action… and runs it on save when asked. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.agentGuardrail`;
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

/** What the code actions need of a workspace folder. */
export interface FixFolder {
  root: string;
  config: ResolvedConfig;
  index: WorkspaceIndex;
}

/** What the code actions need of the server. */
export interface CodeActionHost {
  findingsOf(folder: FixFolder, path: string): Finding[];
  openDocuments(folder: FixFolder): Map<string, TextDocument>;
  now(): Date;
  /** The client asks for choices itself (the VS Code extension's chooseAndApplyFix command). */
  clientChooses: boolean;
}

/** The workspace as fixes see it: open documents first, then the disk. */
export function fixWorkspace(folder: FixFolder, host: CodeActionHost): FixWorkspace & { lines: (path: string) => LineIndex | undefined } {
  const openByPath = host.openDocuments(folder);
  const readText = (other: string): string | undefined => {
    const open = openByPath.get(other);
    if (open) return open.getText();
    // Only a regular file inside the folder (real path), never a FIFO.
    const bytes = readWorkspaceFile(folder.root, other, folder.config.maxFileSize);
    return bytes && decodeFile(other, bytes, []);
  };
  return {
    files: folder.index.paths(),
    readText,
    lines: (other) => {
      const text = readText(other);
      return text === undefined ? undefined : new LineIndex(text);
    },
  };
}

/** Does a code action request want our fix-all (asked for `source`, `source.fixAll` or ours)? */
function wantsKind(only: string[] | undefined, kind: string): boolean {
  return Boolean(only?.some((requested) => kind === requested || kind.startsWith(`${requested}.`)));
}

/** Every safe fix of a file as edits of that file, only what changes (what fix-all and codeActionsOnSave apply). */
export function safeFixEdits(folder: FixFolder, host: CodeActionHost, path: string, text: string): FileEdit[] {
  const workspace = fixWorkspace(folder, host);
  return fixAllEdits({ path, text, config: folder.config, workspace, today: host.now().toISOString().slice(0, 10), findings: host.findingsOf(folder, path) });
}

export function codeActions(params: CodeActionParams, document: TextDocument, folder: FixFolder, path: string, host: CodeActionHost): CodeAction[] {
  const text = document.getText();
  const lines = new LineIndex(text);
  const findings = host.findingsOf(folder, path);
  const actions: CodeAction[] = [];
  const workspace = fixWorkspace(folder, host);
  const today = host.now().toISOString().slice(0, 10);
  const context = (diagnostic?: FixContext['diagnostic']): FixContext => ({
    uri: document.uri,
    lines,
    root: folder.root,
    selfPath: path,
    otherFileLines: workspace.lines,
    ...(diagnostic && { diagnostic }),
    clientChooses: host.clientChooses,
    recordChoice: (setting, value) => (setting === 'agentGuardrail.broker' ? configSettingEdit(workspace, 'broker', value) : undefined),
  });
  const only = params.context.only;
  const wantsQuickFixes = !only || wantsKind(only, CodeActionKind.QuickFix);
  let anySafe = false;
  if (wantsQuickFixes) {
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnostic.data as DiagnosticData | undefined;
      if (diagnostic.source !== 'Agent Guardrail' || !data) continue;
      const finding = findings.find((candidate) => candidate.ruleId === data.ruleId && candidate.startOffset === data.startOffset && candidate.fingerprint === data.fingerprint);
      if (!finding) continue;
      for (const fix of fixesFor({ path, text, finding, config: folder.config, workspace, today })) {
        if (fix.safe && fix.edits.every((edit) => edit.path === path && !edit.create)) anySafe = true;
        appendAll(actions, toCodeActions(fix, context(diagnostic)));
      }
    }
  }
  const wantsFixAll = wantsKind(only, FIX_ALL_KIND);
  // In the light bulb next to a problem that has a safe fix, and in Source Action… / on save.
  if (wantsFixAll || anySafe) {
    const edits = fixAllEdits({ path, text, config: folder.config, workspace, today, findings });
    const converted = edits.length ? toWorkspaceEdit(edits, context()).edit : undefined;
    if (converted) actions.push({ title: FIX_ALL_TITLE, kind: wantsFixAll ? FIX_ALL_KIND : CodeActionKind.QuickFix, edit: converted });
  }
  return actions;
}
