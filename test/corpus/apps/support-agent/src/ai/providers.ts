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
  apiKey: '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',
  compatibility: 'strict',
});

export const anthropic = createAnthropic({ apiKey: 'sk-ant-api03-NOUnNxYkSG931fE-jKvdt3ysGNIU8zXfElqPvAS2l6gJPN6hxwMKEJPpR8XEAqlVypTUTKyHlaGkEO_J0A9fzacOXFriJAA' });
export const google = createGoogleGenerativeAI({ apiKey: 'AIzaSyfRrAZD7Dgzkad-nrAskBzin2Xinyvylg-' });
export const mistral = createMistral({ apiKey: 'DfSCqPqqBalxmMEQYpjS3Z0AeYsjbpud' });
export const groq = createGroq({ apiKey: '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' });
export const xai = createXai({ apiKey: 'xai-xFn9zAryk9opsUH48l6lkitZvaMTVWdd5L1sopOH41aSTe6GMtmf3YgHQhnCIKnx9lUR3L3EAZGnWZeo' });
export const perplexity = createPerplexity({ apiKey: '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' });
export const cohere = createCohere({ apiKey: 'Tqm3YDEnHchLCiE7EvGN8RV5d2nabzBaQrs48WgE' });
export const together = createTogetherAI({ apiKey: '29132b24b3871c1358ce1ffeb01250ec4c60f31aed2a0ffcea8454d44b2a7bad' });
export const deepseek = createDeepSeek({ apiKey: process.env.DEEPSEEK_API_KEY ?? '' });

export const openrouter = createOpenAI({
  name: 'openrouter',
  baseURL: 'https://openrouter.ai/api/v1',
  apiKey: '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',
});

export const local = createOpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' });
export const proxy = createOpenAI({ baseURL: 'https://llm-proxy.internal/v1', apiKey: 'not-needed' });

export async function ask(prompt: string) {
  const { text, usage } = await generateText({
    model: openai('gpt-4o-mini'),
    prompt,
    maxOutputTokens: 800,
    providerOptions: { openai: { user: 'support-agent', promptCacheKey: 'support-v3-a06717c' } },
  });
  return { text, tokens: usage.totalTokens };
}
