import { type ProviderDetector } from '../provider-types';
import { family, mixedCase } from './shared';

export const PAYMENTS_PROVIDERS: ProviderDetector[] = family('payments', [
  {
    id: 'stripe',
    name: 'Stripe live secret key',
    keywords: ['sk_live_', 'rk_live_'],
    // Secret and restricted live-mode keys. Test-mode keys and pk_ publishable keys are not secrets worth a finding.
    pattern: '[sr]k_live_[A-Za-z0-9]{24,247}',
    publicPrefix: ['sk_live_', 'rk_live_'],
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret.slice(8)),
  },
  {
    id: 'webhook-signing-secret',
    name: 'Webhook signing secret (Stripe, Svix)',
    keywords: ['whsec_'],
    pattern: 'whsec_[A-Za-z0-9+/]{32,88}={0,2}',
    publicPrefix: 'whsec_',
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret.slice(6)),
  },
  {
    id: 'shopify',
    name: 'Shopify access token',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: 'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}',
    publicPrefix: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    minEntropy: 2.8,
  },
]);
