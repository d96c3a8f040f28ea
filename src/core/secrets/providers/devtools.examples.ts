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
  'npm-legacy': {
    match: ['NPM_TOKEN=66496ffa-d9d1-448e-8c64-d476cee9a663', 'npmAuthToken: "a8869504-5045-4c8a-8aea-6d4321087a76"'],
    secrets: ['66496ffa-d9d1-448e-8c64-d476cee9a663', 'a8869504-5045-4c8a-8aea-6d4321087a76'],
    noMatch: [
      'NPM_TOKEN=00000000-0000-0000-0000-000000000000',
      'PACKAGE_ID=66496ffa-d9d1-448e-8c64-d476cee9a663',
      'NPM_TOKEN=66496ffa-d9d1-448e-8c64-d476cee9a663a',
      'npm_request_id: 66496ffa-d9d1-448e-8c64-d476cee9a663',
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
  'vault-legacy': {
    match: ['VAULT_TOKEN=s.MAkBVdQWBjQx3CZQRCbOSxu3', 'X-Vault-Token: b.SDVocuwEgQ82gBWZOhkVwihM', 'vault_token: "r.iw6ZDc7JgDFHkkP7H7r89N3b"'],
    secrets: ['s.MAkBVdQWBjQx3CZQRCbOSxu3', 'b.SDVocuwEgQ82gBWZOhkVwihM', 'r.iw6ZDc7JgDFHkkP7H7r89N3b'],
    noMatch: [
      'VAULT_TOKEN=s.xxxxxxxxxxxxxxxxxxxxxxxx',
      'token: s.MAkBVdQWBjQx3CZQRCbOSxu3',
      'VAULT_TOKEN=s.MAkBVdQWBjQx3CZQRCbOSxu3extra',
      'vault_token: s.makbvdqwbjqx3czqrcbosxu3',
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
  'github-app-installation-token': {
    match: ['ghs_9578208_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpaWQiOjI4NTM1MjQ0LCJhaWQiOjc0MzU2ODksImV4cCI6MTc5ODc2MTYwMCwicmlkIjoiSDVCVEQzODk3VDlvd2xhWnFPZ1MifQ.lIsc0KFl95HCKjZA4zMj9uOJK8olbvZmrPyU_WO5eZ3g2MPbRcw28ReKiJOCVSMNYf1RzXj7h2PL6UV0NBb47_IqzdmXEkjJI5c8jLY1hzXFDXvL5NbqKmb1ByGX4-YUhJaCdoSh9CkPI8lY10--WUCGO6ZtEGp_ZtBEU81UwJujMI-Zpd7EVbNXLAfsxmc__VoYjAkrdKWro1hYDsaCyvTRtn-mmxRg_aN6Qc-tsHWvWkpgbyy47T1t3jZMuy2R-D1XV26OEOsTWxlMRj8c3OcSwh4cozfGibvc6E7ncCHonhi67XuummJqicP57EQlqdCzL5cqfWfQF-OG0Mxv_G', 'ghs_7722774_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpaWQiOjUwMTk1Njg5LCJhaWQiOjQxMzAyMzIsImV4cCI6MTc5ODc2MTYwMCwicmlkIjoiNFNMZURpSXZkSFhJbU9xQl9GcmoifQ.eKrVOn1Rx2uFS0Im4JqP5uec3AEnQmvba0VHle2tACoM4yp7LXDMMRbqZslD6teKO6PC9oaoLJq1mXW74o_SbaG1OlNrehecEiRHlMXxQrDNFYSZe0rJWTpfWKyGVGw5CAiTBxQz8aUPdOcE-rodWa8TCB01eVxdmzVXdc2mTjnqqArMqNjjWyMhvoD2yYQ-PHz4YjqA8M_-4m4UxhoYLJfDpcv6hjz1yoyRmLVQ6cwqiaraTuIjL0mrnkqSZ8oGvTT2LhmnP_RcnF_t3tCLp_4isMrXR-d57tf0FaLnfJfwJOSDQm64TspL9h0PxIaHoIU18DXAwYImttxNEh-ZDi'],
    noMatch: [
      'ghs_123456_eyJ...',
      'ghs_123456_eyJOuNDSVQwlkwEc4rOnc07GlS_OBi8q2.eyJDfSTZpuln8iyxU8JMA0bwjqa46B3CNdcM5xMuvMT.Xfd43-vTRu_Qm96dtgw9_9jPHc30_bCDCXG0-xZXkPu',
      'ghs_i3fbno6RirxRhFKHymTnp2rGXH2sePZBYaqj',
    ],
  },
  'github-oauth-client-secret': {
    match: ['GITHUB_CLIENT_SECRET=da512e4121b6344863088b9346811c3bbe90f087', 'githubClientSecret: \'9cbbbea1d0b63c81aae9c7473b5669d6b2011fbc\''],
    secrets: ['da512e4121b6344863088b9346811c3bbe90f087', '9cbbbea1d0b63c81aae9c7473b5669d6b2011fbc'],
    noMatch: [
      'GITHUB_CLIENT_SECRET=...',
      'GITHUB_CLIENT_SECRET=da512e4121b6344863088b9346811c3bbe90f08',
      'UNRELATED_API_KEY=9cbbbea1d0b63c81aae9c7473b5669d6b2011fbc',
      'GITHUB_CLIENT_ID=Iv1.0ab09dd67017cd51',
    ],
  },
  'testpypi': {
    match: ['pypi-AgENdGVzdC5weXBpLm9yZwAX_D0vzPSyqENjunikVNQDNhc5v16QiIO0HhFbgd3IOoawyXnKXXPJdPvP42ylmYl4SBGU1MELKqakIa4rzTxPO6f6zXdbGD3zo59AZ1qdVU_TM2tH5DLS5R', 'pypi-AgENdGVzdC5weXBpLm9yZwVDXQOO4f7TjsYOxUm4waNx4KtT_srHpJd4XUKeOUOdrwtapgjlCU9pdFYN7FUGOO8CgfKK4llilZ4q04-Dn19jdULEMMno43yrafxxARjOsNRAyZv9kAWgnWf2fjZcP269ZoiWSDvlEsoZ_RP_JxZATnlY0YNHys'],
    noMatch: [
      'pypi-AgENdGVzdC5weXBpLm9yZw...',
      'pypi-AgENdGVzdC5weXBpLm9yZwx-wrpvFntr2uJXlXCbQK',
      'pypi-AgENdGVzdC5weXBpLm9yZwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  },
  'gitea': {
    match: ['GITEA_TOKEN=2a6642a8e397bde3364ac437f5dea18394bc02c4', 'giteaToken: \'4f50fc9af6843c4cc0c3ba125b62240cf482e222\''],
    secrets: ['2a6642a8e397bde3364ac437f5dea18394bc02c4', '4f50fc9af6843c4cc0c3ba125b62240cf482e222'],
    noMatch: [
      'GITEA_TOKEN=...',
      'GITEA_TOKEN=2a6642a8e397bde3364ac437f5dea18394bc02c',
      'UNRELATED_API_KEY=4f50fc9af6843c4cc0c3ba125b62240cf482e222',
    ],
  },
  'bitbucket-app-password': {
    match: ['ATBBKRXWH5utS4iNWl2fryYXdxcT7A782009', 'ATBBFgwblgezeHFZY72Z35rVKpoR01C88035'],
    noMatch: [
      'ATBB...',
      'ATBBKRXWH5utS4iNWl2fryYXdxcT7A78200',
      'ATBBaaaaaaaaaaaaaaaaaaaaaaaa00000000',
    ],
  },
  'circleci': {
    match: ['CCIPAT_SbzsKp5ZHuIYL8jmDabaJA_20ee57ad01ab31b1539d4c6b1047832435908922', 'CCIPRJ_Po2RassdIBTi4FGDCprmqh_12ca551b69d134bced7afb3a99a1f9dd8a63b807'],
    noMatch: [
      'CCIPAT_...',
      'CCIPAT_MsLHHgi3mcEpZeH5Q3FvOm',
      'CCIPAT_aaaaaaaaaaaaaaaaaaaaaa_0000000000000000000000000000000000000000',
    ],
  },
  'circleci-legacy': {
    match: ['CIRCLECI_TOKEN=0d187a5cfae2fbd095f49bc7de713a9345213522', 'circleToken: \'40b56270c3bd5e7810f5d36571a569b0fca092cf\''],
    secrets: ['0d187a5cfae2fbd095f49bc7de713a9345213522', '40b56270c3bd5e7810f5d36571a569b0fca092cf'],
    noMatch: [
      'CIRCLECI_TOKEN=...',
      'CIRCLECI_TOKEN=0d187a5cfae2fbd095f49bc7de713a934521352',
      'UNRELATED_API_KEY=40b56270c3bd5e7810f5d36571a569b0fca092cf',
    ],
  },
  'buildkite': {
    match: ['bkua_cd5bb86e4af92e3abb3570a3496a16ee44742982', 'bkua_fb5ea1b30432460030f4846b1579885b1b3f7bdb'],
    noMatch: [
      'bkua_...',
      'bkua_cd5bb86e4af92e3abb3570a3496a16ee4474298',
      'bkua_0000000000000000000000000000000000000000',
    ],
  },
  'travis-ci': {
    match: ['TRAVIS_API_TOKEN=LFsxhEZnIssj6WRIQEUFqj', 'travisToken: \'rMWgOdC_001JCC7r82JVUB\''],
    secrets: ['LFsxhEZnIssj6WRIQEUFqj', 'rMWgOdC_001JCC7r82JVUB'],
    noMatch: [
      'TRAVIS_API_TOKEN=...',
      'TRAVIS_API_TOKEN=LFsxhEZnIssj6WRIQEUFq',
      'UNRELATED_API_KEY=rMWgOdC_001JCC7r82JVUB',
    ],
  },
  'codecov': {
    match: ['CODECOV_TOKEN=6c9b3e9e-40bd-4ec9-a4f0-605df87cfa73', 'codecovToken: \'316b556e-e635-44b8-a217-5c6f5494223d\''],
    secrets: ['6c9b3e9e-40bd-4ec9-a4f0-605df87cfa73', '316b556e-e635-44b8-a217-5c6f5494223d'],
    noMatch: [
      'CODECOV_TOKEN=...',
      'CODECOV_TOKEN=6c9b3e9e-40bd-4ec9-a4f0-605df87cfa7',
      'UNRELATED_API_KEY=316b556e-e635-44b8-a217-5c6f5494223d',
    ],
  },
  'sonarqube': {
    match: ['squ_1885f13483cccd81595d2237254630e1e9fd5d03', 'sqp_875d7a44bc56523b7565003604a9ba8de8b4d768'],
    noMatch: [
      'squ_...',
      'squ_eb73ee089d8d827e265fb5a1375a5d808794597',
      'squ_0000000000000000000000000000000000000000',
    ],
  },
  'sonarqube-legacy': {
    match: ['mvn verify sonar:sonar -Dsonar.login=5e733ae483afe6b45b42c351207cca11c6037455', "property 'sonar.login', 'ff8b11663eeb913c377b03ddbec30e562f01db92'", 'SONAR_TOKEN=fcb04a1c47193c676551ee561d1ebf64cf37fc83'],
    secrets: ['5e733ae483afe6b45b42c351207cca11c6037455', 'ff8b11663eeb913c377b03ddbec30e562f01db92', 'fcb04a1c47193c676551ee561d1ebf64cf37fc83'],
    noMatch: [
      'SONAR_TOKEN=0000000000000000000000000000000000000000',
      'sonar.projectKey=5e733ae483afe6b45b42c351207cca11c6037455',
      'GIT_COMMIT=ff8b11663eeb913c377b03ddbec30e562f01db92',
      'SONAR_TOKEN=fcb04a1c47193c676551ee561d1ebf64cf37fc83a',
    ],
  },
  'snyk': {
    match: ['SNYK_TOKEN=decda449-cdf7-4fae-ac0e-131fdb3973ed', 'snykToken: \'7cb4172c-fa5d-495c-a107-954851f0e4b6\''],
    secrets: ['decda449-cdf7-4fae-ac0e-131fdb3973ed', '7cb4172c-fa5d-495c-a107-954851f0e4b6'],
    noMatch: [
      'SNYK_TOKEN=...',
      'SNYK_TOKEN=decda449-cdf7-4fae-ac0e-131fdb3973e',
      'UNRELATED_API_KEY=7cb4172c-fa5d-495c-a107-954851f0e4b6',
    ],
  },
  'sourcegraph': {
    match: ['sgp_1eb29860f13a6504_2ecc958cdb7b42101e4c3477e042a826e1588c38', 'sgp_86c3399ade98544f75a858dcc20659eeb580a82e', 'sgp_local_9F1c0D6a2b7E4e58A3c6b1D0f2E9a7C4d8B5e6F1'],
    noMatch: [
      'sgp_...',
      'sgp_local_9F1c0D6a2b7E4e58A3c6b1D0f2E9a7C4d8B5e6F1z',
      'sgp_ea53b108f70311d0c3e7985f489ca7',
      'sgp_0000000000000000000000000000000000000000',
    ],
  },
  'jfrog': {
    match: ['AKCpzonfRcOcp77F8m72QdUBUJEg3RdiPHOgucZnk18hEbuGOk8Dcm64oI8RuMJsS8PqpfD8j', 'cmVmdGtuOjAxOj04DBII3Rve7JFslqCNm5C0wf0Aj3w053jX5AUXHqGKVLzvnMsW'],
    noMatch: [
      'AKCp...',
      'AKCp2FMsB6hNqyfJixCRqyqWODVLzV6wB7',
      'cmVmdGtuOjAxOj...',
    ],
  },
  'clojars': {
    match: ['CLOJARS_komxx5hgidrz2qokq4yzqnoq2c293qpit5qqpjiky32e8bkz85ug5yak80c3', 'CLOJARS_m70av5p7iinwwznvokxhfuxcflspkli2voihqd6lom2yex0wf5k5lv27cdrn'],
    noMatch: [
      'CLOJARS_...',
      'CLOJARS_komxx5hgidrz2qokq4yzqnoq2c293qpit5qqpjiky32e8bkz85ug5yak80c',
      'CLOJARS_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'rubygems': {
    match: ['rubygems_6edfcf39aadbb856e176b6fbdea357ee9a8a6d2f609336bd', 'rubygems_bf7dfa5d081b151cea49d72d00766c6cca3aee14f942abaa'],
    noMatch: [
      'rubygems_...',
      'rubygems_6edfcf39aadbb856e176b6fbdea357ee9a8a6d2f609336b',
      'rubygems_000000000000000000000000000000000000000000000000',
    ],
  },
  'nuget': {
    match: ['oy2na3n6hgqncxqpktwzx1kjcfkq31ki5mae94v3x86ghd', 'oy2ehti2akff4zqr60io7wr4ddf05viipymrcrb5a4i7p5'],
    noMatch: [
      'oy2...',
      'oy2na3n6hgqncxqpktwzx1kjcfkq31ki5mae94v3x86gh',
      'oy2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'crates-io': {
    match: ['CARGO_REGISTRY_TOKEN=cioj6Q2hvuDnCy86LcGMMd7ZTtuqQ42Q22T', 'cratesToken: \'cio22TLUmCGWm1wnPeJVY7lCkLOjeS7PZwg\''],
    secrets: ['cioj6Q2hvuDnCy86LcGMMd7ZTtuqQ42Q22T', 'cio22TLUmCGWm1wnPeJVY7lCkLOjeS7PZwg'],
    noMatch: [
      'CARGO_REGISTRY_TOKEN=...',
      'CARGO_REGISTRY_TOKEN=cioj6Q2hvuDnCy86LcGMMd7ZTtuqQ42Q22',
      'UNRELATED_API_KEY=cio22TLUmCGWm1wnPeJVY7lCkLOjeS7PZwg',
    ],
  },
  'docker-swarm': {
    match: ['SWMTKN-1-4zyfumw0ikmvou7w4nerte79tdf1mh9e88wv0zrpuf0urm0ydn-1a5ugvkc41a3ni2phcuz7o8jn', 'SWMKEY-1-R72WKbrajNa4cx1kXWYQoT7ZP+YrZNxNiQmpPJ3RihI'],
    noMatch: [
      'SWMTKN-1-...',
      'SWMTKN-1-sta57fwvsyzwt5kiz3u6',
      'SWMKEY-1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  },
  'infisical': {
    match: ['st.42cb7a6a-b884-46d9-a67d-5a9e22fa2245.8c6ac24ed24722345f4a6433dcecb7e0.667643dfc8e703e973fbb7b541b9bc06', 'st.b6bab021-eeb7-41a3-a997-301de6fca7a0.4c76de2886f4ef5f7266c2090489756b.8ba06a7a382ea3547ce1467c7e299692'],
    noMatch: [
      'st....',
      'st.a5db9039-72e9-4e95-b6a8-6ed0505323fe',
      'st.42cb7a6a-b884-46d9-a67d-5a9e22fa2245.8c6ac24ed24722345f4a6433dcecb7e0.667643dfc8e703e973fbb7b541b9bc0',
    ],
  },
  '1password-secret-key': {
    match: ['A3-P5038T-1EI4S4-4WY4D-ORKED-SQH32-1NID7', 'A3-TTPMHI-O80PSM3SVY9-TSO8W-NKLAR-H6EUP'],
    noMatch: [
      'A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
      'A3-O0PGIS-CFYWFI',
      'a3-nb6qsg-m14iamnv4wz-abcde-fghij-klmno',
    ],
  },
  'pulumi': {
    match: ['pul-ca9f66509314106cb283282d5971c7c357b02204', 'pul-0d4c39c2ab9ab633b74de090d46f242e192f04b6'],
    noMatch: [
      'pul-...',
      'pul-ca9f66509314106cb283282d5971c7c357b0220',
      'pul-0000000000000000000000000000000000000000',
    ],
  },
  'terraform-cloud': {
    match: ['AMR7hkaE2KrU4P.atlasv1.9N0t5BuUiW5UbQjf_jleIrIaN1ANi4BUhLMo4McPe3C21bAYEovEtZHuiH2ilePFMwy', 'BnYg2ltnmtlYsX.atlasv1.c0PF4LBzjY-rRo_B-mDRXQAt2daYQ7LIvMj4PHkrQZr32dbLrxGRBEc9QgYVe6J_6Xs'],
    noMatch: [
      'xxxxxxxxxxxxxx.atlasv1.xxxxxxxx',
      'AMR7hkaE2KrU4P.atlas',
      'aaaaaaaaaaaaaa.atlasv1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'harness': {
    match: ['pat.zaOdNVXIZO4_ryCqLZBuZ_.f6d0653199b3bec2b10e219d.N4OAcdLIPHGkxyRQWnEC', 'sat.-Ne2BEZHb_5rig8OAq60SJ.39e4f9fe8ba21af8eb1f283e.ij5q2eEqdMSLcLeNkF5Y'],
    noMatch: [
      'pat....',
      'pat.Ypa96rD2D9F1qxE2Y2Euxq',
      'pat.aaaaaaaaaaaaaaaaaaaaaa.000000000000000000000000.bbbbbbbbbbbbbbbbbbbb',
    ],
  },
  'octopus-deploy': {
    match: ['API-9Q74H40WZZ84YK183YLEWJIGUV', 'API-5996AG5ODMSQIRT3FPCUJU7OA5'],
    noMatch: [
      'API-...',
      'API-TCN48T2I4XIZ6KCZCQTI',
      'API-AAAAAAAAAAAAAAAAAAAAAAAAAA',
      'API-KEYSANDTOKENSANDMOREXYZ',
    ],
  },
  'prefect': {
    match: ['pnu_giu2sqrKY2KQlAmPBrMOCclTefLne6Qj8sAo', 'pnu_wfTGZLtTXPcKDfERcFqjF2I6WdvtAvuECfYy'],
    noMatch: [
      'pnu_...',
      'pnu_giu2sqrKY2KQlAmPBrMOCclTefLne6Qj8sA',
      'pnu_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'infracost': {
    match: ['ico-9xLxuPJdXBeJW3KbQF9yIcDRu95S3yKP', 'ico-cHqg8NKekbYoavNkEJkUmL5V6B7gNy8s'],
    noMatch: [
      'ico-...',
      'ico-9xLxuPJdXBeJW3KbQF9yIcDRu95S3yK',
      'ico-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
};
