"""Settings read from the environment, with the fallbacks someone added "just for local runs"."""
import os
from os import environ, getenv

from dotenv import load_dotenv, set_key

load_dotenv()

# --- env fallbacks that hold a real key ----------------------------------------------------------------------
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "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")
ANTHROPIC_API_KEY = os.getenv("ANTHROPIC_API_KEY", "sk-ant-api03-9LbyDWhrb_1ZlES3CRg3xZFyhW1fLWtS4seoNBpZFANZYwmrQhZF6Tufp0kIo6m51uvCEEpmh5997-lBj1a0yYbf5yaH-AA")
MISTRAL_API_KEY = os.getenv("MISTRAL_API_KEY", default="FRDDw03tU0nbyiWNot0uhbRo2UCcczkI")
COHERE_KEY = os.environ.get("COHERE_API_KEY") or "1fKOXHm3fW7wwJuWzHEVLh2CdMhi7ASq5giHzuvH"
DEEPGRAM = getenv("DEEPGRAM_API_KEY", "76f731e127e96cbee499fcf7281da8196f6b70a3")
TOGETHER = environ.get("TOGETHER_API_KEY", "39447585cb0fe40b2c2b96308bae320e6aa3de8c136fcdb4cd73c7c5ea3a8967")
JWT_SECRET = os.environ.get("JWT_SECRET") or os.environ.get("SESSION_SECRET") or "00a2400d5daad7ddd887d1bfcadc2ab86a2adac07290540acc7a592bc550db5f"
ELEVEN = os.environ.get("ELEVENLABS_API_KEY", "sk_25ef45cc2ac335e7d3d36396b08e1f4b7b2a389305bf73e5")
AZURE_OPENAI_KEY = os.environ.get("AZURE_OPENAI_API_KEY", "ce9d9cafdebcd4fed4a7cf43544bc571")
DATADOG_API_KEY = os.getenv("DD_API_KEY") or "8061b8691d0142c7bed78c86d68c82b3"

# --- written into the environment -----------------------------------------------------------------------------
os.environ["TAVILY_API_KEY"] = "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"
os.environ["FIREWORKS_API_KEY"] = "fw_YmHVycpz5dkGPDmMIMFASJUx"
os.environ.setdefault("LANGFUSE_SECRET_KEY", "sk-lf-3fbdb558-8df5-4631-6f1d-3f832fd16644")
environ["WEBHOOK_SECRET"] = "whsec_SQi5KSG94j2PGgRsidwkzJk9FgZtGDPF"
os.putenv("TWILIO_AUTH_TOKEN", "1973ccc821e7affb0c5f822c4abd3518")
set_key(".env", "GOOGLE_CLIENT_SECRET", "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")

# --- hard negatives: reads, empty and placeholder fallbacks ------------------------------------------------
GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]
SLACK_BOT_TOKEN = os.environ.get("SLACK_BOT_TOKEN")
STRIPE_KEY = os.getenv("STRIPE_SECRET_KEY", "")
PINECONE_API_KEY = os.getenv("PINECONE_API_KEY", "your-pinecone-api-key")
GROQ_API_KEY = os.environ.get("GROQ_API_KEY", "<GROQ_API_KEY>")
XAI_API_KEY = os.environ.get("XAI_API_KEY", "xai-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
HF_TOKEN = os.getenv("HF_TOKEN", "hf_...")
LANGSMITH_API_KEY = os.getenv("LANGSMITH_API_KEY", "changeme")
DB_PASSWORD = os.getenv("DB_PASSWORD", "postgres")
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", None)
SECRET_NAME = os.getenv("SECRET_NAME", "prod/agents/openai-api-key")
VAULT_PATH = os.getenv("VAULT_PATH", "secret/data/agents/support")
API_KEY_ENV = "OPENAI_API_KEY"
TOKEN_VAR = os.environ.get("TOKEN_VAR_NAME", "GITHUB_TOKEN")
OPENAI_BASE_URL = os.getenv("OPENAI_BASE_URL", "https://api.openai.com/v1")
MODEL = os.getenv("OPENAI_MODEL", "gpt-4o-2024-08-06")
REGION = os.getenv("AWS_REGION", "eu-central-1")
TIMEOUT = float(os.getenv("AGENT_TIMEOUT_SECONDS", "30"))
DEBUG = os.getenv("DEBUG", "false").lower() == "true"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
os.environ["OPENAI_API_KEY"] = os.environ["AZURE_OPENAI_API_KEY"]
os.environ.setdefault("LANGCHAIN_TRACING_V2", "true")
set_key(".env", "AGENT_MODEL", "gpt-4o-mini")
