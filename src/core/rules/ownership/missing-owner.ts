import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';

export const missingOwner = defineRule({
  id: 'ownership/missing-owner',
  description: 'An agent manifest names no accountable owner (metadata.owner).',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI1],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    forEachManifest(context, (manifest, at) => {
      if (manifest.owner) return;
      const [start, end] = at(['metadata', 'owner']);
      const name = manifest.name ?? 'this agent';
      context.report('ownership/missing-owner', start, end, `Agent "${name}" has no accountable owner. Add metadata.owner (team:<name>, group:<name> or user:<email>): someone must answer for what the agent does and approve its access.`);
    });
  },
});
