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
};
