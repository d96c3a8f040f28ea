"""Jira helper on LangGraph, with LangChain tools and an MCP client."""
import os
import subprocess

from langchain_core.tools import BaseTool, StructuredTool, tool
from langchain_mcp_adapters.client import MultiServerMCPClient
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langgraph.prebuilt import create_react_agent


@tool
def search_issues(query: str) -> str:
    """Search Jira issues."""
    return query


@tool("shell_exec")
def shell(command: str) -> str:
    """Run a shell command."""
    # expect finding: grants/unrestricted-shell
    return subprocess.getoutput(command)


def add(a: int, b: int) -> int:
    return a + b


calculator = StructuredTool.from_function(func=add, name="calculator", description="Add two numbers")


class TicketLookup(BaseTool):
    name: str = "lookup_ticket"
    description: str = "Look a ticket up by its key."

    def _run(self, key: str) -> str:
        return key


client = MultiServerMCPClient(
    {
        # expect finding: grants/env-passthrough
        "jira": {"command": "npx", "args": ["-y", "jira-mcp"], "env": {**os.environ, "JIRA_SITE": "acme"}, "transport": "stdio"},
        "docs": {"url": "https://docs.acme.dev/mcp", "transport": "streamable_http"},
    }
)


async def build():
    mcp_tools = await client.get_tools()
    # @owner team:platform
    # expect agent: langgraph "jira_helper" tools: search_issues, shell_exec, calculator, lookup_ticket, *
    # expect finding: grants/all-mcp-tools
    return create_react_agent("openai:gpt-4o", tools=[search_issues, shell, calculator, TicketLookup(), *mcp_tools], name="jira_helper")


def legacy(llm, prompt):
    # expect agent: langchain - tools: search_issues, calculator
    agent = create_tool_calling_agent(llm, [search_issues, calculator], prompt)
    # expect agent: langchain - tools: search_issues, calculator
    return AgentExecutor(agent=agent, tools=[search_issues, calculator])


JIRA_API_TOKEN = os.environ.get("JIRA_API_TOKEN", "ATATT3xFfGF0oey1Zn5qxU3G4moYF53B6VQtW7xX3YGG7kkM8bAOA-CC1qQYSZAhY4GA0iwupMbr5MUhEgp_1H3Qst8A71lz9_hBPgy0tHGJqyeN0RFRaeKh12PDB9CVlxtvvzNi9zpwN-HnVYDcOTjM2004wzI4mfrcscpPeZAB45wzlkNuSEw=64C82D3B")
