"""Dice game on Pydantic AI."""
import os

from pydantic_ai import Agent, RunContext, Tool
from pydantic_ai.mcp import MCPServerStdio

# expect finding: grants/all-mcp-tools
# expect finding: grants/env-passthrough
run_python = MCPServerStdio("deno", args=["run", "jsr:@pydantic/mcp-run-python", "stdio"], env=dict(os.environ))
weather = MCPServerStdio("uvx", args=["weather-mcp"])


def roll_die() -> str:
    """Roll a six-sided die."""
    return "4"


def score(points: int) -> int:
    return points * 2


# expect agent: pydantic-ai "dice_game" tools: roll_die, scorer, get_player_name, shell, *
dice = Agent(
    "openai:gpt-4o",
    name="dice_game",
    system_prompt="Play dice.",
    tools=[roll_die, Tool(score, name="scorer")],
    toolsets=[run_python, weather.filtered(lambda ctx, tool_def: tool_def.name == "forecast")],
)


@dice.tool
def get_player_name(ctx: RunContext[str]) -> str:
    """The player's name."""
    return ctx.deps


@dice.tool_plain(name="shell")
def run(command: str) -> str:
    # expect finding: grants/unrestricted-shell
    return os.popen(command).read()


LOGFIRE_TOKEN = "iqFDSP1X_HeyXpUPQmbVssio3rid1breJ-x_HgS7gKi"
