"""Time and filesystem agents on Google's Agent Development Kit."""
import subprocess

from google.adk.agents import Agent, LlmAgent
from google.adk.tools import AgentTool, FunctionTool, google_search
from google.adk.tools.mcp_tool import MCPToolset, StdioConnectionParams
from mcp import StdioServerParameters


def get_time(city: str) -> str:
    """The local time in a city."""
    return city


def run_script(script: str) -> str:
    """Run a maintenance script."""
    # expect finding: grants/unrestricted-shell
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True).stdout


# expect finding: grants/all-mcp-tools
filesystem = MCPToolset(
    connection_params=StdioConnectionParams(server_params=StdioServerParameters(command="npx", args=["-y", "@modelcontextprotocol/server-filesystem", "/data"])),
)
scoped = MCPToolset(
    connection_params=StdioConnectionParams(server_params=StdioServerParameters(command="npx", args=["-y", "server-git"])),
    tool_filter=["git_status", "git_log"],
)

# expect agent: google-adk "time_agent" tools: get_time, run_script
time_agent = Agent(name="time_agent", model="gemini-2.0-flash", instruction="Tell the time.", tools=[get_time, FunctionTool(run_script)])
# expect agent: google-adk "root_agent" tools: time_agent, ?, *
root_agent = LlmAgent(name="root_agent", model="gemini-2.0-flash", tools=[AgentTool(agent=time_agent), filesystem, scoped, google_search])
GOOGLE_API_KEY = "AIzaSyt6AJq6xNU40dcWk0MHXH47r_3prEd8_Bm"
