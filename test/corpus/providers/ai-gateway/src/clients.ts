// Model and tool clients of the AI gateway (every key hardcoded on purpose: this is the labelled corpus).
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import { createCerebras } from '@ai-sdk/cerebras';
import { createDeepSeek } from '@ai-sdk/deepseek';
import { createFireworks } from '@ai-sdk/fireworks';
import { createTogetherAI } from '@ai-sdk/togetherai';
import { createXai } from '@ai-sdk/xai';
import { Mistral } from '@mistralai/mistralai';
import OpenAI from 'openai';

export const openaiService = new OpenAI({ apiKey: 'sk-svcacct-0be3LcoyvytP16uz3Gh7vatFox3eiPlPP7C1M6VMumyYRaT3BlbkFJwx08Le9G-HeLutXTPNjZaM2eV_jG7wXz_7DvNRozM1dVjM' });
export const together = createTogetherAI({ apiKey: 'tgp_v1_aMG8G8XJWJQrLsY5TM-9HPuuULb6dxUd6PcaU3Xyrcc' });
export const fireworks = createFireworks({ apiKey: 'fw_OteAvk9qhjLGeSWixaXcBe0a' });
export const deepseek = createDeepSeek({ apiKey: 'sk-2aed994f479fd5e923b706abbbf84fe3' });
export const cerebras = createCerebras({ apiKey: 'csk-dfh7xzegukwxi9fou4fkz883wog8i4s493d69791orrg5uee' });
export const xai = createXai({ apiKey: 'xai-qONbdmNhOVf6ctPd50tcgDusgvjIXqCIcmSdLbPdv6YAFDnRBK0WHPVt9uZL715urzbWDHTz1h0soHeN' });
export const bedrock = createAmazonBedrock({ region: 'us-east-1', apiKey: 'ABSKQmVkcm9ja0FQSUtleS1oNGZuLWF0LTU3ODMwNDI5MjUwMjpWQ0JmVEE0cnVZYzlsWXBTTFVvMFNON29UV1E4bm9WcG9Zb0tpeForQmNuWnRIZ0FmZ2tQWEs0bE9sRHg=' });
export const mistral = new Mistral({ apiKey: 'YdSIxfUxYaSEPS8ZtG3R9qfiDV4BNaW0' });
const nvidiaKey = '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';
const voyageKey = 'pa-g8P-I0KCSLRykZxg2eFeE4CzPico_IGDaQZdbJGkPUq';
const jinaKey = 'jina_4512ef3e9415c9f98cb7d9c6546eb16chtGGC93WYpTeNqzhe0K6Q5RJqNAU';
const runpodKey = 'rpa_ZUB8FQ1J6YOOJ0W77N55NURBL24S81XF0HCLBMWHp4Qq1r';
const minimaxKey = 'sk-api-xdjRCaCbnTUWIQZNJvb7XRCWeqf4ZX4TuD7tVjsRZpqw0keJkHRgznDq7kqDY8-cV7sGQ5FKVXbvKOOA2OXPiAvRywC-yA7cBoDfxGLJF1IvmdN_Xt_OaqpC';
const claudeCodeToken = 'sk-ant-oat01-fSYbMcgwBh4MJKiTFcxW3SyqAqsN76ZNas12hYxD1sZPXoxx_iXrV5fEN3qsqYoeHaUcXLM7X4vTvZ8CBSUKRzghveTCfIsAA';

export const retrieval = { voyageKey, jinaKey, nvidiaKey, runpodKey, minimaxKey, claudeCodeToken };

// Look-alikes that fail the provider's structure.
const legacyProjectKey = 'sk-proj-hlm1KvELlBMcV0JvClrhuTxz8BDsTJO9kq9EMwqHBK94BWWL';
const unevenKey = 'sk-proj-Tsocdj2KL0I95SCsLrPQ5vxh3K3OhtsU2ulPmzzfb4fyy2yPgW7WtENVeXT3BlbkFJtY_eUT-6zzPQuTLLNoflluRDLQWrC6po8-98g-9f';
export const fixtures = { legacyProjectKey, unevenKey };

const embeddings = {
  voyage: { model: 'voyage-3-large', apiKeyEnv: 'VOYAGE_API_KEY' },
  jina: { model: 'jina-embeddings-v3', apiKey: process.env.JINA_API_KEY },
};
export default embeddings;
