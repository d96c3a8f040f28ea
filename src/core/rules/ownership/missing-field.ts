import type { AnalysisContext } from '../../context';
import type { AgentManifest } from '../../facts';
import type { Severity } from '../../types';
import { isPlaceholderValue } from '../../manifest/placeholders';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP, type RuleDefinition } from '../rule';

type MetadataField = 'owner' | 'description' | 'reviewBy' | 'technicalOwner' | 'revocation';

/**
 * A rule that reports a manifest whose metadata lacks one field, or holds a placeholder in it (`TODO: …`,
 * `team:your-team`, an owner at example.com), at that field if it is present, otherwise at the `metadata` key.
 * `productionOnly` limits it to `environment: production`.
 */
export function missingFieldRule(options: {
  id: `ownership/${string}`;
  field: MetadataField;
  description: string;
  defaultSeverity: Severity;
  productionOnly?: boolean;
  /** `placeholder` is empty, or ` ("team:your-team" is a placeholder)` to insert after the first clause. */
  message: (agentName: string, placeholder: string) => string;
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
        const value = manifest[options.field];
        if (value && !isPlaceholderValue(options.field, value)) return;
        const [start, end] = at(['metadata', options.field]);
        context.report(options.id, start, end, options.message(manifest.name ?? 'this agent', value ? ` (${JSON.stringify(value)} is a placeholder)` : ''));
      });
    },
  });
}
