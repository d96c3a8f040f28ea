import type { ProviderDetector } from './provider-types';
import { AGENT_TOOLS_PROVIDERS } from './providers/agent-tools';
import { AI_PROVIDERS } from './providers/ai';
import { CLOUD_PROVIDERS } from './providers/cloud';
import { DATA_PROVIDERS } from './providers/data';
import { DEVTOOLS_PROVIDERS } from './providers/devtools';
import { FORMATS_PROVIDERS } from './providers/formats';
import { MESSAGING_PROVIDERS } from './providers/messaging';
import { OBSERVABILITY_PROVIDERS } from './providers/observability';
import { PAYMENTS_PROVIDERS } from './providers/payments';
import { PRODUCTIVITY_PROVIDERS } from './providers/productivity';

/**
 * The provider and format catalog, one file per family under providers/. Each entry's must-match / must-not-match
 * examples live beside it in providers/<family>.examples.ts (keyed by id; checked by test/unit/providers.test.ts),
 * so that the shipped bundles hold no key-shaped strings.
 *
 * Patterns are linear-time by construction: a literal prefix (or a boundary lookbehind) first, then bounded
 * quantifiers over character classes, never a quantified group that can match the same text two ways.
 */
export const PROVIDERS: readonly ProviderDetector[] = [
  ...AI_PROVIDERS,
  ...DATA_PROVIDERS,
  ...OBSERVABILITY_PROVIDERS,
  ...AGENT_TOOLS_PROVIDERS,
  ...CLOUD_PROVIDERS,
  ...DEVTOOLS_PROVIDERS,
  ...MESSAGING_PROVIDERS,
  ...PRODUCTIVITY_PROVIDERS,
  ...PAYMENTS_PROVIDERS,
  ...FORMATS_PROVIDERS,
];
