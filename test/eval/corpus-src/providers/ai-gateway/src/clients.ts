// Model and tool clients of the AI gateway (every key hardcoded on purpose: this is the labelled corpus).
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import { createCerebras } from '@ai-sdk/cerebras';
import { createDeepSeek } from '@ai-sdk/deepseek';
import { createFireworks } from '@ai-sdk/fireworks';
import { createTogetherAI } from '@ai-sdk/togetherai';
import { createXai } from '@ai-sdk/xai';
import { Mistral } from '@mistralai/mistralai';
import OpenAI from 'openai';

export const openaiService = new OpenAI({ apiKey: '⟦openai-svcacct-46⟧' }); ⟪+ key:openai service-account key with 46-character halves⟫
export const together = createTogetherAI({ apiKey: '⟦together-v1⟧' }); ⟪+ key:together tgp_v1_ key⟫
export const fireworks = createFireworks({ apiKey: '⟦fireworks-key⟧' }); ⟪+ key:fireworks fw_ key⟫
export const deepseek = createDeepSeek({ apiKey: '⟦deepseek⟧' }); ⟪+ key:deepseek sk- + 32 hex⟫
export const cerebras = createCerebras({ apiKey: '⟦cerebras⟧' }); ⟪+ key:cerebras csk- key⟫
export const xai = createXai({ apiKey: '⟦xai-key⟧' }); ⟪+ key:xai xai- key⟫
export const bedrock = createAmazonBedrock({ region: 'us-east-1', apiKey: '⟦aws-bedrock⟧' }); ⟪+ key:aws-bedrock Bedrock long-term API key⟫
export const mistral = new Mistral({ apiKey: '⟦mistral-key⟧' }); ⟪+ generic:mistral prefix-less key passed to the client⟫
const nvidiaKey = '⟦nvidia⟧'; ⟪+ key:nvidia NIM key⟫
const voyageKey = '⟦voyage⟧'; ⟪+ key:voyage pa- key⟫
const jinaKey = '⟦jina⟧'; ⟪+ key:jina jina_ key⟫
const runpodKey = '⟦runpod⟧'; ⟪+ key:runpod rpa_ key⟫
const minimaxKey = '⟦minimax⟧'; ⟪+ key:minimax sk-api- key⟫
const claudeCodeToken = '⟦anthropic-oauth⟧'; ⟪+ key:anthropic-oauth Claude Code OAuth token⟫

export const retrieval = { voyageKey, jinaKey, nvidiaKey, runpodKey, minimaxKey, claudeCodeToken };

// Look-alikes that fail the provider's structure.
const legacyProjectKey = '⟦openai-nomarker⟧'; ⟪- bad-checksum OpenAI project-key shape without the T3BlbkFJ marker⟫
const unevenKey = '⟦openai-halves⟧'; ⟪- bad-checksum OpenAI key whose halves differ in length⟫
export const fixtures = { legacyProjectKey, unevenKey };

const embeddings = {
  voyage: { model: 'voyage-3-large', apiKeyEnv: 'VOYAGE_API_KEY' }, ⟪- env-var-name names an environment variable⟫
  jina: { model: 'jina-embeddings-v3', apiKey: process.env.JINA_API_KEY }, ⟪- env-read⟫
};
export default embeddings;
