import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';

export const missingTechnicalOwner = defineRule({
  id: 'ownership/missing-technical-owner',
  description: 'A production agent manifest names no reachable engineer (metadata.technicalOwner).',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI1],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    forEachManifest(context, (manifest, at) => {
    if (manifest.environment !== 'production') return;
      if (manifest.technicalOwner) return;
      const [start, end] = at(['metadata', 'technicalOwner']);
      const name = manifest.name ?? 'this agent';
      context.report('ownership/missing-technical-owner', start, end, `Production agent "${name}" has no technical owner. Add metadata.technicalOwner (user:<email>) so an engineer can be reached when it misbehaves.`);
    });
  },
});
