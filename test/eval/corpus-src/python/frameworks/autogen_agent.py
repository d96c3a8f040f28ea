"""Weather assistant on AutoGen AgentChat."""
from autogen_agentchat.agents import AssistantAgent
from autogen_core.tools import FunctionTool
from autogen_ext.models.openai import OpenAIChatCompletionClient


async def get_weather(city: str) -> str:
    """Weather for a city."""
    return f"Sunny in {city}"


def convert(celsius: float) -> float:
    return celsius * 9 / 5 + 32


converter = FunctionTool(convert, description="Celsius to Fahrenheit", name="to_fahrenheit")
model_client = OpenAIChatCompletionClient(model="gpt-4o", api_key="⟦openai-proj⟧") ⟪+ key:openai/openai-proj [kwarg] AutoGen model client⟫
# expect agent: autogen "weather_agent" tools: get_weather, to_fahrenheit
agent = AssistantAgent("weather_agent", model_client=model_client, tools=[get_weather, converter])
