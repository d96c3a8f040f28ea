import type { AnalysisContext } from '../../context';
import type { AgentManifest } from '../../facts';
import type { Severity } from '../../types';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP, type RuleDefinition } from '../rule';

type MetadataField = 'owner' | 'description' | 'reviewBy' | 'technicalOwner' | 'revocation';

/**
 * A rule that reports a manifest whose metadata lacks one field, at that field if it is present but empty,
 * otherwise at the `metadata` key. `productionOnly` limits it to `environment: production`.
 */
export function missingFieldRule(options: {
  id: `ownership/${string}`;
  field: MetadataField;
  description: string;
  defaultSeverity: Severity;
  productionOnly?: boolean;
  message: (agentName: string) => string;
}): RuleDefinition {
  return defineRule({
    id: options.id,
    description: options.description,
    defaultSeverity: options.defaultSeverity,
    fixable: true,
    owasp: [OWASP.NHI1],
    fileKinds: MANIFEST_KINDS,
    check(context: AnalysisContext) {
      forEachManifest(context, (manifest: AgentManifest, at) => {
        if (options.productionOnly && manifest.environment !== 'production') return;
        if (manifest[options.field]) return;
        const [start, end] = at(['metadata', options.field]);
        context.report(options.id, start, end, options.message(manifest.name ?? 'this agent'));
      });
    },
  });
}
