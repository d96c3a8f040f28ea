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
model_client = OpenAIChatCompletionClient(model="gpt-4o", api_key="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")
# expect agent: autogen "weather_agent" tools: get_weather, to_fahrenheit
agent = AssistantAgent("weather_agent", model_client=model_client, tools=[get_weather, converter])
