import { base62, crc32 } from './checksum';
import type { ProviderDetector, ProviderExamples } from './provider-types';
import { PROVIDERS } from './providers';

/**
 * The must-match / must-not-match examples of every provider detector in providers.ts, keyed by detector id.
 * They are test data: only tests import this module, so the shipped bundles (and the VSIX, which marketplace secret
 * scanners check) carry none of these key-shaped strings. The values are random strings in each provider's
 * format, not real keys.
 */

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

export const PROVIDER_EXAMPLES: Record<string, ProviderExamples> = {
  'openai': {
        match: ['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', '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', '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', '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', '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', 'sk-proj-KqDGi2SZnAOWFRZBchyaXOIUw5zMAFib9wpIu28Kb6LVDSAi', 'sk-None-EinY0oBpmvO2A3YBc2kIT3BlbkFJ8GRRGl6yrpyAa6KOpRg3'],
        noMatch: [
          'sk-proj-...',
          'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'sk-proj-your-api-key-goes-here-please-replace-it-now',
          'sk-proj-abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz',
          'sk-proj-configurationsettingsforthesandboxenvironmentvariables',
          'xsk-proj-kLyz1dKrDwlKCczsDozI8miAoy7SQXWbu5ozjWdYfLPaLcVEYkdEpuS0CPI4cT9OxL_I_No0WVT3BlbkFJpEa4WPstMFLX88D2_5q6MxsBohikKyQ9gD-J2AVwU4tOx97mXhEPUMNKsMvODfkwsHBpAIn_PA',
          'sk-9XEX6EuWP7Na6VcR6K67T3BlbkFJ1sAC5MABnnH1YAgraIuiQ',
          'sk-9XEX6EuWP7Na6VcR6K67T3BlbkFK1sAC5MABnnH1YAgraIui',
          'sk-KqDGi2SZnAOWFRZBchyaXOIUw5zMAFib9wpIu28Kb6LVDSAi',
          'sk-proj-Ab3dE',
          'desk-proj-configuration',
        ],
      },
  'anthropic': {
        match: ['sk-ant-api03-FqN10bJfU4r4dUl2R31z_HWuDgbiOzOGpq_NvUxiDyWHIK8bHLILy9mwOaLwQTDhjv8gdknHCS_PB-VCq2sje4JDSPGHcAA', 'sk-ant-api03-71ap1dsIcZ-4u9kgtXMLSrc466jQ_1jeyfQ6dDia-vTN-FibGD_-JD_FlPsKLhXQ8FEUMpSyMYo5AMrhyoeUVstdbd6_pAA', 'sk-ant-admin01-AiUgWgESNNUO-lSjFhRjd1G4_FJyYJOu-iclLoh1a7bJppUIGq79EENF6v3aPcqK7MKv5kLF7eMcQftdrLTGbdK0KC7lMAA'],
        noMatch: [
          'sk-ant-api03-...',
          'sk-ant-api03-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXAA',
          'sk-ant-api03-tooshort0123456789AA',
          'sk-ant-api03-FqN10bJfU4r4dUl2R31z_HWuDgbiOzOGpq_NvUxiDyWHIK8bHLILy9mwOaLwQTDhjv8gdknHCS_PB-VCq2sje4JDSPGHcBB',
          'sk-ant-api04-71ap1dsIcZ-4u9kgtXMLSrc466jQ_1jeyfQ6dDia-vTN-FibGD_-JD_FlPsKLhXQ8FEUMpSyMYo5AMrhyoeUVstdbd6_pAA',
          'sk-ant-api03-71ap1dsIcZ-4u9kgtXMLSrc466jQ_1jeyfQ6dDia-vTN-FibGD_-JD_FlPsKLhXQ8FEUMpSyMYo5AMrhyoeUVstdbd6_pAAx',
          '_sk-ant-admin01-AiUgWgESNNUO-lSjFhRjd1G4_FJyYJOu-iclLoh1a7bJppUIGq79EENF6v3aPcqK7MKv5kLF7eMcQftdrLTGbdK0KC7lMAA',
        ],
      },
  'anthropic-oauth': {
        match: ['sk-ant-oat01-5yh0Nvu-Uwi9lPZG8AG7Xugf5hVlk2BV7xvsSwWVKwjUDJTyIufvWKthyKNwbPkPZ34E0iIxDipStz3ZTk8RvWt53ljglKe', 'sk-ant-oat01-XU6KkANU9qcEYPPfd_WUlrIFMce_pCzdKLHbKvHhJFSTk617Hf545YcDrsxv1CvyTVujRuV9yLl0RFOgzrM8xjoSPoPe9AA', 'sk-ant-ort01-gZIuEliO8HzTho65ityt57OJv72c6ARqvrVjcySCZnbbM4FWjqXV9Ro2PGpUljrjEtxt2D936xQ1vGrhBFDYzfWSfUAyMnB'],
        noMatch: [
          'sk-ant-oat01-tooShort',
          'sk-ant-oat01-...',
          'sk-ant-oat01-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'sk-ant-oat01-5yh0Nvu-Uwi9lPZG8AG7Xugf5hVlk2BV7xvsSwWVKwjUDJTyIufvWKthyKNwbPkPZ34E0iIxDipStz3',
          'xsk-ant-oat01-XU6KkANU9qcEYPPfd_WUlrIFMce_pCzdKLHbKvHhJFSTk617Hf545YcDrsxv1CvyTVujRuV9yLl0RFOgzrM8xjoSPoPe9AA',
        ],
      },
  'aws-access-key-id': {
        match: ['AKIA65D43B2JAGEE2STL', 'ASIA3WHM7LJDNX7CSFBZ', 'AKIATO7MLVDXLKY76DXS', 'ABIAS365A2FSYWBE6OSG', 'A3TXHIMWLB25RMVUQVCS'],
        noMatch: [
          'AKIAIOSFODNN7EXAMPLE',
          'ASIAIOSFODNN7EXAMPLE',
          'AKIAI44QH8DHBEXAMPLE',
          'AKIAXXXXXXXXXXXXXXXX',
          'AKIA1234567890123456',
          'ASIA-PACIFIC-REGION-NAME',
          'AKIA65D43B2JAGEE2ST',
          'ASIA3WHM7LJDNX7CSFBZQ',
          'akiato7mlvdxlky76dxs',
          'xAKIA65D43B2JAGEE2STL',
        ],
      },
  'aws-secret-access-key': {
        match: ['aws_secret_access_key = g2ZkwidZeAYJ2zaX3jXmGCtPJm9DGHQzwngzdTJF', 'secretAccessKey: "CjFt71zP2zhEYLX+KHS7e4ZVJEgQPcAD9+BlrJsF"', 'AWS_SECRET_ACCESS_KEY=x7TzI3d93OVwCCgp74UO2d6D+DO9gQPgT9dHnhF6', '"SecretAccessKey": "vj/pK+cQcC6fxzrI8+V5UbxcwXat5mg5q94vHtol",', 'aws.secret-access-key => \'n1hgUppLkDnEb6FoNTuDrgJ4Yt8kZgFlURO3asvL\'', 'aws configure set aws_secret_access_key "FJTdzgnwzQHGD9mJPtCGmXj3Xaz2JYAeZdiwkZ2g"'],
        secrets: ['g2ZkwidZeAYJ2zaX3jXmGCtPJm9DGHQzwngzdTJF', 'CjFt71zP2zhEYLX+KHS7e4ZVJEgQPcAD9+BlrJsF', 'x7TzI3d93OVwCCgp74UO2d6D+DO9gQPgT9dHnhF6', 'vj/pK+cQcC6fxzrI8+V5UbxcwXat5mg5q94vHtol', 'n1hgUppLkDnEb6FoNTuDrgJ4Yt8kZgFlURO3asvL', 'FJTdzgnwzQHGD9mJPtCGmXj3Xaz2JYAeZdiwkZ2g'],
        noMatch: [
          'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          'g2ZkwidZeAYJ2zaX3jXmGCtPJm9DGHQzwngzdTJF',
          'aws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
          'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
          'aws_secret_access_key = jFt71zP2zhEYLX+KHS7e4ZVJEgQPcAD9+BlrJsF',
          'aws_secret_access_key = x7TzI3d93OVwCCgp74UO2d6D+DO9gQPgT9dHnhF6Q',
          'mysecret_access_key = vj/pK+cQcC6fxzrI8+V5UbxcwXat5mg5q94vHtol',
        ],
      },
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
  'slack': {
        match: ['xoxb-767864406133-1932118278123-06jkaJYayBvsTipHcsAlXCtK', 'xoxb-91363518413-959845452876-9gE4gdwHXR2B4njb349nUjKl', 'xoxp-667969976200-662567091177-0153572626212-26ac2a537901d46e24073bf2646179f7', 'xapp-1-AW28Y5YT990-8845130185318-bdac9de0712f53710b54e8f812993432dee1e7fcbd085f91f6b5d88372c06d5e', 'xoxe.xoxp-1-Ayc7leIRFWY6pp0bUMW3pJ8dCK0OsanB26mF79qkgYK2frYSGLE8jC8Nylgxlf0LDWCpWJuOk7J2WxVTy8HCw2YjcCWm6N3vdU1X4C5w9GmtOOK0jde5kSun99TCsMYr02RZcgzkXPPpAvQZPX15c7AqddCcrRsemwN', 'xoxe-1-FvSpkadSx4Kh2UW0GxOhnpA9XQOMej2kdXDWW7vCjcbmGMvtWR9FYaK6wesY64rt6BlfuKt2wmHtOUE67WQvRaDiqSSCMiG5biC3VHTk0PLoN1VJZNfRHAibL2lPR1Cl2ms3YEOIqsiensRe6Q'],
        noMatch: [
          'xoxb-your-bot-token',
          'xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx',
          'xoxp-...',
          'xoxb-1234-5678-abcdefghijklmnopqrstuvwx',
          'xoxp-572370529330-573807301142-572331691188-####################',
          'xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere',
          'xoxb-767864406133-1932118278123-06jkaJYayBvsTipHcsAlXCtK_extra',
          'xoxb-91363518413-959845452876-9gE4gdwHXR2B4njb349nUjK',
        ],
      },
  'slack-webhook': {
        match: ['https://hooks.slack.com/services/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', 'https://hooks.slack.com/services/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', 'https://hooks.slack.com/workflows/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', 'https://hooks.slack.com/triggers/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'],
        noMatch: [
          'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
          'https://hooks.slack.com/services/...',
          'https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/xxxxxxxxxxxxxxxxxxxxxxxx',
          'https://hooks.slack.com/services/T2UP15ED5/BUEQ8YN4OYS/A1j6PT9UL0n0hfMJcW9lAc1',
          'https://hooks.slack.com/services/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a',
          'https://api.slack.com/apps/A0123456789/incoming-webhooks',
        ],
      },
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
  'google-api-key': {
        match: ['AIzaSyZGEOzZVwCJf_9RinW2JIsLYLQyjyPTVjO', 'AIzaSyYFXdvcDXW6sMLpS_SDKOEgovsemXFWByV', 'AIzaSyXmiLLtul4Q1PtLuC48FUnTb1YhblMmDQA'],
        noMatch: [
          'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
          'AIza...',
          'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
          'AIzaSyZGEOzZVwCJf_9RinW2JIsLYLQyjyPTVj',
          'AIzaSyYFXdvcDXW6sMLpS_SDKOEgovsemXFWByVx',
          'AIZASYXMILLTUL4Q1PTLUC48FUNTB1YHBLMMDQA',
        ],
      },
  'google-oauth-client-secret': {
        match: ['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', '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'],
        noMatch: ['GOCSPX-...', 'GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'GOCSPX-NaBYAILthStpgqrWQknWS5CnjF9', '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Q'],
      },
  'huggingface': {
        match: ['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', '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', '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'],
        noMatch: [
          'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'hf_hub_download_function_name_here',
          'hf_abcdefghijklmnopqrstuvwxyzabcdefgh',
          'hf_...',
          'hf_xNRGolrYrypklwSjavoSjwGmJihOIbvmW',
          'hf_ldukfHzzGcOYGeKTMeegZYNTWeOoDGDhURq',
          'hf_xNRGolrYrypklwSjavoSjwGmJihOIbvmW7',
        ],
      },
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
  'groq': {
        match: ['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', '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', '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'],
        noMatch: ['gsk_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'gsk_...', 'gsk_mVBNAPlXVw4RIKDoggR7djfsAw1fDxSjqQ8r8VgTT1blafQhc75', 'gsk_sz8LbLdF7BHhvtjPxoaPNalrZRIdEGVlaTuJBNb65UedXtwUnJAwa'],
      },
  'xai': {
        match: ['xai-4J75xTQ9sXw5T1CbhcsGn2uRqFh8h83e0s6EQ0ITfFvHIPiGLqlXd2gaIeNxACGabphnNpN6iYpniccC', 'xai-gvzdagGsBgz402Eg2JesJAbgRi5HyylExAvmI3bv3srfup0yAOM6gMziqX8R9iXDZ4ow2MPHLBbDCpWY', 'xai-8DQvNgNqt9DYgd6uc2uzetwUoh9rZkeiNqOwI8kEjTe9av4GxSTD8OrcGkexfI0qelDb3yRDVR66Eemk'],
        noMatch: ['xai-...', 'xai-grok-4-fast-reasoning', 'xai-4J75xTQ9sXw5T1CbhcsGn2uRqFh8h83e0s6EQ0ITfFvHIPiGLqlXd2gaIeNxACGabphnNpN6iYpnicc', 'xai-gvzdagGsBgz402Eg2JesJAbgRi5HyylExAvmI3bv3srfup0yAOM6gMziqX8R9iXDZ4ow2MPHLBbDCpWYb'],
      },
  'perplexity': {
        match: ['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', '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', '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'],
        noMatch: ['pplx-...', 'pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pplx-wWKMeTdjNvMTBm8YnExTfQrHO', 'xpplx-ecVqyaKVUWm4P7lhmmUoIUdxcLl9twLo6IzMCnNYJkahfhLU'],
      },
  'replicate': {
        match: ['r8_gRMVFXsQtaobAMCBfVkdjsbyiirD6b0OFa6pL', 'r8_LhQS03XjmBoz8tz4AI8DNzCY7FSQPerISAsP2', 'r8_QVw4uLWBtZeYUS8wtWx634FZAHiVwBkHHvYpO'],
        noMatch: ['r8_...', 'r8_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'r8_gRMVFXsQtaobAMCBfVkdjsbyiirD6b0OFa6p', 'xr8_LhQS03XjmBoz8tz4AI8DNzCY7FSQPerISAsP2'],
      },
  'pinecone': {
        match: ['pcsk_QUTMO_CilYyDzfzcSzdRewHd9dJDb0nGJIZNy041sTpoc9cMdi2Za0YNHK5acZ15F5ZmdEsWj', 'pcsk_whrnGS_qmqmIaUFqUZCVK7poEK6M9Ya0LBZk94f4XTS2ua1WNhcrhe6ofQTTOSNXvWaQjMVRtH0Fb', 'pcsk_jaRWE_3YGSeQDbUNiqBLO0FIQr6AkcdpRJoQKTDrHTIFrVne7h231hjK2bP0aHJS1rIq4R7fe'],
        noMatch: ['pcsk_...', 'pcsk_xxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pcsk_QUTMO_CilYyDzfzcSzdRewHd9dJDb0nGJIZ', 'pcsk-whrnGS-qmqmIaUFqUZCVK7poEK6M9Ya0LBZk94f4XTS2ua1WNhcrhe6ofQTTOSNXvWaQjMVRtH0Fb'],
      },
  'openrouter': {
        match: ['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', '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', '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'],
        noMatch: [
          'sk-or-v1-...',
          'sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000',
          'sk-or-v1-ee793e2743e57c4aaac89a3d07f9cbb13da5634b49f5923c70d9144ea47b999',
          'sk-or-v1-490C7BD16C4D896908F1D9D531D5FDC9AA2D36CA8E14A1A720E110E1AAEA20C4',
          'sk-or-v1-c447c2d78cdadc9df4b2e2ee5e48f19e8a1927362d9abe0e623e08bf2dc447ec0',
        ],
      },
  'sendgrid': {
        match: ['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', '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', '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'],
        noMatch: ['SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SG.example', 'SG.5eFvmzgB7aoLz0YusyBBau.7OcWPwwMUTOoUz1Wj8uoknrqE_1lqg1NZHBhl7G_Tf', 'MSG.9UbITzsVuTaKEck23Y6N8C.TkgmXTanRhAg0ULweWlD0lbiVyC5FbT-B174iw8VWPj'],
      },
  'twilio': {
        match: ['SK68a9950abbf57cd500852bbc237281b1', 'SKca72021fafa15c2cd1e5c1501d224ca4', 'SK2536a730379ab5ab1fc622f5596f4bf8'],
        noMatch: [
          'SK00000000000000000000000000000000',
          'SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'MASK68a9950abbf57cd500852bbc237281b1',
          'ACca72021fafa15c2cd1e5c1501d224ca4',
          'SK2536A730379AB5AB1FC622F5596F4BF8',
          'SK68a9950abbf57cd500852bbc237281b',
        ],
      },
  'twilio-auth-token': {
        match: ['TWILIO_AUTH_TOKEN=6ad0d742c2b59c27ffb99daff69cf8c5', 'twilioAuthToken: "b5a2a8626fc776a38f9e3b833f88733c"', '"twilio_auth_token": "337b83a97c027dec636d35d46a7152a1"', 'TWILIO_API_SECRET = \'sgVgQH521KjEWseIidldeGMBmp9PQXQ8\''],
        secrets: ['6ad0d742c2b59c27ffb99daff69cf8c5', 'b5a2a8626fc776a38f9e3b833f88733c', '337b83a97c027dec636d35d46a7152a1', 'sgVgQH521KjEWseIidldeGMBmp9PQXQ8'],
        noMatch: [
          'TWILIO_AUTH_TOKEN=your_auth_token',
          'TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}',
          'TWILIO_AUTH_TOKEN=00000000000000000000000000000000',
          'TWILIO_ACCOUNT_SID=AC6ad0d742c2b59c27ffb99daff69cf8c5',
          'TWILIO_AUTH_TOKEN=5a2a8626fc776a38f9e3b833f88733c',
          '337b83a97c027dec636d35d46a7152a1',
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
  'jwt-bearer': {
        match: ['Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5NTExNTI2MDM5IiwibmFtZSI6Inlkb3hieWNpIiwiaWF0IjoxNzAzNTI0NDMxfQ.6RnieKNjApkR_ImJNmqaSWAC3s3phoJPJERwI447gCn', '"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3NzQzNDY1Mjg0IiwibmFtZSI6InZnZXNwcGlzIiwiaWF0IjoxNzAwNTQyMzQ4fQ.YULrLNuKSZcMsyKG2TN_ASCDMvt7LTDQ17WCJJliyJC"', 'curl -H \'authorization: bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjE0MjRhZTMwYTAwY2UxYTQiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20vIiwic3ViIjoidXNlcl9kOUQzWndjd0l1V3QiLCJhdWQiOiJhcGkiLCJleHAiOjE4MDg5OTE1NjB9.J0xV9nSQ3NL3GuE365ZieVatKVW9NKfnQ8Cxwx8umo9HTENTmLqlNEq1zyvgrvrc5HSh4VwIUyvmIt50nm5GVN06RQflSf8rS1Rsmoyh8hKyvZi87pgJyYPTQ0C4ksfqwquosV-2dEAJA-5eF2lk3TmqSLtyK-gIFV827n1cDjeCS2fWm7aGjhEwzMZ9csRL1B3aqRoNTfsAjZ7GCk9xZvspYABUdb0O6Nm0TLvEeDDoEn6kOC3bx5yQUjF1yv3IpG7RHwDH9NERyFggQFmuPnQm8fflH6MmVBWZgZBjzsoyFfH-yFGeRIG6EqWT37d94oF0OGC0WrgQNhadE5hyKu\' https://api.example.com/v1/agents'],
        secrets: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5NTExNTI2MDM5IiwibmFtZSI6Inlkb3hieWNpIiwiaWF0IjoxNzAzNTI0NDMxfQ.6RnieKNjApkR_ImJNmqaSWAC3s3phoJPJERwI447gCn', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3NzQzNDY1Mjg0IiwibmFtZSI6InZnZXNwcGlzIiwiaWF0IjoxNzAwNTQyMzQ4fQ.YULrLNuKSZcMsyKG2TN_ASCDMvt7LTDQ17WCJJliyJC', 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjE0MjRhZTMwYTAwY2UxYTQiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20vIiwic3ViIjoidXNlcl9kOUQzWndjd0l1V3QiLCJhdWQiOiJhcGkiLCJleHAiOjE4MDg5OTE1NjB9.J0xV9nSQ3NL3GuE365ZieVatKVW9NKfnQ8Cxwx8umo9HTENTmLqlNEq1zyvgrvrc5HSh4VwIUyvmIt50nm5GVN06RQflSf8rS1Rsmoyh8hKyvZi87pgJyYPTQ0C4ksfqwquosV-2dEAJA-5eF2lk3TmqSLtyK-gIFV827n1cDjeCS2fWm7aGjhEwzMZ9csRL1B3aqRoNTfsAjZ7GCk9xZvspYABUdb0O6Nm0TLvEeDDoEn6kOC3bx5yQUjF1yv3IpG7RHwDH9NERyFggQFmuPnQm8fflH6MmVBWZgZBjzsoyFfH-yFGeRIG6EqWT37d94oF0OGC0WrgQNhadE5hyKu'],
        noMatch: [
          'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJ...',
          'Authorization: Bearer eyJxxxxxxxxx.eyJxxxxxxxxx.xxxxxxxxxxxxxxxxxx',
          'Authorization: Bearer ${ACCESS_TOKEN}',
          'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
          'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5NTExNTI2MDM5IiwibmFtZSI6Inlkb3hieWNpIiwiaWF0IjoxNzAzNTI0NDMxfQ.6RnieKNjApkR_ImJNmqaSWAC3s3phoJPJERwI447gCn',
          'xBearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3NzQzNDY1Mjg0IiwibmFtZSI6InZnZXNwcGlzIiwiaWF0IjoxNzAwNTQyMzQ4fQ.YULrLNuKSZcMsyKG2TN_ASCDMvt7LTDQ17WCJJliyJC',
          'Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjE0MjRhZTMwYTAwY2UxYTQiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20vIiwic3ViIjoidXNlcl9kOUQzWndjd0l1V3QiLCJhdWQiOiJhcGkiLCJleHAiOjE4MDg5OTE1NjB9.J0xV9nSQ3NL3GuE365ZieVatKVW9NKfnQ8Cxwx8umo9HTENTmLqlNEq1zyvgrvrc5HSh4VwIUyvmIt50nm5GVN06RQflSf8rS1Rsmoyh8hKyvZi87pgJyYPTQ0C4ksfqwquosV-2dEAJA-5eF2lk3TmqSLtyK-gIFV827n1cDjeCS2fWm7aGjhEwzMZ9csRL1B3aqRoNTfsAjZ7GCk9xZvspYABUdb0O6Nm0TLvEeDDoEn6kOC3bx5yQUjF1yv3IpG7RHwDH9NERyFggQFmuPnQm8fflH6MmVBWZgZBjzsoyFfH-yFGeRIG6EqWT37d94oF0OGC0WrgQNhadE5hyKu.F0OGC0WrgQNhadE5hyKu',
        ],
      },
  'telegram-bot': {
        match: ['5418551043:AAK05mE7daa1f1-L25jQ8T_7kRarjaQwVuy', '153484381:AA8WksQ9kO54NBbDSBa3fnzepBg2jGU-aT_', 'https://api.telegram.org/bot5597303314:AALSsXwlSE7JxvXOdI7oawUNvGpahkncyOx/sendMessage'],
        secrets: ['5418551043:AAK05mE7daa1f1-L25jQ8T_7kRarjaQwVuy', '153484381:AA8WksQ9kO54NBbDSBa3fnzepBg2jGU-aT_', '5597303314:AALSsXwlSE7JxvXOdI7oawUNvGpahkncyOx'],
        noMatch: ['123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '12:34:AA', '12153484381:AA8WksQ9kO54NBbDSBa3fnzepBg2jGU-aT_', '5418551043:AAK05mE7daa1f1-L25jQ8T_7kRarjaQwVu', 'https://api.telegram.org/robot5597303314:AALSsXwlSE7JxvXOdI7oawUNvGpahkncyOx'],
      },
  'databricks': {
        match: ['dapid198144c99e8cea19d93e595d943b389', 'dapidc9ade3df970a12212dffaa43154a3a7-2', 'dapib52f4556172950275e647ac994b6e8e5'],
        noMatch: ['dapi00000000000000000000000000000000', 'dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dapid198144c99e8cea19d93e595d943b38', 'xdapib52f4556172950275e647ac994b6e8e5'],
      },
  'shopify': {
        match: ['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', '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', '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'],
        noMatch: ['shpat_00000000000000000000000000000000', 'shpat_...', 'shpat_be9a5dc78d9deacea1655167a75e437', 'shpxx_109e9b2ffa69920acbca7c1e5e109a76'],
      },
  'notion': {
        match: ['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', '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', 'secret_Z38A4V2LAR6DjpNxjXkPK9oPDQpfU4lRURE9v0OY9vo'],
        noMatch: ['secret_manager_access_role_binding_for_service_x', 'ntn_...', 'secret_SECRETSECRETSECRETSECRETSECRETSECRETSECR', 'ntn_92944642052WJtfn1fuwcrVDFRDpu6Gk8MURlClm2f8yv', 'secret_Z38A4V2LAR6DjpNxjXkPK9oPDQpfU4lRURE9v0OY9vox'],
      },
  'linear': {
        match: ['lin_api_yKjRxJ68uA5vC8Yn43csBueGK7UYYIjlrJHw4UVQ', 'lin_api_1UBbKId9X8WmFvTbKqlmlUNGggc4VS1gsJudXO61', 'lin_api_hVcpiDOce4mVT0jcTQtiYYlBweLjXeGwEveqrgoF'],
        noMatch: ['lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'lin_api_...', 'lin_api_yKjRxJ68uA5vC8Yn43csBueGK7UYYIjlrJHw4UV', 'lin_api_1UBbKId9X8WmFvTbKqlmlUNGggc4VS1gsJudXO61x'],
      },
  'digitalocean': {
        match: ['dop_v1_6cd2b06b48e2d7789d0adee51d46e8f93bae20127e097b454565a8d837537188', 'doo_v1_f9e3da6fcbbe0b06889cf7f81a94c4159d3b7ffd684a76d2e4ea3de395da1fd8', 'dor_v1_1662040b6e2d4550f89bb71c83d5d5895ffd8c158836f34e2486afbdd6f2ef3d'],
        noMatch: ['dop_v1_0000000000000000000000000000000000000000000000000000000000000000', 'dop_v1_...', 'dop_v1_6cd2b06b48e2d7789d0adee51d46e8f93bae20127e097b454565a8d83753718', 'doo_v1_f9e3da6fcbbe0b06889cf7f81a94c4159d3b7ffd684a76d2e4ea3de395da1fd8a'],
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
  'tavily': {
        match: ['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', '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', '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'],
        noMatch: ['tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'tvly-YOUR_API_KEY', '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', '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'],
      },
  'langfuse': {
        match: ['sk-lf-4128de5d-98fc-93a6-76e9-7bc0d7dcb71a', 'sk-lf-d02a59ca-de0f-c714-5c1e-9f3924cc953d', 'sk-lf-55a3db76-69a0-253d-f10c-5b06f8ad4400'],
        noMatch: ['pk-lf-4128de5d-98fc-93a6-76e9-7bc0d7dcb71a', 'sk-lf-...', 'sk-lf-00000000-0000-0000-0000-000000000000', 'sk-lf-d02a59ca-de0f-c714-5c1e-9f3924cc953'],
      },
  '1password-service-account': {
        match: ['ops_eyJvoMnKTz9+OphasLKjzpi/RVFX6n+lJSDNSN8/Xo9SLCx3uzOPN61Wf4m0GHmd8cUxASobeihYfuB+wGTIj8Dhzy2lCYL6zoG4e8qet7uJ8ORQb69Du+Teu8sOcOZpbMMQcDioNj9ZcvOzNe3xcQI4JBkmVRd9HSB39KGGwSGhllwZb0x/4XwqO/D5iE9vdGVKNhQs8DEPLz2QFbRzqeO0hywwvo+hWZCciZS0f5Wq4KcOYnLcyoIDUgmmmlvJyiBUcii3eYGxJBVzx1SWLjfpphPJQwHYzkPnCKMXUg7JIWoJ4yKs1WGXaPnxR/eivf3ngLQhvgVA0/pNxOLkEmfvzCXT4DPIBoJn38KfRvpnNhoXQwtAJonDJ6rG0tvsjn2h9fekZezj29vhh/p=', 'ops_eyJ36U7myAPdF6b8aJlBqWpTslGs3PvjBVfD3jXn8tis9jj8GH6lg1QVI2-2yKFeeiyM9GkKz2mQNes5Tn08krRwWFPLYGTuApKyL-zYxHoXtaaFXW-ZVPfLcfVmeNEYgnfoLdfFPtyDbKgeCrwByPcvWsYpZIIsTnLeZBFZj-b-fkEHmCUoWhXgj8qPgWdmDstHhm38zsekkGS5VeB1Pu0jECTIite9PmmN-HundGXjBFw8_WD3uuf4aRV-ODatBsoj3dpKjJckieyNBB7QkEC2RaU1NcJACTC-ds77H6yQzq-'],
        noMatch: ['ops_eyJ...', 'op://vault/item/field', 'ops_eyJvoMnKTz9+OphasLKjzpi/RVFX6n+lJSDNSN8/Xo9SLCx3uzOPN61Wf4m0GHmd8cUxASobeihY'],
      },
  'azure-ad-client-secret': {
        match: ['4jt0Q~FFW2_x7J2ylnhBHlEOUZghoHerqhLkdyAA', 'qI37Q~_9lVMPpckUR-Ot7ZIWDI.tW2GLH1Lfts3C', 'client_secret=IuA4Q~65fIix6B-m5u9Prrg15xJSGWbkqTMcs'],
        secrets: ['4jt0Q~FFW2_x7J2ylnhBHlEOUZghoHerqhLkdyAA', 'qI37Q~_9lVMPpckUR-Ot7ZIWDI.tW2GLH1Lfts3C', 'IuA4Q~65fIix6B-m5u9Prrg15xJSGWbkqTMcs'],
        noMatch: ['client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~', 'abc8Q~short', '4jt0Q~FFW2_x7J2ylnhBHlEOUZghoHerqhLkdyAAx', 'qI3xQ~_9lVMPpckUR-Ot7ZIWDI.tW2GLH1Lfts3C'],
      },
  'pypi': {
        match: ['pypi-AgEIcHlwaS5vcmccE8wT90CzJqkngt3eWHtgQ62K8ugnl8OyuTGiAwATGXZmWC-XTzw6viOr6KN-lQTkhII-ZZd0Wt0j3w6bi6-UCoibsKniDQqkiIKlbQ-AwUQDiO1dVubKbBM4gVKgyu1horHlfUnRLTVhZwOggJ9j9nJCcEH3_lJ', 'pypi-AgEIcHlwaS5vcmcCJDMix9Cvg81O-eiirJWj4Qi2dYiNlhymPmRqbsCL2YJCy5yd9qzAhWYAoAZqNOOBLdf7Fs3oLzr7ZRRm4PXqgKsgGX8l7MHTm-mGAjA_eTRgQzwxgAk0ixbD3K3GDjcoEbCj0VuCiPl4ig'],
        noMatch: ['pypi-AgEIcHlwaS5vcmc...', 'pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pypi-AgEIcHlwaS5vcmccE8wT90CzJqkngt3eWHtgQ62K8ugnl8OyuTGiAwA'],
      },
  'docker-hub': {
        match: ['dckr_pat_letqBTPKVAOCF94CD1uoCho3u8P', 'dckr_pat_-amsJYngzTHcdQ9GV6A1gy2ROho', 'dckr_oat_W4oYFrlGtMeqMQcr7dRo-Sosj8Q2xTTa'],
        noMatch: ['dckr_pat_...', 'dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dckr_pat_letqBTPKVAOCF94CD1uoCho3u'],
      },
  'sentry': {
        match: ['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', 'sntrys_eyJpYXQiOjE3MDAwMDAwMDAsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwicmVnaW9uX3VybCI6Imh0dHBzOi8vdXMuc2VudHJ5LmlvIiwib3JnIjoiYWNtZSJ9_DQMGEOj3ZYcg-dbcVOqgE5jZ8FVOxZBlYud5cFQ9eVY', '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'],
        noMatch: ['sntryu_...', 'sntryu_0000000000000000000000000000000000000000000000000000000000000000', 'sntryu_e6adeafb22f62e1c153119ab1065abb471dc4f2883709845dec0dfedb46cb40', 'sntrys_eyJ...'],
      },
  'age-secret-key': {
        match: ['AGE-SECRET-KEY-1XRRZMX3236F066Q3Q67M7ZR7YXSM6MZWSEWZNWGDSAF3RDRFVPCC3ANJPT', 'AGE-SECRET-KEY-1TG4FSKALTS0WQV5Q22X3ZN5C06EELP020YV9RQ6FYP52DTGC4N333ASHGY'],
        noMatch: ['AGE-SECRET-KEY-1...', 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ', 'AGE-SECRET-KEY-1XRRZMX3236F066Q3Q67M7ZR7YXSM6MZWSEWZNWGDSAF3RDRFVPCC3ANJP', 'AGE-SECRET-KEY-1tg4fskalts0wqv5q22x3zn5c06eelp020yv9rq6fyp52dtgc4n333ashgy'],
      },
  'postman': {
        match: ['PMAK-692d1e75931487b930a94120-d8d8b9b9b15dea8501976a4c0165723e6a', 'PMAK-b6a3455ce9c0ca294b95fec4-adaafdd5154a712e4b830a8a301b70c9d9'],
        noMatch: ['PMAK-...', 'PMAK-000000000000000000000000-0000000000000000000000000000000000', 'PMAK-692d1e75931487b930a94120-d8d8b9b9b15dea8501976a4c0165723e6'],
      },
  'discord-webhook': {
        match: ['https://discord.com/api/webhooks/639822187765576396/7VQEAjSIJ5hV5ixjJCLSpf2p6297otofPZQTj7SKeiiquw3q7O0h0x1LZvgWwfa47rMB', 'https://discordapp.com/api/webhooks/6789644471618446493/kvVQ0cWPCCUhdw5ziQxIR5cN8uH-VlLcecWORs26HgSPfk3YegSOsR2eB7oHjkPuYwPc'],
        noMatch: ['https://discord.com/api/webhooks/123456789012345678/...', 'https://discord.com/api/webhooks/{id}/{token}', 'https://discord.com/api/webhooks/639822187765576396/7VQEAjSI'],
      },
  'grafana': {
        match: ['glsa_b8ioH6rIM55qpt1QpbvW9tHgXyxJIpxX_bf313ca1', 'glc_eyJRapFNUpE2jDpA+61k+/aGGI6nMU/XLbKMthr0NeG7DMGoR9L4xiDU+3popstkvrnw9TxdGtSm9b8ka/eG6DD2spigjzSSVRZDptpNm48E+hS3WlFuC+VBs0X==', 'glsa_jO9YAVWNnpJ6lcSUjX48gKGSnzAsXub7_c3614787'],
        noMatch: ['glsa_...', 'glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx', 'glsa_b8ioH6rIM55qpt1QpbvW9tHgXyxJIpxX_bf313ca', 'glc_eyJ...'],
      },
  'e2b': {
        match: ['e2b_9ec2ef46f7d7ddeaa9801feeae884c9eb24ad146', 'e2b_4f3aeac598a418f8c63e3d4591925138f2d92442'],
        noMatch: ['e2b_...', 'e2b_0000000000000000000000000000000000000000', 'e2b_9ec2ef46f7d7ddeaa9801feeae884c9eb24ad14'],
      },
  'firecrawl': {
        match: ['fc-7da289482daf8d17cf6d23d84a99f60f', 'fc-b7fd1f3515fff303613f5ccc0a6dd949'],
        noMatch: ['fc-YOUR_API_KEY', 'fc-00000000000000000000000000000000', 'rfc-7da289482daf8d17cf6d23d84a99f60f', 'fc-b7fd1f3515fff303613f5ccc0a6dd94'],
      },
  'elevenlabs': {
        match: ['sk_22a367a9bcadf1bd6cabebafff3b7e1f9221c7740cbbf4c9', 'sk_550e80b0f106281d6cfe6082d209893aa893537435972b88'],
        noMatch: ['sk_...', 'sk_000000000000000000000000000000000000000000000000', 'sk_22a367a9bcadf1bd6cabebafff3b7e1f9221c7740cbbf4c', 'ask_550e80b0f106281d6cfe6082d209893aa893537435972b88'],
      },
  'supabase': {
        match: ['sbp_4b5879389ff5040f712db767ee904299baa632d2', 'sb_secret_qGVkcMp2VBEyBqCeQTUG-v2gwtXqDwX', 'sbp_798adc09e7003d164d466e8e7f6e9db675047bca'],
        noMatch: ['sbp_...', 'sb_secret_...', 'sb_publishable_' + 'qGVkcMp2VBEyBqCeQTUG-v2gwtXqDwX', 'sbp_4b5879389ff5040f712db767ee904299baa632d'],
      },
  'atlassian': {
        match: ['ATATT3xFfGF0Q6W5FiihyxXknZpz_UsERLWiFwb7bFrPakMneANKtCnScZKRvAZyInKGlc7qh2GVW3yAH7URVreIpmQ-yq7pVSk4ZrwVeSFeLdHddgIT7uM5zn6cvoARJL_dbGQxDaWdYsfq7LUuPUvK2N2Nz7fVZjPshLBDRGBsnWLRdYPvNM7=25C89B63', 'ATATT3xFfGF04OKdGs6gMN4ECkV4vxam4oqswvqbOgpM7pzPDu6zgnnOy7bbfDo-O3f4dm_gPLGuauv-sqcm9SqLh2l4SHnCRWt4cowrunq0J0BMnR-LnIlKDTQwr363uE78POzq19NYLusbu3TNON3PPoBloMifMwGfd1DpapGGmtq3u4Wb5ud=7088423B'],
        noMatch: ['ATATT3...', 'ATATT3xFfGF0Q6W5FiihyxXknZpz_UsERLWiFwb7bFrPakMneANKtCnScZKRvAZyInKGlc7qh2GVW3yAH7URVreIpmQ-yq7pVSk4ZrwVeSFeLdHddgIT7uM5zn6cvoARJL_dbGQxDaWdYsfq7LUuPUvK2N2Nz7fVZjPshLBDRGBsnWLRdYPvNM7=25C89B6', 'ATATT3xFfGF04OKdGs6gMN4ECkV4vxam4oqswvqbOgpM7pzPDu6zgnnOy7bbfDo-O3f4dm_gPLGuauv-sqcm9SqLh2l4SHnCRWt4cowrunq0J0BMnR-LnIlKDTQwr363uE78POzq19NYLusbu3TNON3PPoBloMifMwGfd1DpapGGmtq3u4Wb5ud=7088423BA'],
      },
  'heroku': {
        match: ['HRKU-AA42-UvL4KER06ibVJp1K_JHXZMx09SLzQ-5eMpG1M-7xSSHnzykiJq04u5i', 'HRKU-AAhnTPVrhwDziovl4TvVjCcm_FVe53PmnOLhyVz_WvaF0V0QMUkcv3MJinU5'],
        noMatch: ['HRKU-AA...', 'HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'HRKU-AA42-UvL4KER06ibVJp1K_JHXZMx09SLzQ-5eMpG1M-7xSSHnzykiJq04u5'],
      },
};

/** The catalog with each detector's examples attached, as the tests use it. */
export const PROVIDERS_WITH_EXAMPLES: (ProviderDetector & { examples: ProviderExamples })[] = PROVIDERS.map((detector) => {
  const examples = PROVIDER_EXAMPLES[detector.id];
  if (!examples) throw new Error(`provider ${detector.id} has no examples in provider-examples.ts`);
  return { ...detector, examples };
});
