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
  model: 'gpt-4o', ⟪- model-id model id⟫
  temperature: 0,
  openAIApiKey: '⟦openai-proj⟧', ⟪+ key:openai/openai-proj openAIApiKey (LangChain)⟫
  maxTokens: 2048,
});

const critic = new ChatAnthropic({
  model: 'claude-3-7-sonnet-latest', ⟪- model-id model id⟫
  anthropicApiKey: '⟦anthropic⟧', ⟪+ key:anthropic anthropicApiKey (LangChain)⟫
});

const drafter = new ChatMistralAI({ model: 'mistral-large-latest', apiKey: '⟦mistral⟧' }); ⟪+ generic:mistral ChatMistralAI apiKey⟫
const embeddings = new CohereEmbeddings({ model: 'embed-english-v3.0', apiKey: '⟦cohere⟧' }); ⟪+ generic:cohere CohereEmbeddings apiKey⟫
const fast = new ChatGroq({ model: 'llama-3.3-70b-versatile', apiKey: '⟦groq⟧' }); ⟪+ key:groq ChatGroq apiKey⟫
const openaiEmbeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small', apiKey: process.env.OPENAI_API_KEY }); ⟪- env-read env read⟫

const search = new TavilySearch({ maxResults: 5, tavilyApiKey: '⟦tavily⟧' }); ⟪+ key:tavily tavilyApiKey⟫

const pinecone = new Pinecone({ apiKey: '⟦pinecone⟧' }); ⟪+ key:pinecone Pinecone apiKey⟫
const index = pinecone.index('research-notes', 'https://research-notes-a1b2c3d.svc.aped-4627-b74a.pinecone.io'); ⟪- url Pinecone index host⟫
export const store = await PineconeStore.fromExistingIndex(openaiEmbeddings, { pineconeIndex: index, namespace: 'tenant-⟦uuid⟧' }); ⟪- uuid namespace⟫

export const langsmith = new LangSmith({
  apiUrl: 'https://api.smith.langchain.com', ⟪- url LangSmith URL⟫
  apiKey: '⟦langsmith⟧', ⟪+ key:langsmith LangSmith personal token⟫
});
process.env.LANGSMITH_API_KEY = '⟦langsmith-sk⟧'; ⟪+ key:langsmith/langsmith-sk assigned into process.env⟫
process.env.LANGSMITH_PROJECT = 'research-agent-prod'; ⟪- benign-name project name⟫
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
export const config = { configurable: { thread_id: '⟦uuid⟧', checkpoint_ns: '', checkpoint_id: '1ef4f797-8335-6428-8001-8a1503f9b875' } }; ⟪- uuid LangGraph thread/checkpoint ids⟫
export { embeddings };
