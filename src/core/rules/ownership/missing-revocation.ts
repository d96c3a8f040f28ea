import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';

export const missingRevocation = defineRule({
  id: 'ownership/missing-revocation',
  description: 'A production agent manifest does not say how to revoke the agent (metadata.revocation).',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI1],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    forEachManifest(context, (manifest, at) => {
    if (manifest.environment !== 'production') return;
      if (manifest.revocation) return;
      const [start, end] = at(['metadata', 'revocation']);
      const name = manifest.name ?? 'this agent';
      context.report('ownership/missing-revocation', start, end, `Production agent "${name}" has no revocation path. Add metadata.revocation (a runbook URL or the steps) so its access can be cut off at once in an incident.`);
    });
  },
});
