import { type ProviderDetector } from '../provider-types';
import { family, mixedCase } from './shared';

export const DATA_PROVIDERS: ProviderDetector[] = family('data', [
  {
    id: 'pinecone',
    name: 'Pinecone API key',
    keywords: ['pcsk_'],
    pattern: 'pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}',
    publicPrefix: 'pcsk_',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(5)),
  },
  {
    id: 'supabase',
    name: 'Supabase access token or secret key',
    keywords: ['sbp_', 'sb_secret_'],
    pattern: 'sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,80}',
    publicPrefix: ['sbp_', 'sb_secret_'],
    minEntropy: 3.0,
  },
  {
    id: 'databricks',
    name: 'Databricks access token',
    keywords: ['dapi'],
    pattern: 'dapi[a-f0-9]{32}(?:-[0-9])?',
    publicPrefix: 'dapi',
    minEntropy: 2.8,
  },
]);
