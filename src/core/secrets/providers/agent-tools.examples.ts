import type { ProviderExamples } from '../provider-types';

export const AGENT_TOOLS_EXAMPLES: Record<string, ProviderExamples> = {
  'voiceflow': {
    match: ['VF.DM.08e695c61dc1cad12c0be992.qLG3uRhN1HeqPqGg', 'VF.002d32f8fc484c39c007c20d.UgOvjLtCVavRNsMT', 'VF.WS.6cd9f55109873decf189fe99.vnEbAM4XToDB6D56'],
    noMatch: [
      'VF.DM.000000000000000000000000.xxxxxxxxxxxxxxxx',
      'VF.DM.YOUR_API_KEY',
      'VF.DM.08e695c61dc1cad12c0be992.qlg3urhn1heqpqgg',
      'VF.DM.08e695c61dc1cad12c0be992.qLG3uRhN1HeqPqGgX',
    ],
  },
  'tavily': {
    match: ['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', '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', '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'],
    noMatch: ['tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'tvly-YOUR_API_KEY', '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', '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'],
  },
  'e2b': {
    match: ['e2b_9ec2ef46f7d7ddeaa9801feeae884c9eb24ad146', 'e2b_4f3aeac598a418f8c63e3d4591925138f2d92442'],
    noMatch: ['e2b_...', 'e2b_0000000000000000000000000000000000000000', 'e2b_9ec2ef46f7d7ddeaa9801feeae884c9eb24ad14'],
  },
  'firecrawl': {
    match: ['fc-7da289482daf8d17cf6d23d84a99f60f', 'fc-b7fd1f3515fff303613f5ccc0a6dd949'],
    noMatch: ['fc-YOUR_API_KEY', 'fc-00000000000000000000000000000000', 'rfc-7da289482daf8d17cf6d23d84a99f60f', 'fc-b7fd1f3515fff303613f5ccc0a6dd94'],
  },
  'browserbase': {
    match: ['bb_live_FooLT8uJ-vIikYr9UW30C-ImXtg', 'bb_live_SYO8_oweRWZxX10Ien5_PBoQdeD'],
    noMatch: [
      'bb_live_...',
      'bb_live_UubTW4G6qq',
      'bb_live_aaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'exa': {
    match: ['EXA_API_KEY=935b2101-1078-40af-a66c-7aa08f166c91', 'exaApiKey: \'6d83d3dd-1a94-476a-a97b-8019eed5e6d5\''],
    secrets: ['935b2101-1078-40af-a66c-7aa08f166c91', '6d83d3dd-1a94-476a-a97b-8019eed5e6d5'],
    noMatch: [
      'EXA_API_KEY=...',
      'EXA_API_KEY=935b2101-1078-40af-a66c-7aa08f166c9',
      'UNRELATED_API_KEY=6d83d3dd-1a94-476a-a97b-8019eed5e6d5',
    ],
  },
  'serpapi': {
    match: ['SERPAPI_API_KEY=e05d7b87e8fabf54e5d9b911d14777ff4441b045d3433b0824c9f56e6958237f', 'serpApiKey: \'2a9e6f73685453a2274db7c7c3035c7e290963d80cc092d68eeae058c7b869de\''],
    secrets: ['e05d7b87e8fabf54e5d9b911d14777ff4441b045d3433b0824c9f56e6958237f', '2a9e6f73685453a2274db7c7c3035c7e290963d80cc092d68eeae058c7b869de'],
    noMatch: [
      'SERPAPI_API_KEY=...',
      'SERPAPI_API_KEY=e05d7b87e8fabf54e5d9b911d14777ff4441b045d3433b0824c9f56e6958237',
      'UNRELATED_API_KEY=2a9e6f73685453a2274db7c7c3035c7e290963d80cc092d68eeae058c7b869de',
    ],
  },
  'serper': {
    match: ['SERPER_API_KEY=39c95ca1cbc3a198a8729dc5df679b270c3b12c1', 'serperApiKey: \'0b8b316a409a061eea9027e713c02a6cb2a44c54\''],
    secrets: ['39c95ca1cbc3a198a8729dc5df679b270c3b12c1', '0b8b316a409a061eea9027e713c02a6cb2a44c54'],
    noMatch: [
      'SERPER_API_KEY=...',
      'SERPER_API_KEY=39c95ca1cbc3a198a8729dc5df679b270c3b12c',
      'UNRELATED_API_KEY=0b8b316a409a061eea9027e713c02a6cb2a44c54',
    ],
  },
  'composio': {
    match: ['COMPOSIO_API_KEY=k8u9b0gm6ct8umobbqoq7v3k', 'composioApiKey: \'vupwlq79mogtv0p5mg0m4ils\''],
    secrets: ['k8u9b0gm6ct8umobbqoq7v3k', 'vupwlq79mogtv0p5mg0m4ils'],
    noMatch: [
      'COMPOSIO_API_KEY=...',
      'COMPOSIO_API_KEY=O9hFAiOh29oB',
      'UNRELATED_API_KEY=vupwlq79mogtv0p5mg0m4ils',
    ],
  },
  'apify': {
    match: ['apify_api_6VZFEvM6I2tDriskPGFkRGGQfcfCo4ER4tYg', 'apify_api_HcG3eEp1Q3BF9uuoMMeVmfBxCykG2tA9MAnS'],
    noMatch: [
      'apify_api_...',
      'apify_api_6VZFEvM6I2tDriskPGFkRGGQfcfCo4ER4tY',
      'apify_api_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'brave-search': {
    match: ['BSAYF5BfL2t-UDET3rT1e06PbFdbj6', 'BSAS1MdzWc1bdSAPlg26bqivEDZsNa'],
    noMatch: [
      'BSA...',
      'BSADmZSqJMy2S',
      'BSAaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'kagi': {
    match: ['KAGI_API_KEY=hyfbB07a5EQ.GBvK7Maq_C-BWEwjQGds6zNZV65SHuGzc5hhEND2Gln', 'kagiApiKey: \'yNIG5GlRXBN.wyg34cp7nJENhQkxqSkD2DlwPqZVuY4bLoSivufLrd-\''],
    secrets: ['hyfbB07a5EQ.GBvK7Maq_C-BWEwjQGds6zNZV65SHuGzc5hhEND2Gln', 'yNIG5GlRXBN.wyg34cp7nJENhQkxqSkD2DlwPqZVuY4bLoSivufLrd-'],
    noMatch: [
      'KAGI_API_KEY=...',
      'KAGI_API_KEY=hyfbB07a5EQ.GBvK7Maq_C-BWEwjQGds6zNZV65SHuGzc5hhEND2Gl',
      'UNRELATED_API_KEY=yNIG5GlRXBN.wyg34cp7nJENhQkxqSkD2DlwPqZVuY4bLoSivufLrd-',
    ],
  },
  'browserless': {
    match: ['BROWSERLESS_TOKEN=vdm2rb6vui90j93dss7qod21wk6ti5cb', 'browserlessToken: \'j8qohu9f3c5167maszcl2q1dudtptfhk\''],
    secrets: ['vdm2rb6vui90j93dss7qod21wk6ti5cb', 'j8qohu9f3c5167maszcl2q1dudtptfhk'],
    noMatch: [
      'BROWSERLESS_TOKEN=...',
      'BROWSERLESS_TOKEN=93c0F6UJ5Ytu',
      'UNRELATED_API_KEY=j8qohu9f3c5167maszcl2q1dudtptfhk',
    ],
  },
  'mem0': {
    match: ['m0-ztKncrevRQr3VAx3K4knULA8oRGAdiMrIUPToABo', 'm0-2VXjky4Bbus7ybGH5Ma1RKLQ0DpMuDaTMhOy5Dgw'],
    noMatch: [
      'm0-...',
      'm0-MoqxgA2vxWpwqMCntO3r',
      'm0-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'vapi': {
    match: ['VAPI_PRIVATE_KEY=4fc6e750-9472-48ca-a88a-5d8c06c74252', 'vapiPrivateKey: \'16284fb1-254f-462b-ad53-933bdae83bdf\''],
    secrets: ['4fc6e750-9472-48ca-a88a-5d8c06c74252', '16284fb1-254f-462b-ad53-933bdae83bdf'],
    noMatch: [
      'VAPI_PRIVATE_KEY=...',
      'VAPI_PRIVATE_KEY=4fc6e750-9472-48ca-a88a-5d8c06c7425',
      'UNRELATED_API_KEY=16284fb1-254f-462b-ad53-933bdae83bdf',
    ],
  },
  'livekit': {
    match: ['LIVEKIT_API_SECRET=FWvsuCuDQwEpOXSYnb3zYwrJX83LhTccdxgwsuWDiFy', 'livekitApiSecret: \'cP3kXpxIUVirhGLjR8kBo0rGalQfCGtTZZkpvlB25wl\''],
    secrets: ['FWvsuCuDQwEpOXSYnb3zYwrJX83LhTccdxgwsuWDiFy', 'cP3kXpxIUVirhGLjR8kBo0rGalQfCGtTZZkpvlB25wl'],
    noMatch: [
      'LIVEKIT_API_SECRET=...',
      'LIVEKIT_API_SECRET=ab3w5xU7Tu1b',
      'UNRELATED_API_KEY=cP3kXpxIUVirhGLjR8kBo0rGalQfCGtTZZkpvlB25wl',
    ],
  },
  'val-town': {
    match: ['vtwn_v5Mf69uFWOpQ9WRvGAUHoOI7qCkQCzp1svLD3uq1', 'vtwn_7DV0xu2Vy_EraPYH_oNYZCqwnMEpE-N2ZunE1xxL'],
    noMatch: [
      'vtwn_...',
      'vtwn_k2WteG-fdl',
      'vtwn_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'unkey': {
    match: ['unkey_51FZSPr1yC9EowgzEhb161WfWEzB', 'unkey_xcQfmN6aYF2jW0kwWXtVEIs4pB0Z'],
    noMatch: [
      'unkey_...',
      'unkey_m34zbRItsw',
      'unkey_aaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'scrapingbee': {
    match: ['SCRAPINGBEE_API_KEY=8UVMOBUB68BGIBOTXM7KS1DZ1ZA5P49TR81P1WAT0B21ORKIORWJ8D1R2KYGGWYK6PAEPLEAR08ZD8GL', 'scrapingbeeApiKey: \'JLK647HWEN930DAQCD9X1TN12RLNWP5YA7C0CO5D9CGPGNK6Z72ZGZ8SHEZAEIR23S5RGNMTJA1AYDJF\''],
    secrets: ['8UVMOBUB68BGIBOTXM7KS1DZ1ZA5P49TR81P1WAT0B21ORKIORWJ8D1R2KYGGWYK6PAEPLEAR08ZD8GL', 'JLK647HWEN930DAQCD9X1TN12RLNWP5YA7C0CO5D9CGPGNK6Z72ZGZ8SHEZAEIR23S5RGNMTJA1AYDJF'],
    noMatch: [
      'SCRAPINGBEE_API_KEY=...',
      'SCRAPINGBEE_API_KEY=8UVMOBUB68BGIBOTXM7KS1DZ1ZA5P49TR81P1WAT0B21ORKIORWJ8D1R2KYGGWYK6PAEPLEAR08ZD8G',
      'UNRELATED_API_KEY=JLK647HWEN930DAQCD9X1TN12RLNWP5YA7C0CO5D9CGPGNK6Z72ZGZ8SHEZAEIR23S5RGNMTJA1AYDJF',
    ],
  },
  'zapier-webhook': {
    match: ['https://hooks.zapier.com/hooks/catch/48437947/w5lnh4z/', 'https://hooks.zapier.com/hooks/catch/5577925/d4zhz6'],
    noMatch: [
      'https://hooks.zapier.com/hooks/catch/123/abc/',
      'https://hooks.zapier.com/hooks/catch/<id>/<hook>/',
      'https://hooks.zapier.com/',
    ],
  },
};
