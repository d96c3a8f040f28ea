import { type ProviderDetector } from '../provider-types';
import { family, mixedCase } from './shared';

export const AGENT_TOOLS_PROVIDERS: ProviderDetector[] = family('agent-tools', [
  {
    id: 'tavily',
    name: 'Tavily API key',
    keywords: ['tvly-'],
    pattern: 'tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}',
    publicPrefix: ['tvly-dev-', 'tvly-prod-', 'tvly-'],
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret.replace(/^tvly-(?:dev-|prod-)?/, '')),
  },
  {
    id: 'e2b',
    name: 'E2B API key',
    keywords: ['e2b_'],
    pattern: 'e2b_[a-f0-9]{40}',
    publicPrefix: 'e2b_',
    minEntropy: 3.0,
  },
  {
    id: 'firecrawl',
    name: 'Firecrawl API key',
    keywords: ['fc-'],
    pattern: 'fc-[a-f0-9]{32}',
    publicPrefix: 'fc-',
    minEntropy: 2.8,
  },
]);
