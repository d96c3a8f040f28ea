import { getRule } from '../../core/rules';
import type { Finding, Severity } from '../../core/types';
import type { AuditReport } from '../audit';

export const TOOL_NAME = 'agent-guardrail';
export { TOOL_VERSION } from '../version';
export const INFORMATION_URI = 'https://github.com/agent-guardrail/agent-guardrail';

export interface Summary {
  error: number;
  warning: number;
  note: number;
  suppressed: number;
  files: number;
}

const redacted = new WeakSet<AuditReport>();

/**
 * The report as it may be written: every finding and note text through the run's redactor (src/core/redaction.ts).
 * Every formatter starts here; the result is marked so that formatting it again does not redact twice.
 */
export function redactReport(report: AuditReport): AuditReport {
  if (redacted.has(report)) return report;
  const { redactor } = report;
  const safe = { ...report, findings: report.findings.map((finding) => redactor.finding(finding)), notes: report.notes.map((note) => redactor.note(note)) };
  redacted.add(safe);
  return safe;
}

/** Control characters, and the Unicode ones that reorder or break lines (bidirectional overrides, separators). */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from the audited files (file names, quoted values) as it may go to a terminal or a Markdown page: control
 * characters are escaped (`\x1b`, `\n`, `\u202e`), so a file name cannot move the cursor, recolour the terminal,
 * forge a report line or reverse the text around it.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const code = character.charCodeAt(0);
    return NAMED_ESCAPES[character] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

export function activeFindings(report: AuditReport): Finding[] {
  return report.findings.filter((finding) => !finding.suppression);
}

export function summarize(report: AuditReport): Summary {
  const summary: Summary = { error: 0, warning: 0, note: 0, suppressed: 0, files: new Set<string>().size };
  const files = new Set<string>();
  for (const finding of report.findings) {
    if (finding.suppression) {
      summary.suppressed++;
      continue;
    }
    summary[finding.severity]++;
    files.add(finding.file);
  }
  summary.files = files.size;
  return summary;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || (a.ruleId < b.ruleId ? -1 : 1),
  );
}

export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of sortFindings(findings)) {
    const list = groups.get(finding.file) ?? [];
    list.push(finding);
    groups.set(finding.file, list);
  }
  return groups;
}

export function docsUrl(ruleId: string): string {
  return getRule(ruleId).docsUrl;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export const SEVERITY_ORDER: Record<Severity, number> = { note: 1, warning: 2, error: 3 };
