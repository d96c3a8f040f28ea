import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';

export const missingPurpose = defineRule({
  id: 'ownership/missing-purpose',
  description: "An agent manifest does not state the agent's purpose (metadata.description).",
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI1],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    forEachManifest(context, (manifest, at) => {
      if (manifest.description) return;
      const [start, end] = at(['metadata', 'description']);
      const name = manifest.name ?? 'this agent';
      context.report('ownership/missing-purpose', start, end, `Agent "${name}" has no stated purpose. Add metadata.description with the business process it serves, so reviewers can judge whether its access fits the task.`);
    });
  },
});
