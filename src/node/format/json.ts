import type { AuditReport } from '../audit';
import { docsUrl, redactReport, sortFindings, summarize, TOOL_NAME, TOOL_VERSION } from './common';

/** Machine-readable report. Positions are 1-based here, like every user-facing format; paths relative to `root`. */
export function formatJson(unredacted: AuditReport): string {
  const report = redactReport(unredacted);
  const summary = summarize(report);
  return (
    JSON.stringify(
      {
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        // Finding paths are relative to this folder (the audited root: the git top, or the folder holding the config).
        root: report.root,
        summary: { errors: summary.error, warnings: summary.warning, notes: summary.note, suppressed: summary.suppressed, baselined: report.baselined, filesAnalyzed: report.filesAnalyzed },
        findings: sortFindings(report.findings).map((finding) => ({
          ruleId: finding.ruleId,
          severity: finding.severity,
          message: finding.message,
          file: finding.file,
          line: finding.range.start.line + 1,
          column: finding.range.start.column + 1,
          endLine: finding.range.end.line + 1,
          endColumn: finding.range.end.column + 1,
          fingerprint: finding.fingerprint,
          ...(finding.redacted !== undefined && { redacted: finding.redacted }),
          ...(finding.provider !== undefined && { provider: finding.provider }),
          docsUrl: docsUrl(finding.ruleId),
          ...(finding.suppression && { suppression: finding.suppression }),
          ...(finding.related && {
            related: finding.related.map((related) => ({ file: related.file, line: related.range.start.line + 1, column: related.range.start.column + 1, message: related.message })),
          }),
        })),
        notes: report.notes,
      },
      null,
      2,
    ) + '\n'
  );
}
