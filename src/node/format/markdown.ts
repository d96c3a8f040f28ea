import type { AuditReport } from '../audit';
import { activeFindings, docsUrl, groupByFile, plural, printable, redactReport, summarize } from './common';

function cell(text: string): string {
  return printable(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
}

/** A report to paste into a pull request or an access review. */
export function formatMarkdown(unredacted: AuditReport): string {
  const report = redactReport(unredacted);
  const summary = summarize(report);
  const lines = ['# Agent Guardrail audit', ''];
  const total = summary.error + summary.warning + summary.note;
  lines.push(
    total
      ? `**${plural(total, 'problem')}** (${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${plural(summary.note, 'note')}) in ${plural(summary.files, 'file')}; ${plural(report.filesAnalyzed, 'file')} analysed.`
      : `No problems; ${plural(report.filesAnalyzed, 'file')} analysed.`,
  );
  if (summary.suppressed) lines.push('', `${summary.suppressed} suppressed finding${summary.suppressed === 1 ? '' : 's'} not listed.`);
  for (const [file, findings] of groupByFile(activeFindings(report))) {
    lines.push('', `## \`${printable(file)}\``, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
    for (const finding of findings) {
      lines.push(`| ${finding.range.start.line + 1}:${finding.range.start.column + 1} | ${finding.severity} | [${finding.ruleId}](${docsUrl(finding.ruleId)}) | ${cell(finding.message)} |`);
    }
  }
  const skipped = report.notes.filter((note) => note.kind !== 'partial');
  if (report.notes.length) {
    lines.push('', '<details><summary>' + plural(report.notes.length, 'file note') + (skipped.length ? ` (${skipped.length} skipped or unreadable)` : '') + '</summary>', '');
    for (const note of report.notes) lines.push(`- \`${printable(note.file)}\`: ${note.kind}, ${cell(note.reason)}`);
    lines.push('', '</details>');
  }
  return lines.join('\n') + '\n';
}
