import { type ProviderDetector } from '../provider-types';
import { family } from './shared';

export const OBSERVABILITY_PROVIDERS: ProviderDetector[] = family('observability', [
  {
    id: 'langsmith',
    name: 'LangSmith API key',
    keywords: ['lsv2_'],
    pattern: 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}',
    publicPrefix: ['lsv2_pt_', 'lsv2_sk_'],
    minEntropy: 3.0,
  },
  {
    id: 'langfuse',
    name: 'Langfuse secret key',
    keywords: ['sk-lf-'],
    pattern: 'sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    publicPrefix: 'sk-lf-',
    minEntropy: 3.0,
  },
  {
    id: 'sentry',
    name: 'Sentry auth token',
    keywords: ['sntryu_', 'sntrys_'],
    pattern: 'sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9_=+/-]{60,1000}',
    publicPrefix: ['sntryu_', 'sntrys_'],
    minEntropy: 3.2,
  },
  {
    id: 'grafana',
    name: 'Grafana token',
    keywords: ['glsa_', 'glc_eyJ'],
    pattern: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_eyJ[A-Za-z0-9+/]{32,400}={0,2}',
    publicPrefix: ['glsa_', 'glc_'],
    minEntropy: 3.8,
  },
]);
