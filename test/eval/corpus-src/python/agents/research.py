"""Research agent: LangChain + OpenAI + Anthropic, Python edition."""
import os

import anthropic
from openai import OpenAI
from langchain_openai import ChatOpenAI
from langchain_mistralai import ChatMistralAI
from langchain_community.tools.tavily_search import TavilySearchResults
from huggingface_hub import InferenceClient
from pinecone import Pinecone

client = OpenAI(api_key="⟦openai-proj⟧")  # TODO: rotate ⟪+ key:openai/openai-proj OpenAI(api_key=…)⟫
claude = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY", "⟦anthropic⟧")) ⟪+ key:anthropic os.environ.get default⟫
llm = ChatOpenAI(model="gpt-4o", openai_api_key=os.environ["OPENAI_API_KEY"]) ⟪- env-read os.environ read⟫
mistral = ChatMistralAI(model="mistral-large-latest", api_key="⟦mistral⟧") ⟪+ generic:mistral api_key keyword argument⟫
hf = InferenceClient(token="⟦hf⟧") ⟪+ key:huggingface token keyword⟫
pc = Pinecone(api_key=os.getenv("PINECONE_API_KEY")) ⟪- env-read os.getenv⟫

os.environ["TAVILY_API_KEY"] = "⟦tavily⟧" ⟪+ key:tavily assigned into os.environ⟫
os.environ["COHERE_API_KEY"] = "⟦cohere⟧" ⟪+ generic:cohere assigned into os.environ⟫
os.environ.setdefault("LANGSMITH_API_KEY", "⟦langsmith⟧") ⟪+ key:langsmith setdefault⟫
os.environ["LANGSMITH_PROJECT"] = "research-agent" ⟪- benign-name project name⟫

GROQ_API_KEY = "⟦groq⟧" ⟪+ key:groq module constant⟫
XAI_API_KEY: str = "⟦xai⟧" ⟪+ key:xai annotated constant⟫
REPLICATE_API_TOKEN = os.getenv("REPLICATE_API_TOKEN", "r8_...") ⟪- placeholder placeholder default⟫
OPENAI_API_KEY = os.getenv("OPENAI_API_KEY", "sk-...")  # set in your shell ⟪- placeholder placeholder default⟫
DEEPSEEK_API_KEY = os.environ.get("DEEPSEEK_API_KEY") ⟪- env-read env read⟫

search = TavilySearchResults(max_results=5)
MODEL = "claude-3-5-sonnet-20241022" ⟪- model-id model id⟫
MAX_TOKENS = 4096


class Settings:
    api_key: str = "⟦cohere⟧" ⟪+ generic:cohere class attribute⟫
    secret_key = "⟦alnum40⟧" ⟪+ generic:secret-key class attribute⟫
    api_key_env = "OPENAI_API_KEY" ⟪- env-var-name env var name⟫
    token_limit = 120_000
    cache_key = f"research:{MODEL}:v2"
    password_hash = "⟦bcrypt⟧" ⟪- hash bcrypt hash⟫


def call_perplexity(question: str, api_key: str = "⟦perplexity⟧") -> dict: ⟪+ key:perplexity default argument⟫
    import requests

    response = requests.post(
        "https://api.perplexity.ai/chat/completions",
        headers={"Authorization": "Bearer ⟦perplexity⟧", "Content-Type": "application/json"}, ⟪+ key:perplexity Authorization header dict⟫
        json={"model": "sonar", "messages": [{"role": "user", "content": question}]},
        timeout=30,
    )
    return response.json()


def call_mistral(prompt: str) -> dict:
    import requests

    headers = {"Authorization": f"Bearer {os.environ['MISTRAL_API_KEY']}"} ⟪- env-read f-string env read⟫
    headers_fallback = {"Authorization": "Bearer ⟦mistral⟧"} ⟪+ generic:mistral bearer header literal⟫
    return requests.post("https://api.mistral.ai/v1/chat/completions", headers=headers or headers_fallback, json={"prompt": prompt}).json()
