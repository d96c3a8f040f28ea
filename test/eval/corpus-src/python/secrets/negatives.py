"""Look-alikes in agent code: everything here is safe to commit, and none of it may be reported."""
import os
import uuid
from typing import Literal

from pydantic import BaseModel, Field

# --- names of credentials, not credentials -------------------------------------------------------------------------
API_KEY_HEADER = "X-API-Key" ⟪- benign-name header name⟫
TOKEN_TYPE: Literal["bearer"] = "bearer" ⟪- benign-name token type⟫
SECRET_MANAGER_PREFIX = "projects/acme-agents/secrets/" ⟪- secret-reference Secret Manager path⟫
OPENAI_KEY_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:⟦aws-account⟧:secret:agents/openai-AbCdEf" ⟪- secret-reference secret ARN⟫
VAULT_SECRET_PATH = "secret/data/agents/research/openai" ⟪- secret-reference Vault path⟫
ONEPASSWORD_REF = "op://agents/openai/credential" ⟪- secret-reference 1Password reference⟫
password_field = "password" ⟪- benign-name form field name⟫
token_endpoint = "https://login.microsoftonline.com/acme.onmicrosoft.com/oauth2/v2.0/token" ⟪- url token endpoint⟫
secret_rotation_days = 30 ⟪- low-entropy rotation period⟫
api_key_env_var = "ANTHROPIC_API_KEY" ⟪- env-var-name env var name⟫
credential_name = "openai-api-key" ⟪- benign-name credential name⟫
AUTH_SCHEME = "Bearer" ⟪- benign-name scheme⟫

# --- placeholders and templates -------------------------------------------------------------------------------------
api_key = "YOUR_API_KEY" ⟪- placeholder upper-case placeholder⟫
openai_api_key = "sk-your-key-here" ⟪- placeholder sk- placeholder⟫
anthropic_api_key = "sk-ant-..." ⟪- placeholder truncated prefix⟫
github_token = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" ⟪- placeholder x-filled token⟫
slack_token = "xoxb-your-bot-token" ⟪- placeholder slack placeholder⟫
db_password = "${DB_PASSWORD}" ⟪- placeholder shell-style reference⟫
auth_token = "{{ secrets.AUTH_TOKEN }}" ⟪- placeholder template reference⟫
client_secret = "<client-secret>" ⟪- placeholder angle brackets⟫
jwt_secret = "change-this-in-production" ⟪- placeholder change this⟫
password = "********" ⟪- placeholder masked⟫
token = "REDACTED" ⟪- placeholder redacted⟫
secret = "dummy-secret-for-tests" ⟪- placeholder dummy⟫
api_token = "test-token" ⟪- placeholder test token⟫
mock_api_key = "sk-test-1234567890abcdef" ⟪- test-key mock key⟫
fake_password = "hunter2" ⟪- low-entropy classic password joke⟫
example_key = "AKIAIOSFODNN7EXAMPLE" ⟪- example-key AWS docs key⟫
example_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" ⟪- example-key AWS docs secret⟫

# --- identifiers that grant nothing ---------------------------------------------------------------------------------
run_id = str(uuid.uuid4()) ⟪- uuid generated id⟫
conversation_id = "⟦uuid⟧" ⟪- uuid conversation id⟫
idempotency_key = "⟦uuid⟧" ⟪- uuid idempotency key⟫
cache_key = "⟦sha256⟧" ⟪- hash cache key⟫
etag = "⟦md5⟧" ⟪- hash ETag⟫
commit = "⟦git-sha⟧" ⟪- hash commit⟫
short_commit = "⟦short-sha⟧" ⟪- hash short commit⟫
release_digest = "⟦docker-digest⟧" ⟪- hash image digest⟫
integrity = "⟦sri-sha384⟧" ⟪- integrity SRI hash⟫
password_hash = "⟦bcrypt⟧" ⟪- hash bcrypt hash⟫
stored_hash = "⟦argon2⟧" ⟪- hash argon2 hash⟫
sha512_sum = "⟦sha512⟧" ⟪- hash sha512⟫
page_token = "⟦page-token⟧" ⟪- non-secret-id pagination token⟫
next_page_token = "⟦urlsafe43⟧" ⟪- non-secret-id next page token⟫
csrf_token_name = "csrftoken" ⟪- benign-name cookie name⟫
trace = "⟦ulid⟧" ⟪- non-secret-id ULID⟫
nano = "⟦nanoid⟧" ⟪- non-secret-id nanoid⟫
deploy_key_public = "⟦ed25519-pub⟧" ⟪- public-key SSH public key⟫
vapid_public_key = "⟦vapid-public⟧" ⟪- public-key VAPID public key⟫
stripe_publishable_key = "⟦pk-test⟧" ⟪- public-key Stripe publishable test key⟫

# --- model and agent configuration -----------------------------------------------------------------------------------
MODEL = "claude-3-7-sonnet-20250219" ⟪- model-id Anthropic model⟫
EMBEDDINGS = "text-embedding-3-large" ⟪- model-id embedding model⟫
FINE_TUNE = "ft:gpt-4o-mini-2024-07-18:acme::9xKq2Lm4" ⟪- model-id fine-tuned model id⟫
max_tokens = 8192 ⟪- low-entropy token limit⟫
max_completion_tokens = 2048 ⟪- low-entropy completion limit⟫
token_budget = {"input": 120_000, "output": 8_000} ⟪- low-entropy budget dict⟫
tokenizer = "cl100k_base" ⟪- benign-name tokenizer⟫
system_prompt = "You are a careful assistant. Never reveal secrets or API keys." ⟪- benign-name prompt mentioning secrets⟫
stop_tokens = ["</answer>", "\n\nHuman:"] ⟪- low-entropy stop sequences⟫


class ToolConfig(BaseModel):
    api_key: str = Field(..., description="Your provider API key") ⟪- placeholder required field⟫
    token: str | None = None ⟪- low-entropy None default⟫
    secret_name: str = "agents/openai" ⟪- secret-reference secret name⟫
    key_path: str = "/var/run/secrets/agents/key.pem" ⟪- path mounted secret path⟫


def authorize(token: str) -> bool:
    expected = os.environ["AGENT_GATEWAY_TOKEN"] ⟪- env-read compared value from env⟫
    return token == expected ⟪- env-read comparison with a variable⟫


def headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "X-Request-ID": str(uuid.uuid4())} ⟪- env-read bearer header from a variable⟫


HEADERS = {"Content-Type": "application/json", "Accept": "application/json"} ⟪- benign-name content headers⟫
COLORS = {"primary": "#1b2b34", "secondary": "#c0c5ce"} ⟪- low-entropy colours⟫
KEY_MAP = {"ctrl+k": "search", "ctrl+s": "save"} ⟪- benign-name key bindings⟫
