import { pathToFileURL } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Fix } from '../core/fixes';
import type { LineIndex } from '../core/position';
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

export function toDiagnostic(finding: Finding, root: string): Diagnostic {
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

/** A core fix as an LSP code action; edits in other files use their own URIs. */
export function toCodeAction(fix: Fix, uri: string, lines: LineIndex, root: string, diagnostic: Diagnostic | undefined, otherFileLines: (path: string) => LineIndex | undefined, selfPath: string): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    const sameFile = edit.path === selfPath;
    const index = sameFile ? lines : otherFileLines(edit.path);
    if (!index) continue;
    const target = sameFile ? uri : fileUri(root, edit.path);
    const start = index.positionAt(edit.startOffset);
    const end = index.positionAt(edit.endOffset);
    (changes[target] ??= []).push({ range: { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } }, newText: edit.newText });
  }
  const edit: WorkspaceEdit | undefined = Object.keys(changes).length ? { changes } : undefined;
  return {
    title: fix.title,
    kind: fix.kind === 'quickfix' ? CodeActionKind.QuickFix : fix.kind === 'source' ? CodeActionKind.Source : CodeActionKind.Refactor,
    ...(diagnostic && { diagnostics: [diagnostic] }),
    ...(fix.isPreferred && { isPreferred: true }),
    ...(edit && { edit }),
    ...(fix.command && { command: { title: fix.command.title, command: fix.command.id, arguments: fix.command.arguments } }),
  };
}
