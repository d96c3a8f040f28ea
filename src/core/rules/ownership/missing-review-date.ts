import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';

export const missingReviewDate = defineRule({
  id: 'ownership/missing-review-date',
  description: 'An agent manifest has no next access review date (metadata.reviewBy).',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI1],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    forEachManifest(context, (manifest, at) => {
      if (manifest.reviewBy) return;
      const [start, end] = at(['metadata', 'reviewBy']);
      const name = manifest.name ?? 'this agent';
      context.report('ownership/missing-review-date', start, end, `Agent "${name}" has no access review date. Add metadata.reviewBy (YYYY-MM-DD) so its access is re-approved on a schedule.`);
    });
  },
});
