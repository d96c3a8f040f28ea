import type { AuditReport } from '../audit';
import { activeFindings, groupByFile, plural, printable, redactReport, summarize } from './common';

export interface TextOptions {
  color: boolean;
  verbose: boolean;
  /** How a root-relative path is shown (relative to the current directory); default as is. */
  displayPath?: (file: string) => string;
  /** Terminal width: messages wrap under themselves instead of under the position. Undefined: no wrapping. */
  columns?: number;
}

const codes = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4, green: 32 } as const;

/**
 * ESLint-style report: findings grouped by file, `line:col  severity  rule-id  message`, then a summary line. The rule
 * id comes before the (long) message so that it stays in view when the terminal wraps.
 */
export function formatText(unredacted: AuditReport, options: TextOptions): string {
  const report = redactReport(unredacted);
  const paint = (code: keyof typeof codes, text: string) => (options.color ? `\u001b[${codes[code]}m${text}\u001b[0m` : text);
  const severityColor = { error: 'red', warning: 'yellow', note: 'blue' } as const;
  const lines: string[] = [];
  const show = options.displayPath ?? ((file: string) => file);
  for (const [file, findings] of groupByFile(activeFindings(report))) {
    lines.push(paint('underline', printable(show(file))));
    const rows = findings.map((finding) => ({
      position: `${finding.range.start.line + 1}:${finding.range.start.column + 1}`,
      severity: finding.severity,
      message: printable(finding.message),
      rule: finding.ruleId,
    }));
    const positionWidth = rows.reduce((width, row) => Math.max(width, row.position.length), 0);
    const ruleWidth = rows.reduce((width, row) => Math.max(width, row.rule.length), 0);
    const indent = 2 + positionWidth + 2 + 7 + 2 + ruleWidth + 2;
    for (const row of rows) {
      const message = wrap(row.message, options.columns ? options.columns - indent : Infinity).join(`\n${' '.repeat(indent)}`);
      lines.push(`  ${paint('gray', row.position.padEnd(positionWidth))}  ${paint(severityColor[row.severity], row.severity.padEnd(7))}  ${paint('gray', row.rule.padEnd(ruleWidth))}  ${message}`);
    }
    lines.push('');
  }

  const skipped = report.notes.filter((note) => note.kind !== 'partial' || options.verbose);
  const partial = report.notes.filter((note) => note.kind === 'partial');
  if (options.verbose && report.notes.length) {
    lines.push(paint('bold', 'Notes'));
    for (const note of report.notes) lines.push(`  ${printable(show(note.file))}  ${paint('gray', note.kind)}  ${printable(note.reason)}`);
    lines.push('');
  } else if (partial.length) {
    for (const note of partial) lines.push(`${paint('gray', 'note')} ${printable(show(note.file))}: ${printable(note.reason)}`);
    lines.push('');
  }

  const summary = summarize(report);
  const total = summary.error + summary.warning + summary.note;
  const parts = [`${plural(summary.error, 'error')}`, `${plural(summary.warning, 'warning')}`, `${plural(summary.note, 'note')}`];
  const extras = [`${plural(report.filesAnalyzed, 'file')} analysed`];
  const skippedCount = skipped.filter((note) => note.kind === 'skipped').length;
  if (skippedCount) extras.push(`${skippedCount} skipped${options.verbose ? '' : ' (--verbose lists them)'}`);
  const errors = report.notes.filter((note) => note.kind === 'error').length;
  if (errors && !options.verbose) extras.push(`${plural(errors, 'file')} could not be read (--verbose lists them)`);
  if (summary.suppressed) extras.push(`${summary.suppressed} suppressed`);
  if (report.baselined) extras.push(`${report.baselined} in the baseline`);
  const headline = total
    ? paint(summary.error ? 'red' : 'yellow', `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(summary.files, 'file')}`)
    : paint('green', '✔ no problems');
  lines.push(`${headline} · ${extras.join(' · ')}`);
  return lines.join('\n') + '\n';
}

/** Words into lines of at most `width` characters (a longer word gets a line of its own); narrow terminals: no wrap. */
function wrap(text: string, width: number): string[] {
  if (text.length <= width || width < 30) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
