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
  'helicone': {
    match: ['sk-helicone-8mo84bl-j073w4c-s36ffbk-kxm59y5', 'sk-helicone-5czajrf-hqz2p4x-ybxdwjl-aq3rdck'],
    noMatch: [
      'sk-helicone-...',
      'sk-helicone-8mo84bl-j073w4c-s36ffbk-kxm59y',
      'sk-helicone-aaaaaaa-aaaaaaa-aaaaaaa-aaaaaaa',
    ],
  },
  'braintrust': {
    match: ['BRAINTRUST_API_KEY=sk-LR4q7OV1LnObWJAfYRk5Q8anss5aqAT0rLsW20dQyACgYgEZ', 'braintrustApiKey: \'sk-eBiKp5wHKT1JmG8mwH2oz5bTg8HPihxMgecqJoBXQo2F2oLJ\''],
    secrets: ['sk-LR4q7OV1LnObWJAfYRk5Q8anss5aqAT0rLsW20dQyACgYgEZ', 'sk-eBiKp5wHKT1JmG8mwH2oz5bTg8HPihxMgecqJoBXQo2F2oLJ'],
    noMatch: [
      'BRAINTRUST_API_KEY=...',
      'BRAINTRUST_API_KEY=lFG2hBb2Q4UZ',
      'UNRELATED_API_KEY=sk-eBiKp5wHKT1JmG8mwH2oz5bTg8HPihxMgecqJoBXQo2F2oLJ',
    ],
  },
  'wandb': {
    match: ['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', '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'],
    noMatch: [
      'wandb_v1_...',
      'wandb_v1_z6XAJ9g5xzb8w1zkCJ36Bn0qMQJAdN0gaYon3X-8xOGD5CbwsudActz09cg6aonQpC32r8HZ-to8',
      'wandb_v1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'wandb-legacy': {
    match: ['WANDB_API_KEY=30c49b3b8791f82ad62e68c2c1efe09c005bdefe', 'wandbApiKey: \'f1ac0874be21e8a93bf9aab4d34dcaff9609536d\''],
    secrets: ['30c49b3b8791f82ad62e68c2c1efe09c005bdefe', 'f1ac0874be21e8a93bf9aab4d34dcaff9609536d'],
    noMatch: [
      'WANDB_API_KEY=...',
      'WANDB_API_KEY=30c49b3b8791f82ad62e68c2c1efe09c005bdef',
      'UNRELATED_API_KEY=f1ac0874be21e8a93bf9aab4d34dcaff9609536d',
    ],
  },
  'arize': {
    match: ['ARIZE_API_KEY=uhkGfMBfzG0F8rU904wkoegv0eRlYb2bMtia37wjaKjTjuSN', 'arizeApiKey: \'fbNq9AkjSNiZyUTYbOcT99xILpY4iJJC88BQsx2MHLfnE7Lg\''],
    secrets: ['uhkGfMBfzG0F8rU904wkoegv0eRlYb2bMtia37wjaKjTjuSN', 'fbNq9AkjSNiZyUTYbOcT99xILpY4iJJC88BQsx2MHLfnE7Lg'],
    noMatch: [
      'ARIZE_API_KEY=...',
      'ARIZE_API_KEY=fg6wg3YS3BNU',
      'UNRELATED_API_KEY=fbNq9AkjSNiZyUTYbOcT99xILpY4iJJC88BQsx2MHLfnE7Lg',
    ],
  },
  'datadog': {
    match: ['DD_API_KEY=c5d1c0d834e1ee9fc099ab810d495d4a', 'datadogAppKey: \'aa6819921a4b8d00d2409134b670ba5d\''],
    secrets: ['c5d1c0d834e1ee9fc099ab810d495d4a', 'aa6819921a4b8d00d2409134b670ba5d'],
    noMatch: [
      'DD_API_KEY=...',
      'DD_API_KEY=c5d1c0d834e1ee9fc099ab810d495d4',
      'UNRELATED_API_KEY=aa6819921a4b8d00d2409134b670ba5d',
      'DD_SITE=e4bb69216c62396574cf12a005bb85e0',
    ],
  },
  'new-relic': {
    match: ['NRAK-FYSGKS51CUZCOCNORQNS91YSG50', 'NRII-oyCBI8EypJ8ojne5YdNYKMGB2E5wNj0h'],
    noMatch: [
      'NRAK-...',
      'NRAK-MFL7M1GBY7ZRF1OI9EAM',
      'NRJS-bc4dc961cc1f92b6762',
    ],
  },
  'new-relic-license-key': {
    match: ['5f1d260b14c6713ae2f6f471890371ba4943NRAL', 'b36f11f15d3a311d29f70635134014b5a42cNRAL'],
    noMatch: [
      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxNRAL',
      'f1d260b14c6713ae2f6f471890371ba4943NRAL',
      '000000000000000000000000000000000000NRAL',
    ],
  },
  'honeycomb': {
    match: ['hcaik_5ha4ygp6246j8nfag9ho1hocah6p3qj6jx5g8sso2r712ktf0xxwyvtndn', 'hcaik_sitmt4x6vduxlhv999ih4pqjhloiq8utlkttuuspr17gie2vuxzpzneuez'],
    noMatch: [
      'hcaik_...',
      'hcaik_9wdlv8l8osqc0833zr5bavqhlluqfg',
      'hcaik_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'posthog': {
    match: ['phx_3j47ADAmMiieaf6Km9eyjcVocyaJtF48r2QnDBhxsec', 'phx_VemlG3KFISdPKQd661Fg-jqkaiZjbZFn9jtfVSRK5h_'],
    noMatch: [
      'phx_...',
      'phc_UkGf66fHFvTFw0171CAX8VrrE3uM464VYjCSkQCLu8s',
      'phx_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'dynatrace': {
    match: ['dt0c01.WQZ6TE38C1PFVDURDV5LSWKO.2AC8A1ZYERPZ80KVD83C5HNJTEO7XO7U0N1H5AGS47UZH1S4T7YIJ8UMEXHIEE1S', 'dt0c01.P4UPG2RLC76PZKQD74CFPDRK.ACA9MR4P8Q4XUG0LT3MG3PE0JD51RZ8C70F3R2MPRM0HZ5A4JP1P6QE17O6UCEUF'],
    noMatch: [
      'dt0c01.ABC',
      'dt0c01.WQZ6TE38C1PFVDURDV5LSWKO.2AC8A1ZYERPZ80KVD83C5HNJTEO7XO7U0N1H5AGS47UZH1S4T7YIJ8UMEXHIEE1',
      'dt0c01.AAAAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
    ],
  },
  'axiom': {
    match: ['xaat-803c0e60-5227-453f-bdb6-900e78f869ae', 'xapt-0f25aca1-f297-4abf-8491-1be5fbe9e1bb'],
    noMatch: [
      'xaat-...',
      'xaat-307b24b9-ee02-410f-86a8-53ddbb6c453',
      'xaat-00000000-0000-0000-0000-000000000000',
    ],
  },
  'betterstack': {
    match: ['BETTERSTACK_SOURCE_TOKEN=aBEoQuR7wgdTAPrPcxaubPYv', 'logtailToken: \'UifSeke5q22D4RvivT6gwhic\''],
    secrets: ['aBEoQuR7wgdTAPrPcxaubPYv', 'UifSeke5q22D4RvivT6gwhic'],
    noMatch: [
      'BETTERSTACK_SOURCE_TOKEN=...',
      'BETTERSTACK_SOURCE_TOKEN=aBEoQuR7wgdTAPrPcxaubPY',
      'UNRELATED_API_KEY=UifSeke5q22D4RvivT6gwhic',
    ],
  },
  'splunk': {
    match: ['SPLUNK_HEC_TOKEN=d1258879-e1a0-4081-abe6-e34413243791', 'splunkToken: \'2dad86b0-ddf2-4ddd-a5ca-a8ae08a3fb20\''],
    secrets: ['d1258879-e1a0-4081-abe6-e34413243791', '2dad86b0-ddf2-4ddd-a5ca-a8ae08a3fb20'],
    noMatch: [
      'SPLUNK_HEC_TOKEN=...',
      'SPLUNK_HEC_TOKEN=d1258879-e1a0-4081-abe6-e3441324379',
      'UNRELATED_API_KEY=2dad86b0-ddf2-4ddd-a5ca-a8ae08a3fb20',
    ],
  },
  'sumologic': {
    match: ['SUMOLOGIC_ACCESS_KEY=ZPoaj5DBk4P5T7oofu7XBz2Uz4BsoX22q7epWDYq1rYryAUrzBCvbV9IE2yGVuTk', 'sumoAccessKey: \'zFCYzkCGfvpEN3nFGS91OrUeXZnyCHD54IH4wmOUQizIGN0qK9hWy7ezPG3dkr6J\''],
    secrets: ['ZPoaj5DBk4P5T7oofu7XBz2Uz4BsoX22q7epWDYq1rYryAUrzBCvbV9IE2yGVuTk', 'zFCYzkCGfvpEN3nFGS91OrUeXZnyCHD54IH4wmOUQizIGN0qK9hWy7ezPG3dkr6J'],
    noMatch: [
      'SUMOLOGIC_ACCESS_KEY=...',
      'SUMOLOGIC_ACCESS_KEY=ZPoaj5DBk4P5T7oofu7XBz2Uz4BsoX22q7epWDYq1rYryAUrzBCvbV9IE2yGVuT',
      'UNRELATED_API_KEY=zFCYzkCGfvpEN3nFGS91OrUeXZnyCHD54IH4wmOUQizIGN0qK9hWy7ezPG3dkr6J',
    ],
  },
  'rollbar': {
    match: ['ROLLBAR_ACCESS_TOKEN=912068d5b2c7a27deeeac6acfc31a9b4', 'rollbarToken: \'fc372db14eff510fc801dbc7de439faf\''],
    secrets: ['912068d5b2c7a27deeeac6acfc31a9b4', 'fc372db14eff510fc801dbc7de439faf'],
    noMatch: [
      'ROLLBAR_ACCESS_TOKEN=...',
      'ROLLBAR_ACCESS_TOKEN=912068d5b2c7a27deeeac6acfc31a9b',
      'UNRELATED_API_KEY=fc372db14eff510fc801dbc7de439faf',
    ],
  },
  'segment': {
    match: ['sgp_bs7mede5ZmQFnpBEHmYMTm6P9iYILpMmDb4eEQnHuhWtxIvtvRJBnlpcIuIJ911F', 'sgp_mo9STci00r9mRYTHU51QtZ6TeoezGAPDJHaaJixfvfmvuNQF9IG3bPMjVD8HzA4M'],
    noMatch: [
      'sgp_...',
      'sgp_bs7mede5ZmQFnpBEHmYMTm6P9iYILpMmDb4eEQnHuhWtxIvtvRJBnlpcIuIJ911',
      'sgp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'amplitude': {
    match: ['AMPLITUDE_SECRET_KEY=bebe7acf7d910eea8a60847023a9d1a7', 'amplitudeSecret: \'58cae39b3edbb41584230ba359b1ff55\''],
    secrets: ['bebe7acf7d910eea8a60847023a9d1a7', '58cae39b3edbb41584230ba359b1ff55'],
    noMatch: [
      'AMPLITUDE_SECRET_KEY=...',
      'AMPLITUDE_SECRET_KEY=bebe7acf7d910eea8a60847023a9d1a',
      'UNRELATED_API_KEY=58cae39b3edbb41584230ba359b1ff55',
      'var AMPLITUDE_API_KEY = "c361ed56e7bdc1a48a38773c40120b39";',
    ],
  },
  'launchdarkly': {
    match: ['api-2b58ebca-a1ca-4027-aee6-fa177007d4d8', 'sdk-2fc25271-1cf4-46a1-8a39-ba1759fdc77b'],
    noMatch: [
      'api-...',
      'mob-ed791573-44dd-4006-aec6-57eeda01a43f',
      'api-00000000-0000-0000-0000-000000000000',
    ],
  },
  'portkey': {
    match: ['PORTKEY_API_KEY=Q1L6GZtRb2kNFFfozZDflfEsrBxXTERp', 'portkeyApiKey: \'HeC05IPKiHN0TwE40GMlJ2fp246GeYky\''],
    secrets: ['Q1L6GZtRb2kNFFfozZDflfEsrBxXTERp', 'HeC05IPKiHN0TwE40GMlJ2fp246GeYky'],
    noMatch: [
      'PORTKEY_API_KEY=...',
      'PORTKEY_API_KEY=yA4VCzAGIVHL',
      'UNRELATED_API_KEY=HeC05IPKiHN0TwE40GMlJ2fp246GeYky',
    ],
  },
  'comet': {
    match: ['COMET_API_KEY=tgsljSnw8iuoUOq3eq3aLrlnWzourM', 'opikApiKey: \'ncIaBPR2U68DET3ohpwCFeepP6fMt8\''],
    secrets: ['tgsljSnw8iuoUOq3eq3aLrlnWzourM', 'ncIaBPR2U68DET3ohpwCFeepP6fMt8'],
    noMatch: [
      'COMET_API_KEY=...',
      'COMET_API_KEY=k6BpcetANCSI',
      'UNRELATED_API_KEY=ncIaBPR2U68DET3ohpwCFeepP6fMt8',
    ],
  },
  'agentops': {
    match: ['AGENTOPS_API_KEY=f632f713-fdfb-4711-a2ac-1fd45a666a8a', 'agentopsApiKey: \'75f50fb1-456a-4e6a-aaaf-c8990259b555\''],
    secrets: ['f632f713-fdfb-4711-a2ac-1fd45a666a8a', '75f50fb1-456a-4e6a-aaaf-c8990259b555'],
    noMatch: [
      'AGENTOPS_API_KEY=...',
      'AGENTOPS_API_KEY=f632f713-fdfb-4711-a2ac-1fd45a666a8',
      'UNRELATED_API_KEY=75f50fb1-456a-4e6a-aaaf-c8990259b555',
    ],
  },
  'rootly': {
    match: ['rootly_fabfa7db0b33c56704ece69e32656297a6ac1f2afa358a9b2d9f3af11f361eb3', 'rootly_d8e351fafb538efdfa1a8322aa3954989e8e622e5b5918a04957bf2fe9c89133'],
    noMatch: [
      'rootly_...',
      'rootly_fabfa7db0b33c56704ece69e32656297a6ac1f2afa358a9b2d9f3af11f361eb',
      'rootly_0000000000000000000000000000000000000000000000000000000000000000',
    ],
  },
};
