import type { ProviderDetector, ProviderExamples } from './provider-types';
import { PROVIDERS } from './providers';
import { AGENT_TOOLS_EXAMPLES } from './providers/agent-tools.examples';
import { AI_EXAMPLES } from './providers/ai.examples';
import { CLOUD_EXAMPLES } from './providers/cloud.examples';
import { DATA_EXAMPLES } from './providers/data.examples';
import { DEVTOOLS_EXAMPLES } from './providers/devtools.examples';
import { FORMATS_EXAMPLES } from './providers/formats.examples';
import { MESSAGING_EXAMPLES } from './providers/messaging.examples';
import { OBSERVABILITY_EXAMPLES } from './providers/observability.examples';
import { PAYMENTS_EXAMPLES } from './providers/payments.examples';
import { PRODUCTIVITY_EXAMPLES } from './providers/productivity.examples';

/**
 * The must-match / must-not-match examples of every detector in the catalog, keyed by detector id. They are test
 * data: only tests import this module, so the shipped bundles (and the VSIX, which marketplace secret scanners
 * check) carry none of these key-shaped strings. The values are random strings in each provider's format, written
 * from its documentation, not real keys.
 */
export const PROVIDER_EXAMPLES: Record<string, ProviderExamples> = {
  ...AI_EXAMPLES,
  ...DATA_EXAMPLES,
  ...OBSERVABILITY_EXAMPLES,
  ...AGENT_TOOLS_EXAMPLES,
  ...CLOUD_EXAMPLES,
  ...DEVTOOLS_EXAMPLES,
  ...MESSAGING_EXAMPLES,
  ...PRODUCTIVITY_EXAMPLES,
  ...PAYMENTS_EXAMPLES,
  ...FORMATS_EXAMPLES,
};

/** The catalog with each detector's examples attached, as the tests use it. */
export const PROVIDERS_WITH_EXAMPLES: (ProviderDetector & { examples: ProviderExamples })[] = PROVIDERS.map((detector) => {
  const examples = PROVIDER_EXAMPLES[detector.id];
  if (!examples) throw new Error(`provider ${detector.id} has no examples in providers/${detector.family}.examples.ts`);
  return { ...detector, examples };
});
