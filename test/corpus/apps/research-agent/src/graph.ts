import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
import { ChatMistralAI } from '@langchain/mistralai';
import { CohereEmbeddings } from '@langchain/cohere';
import { ChatGroq } from '@langchain/groq';
import { TavilySearch } from '@langchain/tavily';
import { PineconeStore } from '@langchain/pinecone';
import { Pinecone } from '@pinecone-database/pinecone';
import { Client as LangSmith } from 'langsmith';
import { StateGraph, MessagesAnnotation, MemorySaver } from '@langchain/langgraph';
import { createReactAgent } from '@langchain/langgraph/prebuilt';

const llm = new ChatOpenAI({
  model: 'gpt-4o',
  temperature: 0,
  openAIApiKey: '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',
  maxTokens: 2048,
});

const critic = new ChatAnthropic({
  model: 'claude-3-7-sonnet-latest',
  anthropicApiKey: 'sk-ant-api03-lZz5gTt8LlbOM6jokCspfFhB8bnal0IQVjRTR4adIb6K2Xr8-GaqKpmKJmdMoJeXrS3DLQtz6tSIq3itkl_fgcQrooN-hAA',
});

const drafter = new ChatMistralAI({ model: 'mistral-large-latest', apiKey: 'ztigeW939NyfF51pY8mQQJj92OPQzF30' });
const embeddings = new CohereEmbeddings({ model: 'embed-english-v3.0', apiKey: 'QaLVu8UJyxtXRToXT8iknwu93In7zOaRi464FEpW' });
const fast = new ChatGroq({ model: 'llama-3.3-70b-versatile', apiKey: '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' });
const openaiEmbeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small', apiKey: process.env.OPENAI_API_KEY });

const search = new TavilySearch({ maxResults: 5, tavilyApiKey: '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' });

const pinecone = new Pinecone({ apiKey: 'pcsk_ncQTP_U1I2Jui6ZlVzzOSBgeCqHlxkIxt9uQmhQFJrwkH0gIxTNn0uBhFfWbrzvYFY7lP' });
const index = pinecone.index('research-notes', 'https://research-notes-a1b2c3d.svc.aped-4627-b74a.pinecone.io');
export const store = await PineconeStore.fromExistingIndex(openaiEmbeddings, { pineconeIndex: index, namespace: 'tenant-c6a8bd1f-9cc3-471d-99af-07778501d83f' });

export const langsmith = new LangSmith({
  apiUrl: 'https://api.smith.langchain.com',
  apiKey: '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',
});
process.env.LANGSMITH_API_KEY = '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';
process.env.LANGSMITH_PROJECT = 'research-agent-prod';
process.env.LANGCHAIN_TRACING_V2 = 'true';

const checkpointer = new MemorySaver();
export const researcher = createReactAgent({
  llm,
  tools: [search],
  checkpointSaver: checkpointer,
  stateModifier: 'You are a careful research assistant. Cite sources.',
});

const graph = new StateGraph(MessagesAnnotation)
  .addNode('draft', async (state) => ({ messages: [await drafter.invoke(state.messages)] }))
  .addNode('critique', async (state) => ({ messages: [await critic.invoke(state.messages)] }))
  .addNode('fast', async (state) => ({ messages: [await fast.invoke(state.messages)] }))
  .addEdge('__start__', 'draft')
  .addEdge('draft', 'critique');

export const app = graph.compile({ checkpointer });
export const config = { configurable: { thread_id: 'fc7d766b-81ca-46ac-8745-eb9502331d7c', checkpoint_ns: '', checkpoint_id: '1ef4f797-8335-6428-8001-8a1503f9b875' } };
export { embeddings };
