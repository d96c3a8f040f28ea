import { boundaryBefore, type ProviderDetector } from '../provider-types';
import { family } from './shared';

export const FORMATS_PROVIDERS: ProviderDetector[] = family('formats', [
  {
    id: 'jwt-bearer',
    name: 'JWT bearer token',
    keywords: ['bearer'],
    // Three base64url parts after a Bearer scheme; a bare JWT elsewhere is left to the named-value check.
    pattern:
      `${boundaryBefore('A-Za-z0-9_')}(?:[Bb]earer|BEARER)\\s{1,4}(?<secret>eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,8192}\\.[A-Za-z0-9_-]{16,1024})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9_-])`,
    bounded: true,
    minEntropy: 4.0,
  },
]);
