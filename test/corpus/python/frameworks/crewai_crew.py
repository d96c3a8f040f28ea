"""Research crew on CrewAI."""
import os

from crewai import Agent, Crew, Task
from crewai.tools import BaseTool, tool
from crewai_tools import MCPServerAdapter, SerperDevTool
from mcp import StdioServerParameters


class CustomerLookup(BaseTool):
    name: str = "lookup_customer"
    description: str = "Look a customer up by id."

    def _run(self, customer_id: str) -> str:
        # expect finding: grants/unrestricted-shell
        return eval(customer_id)


@tool("Fetch page")
def fetch(url: str) -> str:
    """Fetch a web page."""
    return url


# expect finding: grants/env-passthrough
params = StdioServerParameters(command="uvx", args=["mcp-server-fetch"], env=os.environ)

with MCPServerAdapter(params) as mcp_tools, MCPServerAdapter(params, "read_file", "list_directory") as fs_tools:
    # expect agent: crewai "Senior Analyst" tools: lookup_customer, Fetch page, read_file, list_directory, ?, *
    analyst = Agent(
        role="Senior Analyst",
        goal="Find the facts",
        backstory="Careful and thorough.",
        # expect finding: grants/all-mcp-tools
        tools=[CustomerLookup(), fetch, SerperDevTool(), *mcp_tools, *fs_tools],
    )
    # expect agent: crewai "Writer" tools: Fetch page
    writer = Agent(role="Writer", goal="Write the report", backstory="Clear.", tools=[fetch])
    crew = Crew(agents=[analyst, writer], tasks=[Task(description="Research", expected_output="A report", agent=analyst)])

SERPER_API_KEY = "ce510d71eab58b181487c8a07bde588c"
