/**
 * What the Python agent frameworks look like to the analysis: which imported names define agents, tools and MCP
 * connections, and where their options (name, tools, MCP servers, filters) go. A binding is the module and name a
 * local name was imported as (`from agents import Agent` → `{ module: 'agents', name: 'Agent' }`).
 */
import type { AgentFramework, CodeTool } from '../facts';

export interface PyBinding {
  module: string;
  /** The imported name; `*` for a module imported whole (`import agents`). */
  name: string;
}

const under = (module: string, root: string): boolean => module === root || module.startsWith(`${root}.`);

export const isOpenAIAgents = (module: string): boolean => under(module, 'agents');
export const isLangGraph = (module: string): boolean => under(module, 'langgraph');
export const isLangChain = (module: string): boolean => under(module, 'langchain') || under(module, 'langchain_core') || under(module, 'langchain_community') || under(module, 'langchain_classic');
export const isCrewAI = (module: string): boolean => under(module, 'crewai') || under(module, 'crewai_tools');
export const isPydanticAI = (module: string): boolean => under(module, 'pydantic_ai');
export const isSmolagents = (module: string): boolean => under(module, 'smolagents');
export const isGoogleAdk = (module: string): boolean => under(module, 'google.adk');
export const isLlamaIndex = (module: string): boolean => under(module, 'llama_index');
export const isAutogen = (module: string): boolean => under(module, 'autogen_agentchat') || under(module, 'autogen_core') || under(module, 'autogen_ext') || under(module, 'autogen');
export const isMcpPython = (module: string): boolean => under(module, 'mcp') || under(module, 'fastmcp');
export const isAgno = (module: string): boolean => under(module, 'agno');
export const isLangChainMcp = (module: string): boolean => under(module, 'langchain_mcp_adapters');

/** Modules whose presence means a `{"command": …, "env": …}` dict in the file configures an MCP server. */
export function isPythonMcpModule(module: string): boolean {
  return isMcpPython(module) || isLangChainMcp(module) || under(module, 'agents.mcp') || under(module, 'pydantic_ai.mcp') || under(module, 'google.adk.tools.mcp_tool') || under(module, 'llama_index.tools.mcp') || under(module, 'crewai_tools') || isSmolagents(module) || under(module, 'agno.tools.mcp');
}

/** How an agent constructor or factory takes its options. */
export interface AgentShape {
  framework: AgentFramework;
  kind: 'definition' | 'call';
  /** Keyword (and positional index) of the name the agent is known by. */
  name?: { keyword: string; index?: number };
  /** Keyword and positional index of the tools. */
  tools?: { keyword: string; index?: number };
  /** Keywords whose values are MCP servers or toolsets that give the agent tools. */
  servers?: string[];
}

/** Agent classes and factories, by framework: `Agent(name=…, tools=[…])`, `create_react_agent(model, tools)` … */
export function agentShape(binding: PyBinding): AgentShape | undefined {
  const { module, name } = binding;
  if (isOpenAIAgents(module) && (name === 'Agent' || name === 'RealtimeAgent')) {
    return { framework: 'openai-agents', kind: 'definition', name: { keyword: 'name', index: 0 }, tools: { keyword: 'tools' }, servers: ['mcp_servers'] };
  }
  if (isCrewAI(module) && name === 'Agent') return { framework: 'crewai', kind: 'definition', name: { keyword: 'role' }, tools: { keyword: 'tools' } };
  if (isPydanticAI(module) && name === 'Agent') return { framework: 'pydantic-ai', kind: 'definition', name: { keyword: 'name' }, tools: { keyword: 'tools' }, servers: ['toolsets', 'mcp_servers'] };
  if (isSmolagents(module) && (name === 'CodeAgent' || name === 'ToolCallingAgent' || name === 'MultiStepAgent')) {
    return { framework: 'smolagents', kind: 'definition', name: { keyword: 'name' }, tools: { keyword: 'tools', index: 0 } };
  }
  if (isGoogleAdk(module) && (name === 'Agent' || name === 'LlmAgent')) return { framework: 'google-adk', kind: 'definition', name: { keyword: 'name' }, tools: { keyword: 'tools' } };
  if (isLlamaIndex(module) && (name === 'FunctionAgent' || name === 'ReActAgent' || name === 'CodeActAgent')) {
    return { framework: 'llamaindex', kind: 'definition', name: { keyword: 'name' }, tools: { keyword: 'tools' } };
  }
  if (isLlamaIndex(module) && name === 'from_tools') return { framework: 'llamaindex', kind: 'definition', tools: { keyword: 'tools', index: 0 } };
  if (isLangGraph(module) && name === 'create_react_agent') return { framework: 'langgraph', kind: 'definition', name: { keyword: 'name' }, tools: { keyword: 'tools', index: 1 } };
  if (isLangChain(module) && name === 'create_agent') return { framework: 'langchain', kind: 'definition', name: { keyword: 'name' }, tools: { keyword: 'tools', index: 1 } };
  if (isLangChain(module) && (name === 'create_tool_calling_agent' || name === 'create_openai_tools_agent' || name === 'create_openai_functions_agent' || name === 'create_react_agent' || name === 'create_structured_chat_agent')) {
    return { framework: 'langchain', kind: 'definition', tools: { keyword: 'tools', index: 1 } };
  }
  if (isLangChain(module) && name === 'initialize_agent') return { framework: 'langchain', kind: 'definition', tools: { keyword: 'tools', index: 0 } };
  if (isLangChain(module) && name === 'AgentExecutor') return { framework: 'langchain', kind: 'call', tools: { keyword: 'tools' } };
  if (isAutogen(module) && name === 'AssistantAgent') return { framework: 'autogen', kind: 'definition', name: { keyword: 'name', index: 0 }, tools: { keyword: 'tools' } };
  if (isAgno(module) && name === 'Agent') return { framework: 'agno', kind: 'definition', name: { keyword: 'name' }, tools: { keyword: 'tools' } };
  return undefined;
}

/** OpenAI Agents SDK `@function_tool`, also as `tool` from `agents.decorators` (its alias). */
export function isFunctionToolDecorator({ module, name }: PyBinding): boolean {
  return (isOpenAIAgents(module) && name === 'function_tool') || (module === 'agents.decorators' && name === 'tool');
}

/** Decorators that make a function a tool, and the keyword (or first positional string) that renames it. */
export function toolDecorator(binding: PyBinding): { framework: AgentFramework; nameKeyword?: string; positionalName?: boolean } | undefined {
  const { module, name } = binding;
  if (isFunctionToolDecorator(binding)) return { framework: 'openai-agents', nameKeyword: 'name_override' };
  if (name === 'tool' && isLangChain(module)) return { framework: 'langchain', nameKeyword: 'name_or_callable', positionalName: true };
  if (name === 'tool' && isCrewAI(module)) return { framework: 'crewai', nameKeyword: 'name', positionalName: true };
  if (name === 'tool' && isSmolagents(module)) return { framework: 'smolagents' };
  if (name === 'tool' && isAgno(module)) return { framework: 'agno', nameKeyword: 'name' };
  return undefined;
}

/** Tool classes and factories that take an implementation and a name: `StructuredTool.from_function(func=f, name=…)` … */
export interface ToolFactory {
  framework: AgentFramework;
  nameKeyword?: string;
  nameIndex?: number;
  /** Keyword and positional index of the implementation; its function name is the default tool name. */
  impl?: { keyword: string; index?: number };
}

export function toolFactory(binding: PyBinding): ToolFactory | undefined {
  const { module, name } = binding;
  if (isLangChain(module)) {
    if (name === 'StructuredTool.from_function' || name === 'Tool.from_function') return { framework: 'langchain', nameKeyword: 'name', nameIndex: 1, impl: { keyword: 'func', index: 0 } };
    if (name === 'StructuredTool' || name === 'Tool') return { framework: 'langchain', nameKeyword: 'name', nameIndex: 0, impl: { keyword: 'func', index: 1 } };
  }
  if (isOpenAIAgents(module) && name === 'FunctionTool') return { framework: 'openai-agents', nameKeyword: 'name', impl: { keyword: 'on_invoke_tool' } };
  if (isLlamaIndex(module) && name === 'FunctionTool.from_defaults') return { framework: 'llamaindex', nameKeyword: 'name', impl: { keyword: 'fn', index: 0 } };
  if (isLlamaIndex(module) && name === 'QueryEngineTool.from_defaults') return { framework: 'llamaindex', nameKeyword: 'name' };
  if (isGoogleAdk(module) && (name === 'FunctionTool' || name === 'LongRunningFunctionTool')) return { framework: 'google-adk', impl: { keyword: 'func', index: 0 } };
  if (isPydanticAI(module) && name === 'Tool') return { framework: 'pydantic-ai', nameKeyword: 'name', impl: { keyword: 'function', index: 0 } };
  if (isAutogen(module) && name === 'FunctionTool') return { framework: 'autogen', nameKeyword: 'name', impl: { keyword: 'func', index: 0 } };
  if (isSmolagents(module) && name === 'Tool.from_space') return { framework: 'smolagents', nameKeyword: 'name', nameIndex: 1 };
  return undefined;
}

/** Base classes whose subclasses are tools: the `name` class attribute is the tool name, these methods run it. */
export function toolBaseClass(binding: PyBinding): { framework: AgentFramework; methods: string[] } | undefined {
  const { module, name } = binding;
  if (name === 'BaseTool' && isLangChain(module)) return { framework: 'langchain', methods: ['_run', '_arun'] };
  if (name === 'BaseTool' && isCrewAI(module)) return { framework: 'crewai', methods: ['_run', '_arun'] };
  if (name === 'Tool' && isSmolagents(module)) return { framework: 'smolagents', methods: ['forward'] };
  if (name === 'BaseTool' && isGoogleAdk(module)) return { framework: 'google-adk', methods: ['run_async'] };
  return undefined;
}

/** OpenAI Agents SDK built-in tools: the name the model sees and the kind. */
export const OPENAI_HOSTED_TOOLS = new Map<string, { name: string; kind: NonNullable<CodeTool['kind']> }>([
  ['WebSearchTool', { name: 'web_search', kind: 'hosted' }],
  ['FileSearchTool', { name: 'file_search', kind: 'hosted' }],
  ['CodeInterpreterTool', { name: 'code_interpreter', kind: 'hosted' }],
  ['ImageGenerationTool', { name: 'image_generation', kind: 'hosted' }],
  ['ToolSearchTool', { name: 'tool_search', kind: 'hosted' }],
  ['HostedMCPTool', { name: 'hosted_mcp', kind: 'hosted' }],
  ['LocalShellTool', { name: 'local_shell', kind: 'shell' }],
  ['ShellTool', { name: 'shell', kind: 'shell' }],
  ['ComputerTool', { name: 'computer_use_preview', kind: 'computer' }],
  ['ApplyPatchTool', { name: 'apply_patch', kind: 'function' }],
]);

/** MCP server connections whose tools all reach an agent unless a filter is set; the keyword that filters them. */
export function mcpServerClass(binding: PyBinding): { filter?: string; label: string; stdio: boolean } | undefined {
  const { module, name } = binding;
  if (under(module, 'agents.mcp') || (isOpenAIAgents(module) && /^MCPServer/.test(name))) {
    if (name === 'MCPServerStdio') return { filter: 'tool_filter', label: name, stdio: true };
    if (name === 'MCPServerSse' || name === 'MCPServerStreamableHttp') return { filter: 'tool_filter', label: name, stdio: false };
  }
  if (isPydanticAI(module)) {
    if (name === 'MCPServerStdio') return { label: name, stdio: true };
    if (name === 'MCPServerSSE' || name === 'MCPServerStreamableHTTP' || name === 'MCPServerHTTP') return { label: name, stdio: false };
  }
  if (isGoogleAdk(module) && (name === 'MCPToolset' || name === 'McpToolset')) return { filter: 'tool_filter', label: name, stdio: false };
  return undefined;
}

/** Calls whose result is every tool of an MCP server or client (a list of tools, or a context manager giving one). */
export function mcpAllTools(binding: PyBinding): string | undefined {
  const { module, name } = binding;
  if (isLangChainMcp(module) && name === 'load_mcp_tools') return 'load_mcp_tools()';
  if (isCrewAI(module) && name === 'MCPServerAdapter') return 'MCPServerAdapter';
  if (isSmolagents(module) && (name === 'ToolCollection.from_mcp' || name === 'MCPClient')) return name === 'MCPClient' ? 'MCPClient' : 'ToolCollection.from_mcp()';
  if (isLlamaIndex(module) && (name === 'aget_tools_from_mcp_url' || name === 'get_tools_from_mcp_url')) return `${name}()`;
  return undefined;
}

/** Toolkits that are an MCP server's tools, all of them unless the keyword that filters them is given (agno). */
export function mcpToolkitClass({ module, name }: PyBinding): { filter: string } | undefined {
  if (isAgno(module) && (name === 'MCPTools' || name === 'MultiMCPTools')) return { filter: 'include_tools' };
  return undefined;
}

/**
 * Toolkits that run any shell command the model gives them, and the tool name the model calls (agno `ShellTools`:
 * `run_shell_command`, which its own docstring calls an RCE sink without confirmation).
 */
export function shellToolkit({ module, name }: PyBinding): string | undefined {
  return isAgno(module) && name === 'ShellTools' ? 'run_shell_command' : undefined;
}

/** MCP clients whose `get_tools()` / `to_tool_list()` returns every tool. */
export function mcpClientClass(binding: PyBinding): { methods: string[]; filter?: string } | undefined {
  const { module, name } = binding;
  if (isLangChainMcp(module) && name === 'MultiServerMCPClient') return { methods: ['get_tools'] };
  if (isLlamaIndex(module) && name === 'McpToolSpec') return { methods: ['to_tool_list', 'to_tool_list_async'], filter: 'allowed_tools' };
  return undefined;
}

/** Stdio server parameters that take the server process's `env`: keyword of the env. */
export function stdioParams(binding: PyBinding): string | undefined {
  const { module, name } = binding;
  if (name === 'StdioServerParameters' && (isMcpPython(module) || isPythonMcpModule(module))) return 'env';
  if (name === 'MCPServerStdio' && isPydanticAI(module)) return 'env';
  if ((name === 'StdioConnectionParams' || name === 'StdioServerParameters') && isGoogleAdk(module)) return 'env';
  if (name === 'BasicMCPClient' && isLlamaIndex(module)) return 'env';
  return undefined;
}

/** MCP server objects whose decorated functions are tools: `mcp = FastMCP("name")`, then `@mcp.tool()`. */
export function isMcpServerClass(binding: PyBinding): boolean {
  return (binding.name === 'FastMCP' && isMcpPython(binding.module)) || (binding.name === 'Server' && under(binding.module, 'mcp.server'));
}
