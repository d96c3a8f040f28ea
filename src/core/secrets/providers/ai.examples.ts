import type { ProviderExamples } from '../provider-types';

export const AI_EXAMPLES: Record<string, ProviderExamples> = {
  'openai': {
    match: ['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', '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', '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', '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', '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', 'sk-None-EinY0oBpmvO2A3YBc2kIT3BlbkFJ8GRRGl6yrpyAa6KOpRg3'],
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
      // project-key shape without the T3BlbkFJ marker, or with halves of different lengths: never issued
      'sk-proj-KqDGi2SZnAOWFRZBchyaXOIUw5zMAFib9wpIu28Kb6LVDSAi',
      'sk-proj-UlJ_nNZcrJdl618WSrVLjig2JC3QpAS8B9ZahEDOMKxhwWFh8sA682GddGT3BlbkFJPel9vlr3mZpT-85IwRhaHCx8zMQqNcaojGdAtXksbB7Kh9bPvGbqudoc',
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
  'mistral': {
    match: ['MISTRAL_API_KEY=O9hFAiOh29oB93c0F6UJ5YtuALNUEJMU', 'const mistral = new Mistral({ mistralApiKey: \'UqAsab3w5xU7Tu1bwfKWCuvQxqThD8VI\' });'],
    secrets: ['O9hFAiOh29oB93c0F6UJ5YtuALNUEJMU', 'UqAsab3w5xU7Tu1bwfKWCuvQxqThD8VI'],
    noMatch: [
      'MISTRAL_API_KEY=...',
      'MISTRAL_MODEL=O9hFAiOh29oB93c0F6UJ5YtuALNUEJMU',
      'MISTRAL_API_KEY=O9hFAiOh29oB93c0F6UJ5YtuALNUEJM',
      'OTHER_API_KEY=UqAsab3w5xU7Tu1bwfKWCuvQxqThD8VI',
      'MISTRAL_API_KEY=abcdefghijklmnopqrstuvwxyz123456',
    ],
  },
  'cohere': {
    match: ['COHERE_API_KEY="VHpwhl1ngwRyTny0vKuJP6AR5Ur0evzaLxGXlhlG"', 'CO_API_KEY: xxm5LxuRm3Vv3JwFLLLsBoGwxcwalFG2hBb2Q4UZ'],
    secrets: ['VHpwhl1ngwRyTny0vKuJP6AR5Ur0evzaLxGXlhlG', 'xxm5LxuRm3Vv3JwFLLLsBoGwxcwalFG2hBb2Q4UZ'],
    noMatch: [
      'COHERE_API_KEY=<your-key>',
      'COHERE_API_KEY=VHpwhl1ngwRyTny0vKuJP6AR5Ur0evzaLxGXlhl',
      'cohere_model: xxm5LxuRm3Vv3JwFLLLsBoGwxcwalFG2hBb2Q4UZ',
      'COHERE_API_KEY=VHpwhl1ngwRyTny0vKuJP6AR5Ur0evzaLxGXlhlGx',
    ],
  },
  'together': {
    match: ['tgp_v1__xlCaoPJ2WfkYsaAqFBNQrPWD49AbElRKN-PEqkvJl1', 'tgp_v1_7Sbu8uBdw6mwML1Dd-vjwFASeSbTFuduCrQrhqnbcNc'],
    noMatch: [
      'tgp_v1_...',
      'tgp_v1__xlCaoPJ2WfkYsaAqFBNQrPWD49AbElRKN-PEqkvJl',
      'xtgp_v1__xlCaoPJ2WfkYsaAqFBNQrPWD49AbElRKN-PEqkvJl1',
      'tgp_v1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'together-legacy': {
    match: ['TOGETHER_API_KEY=6f96a4e57d8ca4cd04e166b3405810dd6876fc0462e1d6cb769614b170e79c85', 'together_key = \'139d8fff49b641d3575c7405b41445c2128194b3e473c34fce16c752ef30ad4f\''],
    secrets: ['6f96a4e57d8ca4cd04e166b3405810dd6876fc0462e1d6cb769614b170e79c85', '139d8fff49b641d3575c7405b41445c2128194b3e473c34fce16c752ef30ad4f'],
    noMatch: [
      'TOGETHER_API_KEY=6f96a4e57d8ca4cd04e166b3405810dd6876fc0462e1d6cb769614b170e79c8',
      'TOGETHER_MODEL=139d8fff49b641d3575c7405b41445c2128194b3e473c34fce16c752ef30ad4f',
      'TOGETHER_API_KEY=0000000000000000000000000000000000000000000000000000000000000000',
    ],
  },
  'fireworks': {
    match: ['fw_N4Mq2iVgsWRS4sXJ6n4LCo95', 'fw_EA42eiq7LqqDiYVoSO5CuR9R'],
    noMatch: [
      'fw_...',
      'fw_N4Mq2iVgsWRS4sXJ6n4LCo9',
      'fw_abcdefghijklmnopqrstuvwx',
      'fw_n4mq2ivgswrs4sxj6n4lco95',
    ],
  },
  'deepseek': {
    match: ['sk-83785b4fe2b192423f353228959ddb9c', 'sk-bc3b0302aa693c0bfd35905e09fd95d8'],
    noMatch: [
      'sk-...',
      'sk-83785b4fe2b192423f353228959ddb9',
      'sk-00000000000000000000000000000000',
      'sk-83785B4FE2B192423F353228959DDB9C',
    ],
  },
  'moonshot': {
    match: ['MOONSHOT_API_KEY=sk-zSHKmaPLoxIuJ5vuFmuxIAhBJ6ilJRHlOqs3kswTg128H4d4', 'kimi_api_key: \'sk-qf0mOdVpeIoP2mpsjEKaXyoRrk8Md6OT0RspVgH97589Ek9v\''],
    secrets: ['sk-zSHKmaPLoxIuJ5vuFmuxIAhBJ6ilJRHlOqs3kswTg128H4d4', 'sk-qf0mOdVpeIoP2mpsjEKaXyoRrk8Md6OT0RspVgH97589Ek9v'],
    noMatch: [
      'MOONSHOT_API_KEY=sk-...',
      'MOONSHOT_API_KEY=sk-zSHKmaPLoxIuJ5vuFmuxIAhBJ6ilJRHlOqs3kswTg128H4d',
      'OPENAI_API_KEY=sk-qf0mOdVpeIoP2mpsjEKaXyoRrk8Md6OT0RspVgH97589Ek9v',
    ],
  },
  'stability': {
    match: ['STABILITY_API_KEY=sk-EfuLVPp18WWJIIg3IFmJuCmbfKfhM5f2YjtNrpsyyBWGYjBI', '"stabilityKey": "sk-MTDQBperU6OPAbBYjaLnLm7vCZ63dIk0XBRkzTexPv8pjQbW"'],
    secrets: ['sk-EfuLVPp18WWJIIg3IFmJuCmbfKfhM5f2YjtNrpsyyBWGYjBI', 'sk-MTDQBperU6OPAbBYjaLnLm7vCZ63dIk0XBRkzTexPv8pjQbW'],
    noMatch: [
      'STABILITY_API_KEY=sk-...',
      'STABILITY_API_KEY=sk-EfuLVPp18WWJIIg3IFmJuCmbfKfhM5f2YjtNrpsyyBWGYjB',
      'STABILITY_HOST=sk-MTDQBperU6OPAbBYjaLnLm7vCZ63dIk0XBRkzTexPv8pjQbW',
    ],
  },
  'cerebras': {
    match: ['csk-p3sro7gok3slgbupp2opzuy19de4xk033cbbaypimup9c8vh', 'csk-7dpk5crswbq1qh9f6oxzn8zrztakroobltujp69pjzmwojlt'],
    noMatch: [
      'csk-...',
      'csk-p3sro7gok3slgbupp2opzuy19de4xk033cbbaypimup9c8v',
      'csk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'xcsk-p3sro7gok3slgbupp2opzuy19de4xk033cbbaypimup9c8vh',
    ],
  },
  'nvidia': {
    match: ['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', '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'],
    noMatch: [
      'nvapi-...',
      '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',
      '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',
      'nvapi-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  },
  'minimax': {
    match: ['sk-api-G2wHRhCcp4l4KJaY1ytzk46b6TvcWq_6WtGRWDyLTGPI9yKKXelPZpPnnq3DVQeOOHuUcqMoQ6q85wp-Lo6ROMkXOhGCnKfyOqFYBKqYojsVml8XmW6fq5A', 'sk-api-tzHmBUnmGl8SAqBwoBYIIgXMyahz_UdiJwVN8YKUA_GMDpA2C259kzuWrKCKLSK8xV7cphhIT4GhnKazACvJ26L6hamHN_XJ3nlWps-jwLXhpO'],
    noMatch: [
      'sk-api-...',
      'sk-api-DtmtyS9z-8iLtoJ22zT4fNH2pdh6uLdVgqjDAWo7GRfcJNeaJO1HB64mZO4H',
      'sk-api-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'zhipu': {
    match: ['ZHIPUAI_API_KEY=4d0042e5140eb0289d6c1c59e2175c90.12KEXepbTHMpG0h8', 'glm_api_key = \'77bbfe7a301cc09fd3d76a8471134b07.yyFzreqPOahxSZT4\''],
    secrets: ['4d0042e5140eb0289d6c1c59e2175c90.12KEXepbTHMpG0h8', '77bbfe7a301cc09fd3d76a8471134b07.yyFzreqPOahxSZT4'],
    noMatch: [
      'ZHIPUAI_API_KEY=4d0042e5140eb0289d6c1c59e2175c90.12KEXepbTHMpG0h',
      'ZAI_BASE_URL=77bbfe7a301cc09fd3d76a8471134b07.yyFzreqPOahxSZT4',
      'ZHIPUAI_API_KEY=4d0042e5140eb0289d6c1c59e2175c90-12KEXepbTHMpG0h8',
    ],
  },
  'ollama': {
    match: ['OLLAMA_API_KEY=98cf69468adf0c3af5513a76787f5122.fJcOWJGtlezylLmmOPvP5aow', 'ollamaKey: "017fbcd5b05a850a4e10c09b1a560d0b.bfX9QYbN36wIWME6ZA2rd8s5"'],
    secrets: ['98cf69468adf0c3af5513a76787f5122.fJcOWJGtlezylLmmOPvP5aow', '017fbcd5b05a850a4e10c09b1a560d0b.bfX9QYbN36wIWME6ZA2rd8s5'],
    noMatch: [
      'OLLAMA_API_KEY=98cf69468adf0c3af5513a76787f5122.',
      'OLLAMA_HOST=017fbcd5b05a850a4e10c09b1a560d0b.bfX9QYbN36wIWME6ZA2rd8s5',
      'OLLAMA_API_KEY=...',
    ],
  },
  'azure-openai': {
    match: ['AZURE_OPENAI_API_KEY=ebc4c51e9264dddb3a50872c6082da54', 'azureOpenAIKey: \'qpSXa7WzC8C4eVQbBDE5FNh9z7G7ivvGvqj8jtMm6PCKHt1zGpbH8RRvQzIhj11GNXdQOQAH7jsUqjLrVufP\'', 'AOAI_KEY=5b0e594d4f4fcc74dd558fafba244f8e'],
    secrets: ['ebc4c51e9264dddb3a50872c6082da54', 'qpSXa7WzC8C4eVQbBDE5FNh9z7G7ivvGvqj8jtMm6PCKHt1zGpbH8RRvQzIhj11GNXdQOQAH7jsUqjLrVufP', '5b0e594d4f4fcc74dd558fafba244f8e'],
    noMatch: [
      'AZURE_OPENAI_API_KEY=ebc4c51e9264dddb3a50872c6082da5',
      'AZURE_OPENAI_ENDPOINT=5b0e594d4f4fcc74dd558fafba244f8e',
      'AZURE_OPENAI_API_KEY=00000000000000000000000000000000',
      'AZURE_OPENAI_API_VERSION=2024-10-21',
    ],
  },
  'aws-bedrock': {
    match: ['ABSKQmVkcm9ja0FQSUtleS1ycXV4LWF0LTI3NDIyNDU2Mjg4NTo5WmdnNmcwRmVTNVhrLy9FQzU2VEc1M09oc0h3OVVEN1oxODZwSnZlaXFBcGpEMGJXRmh5MUQ3ejFKb2Q=', 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFTSUFYVFNXTkxPNE9CQzZOWUFOJlgtQW16LVNpZ25hdHVyZT0zYmY4Nzg2MGY1ZGU2ZDIwYjM2OTVhYzA5OWNkYmE4MzU1NDBjNTM3YmViNjNhN2MzZDRiNTNkMWNjMmYwMDY4JlZlcnNpb249MQ=='],
    noMatch: [
      'ABSK...',
      'ABSKQmVkcm9ja0FQSUtleS...',
      'bedrock-api-key-...',
      'ABSKs02RLrtbreCvsJ7JDSBRuyi8Y1atnFCQbeIhWSLoYzEL0KOVbLPB6HqhWeVu1unhFfDXohVR96Sc4YVsisBC8GUpKmNpMpgSr5TJ',
    ],
  },
  'deepgram': {
    match: ['DEEPGRAM_API_KEY=2b8b0c478b6b47240d35cf25fbec7884f498ddfe', 'const deepgram = createClient({ deepgramKey: \'6aa9ed362397229f451e1bc79a5de61a10912627\' })'],
    secrets: ['2b8b0c478b6b47240d35cf25fbec7884f498ddfe', '6aa9ed362397229f451e1bc79a5de61a10912627'],
    noMatch: [
      'DEEPGRAM_API_KEY=2b8b0c478b6b47240d35cf25fbec7884f498ddf',
      'DEEPGRAM_PROJECT_ID=6aa9ed362397229f451e1bc79a5de61a10912627',
      'DEEPGRAM_API_KEY=...',
    ],
  },
  'assemblyai': {
    match: ['ASSEMBLYAI_API_KEY=f7784196354acda3964ea56c618fc858', 'assembly_ai_token: "7731f8b802f6827486ccc91f9b6aa0d5"'],
    secrets: ['f7784196354acda3964ea56c618fc858', '7731f8b802f6827486ccc91f9b6aa0d5'],
    noMatch: [
      'ASSEMBLYAI_API_KEY=f7784196354acda3964ea56c618fc85',
      'ASSEMBLYAI_BASE_URL=7731f8b802f6827486ccc91f9b6aa0d5',
      'ASSEMBLYAI_API_KEY=<key>',
    ],
  },
  'voyage': {
    match: ['pa-v0xrJyw0o2SYt1XtahB2fO9OE-alXzeQCkNHFzUljlK', 'pa-yXIGz--kA_5UfBUuGQ5KOj1ShNt5w0MPO-IOfwx0-zv'],
    noMatch: [
      'pa-...',
      'pa-v0xrJyw0o2SYt1XtahB2fO9OE-alXzeQCkNHFzUljl',
      'pa-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'spa-v0xrJyw0o2SYt1XtahB2fO9OE-alXzeQCkNHFzUljlK',
    ],
  },
  'jina': {
    match: ['jina_7a1226170df0d57f25b929cb708592050_3I3-Fhi8g7CCJbKcgpp2oxsZsO', 'jina_09b2ad0e6b21cdf077f6df35742ad01fmkHO31PgUOkghEUkQxQ9I7q2FDHP'],
    noMatch: [
      'jina_...',
      'jina_tVTK0KblyCed7H76MoXgO21wxHXvCKJ1IolP7bGy',
      'jina_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'ai21': {
    match: ['AI21_API_KEY=uzeQKkWVK1CWZiyPkNh6QQGdE65Gldf1', 'ai21Key = \'jS5sua2r7OW4mZamYA1kv2WO3qrJyJkY\''],
    secrets: ['uzeQKkWVK1CWZiyPkNh6QQGdE65Gldf1', 'jS5sua2r7OW4mZamYA1kv2WO3qrJyJkY'],
    noMatch: [
      'AI21_API_KEY=uzeQKkWVK1CWZiyPkNh6QQGdE65Gldf',
      'AI21_MODEL=jS5sua2r7OW4mZamYA1kv2WO3qrJyJkY',
      'AI21_API_KEY=...',
    ],
  },
  'fal': {
    match: ['FAL_KEY=c5cde9b9-2478-4f2d-80fb-77743b28f787:48ea3575f5e8e10d610c6e65297c6c14', 'fal_api_key: \'723d4660-a42d-4de3-8fb4-643e4098db3f:ece4589e83454f8e9d3d740811992460\''],
    secrets: ['c5cde9b9-2478-4f2d-80fb-77743b28f787:48ea3575f5e8e10d610c6e65297c6c14', '723d4660-a42d-4de3-8fb4-643e4098db3f:ece4589e83454f8e9d3d740811992460'],
    noMatch: [
      'FAL_KEY=c5cde9b9-2478-4f2d-80fb-77743b28f787:48ea3575f5e8e10d610c6e65297c6c1',
      'FAL_KEY=723d4660-a42d-4de3-8fb4-643e4098db3f',
      'FAL_KEY=...',
    ],
  },
  'baseten': {
    match: ['BASETEN_API_KEY=vSMObslx.YDcHMD7trfgjuW1cslgOeFqnMqrXKLwv', 'basetenKey: "IupFoptG.dzWioMOie3BkLJ8ahdWqqmme71CSdgFF"'],
    secrets: ['vSMObslx.YDcHMD7trfgjuW1cslgOeFqnMqrXKLwv', 'IupFoptG.dzWioMOie3BkLJ8ahdWqqmme71CSdgFF'],
    noMatch: [
      'BASETEN_API_KEY=vSMObslx.YDcHMD7trfgjuW1cslgOeFqnMqrXKLw',
      'BASETEN_MODEL_ID=IupFoptG.dzWioMOie3BkLJ8ahdWqqmme71CSdgFF',
      'BASETEN_API_KEY=...',
    ],
  },
  'modal': {
    match: ['MODAL_TOKEN_SECRET=as-4B9KKX5MfjYflvptfCZqA5', 'modal_token_secret = "as-1mJxRFHvwQskZ3cPer2XYu"'],
    secrets: ['as-4B9KKX5MfjYflvptfCZqA5', 'as-1mJxRFHvwQskZ3cPer2XYu'],
    noMatch: [
      'MODAL_TOKEN_ID=ak-4B9KKX5MfjYflvptfCZqA5',
      'MODAL_TOKEN_SECRET=as-...',
      'MODAL_TOKEN_SECRET=as-abc',
    ],
  },
  'runpod': {
    match: ['rpa_BXDWJLAQ3RDCKLROVLO1WJA5YRQ00ATLW3QAC6Y6EZeBiK', 'rpa_HKTJGH1T6HP87M642JBXQFLJZ93L7AE4Q2YZN4Y0si7ZS0'],
    noMatch: [
      'rpa_...',
      'rpa_BXDWJLAQ3RDCKLROVLO1WJA5YRQ00ATLW3QAC6Y6EZeBi',
      'rpa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  },
  'devin': {
    match: ['apk_user_CJ36Bn0qMQJAdN0gaYon3X/8xOGD5CbwsudActz09cg6aonQpC32r8HZ/to8k3fSp6L++28sNI3m5ukc6Jhqxlz+C3Xt3Cc5xdB0oTJmt437W9J0KmXeJ4pDrTpA6khlYWBoRHCidbOCzRltPuhelG', 'apk_8jLp2aJ7bjwIzF5/5CnzCCVv16968HqwCjeSu4LG7jrnOs/kpquQ0OQ2xr//kZBnUOa1N/YC+NLo98iw33Z00Umlb/', 'cog_3nasnzuty3o4tilyjjcbqmhl7el4jwxmtfcnzmfgsnkpiy7devba'],
    noMatch: [
      'apk_...',
      'cog_...',
      'apk_UtshV5BxU3HyA1hPR6E56l8wDmmosi',
      'cog_db3isk3jvvvmqcssecvixq2ba3eibs',
    ],
  },
  'cursor': {
    match: ['CURSOR_API_KEY=key_134b670ba5d2c9359fd1ac171678869dc93fdac002f1ca2fa897e67362310d1e', 'cursorApiKey: "key_c38d86256d30cc82d74206bc4dc961cc1f92b67625f1d260b14c6713ae2f6f47"'],
    secrets: ['key_134b670ba5d2c9359fd1ac171678869dc93fdac002f1ca2fa897e67362310d1e', 'key_c38d86256d30cc82d74206bc4dc961cc1f92b67625f1d260b14c6713ae2f6f47'],
    noMatch: [
      'CURSOR_API_KEY=key_134b670ba5d2c9359fd1ac171678869dc93fdac002f1ca2fa897e67362310d1',
      'CURSOR_API_KEY=key_...',
      'OTHER_API_KEY=key_c38d86256d30cc82d74206bc4dc961cc1f92b67625f1d260b14c6713ae2f6f47',
    ],
  },
  'greptile': {
    match: ['GREPTILE_API_KEY=D1Qx5SgjAqHPnCXVlJ7TnIvsvlH6trW1GhMo8fDD9eCKaGsx', 'greptile_token: U7Hv0CjoCbE1rSli9kql0f7OmA77MGKki9DGwJu0n1BvCqJX'],
    secrets: ['D1Qx5SgjAqHPnCXVlJ7TnIvsvlH6trW1GhMo8fDD9eCKaGsx', 'U7Hv0CjoCbE1rSli9kql0f7OmA77MGKki9DGwJu0n1BvCqJX'],
    noMatch: [
      'GREPTILE_API_KEY=D1Qx5SgjAqHPnCXVlJ7TnIvsvlH6trW1GhMo8fDD9eCKaGs',
      'GREPTILE_API_KEY=...',
      'GREPTILE_REPO=U7Hv0CjoCbE1rSli9kql0f7OmA77MGKki9DGwJu0n1BvCqJX',
    ],
  },
};
