/**
 * Which npm packages the code-side rules care about, and what a binding imported from them is. Only the module
 * specifier and the imported name are kept: `import { Experimental_Agent as Agent } from 'ai'` binds the local name
 * `Agent` to `{ module: 'ai', name: 'Experimental_Agent' }`.
 */
import type { AgentFramework } from '../facts';

export interface ImportBinding {
  module: string;
  /** The exported name, `default` for a default import, `*` for a namespace (`import * as x`, `const x = require()`). */
  name: string;
}

export const isOpenAIAgents = (module: string): boolean => module === '@openai/agents' || module.startsWith('@openai/agents-') || module.startsWith('@openai/agents/');
export const isMastra = (module: string): boolean => module.startsWith('@mastra/');
export const isVoltAgent = (module: string): boolean => module.startsWith('@voltagent/');
/** Inngest AgentKit. */
export const isAgentKit = (module: string): boolean => module === '@inngest/agent-kit' || module.startsWith('@inngest/agent-kit/');
/** LlamaIndex.TS: the `llamaindex` umbrella package and its `@llamaindex/…` parts (`@llamaindex/workflow`, `@llamaindex/core/tools`). */
export const isLlamaIndexTs = (module: string): boolean => module === 'llamaindex' || module.startsWith('llamaindex/') || module.startsWith('@llamaindex/');
export const isLangGraph = (module: string): boolean => module.startsWith('@langchain/langgraph');
export const isLangChain = (module: string): boolean => module === 'langchain' || module.startsWith('langchain/') || module.startsWith('@langchain/core');
export const isAiSdk = (module: string): boolean => module === 'ai' || module.startsWith('ai/') || module.startsWith('@ai-sdk/');
export const isMcpSdk = (module: string): boolean => module.startsWith('@modelcontextprotocol/sdk');
export const isChildProcess = (module: string): boolean => module === 'child_process' || module === 'node:child_process';

/** Modules whose presence means stdio server parameters (`{ command, env }`) in the file configure MCP servers. */
export function isMcpModule(module: string): boolean {
  return isMcpSdk(module) || module === '@mastra/mcp' || module.startsWith('@langchain/mcp-adapters') || isAiSdk(module) || isOpenAIAgents(module);
}

/** Modules that can run commands; a file importing none of them has no shell sink to find (except `Bun.$`). */
export function isShellModule(module: string): boolean {
  return isChildProcess(module) || module === 'execa' || module === 'zx' || module === 'shelljs' || module === 'bun' || module === 'cross-spawn';
}

export function frameworkOf(module: string): AgentFramework {
  if (isOpenAIAgents(module)) return 'openai-agents';
  if (isMastra(module)) return 'mastra';
  if (isVoltAgent(module)) return 'voltagent';
  if (isLlamaIndexTs(module)) return 'llamaindex';
  if (isAgentKit(module)) return 'agentkit';
  if (isLangGraph(module)) return 'langgraph';
  if (isLangChain(module)) return 'langchain';
  if (isAiSdk(module)) return 'ai-sdk';
  if (isMcpSdk(module)) return 'mcp-sdk';
  return 'unknown';
}

/** Agent classes and factories: `new X({...})` (new) or `X({...})` (call). */
export function agentConstructor(binding: ImportBinding, viaNew: boolean): AgentFramework | undefined {
  const { module, name } = binding;
  if (viaNew) {
    if (name === 'Agent' && (isOpenAIAgents(module) || module === '@mastra/core' || module === '@mastra/core/agent' || module === '@voltagent/core' || module === 'ai')) return frameworkOf(module);
    if ((name === 'Experimental_Agent' || name === 'ToolLoopAgent') && isAiSdk(module)) return 'ai-sdk';
    return undefined;
  }
  if (name === 'createReactAgent' && isLangGraph(module)) return 'langgraph';
  if (name === 'createAgent' && (module === 'langchain' || module.startsWith('langchain/'))) return 'langchain';
  if (name === 'agent' && isLlamaIndexTs(module)) return 'llamaindex';
  if ((name === 'createAgent' || name === 'createRoutingAgent') && isAgentKit(module)) return 'agentkit';
  return undefined;
}

/** AI SDK calls that hand tools to a model: call sites, not agent definitions. */
export const AI_SDK_CALLS = new Set(['generateText', 'streamText', 'generateObject', 'streamObject']);

/** OpenAI Agents SDK built-in tools: the name the model sees by default and the kind. */
export const OPENAI_HOSTED_TOOLS = new Map<string, { name: string; kind: 'hosted' | 'shell' | 'computer' | 'function' }>([
  ['webSearchTool', { name: 'web_search', kind: 'hosted' }],
  ['fileSearchTool', { name: 'file_search', kind: 'hosted' }],
  ['codeInterpreterTool', { name: 'code_interpreter', kind: 'hosted' }],
  ['imageGenerationTool', { name: 'image_generation', kind: 'hosted' }],
  ['toolSearchTool', { name: 'tool_search', kind: 'hosted' }],
  ['hostedMcpTool', { name: 'hosted_mcp', kind: 'hosted' }],
  ['shellTool', { name: 'shell', kind: 'shell' }],
  ['localShellTool', { name: 'local_shell', kind: 'shell' }],
  ['computerTool', { name: 'computer_use_preview', kind: 'computer' }],
  ['applyPatchTool', { name: 'apply_patch', kind: 'function' }],
]);

/** OpenAI Agents SDK MCP server classes (their tools reach the agent through `mcpServers`). */
export const OPENAI_MCP_SERVERS = new Set(['MCPServerStdio', 'MCPServerStreamableHttp', 'MCPServerSSE']);

/** Stdio transports whose options take an `env` for the server process. */
export function isStdioTransport(binding: ImportBinding): boolean {
  const { module, name } = binding;
  if (name === 'StdioClientTransport') return isMcpSdk(module);
  if (name === 'Experimental_StdioMCPTransport' || name === 'StdioMCPTransport') return isAiSdk(module);
  if (name === 'MCPServerStdio') return isOpenAIAgents(module);
  return false;
}

/** Factories of MCP clients whose `tools()`/`getTools()` returns every tool of the server(s). */
export function isMcpClientFactory(binding: ImportBinding): boolean {
  const { module, name } = binding;
  if (name === 'experimental_createMCPClient' || name === 'createMCPClient') return isAiSdk(module);
  if (name === 'MCPClient' || name === 'MCPConfiguration' || name === 'MastraMCPClient') return module.startsWith('@mastra/');
  if (name === 'MultiServerMCPClient') return module.startsWith('@langchain/mcp-adapters');
  return false;
}

/** Names of environment variables that frameworks inline into the browser bundle, by prefix. */
export const PUBLIC_ENV_PREFIXES: readonly (readonly [prefix: string, framework: string])[] = [
  ['NEXT_PUBLIC_', 'Next.js'],
  ['NUXT_PUBLIC_', 'Nuxt'],
  ['EXPO_PUBLIC_', 'Expo'],
  ['REACT_APP_', 'Create React App'],
  ['VITE_', 'Vite'],
  ['VUE_APP_', 'Vue CLI'],
  ['GATSBY_', 'Gatsby'],
  ['PUBLIC_', 'SvelteKit/Astro'],
];
