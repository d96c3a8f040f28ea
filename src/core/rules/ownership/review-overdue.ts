import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS, today } from '../manifest-helpers';
import { isValidIsoDate } from '../../manifest/schema';
import { defineRule, OWASP } from '../rule';

export const reviewOverdue = defineRule({
  id: 'ownership/review-overdue',
  description: "An agent manifest's access review date (metadata.reviewBy) has passed.",
  defaultSeverity: 'warning',
  owasp: [OWASP.NHI1],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    const now = today(context.now);
    forEachManifest(context, (manifest, at) => {
      if (!manifest.reviewBy || !isValidIsoDate(manifest.reviewBy) || manifest.reviewBy >= now) return;
      const [start, end] = at(['metadata', 'reviewBy']);
      context.report(
        'ownership/review-overdue',
        start,
        end,
        `The access review of agent "${manifest.name ?? 'this agent'}" was due on ${manifest.reviewBy}. Review its owner, tools and credentials, then set the next reviewBy date.`,
      );
    });
  },
});
