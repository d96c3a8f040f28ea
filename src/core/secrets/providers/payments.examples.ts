import type { ProviderExamples } from '../provider-types';

export const PAYMENTS_EXAMPLES: Record<string, ProviderExamples> = {
  'stripe': {
    match: ['sk_live_PDibBlUf5otzXcl73GQLxfkm', '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', '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', 'rk_live_6dIykMh9yz6v8O110of36xVZ'],
    noMatch: [
      'sk_test_PDibBlUf5otzXcl73GQLxfkm',
      'pk_live_51csnIdm5lA4KR5W56CWSmVdVqOhM68oP1kdvrzR3B8Y1ncyvDW0elO1LdPD3qP7es3xRAuLeTg7VGNyg6D8FgU5fc4m5DJubf5',
      'rk_test_51FLhBEttwyzfgOZr6GbslpcsoFPPEAWxuF4R2n363QMQIxHts2ZlIuD3OUpvvA6sCkOU5nozSZlF2d0jkwbgzgfCX6FY2dF6zu',
      'pk_test_6dIykMh9yz6v8O110of36xVZ',
      'sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'sk_live_...',
      'sk_live_PDibBlUf5otzXcl73GQLxfk',
      'sk_live_PDibBlUf5otzXcl73GQLxfkm_',
    ],
  },
  'webhook-signing-secret': {
    match: ['whsec_1xjmmFT8zuY6nxGAabYzJRuCQVkyEKVp', 'whsec_r+bGRAGLG6jN8a9FftLDMU4b608befg2', 'whsec_IH1n3BLp1g6NOHN2JJXG4XPRRlrEMJMv'],
    noMatch: ['whsec_...', 'whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'whsec_test_secret', 'whsec_1xjmmFT8zuY6nxGAabYzJRuCQVkyEKV', 'xwhsec_IH1n3BLp1g6NOHN2JJXG4XPRRlrEMJMv'],
  },
  'shopify': {
    match: ['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', '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', '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'],
    noMatch: ['shpat_00000000000000000000000000000000', 'shpat_...', 'shpat_be9a5dc78d9deacea1655167a75e437', 'shpxx_109e9b2ffa69920acbca7c1e5e109a76'],
  },
  'workos': {
    match: ['sk_live_a2V5XzrP9W+14PG2QMEef4pLtz/LsGS8hBWZscVcLQpq5ikddNr8FTyxsjRLxEffyI35eMup', 'sk_live_a2V5XzPtHQg7nrKbr+MJghT+3nxxFp4r/CTmaue4nbjSJ+A2ei1m6R8mQn2veytHCYbROLxZ'],
    noMatch: [
      'sk_live_a2V5Xz...',
      'sk_test_a2V5XzR0K8QWUGSE4V+oY/+tVubAZJQB1ObI9FkNqPhKw/LVIizhmeLnFOoW07tBKr1OtGu5',
      'sk_live_a2V5XzAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  },
  'clerk': {
    match: ['CLERK_SECRET_KEY=sk_live_F4VbcCJVm0LkwwNM1mM7ewrhOSoSX5f4VwgQPo5Wi3', 'clerkSecretKey: \'sk_live_yAaTHlK4YwsNVPT7GMgJjBrFaLW0TSlDcMYBOV6aew\''],
    secrets: ['sk_live_F4VbcCJVm0LkwwNM1mM7ewrhOSoSX5f4VwgQPo5Wi3', 'sk_live_yAaTHlK4YwsNVPT7GMgJjBrFaLW0TSlDcMYBOV6aew'],
    noMatch: [
      'CLERK_SECRET_KEY=...',
      'CLERK_SECRET_KEY=sk_live_abc',
      'CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsuYWNtZS5kZXYk',
    ],
  },
  'paystack': {
    match: ['sk_live_eafc4762d984bc19d2ff96dac4c2553c6fba0e0a', 'sk_live_5e2591f99a692fb9fbd49e6eb8d1a75ba7e31ce5'],
    noMatch: [
      'sk_live_...',
      'sk_live_eafc4762d984bc19d2ff96dac4c2553c6fba0e0',
      'sk_live_0000000000000000000000000000000000000000',
    ],
  },
  'paypal-braintree': {
    match: ['access_token$production$bp4xdmnfx4p4tb2x$158794761fae5c6f5ce74fc38c06e6eb', 'access_token$production$fki4elc1krgn6oj3$c508686596f0e7433739510fb0fe479f'],
    noMatch: [
      'access_token$production$...',
      'access_token$production$bp4xdmnfx4p4tb2x$158794761fae5c6f5ce74fc38c06e6e',
      'access_token$sandbox$1rpnm88w4nmim9u5$e89520bef2a6c267f399600713abe573',
    ],
  },
  'square': {
    match: ['EAAATPhY6l5R-ZD5NfRRSdI2Bz4nfxhT9W7AjV5h5CmtkpeEqQldKjHUcfgfSlqP', 'sq0csp-O08KWOU0e6lFycXyMUTHoo3GqaCu8ANnzc_UmyoLJNF'],
    noMatch: [
      'EAAA...',
      'EAAAWuc6Tw5uAVn_MhKEn6RejFPYOiQsh1',
      'sq0csp-...',
    ],
  },
  'plaid': {
    match: ['access-production-55dfc130-4d7a-4de9-a124-59d5a1efdbe2', 'access-development-482d9182-d720-404d-8c5c-1fa5a7e854db'],
    noMatch: [
      'access-sandbox-136cc23b-3c10-4a6f-a642-c762a027d16c',
      'access-production-...',
      'access-production-418026ae-7dda-428f-a16e-4ae59a310d3',
    ],
  },
  'flutterwave': {
    match: ['FLWSECK-17e291cc45a0bbc00bfd968efcc8e83a-X', 'FLWSECK-be58fc0d3d187a742944578153e939a2-X'],
    noMatch: [
      'FLWSECK-...',
      'FLWSECK_TEST-e77dda88f91df561995d2fe8b1582d92-X',
      'FLWSECK-00000000000000000000000000000000-X',
    ],
  },
  'gocardless': {
    match: ['live_QVCGhcdE6KK0NniArjBQA4dV7iXjXYVHsbpt6eQF', 'live_2-hsypuPhKr7n1Hh6ubQQ3jlC3hJYGv77ZEC146n'],
    noMatch: [
      'live_...',
      'live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'sandbox_QVCGhcdE6KK0NniArjBQA4dV7iXjXYVHsbpt6eQF',
    ],
  },
  'mollie': {
    match: ['live_hTcupgEyIcGP9VdZ5FFJ4vABiB93sS', 'live_nMaAAmQ3mrV8Q5NsAoDbRf3Nk7hn0r'],
    noMatch: [
      'live_...',
      'test_hTcupgEyIcGP9VdZ5FFJ4vABiB93sS',
      'live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'lob': {
    match: ['live_b885c0b2a74e86d1e055c93d4b91c690561', 'live_197c7b15a3fad878276b44c66d9d4b2fa5d'],
    noMatch: [
      'live_...',
      'test_b885c0b2a74e86d1e055c93d4b91c690561',
      'live_00000000000000000000000000000000000',
    ],
  },
  'paddle': {
    match: ['pdl_live_apikey_l57xxewnijcwnujl3lwg41xoo4_EtQqMvN52IljahqGMd93NK_8dg', 'pdl_live_apikey_zsmczgyel3qloqyd2f2a9ist89_6HGMvm4pq3gYmEfiX3jaDH_NEU'],
    noMatch: [
      'pdl_live_apikey_...',
      'pdl_sdbx_apikey_l57xxewnijcwnujl3lwg41xoo4_EtQqMvN52IljahqGMd93NK_8dg',
      'pdl_live_apikey_l57xxewnijcwnujl3lwg41xoo4_EtQqMvN52IljahqGMd93NK_8d',
    ],
  },
  'polar': {
    match: ['polar_oat_0E_BoQ-cDn_13aBls8_lOqKWMPeYcasz81hS6Q9UOdt', 'polar_oat_pK7HOPDLQQRq-vGeFl9R5QyfO_ARIfePYu1gZdqcLHD'],
    noMatch: [
      'polar_oat_...',
      'polar_oat_5muKYZtHlE',
      'polar_oat_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'checkout': {
    match: ['sk_90b8f8ce-a9bc-498d-8a5e-7d620b7fee2b', 'sk_79175ab9-147c-4be1-838f-ac326dcf4da3'],
    noMatch: [
      'sk_...',
      'sk_sbox_gqk6wv4neoijhuafzii2ox6df1',
      'sk_801461f1-1ba8-4460-9fdb-e463ea54af8',
    ],
  },
  'shippo': {
    match: ['shippo_live_ded379c9f23af7770c009cf6b6582e0bbee9c221', 'shippo_live_950420712ed202cf8cdf87fead2df58332e5d2b7'],
    noMatch: [
      'shippo_live_...',
      'shippo_test_ded379c9f23af7770c009cf6b6582e0bbee9c221',
      'shippo_live_ded379c9f23af7770c009cf6b6582e0bbee9c22',
    ],
  },
  'easypost': {
    match: ['EZAKfyJRtNLe5HuV9x2hyaiAIQqLhdMg6aooRe41G8Wpyk7gzpergUa7be', 'EZAKaAAKotZGrfqgAGfxOAEGbUmxP1YLQInv4HauIsZWOWly9AOKRBDZZ0'],
    noMatch: [
      'EZAK...',
      'EZTKfyJRtNLe5HuV9x2hyaiAIQqLhdMg6aooRe41G8Wpyk7gzpergUa7be',
      'EZAKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'duffel': {
    match: ['duffel_live_SrEpH3Hm4-Q1nOyt8AwZ05VBCjB2bMje-1C_FISKbSS', 'duffel_live_1At6djK9T_HM4kjBK0GIPRkoT6sMkvQCBkxFKZa9fQj'],
    noMatch: [
      'duffel_live_...',
      'duffel_test_SrEpH3Hm4-Q1nOyt8AwZ05VBCjB2bMje-1C_FISKbSS',
      'duffel_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'ramp': {
    match: ['ramp_sec_PsWecqbzYYkviFdB1WVdGMMxXg7vr5EbPkyGSMieUSfz3Lvb', 'ramp_sec_WalMtASBcfJ8wFs2FYME1bbrY8UqHgXBly72nGHtt1vLw7gJ'],
    noMatch: [
      'ramp_sec_...',
      'ramp_sec_PsWecqbzYYkviFdB1WVdGMMxXg7vr5EbPkyGSMieUSfz3Lv',
      'ramp_sec_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'razorpay': {
    match: ['RAZORPAY_KEY_SECRET=0gDZjlQi8OB1vphFUhzZP19r', 'razorpaySecret: \'oMlCQwrBpV9Le6oUZ4GSipyX\''],
    secrets: ['0gDZjlQi8OB1vphFUhzZP19r', 'oMlCQwrBpV9Le6oUZ4GSipyX'],
    noMatch: [
      'RAZORPAY_KEY_SECRET=...',
      'RAZORPAY_KEY_SECRET=0gDZjlQi8OB1vphFUhzZP19',
      'UNRELATED_API_KEY=oMlCQwrBpV9Le6oUZ4GSipyX',
      'RAZORPAY_KEY_ID=rzp_live_6gGOF22qCjgBiY',
    ],
  },
  'onfido': {
    match: ['api_live.bNcSHtSyblFskNl7bMytS2cZjW_CgsDHjVxy4DAn', 'api_live_us.mdQJoe_d0cLYUlQY8ZcEOuBHML2yQVKSTmjRCDx6'],
    noMatch: [
      'api_live....',
      'api_sandbox.tQXAI8RFQLP1ca68wbYpeoydQdNyfjT8kLgfJRqZ',
      'api_live.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'stytch': {
    match: ['secret-live-puelMkGQgfbp9BfHDkiHul159i37QabyT6pK', 'secret-live-6OYYhGtZrF58UeZhOOLsLed8XshcGesmb0Yb'],
    noMatch: [
      'secret-live-...',
      'secret-test-puelMkGQgfbp9BfHDkiHul159i37QabyT6pK',
      'secret-live-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'okta': {
    match: ['OKTA_API_TOKEN=00P_NpqnujPT6ba-ej77VtA7zf1WC5gMQgQ4CztGCK', 'oktaApiToken: \'00KQVr5an_xy6sfHekLv8qnI5y0wPpaszaXFqjLRa1\''],
    secrets: ['00P_NpqnujPT6ba-ej77VtA7zf1WC5gMQgQ4CztGCK', '00KQVr5an_xy6sfHekLv8qnI5y0wPpaszaXFqjLRa1'],
    noMatch: [
      'OKTA_API_TOKEN=...',
      'OKTA_API_TOKEN=00P_NpqnujPT6ba-ej77VtA7zf1WC5gMQgQ4CztGC',
      'UNRELATED_API_KEY=00KQVr5an_xy6sfHekLv8qnI5y0wPpaszaXFqjLRa1',
    ],
  },
  'auth0': {
    match: ['AUTH0_CLIENT_SECRET=aErKGaBt1pXXkhvlIyR_sfc23PKBDlQDoW14Fq8pm9Zp36m9B4O3c9FfQp-DG9Fb', 'auth0ClientSecret: \'EfetD1W_6usPmVGpOYcimLQIRBTsv1jgnx5DEBLZecNqVkbyvvKjlqXAhZwQgAsN\''],
    secrets: ['aErKGaBt1pXXkhvlIyR_sfc23PKBDlQDoW14Fq8pm9Zp36m9B4O3c9FfQp-DG9Fb', 'EfetD1W_6usPmVGpOYcimLQIRBTsv1jgnx5DEBLZecNqVkbyvvKjlqXAhZwQgAsN'],
    noMatch: [
      'AUTH0_CLIENT_SECRET=...',
      'AUTH0_CLIENT_SECRET=aErKGaBt1pXXkhvlIyR_sfc23PKBDlQDoW14Fq8pm9Zp36m9B4O3c9FfQp-DG9F',
      'UNRELATED_API_KEY=EfetD1W_6usPmVGpOYcimLQIRBTsv1jgnx5DEBLZecNqVkbyvvKjlqXAhZwQgAsN',
    ],
  },
};
