"""Workflow agent on LlamaIndex."""
from llama_index.core.agent.workflow import FunctionAgent, ReActAgent
from llama_index.core.tools import FunctionTool, QueryEngineTool
from llama_index.tools.mcp import BasicMCPClient, McpToolSpec


def get_time(city: str) -> str:
    return city


def multiply(a: float, b: float) -> float:
    return a * b


time_tool = FunctionTool.from_defaults(fn=get_time, name="current_time")
docs_tool = QueryEngineTool.from_defaults(query_engine=None, name="search_docs", description="Search the docs")
spec = McpToolSpec(client=BasicMCPClient("uvx", args=["mcp-server-fetch"]))
filtered = McpToolSpec(client=BasicMCPClient("uvx", args=["mcp-server-git"]), allowed_tools=["git_status"])


async def main():
    tools = await spec.to_tool_list_async()
    git_tools = await filtered.to_tool_list_async()
    # expect agent: llamaindex "llama_helper" tools: current_time, search_docs, multiply, *, ?
    # expect finding: grants/all-mcp-tools
    helper = FunctionAgent(name="llama_helper", tools=[time_tool, docs_tool, multiply, *tools, *git_tools], llm=None)
    # expect agent: llamaindex "reasoner" tools: multiply
    reasoner = ReActAgent(name="reasoner", tools=[multiply], llm=None)
    return helper, reasoner


LLAMA_CLOUD_API_KEY = "llx-⟦alnum40⟧" ⟪+ generic:llama-cloud-api-key [literal] LlamaCloud key⟫
