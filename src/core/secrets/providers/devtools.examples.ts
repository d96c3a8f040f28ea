import { base62, crc32 } from '../checksum';
import type { ProviderExamples } from '../provider-types';

/**
 * A GitHub/npm-format example token: prefix + 30 random characters + their CRC32 in base62. Computed when the
 * module loads, so that this source file holds no checksum-valid token literal.
 */
function checksummed(prefix: string, random: string): string {
  return prefix + random + base62(crc32(random), 6);
}

/** The same token with its last checksum character changed: format-valid, checksum-invalid. */
function badChecksum(prefix: string, random: string): string {
  const token = checksummed(prefix, random);
  return token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
}

export const DEVTOOLS_EXAMPLES: Record<string, ProviderExamples> = {
  'github': {
    match: [
      checksummed('ghp_', 'rPXjInHCMvLQR8sqQudNDz3kqIVhp9'),
      checksummed('gho_', 'zBuzaqIYoeOo780kec4KHEo8UGP6NF'),
      checksummed('ghu_', 'Vwyaj6iZqhF3JLSgTt1QB53WyrHj5P'),
      checksummed('ghs_', 'QuWojpnhp6W7Kj0UmJOjPC0yHhhxhx'),
      checksummed('ghr_', 'p0AvORHLT27tuxeUjLEl3y3SSEfCfZ'),
      checksummed('ghp_', 'fcpVLS936LP9UN7mtUIEUgVynsuRu7'),
    ],
    noMatch: [
      badChecksum('ghp_', '8tAcwyP8dXPTMJ1CJwxH6T2O7ll8hD'),
      badChecksum('ghs_', 'yUrM5q3uYeF8z6MnSktromY5SKmLPi'),
      'ghp_8tAcwyP8dXPTMJ1CJwxH6T2O7ll8hD041Sha',
      'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ghp_************************************',
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      'ghp_...',
      `${checksummed('ghp_', 'rPXjInHCMvLQR8sqQudNDz3kqIVhp9')}x`,
      `x${checksummed('gho_', 'zBuzaqIYoeOo780kec4KHEo8UGP6NF')}`,
      checksummed('ghx_', 'Vwyaj6iZqhF3JLSgTt1QB53WyrHj5P'),
    ],
  },
  'github-fine-grained': {
    match: ['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', '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', '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'],
    noMatch: [
      'github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'github_pat_...',
      'github_pat_<your-token>',
      'github_pat_113YCM6B3CAP2WSXOSQWFX_MrawwiVZwScGqlVWDYgJMKRMcdKsNolHPnGHVqbEMHe9pifEnwfSGFRzyP',
      '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Z',
      'github_pat_gc5xVQs80zE1GWs584qZ5Y-2tOVhaoqW5ZqHve9NAkcPDOU6jJKQo0jrbzyszOfzYIrQAyTSpQpkPQesHU',
    ],
  },
  'npm': {
    match: [
      checksummed('npm_', 'bJHApfNL2JndyY2KGk2r5L9n86gLFf'),
      checksummed('npm_', 'T7r1m17J5g3CVe8HyoUjl4ac588lfa'),
      checksummed('npm_', 'vaejpfTlWpxhNMNgApdXdwrybUpJN0'),
    ],
    noMatch: [
      badChecksum('npm_', 'KEIhxICm8HOYlh1uuMUPUrkXKWwzGu'),
      'npm_KEIhxICm8HOYlh1uuMUPUrkXKWwzGu4Orhoa',
      'npm_config_registry_url_setting_name',
      'npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      `${checksummed('npm_', 'bJHApfNL2JndyY2KGk2r5L9n86gLFf')}0`,
      `pnpm_${checksummed('npm_', 'T7r1m17J5g3CVe8HyoUjl4ac588lfa').slice(4)}`,
    ],
  },
  'gitlab': {
    match: ['glpat-KwvgiXc3sPU2qPvXOvsi', 'glpat-_EOZfrFoOeDjHLRz6iwW', 'glpat-o0_mtB_skDTpC7UrvFlXJ2NH5Ur.01.ya0t8qah9', 'glpat-e4bdr16EDOaNETvvoT3eeC26HvN4KWWhvR_5.j4paqgd4q', 'glptt-d818821582c4db3c7748409800e2bea8fdb56e14', 'gldt-tjoLdFhDAOEONr7Gj__s', 'glrt-PM_s-jDKqX0uTKe2zg1y', 'glrt-t1_UqGlnPLBbYFRdknNUrgHrhB4YHQ.01.08yx9etix', 'gloas-pkKuCIgs0aGe-nY0pV05VyqlaxgNknd2XUkT_ql6B85PK0pNoRhudJUKf817wu6f', 'glcbt-jIamk_q1asUWFmmiN7_dHhhkfk', 'glagent-WEZIxuhoNDnLKa6gIZOssG5s6dev8Kfox6Risy2allAl8crAii', 'GR1348941M0_0vVKAcHL0qvRf7cwG'],
    noMatch: [
      'glpat-xxxxxxxxxxxxxxxxxxxx',
      'glpat-...',
      'glpat-<your-token>',
      'glpat-XXXXXXXXXXX-XXXXXXXX',
      'glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx',
      'GR134894112312312312312312312',
      'glpat-KwvgiXc3sPU2qPvXOvs',
      'glpat-_EOZfrFoOeDjHLRz6iwWZ',
      'glptt-d818821582c4db3c7748409800e2bea8fdb56e1',
    ],
  },
  'pypi': {
    match: ['pypi-AgEIcHlwaS5vcmccE8wT90CzJqkngt3eWHtgQ62K8ugnl8OyuTGiAwATGXZmWC-XTzw6viOr6KN-lQTkhII-ZZd0Wt0j3w6bi6-UCoibsKniDQqkiIKlbQ-AwUQDiO1dVubKbBM4gVKgyu1horHlfUnRLTVhZwOggJ9j9nJCcEH3_lJ', 'pypi-AgEIcHlwaS5vcmcCJDMix9Cvg81O-eiirJWj4Qi2dYiNlhymPmRqbsCL2YJCy5yd9qzAhWYAoAZqNOOBLdf7Fs3oLzr7ZRRm4PXqgKsgGX8l7MHTm-mGAjA_eTRgQzwxgAk0ixbD3K3GDjcoEbCj0VuCiPl4ig'],
    noMatch: ['pypi-AgEIcHlwaS5vcmc...', 'pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pypi-AgEIcHlwaS5vcmccE8wT90CzJqkngt3eWHtgQ62K8ugnl8OyuTGiAwA'],
  },
  'docker-hub': {
    match: ['dckr_pat_letqBTPKVAOCF94CD1uoCho3u8P', 'dckr_pat_-amsJYngzTHcdQ9GV6A1gy2ROho', 'dckr_oat_W4oYFrlGtMeqMQcr7dRo-Sosj8Q2xTTa'],
    noMatch: ['dckr_pat_...', 'dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dckr_pat_letqBTPKVAOCF94CD1uoCho3u'],
  },
  'doppler': {
    match: ['dp.st.tUxOXY5l57kgiOMhVkNoMmHKNFtVg1RudrqzK6SBGkh', 'dp.st.prd.lWXm5FqvjIWGodT607KGnbtXAMMCfMxY3HyGvMAS52P', 'dp.pt.ysSXjxbHiiQQGEFsKo2kp4o3sEJnkwFuCOVZgRsDlpp', 'dp.sa.eRs8dvcMm0Jy0s03sXggIgYv6J53CzxGzJ4HjPplCIP'],
    noMatch: ['dp.st.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dp.st.dev.<token>', 'dp.st.tUxOXY5l57kgiOMhVkNoMmHKNFtVg1Rudr', 'dp.pt.ysSXjxbHiiQQGEFsKo2kp4o3sEJnkwFuCOVZgRsDlppZk3Q'],
  },
  'vault': {
    match: ['hvs.CAESI_p8alKjMtw9Hzj99qOMOja2iUz8Ptr_HF-mp-dCScdXJIHDvEqzZyxK7iKaeyjTnVjES3ODvvS__yl5j8sgDdm', 'hvs.CAESI80ZuPilHaXw529Od7W0_NRBVoPA19zE8ni231dapMpPO5Q3p37y79D9Ulo_IMRXaogtn40YvoPGPZc-Y5DpdcP', 'hvb.AAAAAQ4UAmaV34phMXIOruQOqXDYiWhfxxL5pnAKCTq8yzL5q25RUQ46_SMDwyb-j-qmP2Ky6tABH6SwXt4jnRdSKVluCwoUiEsGnd7WQ1sQ0AE4-LAPzA_onyuuXTRwgs2y611Qgkm8PuhZu0'],
    noMatch: [
      'hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'hvs.CAESI...',
      'this.hvs.configurationValueForTheApp',
      'hvs.RN1t7NlciRMPZ2EDPB62ER9j',
      'hvs.CAESI_p8alKjMtw9Hzj99qOMOja2iUz8Ptr_HF-mp-dCScdXJIHDvEqzZyxK7iKaeyjTnVjES3OD',
      'hvb.AAAAAQ4UAmaV34phMXIOruQOqXDYiWhfxxL5pnAKCTq8yzL5q25RUQ46_SMDwyb-j-qmP2Ky6tABH6SwXt4jnRdSKVluCwoUiEsGnd7WQ1sQ0AE4-LAP',
    ],
  },
  '1password-service-account': {
    match: ['ops_eyJvoMnKTz9+OphasLKjzpi/RVFX6n+lJSDNSN8/Xo9SLCx3uzOPN61Wf4m0GHmd8cUxASobeihYfuB+wGTIj8Dhzy2lCYL6zoG4e8qet7uJ8ORQb69Du+Teu8sOcOZpbMMQcDioNj9ZcvOzNe3xcQI4JBkmVRd9HSB39KGGwSGhllwZb0x/4XwqO/D5iE9vdGVKNhQs8DEPLz2QFbRzqeO0hywwvo+hWZCciZS0f5Wq4KcOYnLcyoIDUgmmmlvJyiBUcii3eYGxJBVzx1SWLjfpphPJQwHYzkPnCKMXUg7JIWoJ4yKs1WGXaPnxR/eivf3ngLQhvgVA0/pNxOLkEmfvzCXT4DPIBoJn38KfRvpnNhoXQwtAJonDJ6rG0tvsjn2h9fekZezj29vhh/p=', 'ops_eyJ36U7myAPdF6b8aJlBqWpTslGs3PvjBVfD3jXn8tis9jj8GH6lg1QVI2-2yKFeeiyM9GkKz2mQNes5Tn08krRwWFPLYGTuApKyL-zYxHoXtaaFXW-ZVPfLcfVmeNEYgnfoLdfFPtyDbKgeCrwByPcvWsYpZIIsTnLeZBFZj-b-fkEHmCUoWhXgj8qPgWdmDstHhm38zsekkGS5VeB1Pu0jECTIite9PmmN-HundGXjBFw8_WD3uuf4aRV-ODatBsoj3dpKjJckieyNBB7QkEC2RaU1NcJACTC-ds77H6yQzq-'],
    noMatch: ['ops_eyJ...', 'op://vault/item/field', 'ops_eyJvoMnKTz9+OphasLKjzpi/RVFX6n+lJSDNSN8/Xo9SLCx3uzOPN61Wf4m0GHmd8cUxASobeihY'],
  },
  'age-secret-key': {
    match: ['AGE-SECRET-KEY-1XRRZMX3236F066Q3Q67M7ZR7YXSM6MZWSEWZNWGDSAF3RDRFVPCC3ANJPT', 'AGE-SECRET-KEY-1TG4FSKALTS0WQV5Q22X3ZN5C06EELP020YV9RQ6FYP52DTGC4N333ASHGY'],
    noMatch: ['AGE-SECRET-KEY-1...', 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ', 'AGE-SECRET-KEY-1XRRZMX3236F066Q3Q67M7ZR7YXSM6MZWSEWZNWGDSAF3RDRFVPCC3ANJP', 'AGE-SECRET-KEY-1tg4fskalts0wqv5q22x3zn5c06eelp020yv9rq6fyp52dtgc4n333ashgy'],
  },
  'postman': {
    match: ['PMAK-692d1e75931487b930a94120-d8d8b9b9b15dea8501976a4c0165723e6a', 'PMAK-b6a3455ce9c0ca294b95fec4-adaafdd5154a712e4b830a8a301b70c9d9'],
    noMatch: ['PMAK-...', 'PMAK-000000000000000000000000-0000000000000000000000000000000000', 'PMAK-692d1e75931487b930a94120-d8d8b9b9b15dea8501976a4c0165723e6'],
  },
};
