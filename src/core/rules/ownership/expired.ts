import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS, today } from '../manifest-helpers';
import { isValidIsoDate } from '../../manifest/schema';
import { defineRule, OWASP } from '../rule';

export const expired = defineRule({
  id: 'ownership/expired',
  description: "An agent manifest's end of life (metadata.expires) has passed, yet the agent is still declared.",
  defaultSeverity: 'error',
  owasp: [OWASP.NHI1],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    const now = today(context.now);
    forEachManifest(context, (manifest, at) => {
      if (!manifest.expires || !isValidIsoDate(manifest.expires) || manifest.expires >= now) return;
      const [start, end] = at(['metadata', 'expires']);
      context.report(
        'ownership/expired',
        start,
        end,
        `Agent "${manifest.name ?? 'this agent'}" expired on ${manifest.expires}. Revoke its credentials and remove it, or extend expires after a review.`,
      );
    });
  },
});
