import OpenAI, { AzureOpenAI } from 'openai';
import { z } from 'zod';

// Model and endpoint settings shared by every support agent.
export const MODEL = 'gpt-4.1-mini-2025-04-14'; ⟪- model-id gpt-4.1 model id⟫
export const EMBEDDING_MODEL = 'text-embedding-3-large'; ⟪- model-id embedding model id⟫
export const FINE_TUNED_MODEL = 'ft:gpt-4o-mini-2024-07-18:acme-support::9fGh3kLm'; ⟪- model-id fine-tuned model id⟫
const OPENAI_BASE_URL = 'https://api.openai.com/v1'; ⟪- url API base URL⟫

// TODO(dana): move to the broker before launch
const openai = new OpenAI({
  apiKey: '⟦openai-proj⟧', ⟪+ key:openai/openai-proj apiKey in client options⟫
  organization: '⟦openai-org⟧', ⟪- non-secret-id OpenAI organization id⟫
  project: '⟦openai-project⟧', ⟪- non-secret-id OpenAI project id⟫
  baseURL: OPENAI_BASE_URL,
  maxRetries: 3,
});

export const batchClient = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); ⟪- env-read process.env.OPENAI_API_KEY⟫

export const adminClient = new OpenAI({
  apiKey: "⟦openai-admin⟧", ⟪+ key:openai/openai-admin admin key⟫
});

export const svcClient = new OpenAI({ apiKey: `⟦openai-svcacct⟧` }); ⟪+ key:openai/openai-svcacct template literal, no substitutions⟫

export const legacyClient = new OpenAI({ apiKey: '⟦openai-legacy⟧' }); ⟪+ key:openai/openai-legacy legacy key with T3BlbkFJ marker⟫

export const placeholderClient = new OpenAI({ apiKey: 'sk-...' }); ⟪- placeholder sk-...⟫
export const docsClient = new OpenAI({ apiKey: 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }); ⟪- placeholder sk-proj-xxxx…⟫
export const yourKeyClient = new OpenAI({ apiKey: 'your-openai-api-key' }); ⟪- placeholder your-openai-api-key⟫
export const angleClient = new OpenAI({ apiKey: '<OPENAI_API_KEY>' }); ⟪- placeholder <OPENAI_API_KEY>⟫

export const azure = new AzureOpenAI({
  endpoint: 'https://acme-support.openai.azure.com/', ⟪- url Azure OpenAI endpoint⟫
  apiKey: '⟦azure-openai⟧', ⟪+ generic:azure-openai 32-hex Azure OpenAI key⟫
  apiVersion: '2024-10-21', ⟪- benign-name api version date⟫
  deployment: 'gpt-4o-support', ⟪- model-id deployment name⟫
});

const Settings = z.object({
  apiKey: z.string().min(20).describe('OpenAI API key, e.g. sk-proj-...'), ⟪- placeholder description text with sk-proj-...⟫
  maxTokens: z.number().default(4096),
});

export async function answer(question: string, assistantId = '⟦asst⟧') { ⟪- non-secret-id assistant id as default parameter⟫
  const threadId = '⟦thread⟧'; ⟪- non-secret-id thread id⟫
  const vectorStoreId = '⟦vector-store⟧'; ⟪- non-secret-id vector store id⟫
  const fileId = '⟦openai-file⟧'; ⟪- non-secret-id OpenAI file id⟫
  const completion = await openai.chat.completions.create({
    model: MODEL,
    max_tokens: 1024,
    max_completion_tokens: 2048,
    messages: [{ role: 'user', content: question }],
    user: '⟦sha256⟧', ⟪- hash hashed end-user id⟫
  });
  const previousResponseId = 'resp_68a4c1f09e2c8190b3f4a2e17d0c55aa0f6b1d3e'; ⟪- non-secret-id response id⟫
  const completionId = '⟦chatcmpl⟧'; ⟪- non-secret-id chat completion id⟫
  return { completion, threadId, assistantId, vectorStoreId, fileId, previousResponseId, completionId, Settings };
}
