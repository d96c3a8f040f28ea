import type { ProviderDetector } from '../provider-types';
import { family, mixedCase, namedKey } from './shared';

/** The body of an OpenAI key around its `T3BlbkFJ` marker: the two random halves have the same length. */
function openAiHalvesMatch(secret: string): boolean {
  const marker = secret.indexOf('T3BlbkFJ');
  const before = secret.slice(0, marker).replace(/^sk-(?:(?:proj|svcacct|admin|None)-)?/, '');
  const after = secret.slice(marker + 8);
  return before.length === after.length && mixedCase(before + after, true);
}

export const AI_PROVIDERS: ProviderDetector[] = family('ai', [
  {
    id: 'openai',
    name: 'OpenAI API key',
    keywords: ['T3BlbkFJ'],
    // Every issued secret key carries the `T3BlbkFJ` marker (base64 of "OpenAI") between two random halves of equal
    // length (20 for user and legacy keys, 46 to 74 for project, service-account and admin keys). A key-shaped string
    // without the marker, or with unequal halves, was never issued.
    pattern: 'sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}',
    publicPrefix: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-', 'sk-'],
    minEntropy: 3.5,
    validate: openAiHalvesMatch,
  },
  {
    id: 'anthropic',
    name: 'Anthropic API key',
    keywords: ['sk-ant-api03-', 'sk-ant-admin01-'],
    // 93 random characters and the fixed `AA` suffix.
    pattern: 'sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA',
    publicPrefix: ['sk-ant-api03-', 'sk-ant-admin01-'],
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret.slice(13)),
  },
  {
    id: 'anthropic-oauth',
    name: 'Anthropic OAuth token (Claude Code)',
    keywords: ['sk-ant-oat01-', 'sk-ant-ort01-'],
    pattern: 'sk-ant-(?:oat|ort)01-[A-Za-z0-9_-]{80,200}',
    publicPrefix: ['sk-ant-oat01-', 'sk-ant-ort01-'],
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret.slice(13)),
  },
  {
    id: 'huggingface',
    name: 'Hugging Face access token',
    keywords: ['hf_', 'api_org_'],
    pattern: '(?:hf_|api_org_)[A-Za-z]{34}',
    publicPrefix: ['hf_', 'api_org_'],
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret.replace(/^(?:hf_|api_org_)/, '')),
  },
  {
    id: 'groq',
    name: 'Groq API key',
    keywords: ['gsk_'],
    pattern: 'gsk_[A-Za-z0-9]{52}',
    publicPrefix: 'gsk_',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(4)),
  },
  {
    id: 'xai',
    name: 'xAI API key',
    keywords: ['xai-'],
    pattern: 'xai-[A-Za-z0-9]{80}',
    publicPrefix: 'xai-',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(4)),
  },
  {
    id: 'perplexity',
    name: 'Perplexity API key',
    keywords: ['pplx-'],
    pattern: 'pplx-[A-Za-z0-9]{40,64}',
    publicPrefix: 'pplx-',
    minEntropy: 3.8,
  },
  {
    id: 'replicate',
    name: 'Replicate API token',
    keywords: ['r8_'],
    pattern: 'r8_[A-Za-z0-9]{37}',
    publicPrefix: 'r8_',
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret.slice(3)),
  },
  {
    id: 'openrouter',
    name: 'OpenRouter API key',
    keywords: ['sk-or-'],
    pattern: 'sk-or-v1-[a-f0-9]{64}',
    publicPrefix: 'sk-or-v1-',
    minEntropy: 3.0,
  },
  {
    id: 'elevenlabs',
    name: 'ElevenLabs API key',
    keywords: ['sk_'],
    pattern: 'sk_[a-f0-9]{48}',
    publicPrefix: 'sk_',
    minEntropy: 3.0,
  },
  {
    id: 'mistral',
    name: 'Mistral AI API key',
    ...namedKey({ names: ['mistral'], value: '[A-Za-z0-9]{32}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret, true),
  },
  {
    id: 'cohere',
    name: 'Cohere API key',
    ...namedKey({ names: ['cohere', 'co_api'], value: '[A-Za-z0-9]{40}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret, true),
  },
  {
    id: 'together',
    name: 'Together AI API key',
    keywords: ['tgp_v1_'],
    pattern: 'tgp_v1_[A-Za-z0-9_-]{43}',
    publicPrefix: 'tgp_v1_',
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret.slice(7)),
  },
  {
    id: 'together-legacy',
    name: 'Together AI API key (64 hex)',
    ...namedKey({ names: ['together'], value: '[a-f0-9]{64}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.0,
  },
  {
    id: 'fireworks',
    name: 'Fireworks AI API key',
    keywords: ['fw_'],
    pattern: 'fw_[A-Za-z0-9]{24}',
    publicPrefix: 'fw_',
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret.slice(3), true),
  },
  {
    id: 'deepseek',
    name: 'DeepSeek or Alibaba Model Studio (Qwen) API key',
    keywords: ['sk-'],
    // `sk-` and 32 lower-case hex characters; both providers issue this shape.
    pattern: 'sk-[a-f0-9]{32}',
    publicPrefix: 'sk-',
    minEntropy: 3.2,
  },
  {
    id: 'moonshot',
    name: 'Moonshot AI (Kimi) API key',
    ...namedKey({ names: ['moonshot', 'kimi'], value: 'sk-[A-Za-z0-9]{48}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.8,
  },
  {
    id: 'stability',
    name: 'Stability AI API key',
    ...namedKey({ names: ['stability'], value: 'sk-[A-Za-z0-9]{48}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.8,
  },
  {
    id: 'cerebras',
    name: 'Cerebras API key',
    keywords: ['csk-'],
    pattern: 'csk-[a-z0-9]{48}',
    publicPrefix: 'csk-',
    minEntropy: 3.8,
  },
  {
    id: 'nvidia',
    name: 'NVIDIA API key (NIM, build.nvidia.com)',
    keywords: ['nvapi-'],
    pattern: 'nvapi-[A-Za-z0-9_-]{64}',
    publicPrefix: 'nvapi-',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(6)),
  },
  {
    id: 'minimax',
    name: 'MiniMax API key',
    keywords: ['sk-api-'],
    pattern: 'sk-api-[A-Za-z0-9_-]{100,140}',
    publicPrefix: 'sk-api-',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(7), true),
  },
  {
    id: 'zhipu',
    name: 'Zhipu AI (Z.ai, GLM) API key',
    // 32 hex characters, a dot, 16 letters and digits.
    ...namedKey({ names: ['zhipu', 'zai', 'z_ai', 'glm', 'bigmodel'], value: '[a-f0-9]{32}\\.[A-Za-z0-9]{16}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.5,
  },
  {
    id: 'ollama',
    name: 'Ollama API key',
    ...namedKey({ names: ['ollama'], value: '[a-f0-9]{32}\\.[A-Za-z0-9_-]{24}', valueChars: 'A-Za-z0-9_-' }),
    minEntropy: 3.5,
  },
  {
    id: 'azure-openai',
    name: 'Azure OpenAI / Azure AI services key',
    // 32 hex characters (classic) or 84 letters and digits (current keys).
    ...namedKey({ names: ['azure_openai', 'azureopenai', 'azure-openai', 'azure_ai', 'aoai', 'azure_cognitive'], value: '[A-Za-z0-9]{84}|[a-f0-9]{32}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.2,
  },
  {
    id: 'aws-bedrock',
    name: 'Amazon Bedrock API key',
    keywords: ['ABSKQmVkcm9ja0FQSUtleS', 'bedrock-api-key-'],
    // Long-term keys: `ABSK` + base64 of "BedrockAPIKey-…"; short-term keys: `bedrock-api-key-` + base64 of a
    // presigned bedrock.amazonaws.com request.
    pattern: 'ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{80,300}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/_-]{40,3000}={0,2}',
    publicPrefix: ['ABSK', 'bedrock-api-key-'],
    minEntropy: 4.0,
  },
  {
    id: 'deepgram',
    name: 'Deepgram API key',
    ...namedKey({ names: ['deepgram'], value: '[a-f0-9]{40}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.2,
  },
  {
    id: 'assemblyai',
    name: 'AssemblyAI API key',
    ...namedKey({ names: ['assemblyai', 'assembly_ai', 'assembly-ai'], value: '[a-f0-9]{32}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.2,
  },
  {
    id: 'voyage',
    name: 'Voyage AI API key',
    keywords: ['pa-'],
    pattern: 'pa-[A-Za-z0-9_-]{43}',
    publicPrefix: 'pa-',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(3), true),
  },
  {
    id: 'jina',
    name: 'Jina AI API key',
    keywords: ['jina_'],
    pattern: 'jina_[A-Za-z0-9_-]{50,70}',
    publicPrefix: 'jina_',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(5), true),
  },
  {
    id: 'ai21',
    name: 'AI21 Labs API key',
    ...namedKey({ names: ['ai21'], value: '[A-Za-z0-9]{32}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret, true),
  },
  {
    id: 'fal',
    name: 'fal.ai API key',
    // A key id (UUID), a colon and a 32-hex secret.
    ...namedKey({ names: ['fal'], value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]{32}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.2,
  },
  {
    id: 'baseten',
    name: 'Baseten API key',
    ...namedKey({ names: ['baseten'], value: '[A-Za-z0-9]{8}\\.[A-Za-z0-9]{32}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.5,
  },
  {
    id: 'modal',
    name: 'Modal token secret',
    ...namedKey({ names: ['modal'], value: 'as-[A-Za-z0-9]{20,30}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.5,
  },
  {
    id: 'runpod',
    name: 'RunPod API key',
    keywords: ['rpa_'],
    pattern: 'rpa_[A-Z0-9]{40}[A-Za-z0-9]{6}',
    publicPrefix: 'rpa_',
    minEntropy: 3.8,
  },
  {
    id: 'devin',
    name: 'Devin (Cognition) API key',
    keywords: ['apk_user_', 'apk_', 'cog_'],
    pattern: 'apk_user_[A-Za-z0-9+/]{120,180}={0,2}|apk_[A-Za-z0-9+/]{80,100}={0,2}|cog_[a-z2-7]{52}',
    publicPrefix: ['apk_user_', 'apk_', 'cog_'],
    minEntropy: 4.0,
  },
  {
    id: 'cursor',
    name: 'Cursor API key',
    ...namedKey({ names: ['cursor'], value: 'key_[a-f0-9]{64}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.2,
  },
  {
    id: 'greptile',
    name: 'Greptile API key',
    ...namedKey({ names: ['greptile'], value: '[A-Za-z0-9+/]{48}', valueChars: 'A-Za-z0-9+/' }),
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret, true),
  },
]);
