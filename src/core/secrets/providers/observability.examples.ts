import type { ProviderExamples } from '../provider-types';

export const OBSERVABILITY_EXAMPLES: Record<string, ProviderExamples> = {
  'langsmith': {
    match: ['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', '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', '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'],
    noMatch: [
      'lsv2_pt_...',
      'lsv2_pt_00000000000000000000000000000000_0000000000',
      'lsv2_pt_78e156734d6aec9e57de884d2b3e1c6e',
      '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',
      'lsv2_pt_89a763343df5ec04cc158ea9d4d51636_29454ba3f1f',
    ],
  },
  'langfuse': {
    match: ['sk-lf-4128de5d-98fc-93a6-76e9-7bc0d7dcb71a', 'sk-lf-d02a59ca-de0f-c714-5c1e-9f3924cc953d', 'sk-lf-55a3db76-69a0-253d-f10c-5b06f8ad4400'],
    noMatch: ['pk-lf-4128de5d-98fc-93a6-76e9-7bc0d7dcb71a', 'sk-lf-...', 'sk-lf-00000000-0000-0000-0000-000000000000', 'sk-lf-d02a59ca-de0f-c714-5c1e-9f3924cc953'],
  },
  'sentry': {
    match: ['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', 'sntrys_eyJpYXQiOjE3MDAwMDAwMDAsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwicmVnaW9uX3VybCI6Imh0dHBzOi8vdXMuc2VudHJ5LmlvIiwib3JnIjoiYWNtZSJ9_DQMGEOj3ZYcg-dbcVOqgE5jZ8FVOxZBlYud5cFQ9eVY', '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'],
    noMatch: ['sntryu_...', 'sntryu_0000000000000000000000000000000000000000000000000000000000000000', 'sntryu_e6adeafb22f62e1c153119ab1065abb471dc4f2883709845dec0dfedb46cb40', 'sntrys_eyJ...'],
  },
  'grafana': {
    match: ['glsa_b8ioH6rIM55qpt1QpbvW9tHgXyxJIpxX_bf313ca1', 'glc_eyJRapFNUpE2jDpA+61k+/aGGI6nMU/XLbKMthr0NeG7DMGoR9L4xiDU+3popstkvrnw9TxdGtSm9b8ka/eG6DD2spigjzSSVRZDptpNm48E+hS3WlFuC+VBs0X==', 'glsa_jO9YAVWNnpJ6lcSUjX48gKGSnzAsXub7_c3614787'],
    noMatch: ['glsa_...', 'glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx', 'glsa_b8ioH6rIM55qpt1QpbvW9tHgXyxJIpxX_bf313ca', 'glc_eyJ...'],
  },
};
