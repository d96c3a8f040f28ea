import { pathToFileURL } from 'node:url';
import { RULES } from '../../core/rules';
import type { AuditReport } from '../audit';
import { readRuleDocs } from '../docs';
import { INFORMATION_URI, redactReport, sortFindings, TOOL_NAME, TOOL_VERSION } from './common';

/**
 * A root-relative path as a relative URI reference: every segment percent-encoded, so that spaces, non-ASCII
 * letters, `%`, `#` and `?` in file names survive (encodeURI would leave `#` and `?` to start a fragment or query).
 */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 as GitHub code scanning accepts it: relative URIs under %SRCROOT%, 1-based regions, fingerprints. */
export function formatSarif(unredacted: AuditReport): string {
  const report = redactReport(unredacted);
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const rootUri = pathToFileURL(report.root.endsWith('/') ? report.root : report.root + '/').href;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: INFORMATION_URI,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
              shortDescription: { text: rule.description },
              fullDescription: { text: `${rule.description}${rule.owasp.length ? ` (${rule.owasp.map((ref) => `OWASP ${ref.id} ${ref.title}`).join('; ')})` : ''}` },
              // The whole documentation page, so code scanning shows it without a link to follow.
              help: ruleHelp(rule.id, rule.description),
              defaultConfiguration: { level: rule.defaultSeverity },
              properties: {
                tags: ['security', rule.category, ...rule.owasp.map((ref) => `owasp-${ref.id}`)],
                precision: rule.category === 'secrets' ? 'high' : 'medium',
                'security-severity': rule.defaultSeverity === 'error' ? '8.0' : rule.defaultSeverity === 'warning' ? '5.0' : '2.0',
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        results: sortFindings(report.findings).map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIndex.get(finding.ruleId),
          level: finding.severity,
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(finding.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: finding.range.start.line + 1,
                  startColumn: finding.range.start.column + 1,
                  endLine: finding.range.end.line + 1,
                  endColumn: finding.range.end.column + 1,
                },
              },
            },
          ],
          partialFingerprints: { 'agentGuardrailFingerprint/v1': finding.fingerprint },
          ...(finding.related && {
            relatedLocations: finding.related.map((related, id) => ({
              id,
              message: { text: related.message },
              physicalLocation: {
                artifactLocation: { uri: relativeUri(related.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: related.range.start.line + 1, startColumn: related.range.start.column + 1 },
              },
            })),
          }),
          ...(finding.suppression && {
            suppressions: [{ kind: finding.suppression.kind, justification: finding.suppression.justification }],
          }),
          ...(finding.provider && { properties: { provider: finding.provider, redacted: finding.redacted } }),
        })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notes.map((note) => ({
              level: note.kind === 'error' ? 'error' : 'note',
              message: { text: `${note.file}: ${note.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(note.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function ruleHelp(ruleId: string, description: string): { text: string; markdown: string } {
  const page = readRuleDocs(ruleId) ?? `# ${ruleId}\n\n${description}\n\nRun \`agent-guardrail explain ${ruleId}\` for the documentation.\n`;
  return { text: page, markdown: page };
}
