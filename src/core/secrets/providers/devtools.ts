import { hasValidCrc32Checksum } from '../checksum';
import { type ProviderDetector } from '../provider-types';
import { family, mixedCase } from './shared';

export const DEVTOOLS_PROVIDERS: ProviderDetector[] = family('devtools', [
  {
    id: 'github',
    name: 'GitHub token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    // 30 random characters + CRC32 of them in base62 (6 characters): look-alikes fail the checksum.
    pattern: 'gh[pousr]_[A-Za-z0-9]{36}',
    publicPrefix: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    validate: (secret) => hasValidCrc32Checksum(secret.slice(4)),
  },
  {
    id: 'github-fine-grained',
    name: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    pattern: 'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}',
    publicPrefix: 'github_pat_',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(11)),
  },
  {
    id: 'npm',
    name: 'npm access token',
    keywords: ['npm_'],
    pattern: 'npm_[A-Za-z0-9]{36}',
    publicPrefix: 'npm_',
    validate: (secret) => hasValidCrc32Checksum(secret.slice(4)),
  },
  {
    id: 'gitlab',
    name: 'GitLab token',
    keywords: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glsoat-', 'glcbt-', 'gloas-', 'glagent-', 'glft-', 'glimt-', 'GR1348941'],
    // Personal (classic 20 characters, or routable: payload . version . crc), pipeline trigger, deploy,
    // runner, SCIM, CI job, OAuth application, agent, feed, incoming-mail and runner registration tokens.
    pattern:
      'glpat-(?:[A-Za-z0-9_-]{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{7,9}|[A-Za-z0-9_-]{20})|glptt-[0-9a-f]{40}|gldt-[A-Za-z0-9_-]{20}' +
      '|glrt-(?:t[0-9]_[A-Za-z0-9_-]{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{7,9}|[A-Za-z0-9_-]{20})|glsoat-[A-Za-z0-9_-]{20}' +
      '|glcbt-[0-9A-Za-z]{1,5}_[A-Za-z0-9_-]{20}|gloas-[A-Za-z0-9_-]{64}|glagent-[A-Za-z0-9_-]{50}|glft-[A-Za-z0-9_-]{20}' +
      '|glimt-[A-Za-z0-9_-]{25}|GR1348941[A-Za-z0-9_-]{20}',
    publicPrefix: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glsoat-', 'glcbt-', 'gloas-', 'glagent-', 'glft-', 'glimt-', 'GR1348941'],
    minEntropy: 3.0,
  },
  {
    id: 'pypi',
    name: 'PyPI upload token',
    keywords: ['pypi-AgEIcHlwaS5vcmc'],
    pattern: 'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}',
    publicPrefix: 'pypi-',
    minEntropy: 4.0,
  },
  {
    id: 'docker-hub',
    name: 'Docker Hub access token',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    pattern: 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,64}',
    publicPrefix: ['dckr_pat_', 'dckr_oat_'],
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret.slice(9)),
  },
  {
    id: 'doppler',
    name: 'Doppler token',
    keywords: ['dp.st.', 'dp.sa.', 'dp.ct.', 'dp.pt.', 'dp.scim.', 'dp.audit.'],
    pattern: 'dp\\.(?:st|sa|ct|pt|scim|audit)\\.(?:[a-z0-9_-]{2,35}\\.)?[A-Za-z0-9]{40,44}',
    publicPrefix: ['dp.st.', 'dp.sa.', 'dp.ct.', 'dp.pt.', 'dp.scim.', 'dp.audit.'],
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(secret.lastIndexOf('.') + 1)),
  },
  {
    id: 'vault',
    name: 'HashiCorp Vault token',
    keywords: ['hvs.', 'hvb.', 'hvr.'],
    // Service (hvs.) and recovery (hvr.) tokens are 90+ characters, batch tokens (hvb.) 138+.
    pattern: 'hv[sr]\\.[A-Za-z0-9_-]{90,300}|hvb\\.[A-Za-z0-9_-]{138,400}',
    publicPrefix: ['hvs.', 'hvb.', 'hvr.'],
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(4), true),
  },
  {
    id: '1password-service-account',
    name: '1Password service account token',
    keywords: ['ops_eyJ'],
    pattern: 'ops_eyJ[A-Za-z0-9+/=_-]{100,2000}',
    publicPrefix: 'ops_',
    minEntropy: 4.0,
  },
  {
    id: 'age-secret-key',
    name: 'age secret key',
    keywords: ['AGE-SECRET-KEY-1'],
    pattern: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
    publicPrefix: 'AGE-SECRET-KEY-1',
    minEntropy: 3.5,
  },
  {
    id: 'postman',
    name: 'Postman API key',
    keywords: ['PMAK-'],
    pattern: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}',
    publicPrefix: 'PMAK-',
    minEntropy: 3.0,
  },
]);
