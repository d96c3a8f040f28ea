"""Support agent on the OpenAI Agents SDK: function tools, hosted tools, MCP servers."""
import os
import subprocess

from agents import Agent, CodeInterpreterTool, HostedMCPTool, WebSearchTool, function_tool
from agents.mcp import MCPServerStdio, create_static_tool_filter

from .billing import refund_tool


@function_tool
def search_tickets(query: str) -> str:
    """Search support tickets."""
    return query

# expect finding: grants/unenforced-decision
@function_tool(name_override="run_diagnostics")
def diagnostics(command: str) -> str:
    """Run a diagnostic command on the support host."""
    # expect finding: grants/unrestricted-shell
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


ALLOWED_COMMANDS = {"uptime", "df -h"}


@function_tool
def host_status(command: str) -> str:
    """Run one of the allowed status commands."""
    if command not in ALLOWED_COMMANDS:
        raise ValueError(f"not allowed: {command}")
    return subprocess.check_output(command, shell=True, text=True)


# expect finding: grants/all-mcp-tools
github = MCPServerStdio(
    name="github",
    # expect finding: grants/env-passthrough
    params={"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": os.environ},
)
docs = MCPServerStdio(
    name="docs",
    params={"command": "uvx", "args": ["mcp-server-fetch"], "env": {"PATH": os.environ["PATH"]}},
    tool_filter=create_static_tool_filter(allowed_tool_names=["fetch"]),
)
# expect finding: grants/all-mcp-tools
wiki = HostedMCPTool(tool_config={"type": "mcp", "server_label": "deepwiki", "server_url": "https://mcp.deepwiki.com/mcp"})

# Answers support questions for the help desk.
# @owner team:support
# expect agent: openai-agents "support-bot-py" tools: search_tickets, run_diagnostics, host_status, web_search, code_interpreter, deepwiki, ?, *
support = Agent(
    name="support-bot-py",
    instructions="Help customers with their orders.",
    # expect finding: grants/undeclared-tool
    tools=[search_tickets, diagnostics, host_status, WebSearchTool(), CodeInterpreterTool(tool_config={"type": "code_interpreter"}), wiki, refund_tool],
    mcp_servers=[github, docs],
)

GATEWAY_TOKEN = os.getenv("GATEWAY_TOKEN", "⟦alnum40⟧") ⟪+ generic:gateway-token [env-fallback] fallback in agent code⟫
