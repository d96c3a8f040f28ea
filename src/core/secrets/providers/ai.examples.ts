import type { ProviderExamples } from '../provider-types';

export const AI_EXAMPLES: Record<string, ProviderExamples> = {
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
  'elevenlabs': {
    match: ['sk_22a367a9bcadf1bd6cabebafff3b7e1f9221c7740cbbf4c9', 'sk_550e80b0f106281d6cfe6082d209893aa893537435972b88'],
    noMatch: ['sk_...', 'sk_000000000000000000000000000000000000000000000000', 'sk_22a367a9bcadf1bd6cabebafff3b7e1f9221c7740cbbf4c', 'ask_550e80b0f106281d6cfe6082d209893aa893537435972b88'],
  },
};
