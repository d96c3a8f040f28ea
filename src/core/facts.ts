/**
 * What one file tells the workspace about agents: the manifest it declares, or the agents its code defines.
 * Per-file analysis produces these; the workspace index (src/core/workspace.ts) links them across files for the
 * cross-file rules and the inventory. Plain data, so an index can be updated one file at a time.
 */
import type { Range } from './types';

export type AgentFramework =
  | 'openai-agents' | 'mastra' | 'voltagent' | 'agentkit' | 'langgraph' | 'langchain' | 'ai-sdk' | 'mcp-sdk'
  // Python only
  | 'crewai' | 'pydantic-ai' | 'smolagents' | 'google-adk' | 'llamaindex' | 'autogen' | 'agno'
  | 'unknown';

export interface Located<T> {
  value: T;
  range: Range;
  startOffset: number;
  endOffset: number;
}

/** A tool an agent in code hands to the model. */
export interface CodeTool {
  /** The name the model sees, when it can be resolved in the same file. */
  name?: string;
  /** Where the tool is referenced in the agent definition (array element, record key …). */
  range: Range;
  startOffset: number;
  endOffset: number;
  /** `shellTool()`, a tool whose implementation hands model input to a shell … */
  kind?: 'function' | 'mcp-all' | 'hosted' | 'shell' | 'computer';
  /** Other names the tool goes by: Mastra's `id` when the agent's record key (the name the model sees) differs. */
  aliases?: string[];
  /** Whether the code makes a person approve each call; undefined when the definition could not be read. */
  approval?: ToolApproval;
  /** Where the tool is defined in this file (its `tool(`/`createTool(` callee, or the record entry of a plain object tool). */
  definition?: { range: Range; startOffset: number; endOffset: number; framework: AgentFramework };
  /** What makes the tool high-risk, when its name says so (shell, deletion, payments, outbound messages, database writes). */
  risk?: string;
}

/**
 * How the code gates a tool's calls on a person: `always` (needsApproval: true, requireApproval: true, interrupt() in
 * the tool, a human-in-the-loop middleware that names it), `conditional` (a function decides per call), `none`.
 */
export interface ToolApproval {
  gate: 'always' | 'conditional' | 'none';
  /** The option or call that gates it, for the inventory and messages: `needsApproval`, `interrupt()` … */
  via?: string;
}

/** An agent defined in code: `new Agent({...})`, `createReactAgent(...)`, `generateText({ tools })` … */
export interface CodeAgent {
  file: string;
  framework: AgentFramework;
  /** `new Agent(...)` and friends define an agent; a `generateText({ tools })` call site only uses tools. */
  kind: 'definition' | 'call';
  name?: string;
  /** Range of the defining expression's callee (where unowned-agent is reported). */
  range: Range;
  startOffset: number;
  endOffset: number;
  tools: CodeTool[];
  /** False when some tools could not be resolved to names (spreads, calls, imports): drift checks skip those. */
  toolsComplete: boolean;
  /** `@owner` JSDoc tag on the declaration. */
  ownerTag?: string;
  /** Credential names the agent's code reads from the environment (`OPENAI_API_KEY`). */
  environmentCredentials: string[];
}

export interface ManifestCredential {
  name: string;
  broker?: string;
  ref?: string;
  ttl?: string;
  ttlSeconds?: number;
  scopes: string[];
  range: Range;
  startOffset: number;
  endOffset: number;
  refRange?: Range;
  refStartOffset?: number;
  refEndOffset?: number;
}

export interface ManifestTool {
  name: string;
  access?: string;
  decision?: string;
  scopes: string[];
  range: Range;
  startOffset: number;
  endOffset: number;
}

export interface ManifestMcpServer {
  name: string;
  tools: string[];
  credential?: string;
  range: Range;
  startOffset: number;
  endOffset: number;
}

/** A parsed `agent-guardrail/v1` manifest (as far as it parsed). */
export interface AgentManifest {
  file: string;
  name?: string;
  nameRange?: Range;
  description?: string;
  owner?: string;
  technicalOwner?: string;
  environment?: string;
  reviewBy?: string;
  expires?: string;
  revocation?: string;
  onBehalfOf?: string;
  entrypoints: Located<string>[];
  credentials: ManifestCredential[];
  tools: ManifestTool[];
  mcpServers: ManifestMcpServer[];
  /** Range of the whole document (for findings about the manifest as a whole). */
  range: Range;
  startOffset: number;
  endOffset: number;
}

export interface FileFacts {
  manifests: AgentManifest[];
  agents: CodeAgent[];
}

export function emptyFacts(): FileFacts {
  return { manifests: [], agents: [] };
}
