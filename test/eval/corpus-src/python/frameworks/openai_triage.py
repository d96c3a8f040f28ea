"""Triage agent that hands questions to the support agent, as a tool."""
from agents import Agent

from .openai_agents import support

# expect agent: openai-agents "triage-py" tools: ask_support
triage = Agent(name="triage-py", handoffs=[support], tools=[support.as_tool(tool_name="ask_support", tool_description="Ask the support agent")])
