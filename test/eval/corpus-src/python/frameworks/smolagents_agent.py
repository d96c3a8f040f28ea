"""Research assistant on smolagents."""
from mcp import StdioServerParameters
from smolagents import CodeAgent, InferenceClientModel, Tool, ToolCallingAgent, ToolCollection, tool


@tool
def get_weather(city: str) -> str:
    """Weather for a city.

    Args:
        city: The city.
    """
    return city


class PageReader(Tool):
    name = "read_page"
    description = "Read a web page"
    inputs = {"url": {"type": "string", "description": "The page"}}
    output_type = "string"

    def forward(self, url: str) -> str:
        return url


model = InferenceClientModel(token="⟦hf⟧") ⟪+ key:huggingface [kwarg] smolagents model token⟫

with ToolCollection.from_mcp(StdioServerParameters(command="uvx", args=["pubmedmcp"]), trust_remote_code=True) as collection:
    # expect agent: smolagents "pubmed" tools: get_weather, read_page, *
    assistant = CodeAgent(
        name="pubmed",
        # expect finding: grants/all-mcp-tools
        tools=[get_weather, PageReader(), *collection.tools],
        model=model,
        # expect finding: grants/unrestricted-shell
        additional_authorized_imports=["os", "json"],
    )

# expect agent: smolagents "sandboxed" tools: get_weather
sandboxed = CodeAgent(tools=[get_weather], model=model, additional_authorized_imports=["*"], executor_type="e2b", name="sandboxed")
# expect agent: smolagents "caller" tools: read_page
caller = ToolCallingAgent(tools=[PageReader()], model=model, name="caller")
