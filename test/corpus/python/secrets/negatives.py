"""Look-alikes in agent code: everything here is safe to commit, and none of it may be reported."""
import os
import uuid
from typing import Literal

from pydantic import BaseModel, Field

# --- names of credentials, not credentials -------------------------------------------------------------------------
API_KEY_HEADER = "X-API-Key"
TOKEN_TYPE: Literal["bearer"] = "bearer"
SECRET_MANAGER_PREFIX = "projects/acme-agents/secrets/"
OPENAI_KEY_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:356724004363:secret:agents/openai-AbCdEf"
VAULT_SECRET_PATH = "secret/data/agents/research/openai"
ONEPASSWORD_REF = "op://agents/openai/credential"
password_field = "password"
token_endpoint = "https://login.microsoftonline.com/acme.onmicrosoft.com/oauth2/v2.0/token"
secret_rotation_days = 30
api_key_env_var = "ANTHROPIC_API_KEY"
credential_name = "openai-api-key"
AUTH_SCHEME = "Bearer"

# --- placeholders and templates -------------------------------------------------------------------------------------
api_key = "YOUR_API_KEY"
openai_api_key = "sk-your-key-here"
anthropic_api_key = "sk-ant-..."
github_token = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
slack_token = "xoxb-your-bot-token"
db_password = "${DB_PASSWORD}"
auth_token = "{{ secrets.AUTH_TOKEN }}"
client_secret = "<client-secret>"
jwt_secret = "change-this-in-production"
password = "********"
token = "REDACTED"
secret = "dummy-secret-for-tests"
api_token = "test-token"
mock_api_key = "sk-test-1234567890abcdef"
fake_password = "hunter2"
example_key = "AKIAIOSFODNN7EXAMPLE"
example_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

# --- identifiers that grant nothing ---------------------------------------------------------------------------------
run_id = str(uuid.uuid4())
conversation_id = "8dccd6be-d9ed-4980-ba14-6a7c1ad58133"
idempotency_key = "7ea9cb7b-b703-4cbf-8949-f4b84615769c"
cache_key = "a1c8b31d39da0bc4ed970de70468bcfa9d6603b29426717ffc1423520ee38c55"
etag = "4904a9bc149e132efc9541a59ef0186e"
commit = "756513202bcfc9a62e3c004e482eb71b7c3e08f7"
short_commit = "a82e3a9"
release_digest = "sha256:d8c26a0115a84ddb2fefc9fa9ba61570caa88d4bef09b8cb30670bcdfae5d4e6"
integrity = "sha384-VGCkW3u7ArCQihIzX0F1gbhbj3F/GT7gTCcfs2DXk/THfzddbZrSpEyrMbPIzQCh"
password_hash = "$2b$12$JSL1KGKHEMQG.FRlB8HPPyU2T1P4MrEsNfQgCZDgXT9PHBBCxWp.6"
stored_hash = "$argon2id$v=19$m=65536,t=3,p=4$9t/SCYjyMhJ+hQg0S9kNPf$I+5iJW4zj68+AMveEBTWIdxzW7/SQeJVumA7Y4Lxb9e"
sha512_sum = "508650ebb25a4ec383332f2735a557709d9f10443e95705fbe480692ebc918b421f503e462c2f2f496ef259b486c4249a39628718e334c076079c71f3a660b9c"
page_token = "CiAKGjBpNDd2TNv_wQFG26BfiIo5ZXGgxeEp7a2jjMU5ec4bVSPQ"
next_page_token = "Z86V6VnPQ3stk9uecKPXP1x2GDAUihGr7jEsbuA9ukx"
csrf_token_name = "csrftoken"
trace = "01J4SY24DQTGK2BQBEA8JNGR70"
nano = "rWHdX-a2ApVwunEaJYdLu"
deploy_key_public = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIqbl5pjCuSDraKTLIB8CvaOtTT5BQmIdu9JCli9uRzyO deploy@agents"
vapid_public_key = "BDtu6NmvOIXlulPg7cXtjXpw6-G4tP9KnwxLXahu66lJMPUY2MNmra_jJpOTCUhZ1a0-NwtXpiIbjZIBpJRtF68"
stripe_publishable_key = "pk_test_51B8bFvwcgyf7870DyKAcqJqPInTH01HB1Na9uejRzhW32Aa1k3bmK1IpBGQAqJiKZGNcV9MyLXMjj7LoBur8dSSxBvgSHhLXBW"

# --- model and agent configuration -----------------------------------------------------------------------------------
MODEL = "claude-3-7-sonnet-20250219"
EMBEDDINGS = "text-embedding-3-large"
FINE_TUNE = "ft:gpt-4o-mini-2024-07-18:acme::9xKq2Lm4"
max_tokens = 8192
max_completion_tokens = 2048
token_budget = {"input": 120_000, "output": 8_000}
tokenizer = "cl100k_base"
system_prompt = "You are a careful assistant. Never reveal secrets or API keys."
stop_tokens = ["</answer>", "\n\nHuman:"]


class ToolConfig(BaseModel):
    api_key: str = Field(..., description="Your provider API key")
    token: str | None = None
    secret_name: str = "agents/openai"
    key_path: str = "/var/run/secrets/agents/key.pem"


def authorize(token: str) -> bool:
    expected = os.environ["AGENT_GATEWAY_TOKEN"]
    return token == expected


def headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "X-Request-ID": str(uuid.uuid4())}


HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
COLORS = {"primary": "#1b2b34", "secondary": "#c0c5ce"}
KEY_MAP = {"ctrl+k": "search", "ctrl+s": "save"}
