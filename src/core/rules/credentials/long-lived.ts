import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';

export function formatDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

export const longLived = defineRule({
  id: 'credentials/long-lived',
  description: 'A manifest credential lives longer than the policy maximum (default 1h), or a production credential has no broker.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI7, OWASP.ASI03],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    const max = context.config.maxCredentialTtlSeconds;
    forEachManifest(context, (manifest, at) => {
      manifest.credentials.forEach((credential, index) => {
        if (credential.ttlSeconds !== undefined && credential.ttlSeconds > max) {
          const [start, end] = at(['spec', 'credentials', index, 'ttl']);
          context.report(
            'credentials/long-lived',
            start,
            end,
            `Credential "${credential.name}" lives ${credential.ttl}, longer than the ${formatDuration(max)} maximum. Ask the broker for task-scoped credentials that expire in ${formatDuration(max)} or less.`,
          );
        }
        if (manifest.environment === 'production' && !credential.broker) {
          const [start, end] = at(['spec', 'credentials', index, 'name']);
          context.report(
            'credentials/long-lived',
            start,
            end,
            `Production credential "${credential.name}" has no broker, so nothing issues or expires it. Set broker (vault, aws-sts, gcp-secret-manager, azure-managed-identity …) and a short ttl.`,
            { fingerprintBasis: `no-broker:${credential.name}` },
          );
        }
      });
    });
  },
});
