"""Release assistant on LangChain and LangGraph: human-in-the-loop middleware, interrupt() and interrupt_before."""
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langgraph.prebuilt import create_react_agent
from langgraph.types import interrupt


@tool
def post_slack_message(channel: str, text: str) -> str:
    """Announce in a Slack channel."""
    return channel


# expect finding: grants/unapproved-high-risk-tool
@tool
def purge_cdn_cache(prefix: str) -> str:
    """Purge cached pages under a prefix."""
    return prefix


@tool
def delete_release_branch(name: str) -> str:
    """Delete a release branch once it is merged."""
    answer = interrupt({"question": f"Delete branch {name}?"})
    return name if answer == "yes" else "kept"


@tool
def list_releases() -> list[str]:
    """List recent releases."""
    return ["1.2.0", "1.1.4"]


@tool
def drop_staging_table(table: str) -> str:
    """Drop a table in the staging database."""
    return table


# expect agent: langchain "release-assistant" tools: post_slack_message, purge_cdn_cache, delete_release_branch, list_releases
assistant = create_agent(
    "openai:gpt-5",
    tools=[post_slack_message, purge_cdn_cache, delete_release_branch, list_releases],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"post_slack_message": True, "purge_cdn_cache": False})],
    name="release-assistant",
)

# expect agent: langgraph "staging-janitor" tools: drop_staging_table
janitor = create_react_agent("openai:gpt-5", [drop_staging_table], interrupt_before=["tools"], name="staging-janitor")
