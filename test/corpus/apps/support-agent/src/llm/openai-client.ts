import OpenAI, { AzureOpenAI } from 'openai';
import { z } from 'zod';

// Model and endpoint settings shared by every support agent.
export const MODEL = 'gpt-4.1-mini-2025-04-14';
export const EMBEDDING_MODEL = 'text-embedding-3-large';
export const FINE_TUNED_MODEL = 'ft:gpt-4o-mini-2024-07-18:acme-support::9fGh3kLm';
const OPENAI_BASE_URL = 'https://api.openai.com/v1';

// TODO(dana): move to the broker before launch
const openai = new OpenAI({
  apiKey: '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',
  organization: 'org-vhxYlvR6h4fwBoq4TnXTe2Fd',
  project: 'proj_FLYVtWCX0LWmQzQmrGdAwE8X',
  baseURL: OPENAI_BASE_URL,
  maxRetries: 3,
});

export const batchClient = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export const adminClient = new OpenAI({
  apiKey: "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",
});

export const svcClient = new OpenAI({ apiKey: `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` });

export const legacyClient = new OpenAI({ apiKey: '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' });

export const placeholderClient = new OpenAI({ apiKey: 'sk-...' });
export const docsClient = new OpenAI({ apiKey: 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' });
export const yourKeyClient = new OpenAI({ apiKey: 'your-openai-api-key' });
export const angleClient = new OpenAI({ apiKey: '<OPENAI_API_KEY>' });

export const azure = new AzureOpenAI({
  endpoint: 'https://acme-support.openai.azure.com/',
  apiKey: '7f6cc818948d58d069b317b7adc1ccca',
  apiVersion: '2024-10-21',
  deployment: 'gpt-4o-support',
});

const Settings = z.object({
  apiKey: z.string().min(20).describe('OpenAI API key, e.g. sk-proj-...'),
  maxTokens: z.number().default(4096),
});

export async function answer(question: string, assistantId = 'asst_q9BW7zQQdAz8Wcn5puuvO9PS') {
  const threadId = 'thread_uCmSAuCj6t6WwtV8erJ1WCiB';
  const vectorStoreId = 'vs_t1OyIUebTNdVREcaLMhbVtzA';
  const fileId = 'file-VmGdHwyWfJsCvYjCrFclVA';
  const completion = await openai.chat.completions.create({
    model: MODEL,
    max_tokens: 1024,
    max_completion_tokens: 2048,
    messages: [{ role: 'user', content: question }],
    user: 'ce2686a6a2342ab924043be5a66abaa3f63876e86bc76356ffea2d638a2026ef',
  });
  const previousResponseId = 'resp_68a4c1f09e2c8190b3f4a2e17d0c55aa0f6b1d3e';
  const completionId = 'chatcmpl-YFrKN2JE8PlcEBj8ayDupzR7G4XoC';
  return { completion, threadId, assistantId, vectorStoreId, fileId, previousResponseId, completionId, Settings };
}
