import { boundaryBefore, type ProviderDetector } from '../provider-types';
import { ASSIGN, family, mixedCase } from './shared';

export const CLOUD_PROVIDERS: ProviderDetector[] = family('cloud', [
  {
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    pattern: '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
    publicPrefix: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    minEntropy: 2.5,
  },
  {
    id: 'aws-secret-access-key',
    name: 'AWS secret access key',
    keywords: ['secret_access', 'secretaccess', 'secret-access', 'secret.access'],
    // The 40-character secret has no prefix of its own: only reported right after its well-known name.
    // Also `aws configure set aws_secret_access_key <secret>` (separated by blanks only).
    pattern: `${boundaryBefore('A-Za-z0-9')}(?:aws[_.-]?)?secret[_.-]?access[_.-]?key(?:${ASSIGN}|\\s{1,4}["'\`]?)(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    bounded: true,
    ignoreCase: true,
    minEntropy: 4.0,
  },
  {
    id: 'google-api-key',
    name: 'Google API key (Gemini, Maps, Firebase)',
    keywords: ['AIza'],
    pattern: 'AIza[0-9A-Za-z_-]{35}',
    publicPrefix: 'AIza',
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret.slice(4)),
  },
  {
    id: 'google-oauth-client-secret',
    name: 'Google OAuth client secret',
    keywords: ['GOCSPX-'],
    pattern: 'GOCSPX-[A-Za-z0-9_-]{28}',
    publicPrefix: 'GOCSPX-',
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret.slice(7)),
  },
  {
    id: 'azure-ad-client-secret',
    name: 'Microsoft Entra ID (Azure AD) client secret',
    keywords: ['Q~'],
    // Three characters, a digit, `Q~`, then 31–34 characters; `~` and `.` occur inside, so its own boundaries.
    pattern: `${boundaryBefore('A-Za-z0-9_~.-')}[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`,
    bounded: true,
    minEntropy: 3.5,
  },
  {
    id: 'digitalocean',
    name: 'DigitalOcean token',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: 'do[por]_v1_[a-f0-9]{64}',
    publicPrefix: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    minEntropy: 3.0,
  },
  {
    id: 'heroku',
    name: 'Heroku API key',
    keywords: ['HRKU-'],
    pattern: 'HRKU-AA[A-Za-z0-9_-]{58}',
    publicPrefix: 'HRKU-',
    minEntropy: 4.0,
  },
]);
