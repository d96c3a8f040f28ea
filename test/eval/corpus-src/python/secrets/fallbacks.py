"""Settings read from the environment, with the fallbacks someone added "just for local runs"."""
import os
from os import environ, getenv

from dotenv import load_dotenv, set_key

load_dotenv()

# --- env fallbacks that hold a real key ----------------------------------------------------------------------
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "⟦openai-proj⟧") ⟪+ key:openai/openai-proj [env-fallback] os.environ.get default⟫
ANTHROPIC_API_KEY = os.getenv("ANTHROPIC_API_KEY", "⟦anthropic⟧") ⟪+ key:anthropic [env-fallback] os.getenv default⟫
MISTRAL_API_KEY = os.getenv("MISTRAL_API_KEY", default="⟦mistral⟧") ⟪+ generic:mistral [env-fallback] default= keyword⟫
COHERE_KEY = os.environ.get("COHERE_API_KEY") or "⟦cohere⟧" ⟪+ generic:cohere [env-fallback] or fallback named by the env var⟫
DEEPGRAM = getenv("DEEPGRAM_API_KEY", "⟦deepgram⟧") ⟪+ generic:deepgram [env-fallback] bare getenv⟫
TOGETHER = environ.get("TOGETHER_API_KEY", "⟦together⟧") ⟪+ generic:together [env-fallback] from os import environ⟫
JWT_SECRET = os.environ.get("JWT_SECRET") or os.environ.get("SESSION_SECRET") or "⟦jwt-secret⟧" ⟪+ generic:jwt-secret [env-fallback] chain of reads⟫
ELEVEN = os.environ.get("ELEVENLABS_API_KEY", "⟦elevenlabs⟧") ⟪+ generic:elevenlabs [env-fallback] ElevenLabs key⟫
AZURE_OPENAI_KEY = os.environ.get("AZURE_OPENAI_API_KEY", "⟦azure-openai⟧") ⟪+ generic:azure-openai [env-fallback] Azure OpenAI key⟫
DATADOG_API_KEY = os.getenv("DD_API_KEY") or "⟦datadog⟧" ⟪+ generic:datadog [env-fallback] Datadog key⟫

# --- written into the environment -----------------------------------------------------------------------------
os.environ["TAVILY_API_KEY"] = "⟦tavily⟧" ⟪+ key:tavily [environ-assign] assigned into os.environ⟫
os.environ["FIREWORKS_API_KEY"] = "⟦fireworks⟧" ⟪+ generic:fireworks [environ-assign] generic key into os.environ⟫
os.environ.setdefault("LANGFUSE_SECRET_KEY", "⟦langfuse⟧") ⟪+ key:langfuse [environ-assign] setdefault⟫
environ["WEBHOOK_SECRET"] = "⟦whsec⟧" ⟪+ generic:whsec [environ-assign] webhook secret⟫
os.putenv("TWILIO_AUTH_TOKEN", "⟦twilio-auth-token⟧") ⟪+ generic:twilio-auth-token [environ-assign] putenv⟫
set_key(".env", "GOOGLE_CLIENT_SECRET", "⟦google-client-secret⟧") ⟪+ generic:google-client-secret [environ-assign] python-dotenv set_key⟫

# --- hard negatives: reads, empty and placeholder fallbacks ------------------------------------------------
GITHUB_TOKEN = os.environ["GITHUB_TOKEN"] ⟪- env-read subscript read⟫
SLACK_BOT_TOKEN = os.environ.get("SLACK_BOT_TOKEN") ⟪- env-read get without default⟫
STRIPE_KEY = os.getenv("STRIPE_SECRET_KEY", "") ⟪- placeholder empty default⟫
PINECONE_API_KEY = os.getenv("PINECONE_API_KEY", "your-pinecone-api-key") ⟪- placeholder your- placeholder⟫
GROQ_API_KEY = os.environ.get("GROQ_API_KEY", "<GROQ_API_KEY>") ⟪- placeholder angle-bracket placeholder⟫
XAI_API_KEY = os.environ.get("XAI_API_KEY", "xai-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") ⟪- placeholder x-filled placeholder⟫
HF_TOKEN = os.getenv("HF_TOKEN", "hf_...") ⟪- placeholder ellipsis placeholder⟫
LANGSMITH_API_KEY = os.getenv("LANGSMITH_API_KEY", "changeme") ⟪- placeholder changeme⟫
DB_PASSWORD = os.getenv("DB_PASSWORD", "postgres") ⟪- low-entropy default dev password⟫
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", None) ⟪- env-read None default⟫
SECRET_NAME = os.getenv("SECRET_NAME", "prod/agents/openai-api-key") ⟪- secret-reference secret name⟫
VAULT_PATH = os.getenv("VAULT_PATH", "secret/data/agents/support") ⟪- secret-reference vault path⟫
API_KEY_ENV = "OPENAI_API_KEY" ⟪- env-var-name name of an env var⟫
TOKEN_VAR = os.environ.get("TOKEN_VAR_NAME", "GITHUB_TOKEN") ⟪- env-var-name env var name as default⟫
OPENAI_BASE_URL = os.getenv("OPENAI_BASE_URL", "https://api.openai.com/v1") ⟪- url base URL default⟫
MODEL = os.getenv("OPENAI_MODEL", "gpt-4o-2024-08-06") ⟪- model-id model default⟫
REGION = os.getenv("AWS_REGION", "eu-central-1") ⟪- benign-name region⟫
TIMEOUT = float(os.getenv("AGENT_TIMEOUT_SECONDS", "30")) ⟪- low-entropy number default⟫
DEBUG = os.getenv("DEBUG", "false").lower() == "true" ⟪- low-entropy boolean flag⟫
os.environ["TOKENIZERS_PARALLELISM"] = "false" ⟪- benign-name tokenizer setting⟫
os.environ["OPENAI_API_KEY"] = os.environ["AZURE_OPENAI_API_KEY"] ⟪- env-read copy between variables⟫
os.environ.setdefault("LANGCHAIN_TRACING_V2", "true") ⟪- benign-name tracing flag⟫
set_key(".env", "AGENT_MODEL", "gpt-4o-mini") ⟪- model-id model into .env⟫
