import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';

const HIGH_RISK = new Set(['write', 'delete', 'admin', 'execute']);

export const highRiskWithoutDecision = defineRule({
  id: 'grants/high-risk-without-decision',
  description: 'A manifest tool with write, delete, admin or execute access has no run-time decision (allow, challenge or deny); an error in production.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.ASI02, OWASP.NHI5],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    forEachManifest(context, (manifest, at) => {
      manifest.tools.forEach((tool, index) => {
        if (!tool.access || !HIGH_RISK.has(tool.access) || tool.decision) return;
        const [start, end] = at(['spec', 'tools', index, 'access']);
        const production = manifest.environment === 'production';
        context.report(
          'grants/high-risk-without-decision',
          start,
          end,
          `Tool "${tool.name}" has ${tool.access} access but no decision${production ? ' in a production agent' : ''}. Add decision: challenge to have a person approve each call, or allow/deny to make the choice explicit.`,
          production ? { escalateTo: 'error' } : {},
        );
      });
    });
  },
});
