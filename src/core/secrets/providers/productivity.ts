import { type ProviderDetector } from '../provider-types';
import { family, mixedCase } from './shared';

export const PRODUCTIVITY_PROVIDERS: ProviderDetector[] = family('productivity', [
  {
    id: 'notion',
    name: 'Notion integration token',
    keywords: ['ntn_', 'secret_'],
    pattern: 'ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43}',
    publicPrefix: ['ntn_', 'secret_'],
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.replace(/^(?:ntn_[0-9]{11}|secret_)/, '')),
  },
  {
    id: 'linear',
    name: 'Linear API key',
    keywords: ['lin_api_'],
    pattern: 'lin_api_[A-Za-z0-9]{40}',
    publicPrefix: 'lin_api_',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(8)),
  },
  {
    id: 'atlassian',
    name: 'Atlassian API token',
    keywords: ['ATATT3'],
    pattern: 'ATATT3[A-Za-z0-9_=-]{186}',
    publicPrefix: 'ATATT3',
    minEntropy: 4.0,
  },
]);
