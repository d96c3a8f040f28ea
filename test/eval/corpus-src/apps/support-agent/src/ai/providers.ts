import { createOpenAI } from '@ai-sdk/openai';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createMistral } from '@ai-sdk/mistral';
import { createGroq } from '@ai-sdk/groq';
import { createXai } from '@ai-sdk/xai';
import { createPerplexity } from '@ai-sdk/perplexity';
import { createCohere } from '@ai-sdk/cohere';
import { createTogetherAI } from '@ai-sdk/togetherai';
import { createDeepSeek } from '@ai-sdk/deepseek';
import { generateText } from 'ai';

export const openai = createOpenAI({
  apiKey: '⟦openai-proj⟧', ⟪+ key:openai/openai-proj createOpenAI apiKey⟫
  compatibility: 'strict',
});

export const anthropic = createAnthropic({ apiKey: '⟦anthropic⟧' }); ⟪+ key:anthropic createAnthropic apiKey⟫
export const google = createGoogleGenerativeAI({ apiKey: '⟦google⟧' }); ⟪+ key:google-api-key Gemini key⟫
export const mistral = createMistral({ apiKey: '⟦mistral⟧' }); ⟪+ generic:mistral Mistral key has no prefix⟫
export const groq = createGroq({ apiKey: '⟦groq⟧' }); ⟪+ key:groq createGroq apiKey⟫
export const xai = createXai({ apiKey: '⟦xai⟧' }); ⟪+ key:xai createXai apiKey⟫
export const perplexity = createPerplexity({ apiKey: '⟦perplexity⟧' }); ⟪+ key:perplexity createPerplexity apiKey⟫
export const cohere = createCohere({ apiKey: '⟦cohere⟧' }); ⟪+ generic:cohere Cohere key has no prefix⟫
export const together = createTogetherAI({ apiKey: '⟦together⟧' }); ⟪+ generic:together Together key (hex)⟫
export const deepseek = createDeepSeek({ apiKey: process.env.DEEPSEEK_API_KEY ?? '' }); ⟪- env-read env read with empty fallback⟫

export const openrouter = createOpenAI({
  name: 'openrouter',
  baseURL: 'https://openrouter.ai/api/v1', ⟪- url OpenRouter base URL⟫
  apiKey: '⟦openrouter⟧', ⟪+ key:openrouter OpenRouter key via createOpenAI⟫
});

export const local = createOpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' }); ⟪- low-entropy dummy key for a local server⟫
export const proxy = createOpenAI({ baseURL: 'https://llm-proxy.internal/v1', apiKey: 'not-needed' }); ⟪- placeholder not-needed⟫

export async function ask(prompt: string) {
  const { text, usage } = await generateText({
    model: openai('gpt-4o-mini'), ⟪- model-id model id⟫
    prompt,
    maxOutputTokens: 800,
    providerOptions: { openai: { user: 'support-agent', promptCacheKey: 'support-v3-⟦short-sha⟧' } }, ⟪- benign-name promptCacheKey⟫
  });
  return { text, tokens: usage.totalTokens };
}
