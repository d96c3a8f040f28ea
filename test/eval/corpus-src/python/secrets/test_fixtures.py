"""Tests of the agent: fixtures, mocks and patterns that look like credentials and are not."""
import re

import pytest

from agents import Agent

OPENAI_KEY_PATTERN = re.compile(r"sk-(?:proj-)?[A-Za-z0-9_-]{20,}") ⟪- low-entropy regular expression for keys⟫
GITHUB_TOKEN_PATTERN = r"ghp_[A-Za-z0-9]{36}" ⟪- low-entropy token regex⟫
REDACTED = "sk-proj-…9fQ2" ⟪- placeholder redacted form⟫
MASK = "•" * 12 ⟪- low-entropy mask⟫


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "test") ⟪- test-key test value⟫
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test") ⟪- test-key fake prefix⟫
    monkeypatch.setenv("GITHUB_TOKEN", "dummy") ⟪- placeholder dummy value⟫
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False) ⟪- env-var-name deleted variable⟫


def test_agent_uses_env_key(env):
    # expect agent: openai-agents "test-agent" tools:
    agent = Agent(name="test-agent", instructions="Say hi.")
    assert agent.name == "test-agent"


def test_redaction():
    assert redact("sk-proj-abc") == "sk-proj-…" ⟪- placeholder redaction test⟫
    assert mask_token("xoxb-1-2-3") == "xoxb-…" ⟪- placeholder mask test⟫


def test_missing_key_message():
    with pytest.raises(RuntimeError, match="OPENAI_API_KEY is not set"): ⟪- env-var-name error message⟫
        load_settings()


@pytest.mark.parametrize("value", ["", "none", "null", "undefined", "false"]) ⟪- low-entropy falsy strings⟫
def test_empty_keys(value):
    assert not is_configured(value)


def test_uuid_ids():
    assert parse_run("run_id=⟦uuid⟧") ⟪- uuid id in a test⟫
    assert parse_thread("⟦thread⟧") ⟪- non-secret-id thread id in a test⟫


def test_hash():
    assert sha256("agent") == "⟦sha256⟧" ⟪- hash expected hash⟫


def test_model_names():
    assert normalize("openai/gpt-4o-mini") == "gpt-4o-mini" ⟪- model-id model names⟫
    assert normalize("anthropic/claude-3-5-haiku-20241022") == "claude-3-5-haiku-20241022" ⟪- model-id dated model⟫


ENCRYPTED_OPENAI_KEY = "ENC[AES256_GCM,data:⟦b64-44⟧,iv:⟦alnum24⟧,tag:⟦alnum24⟧,type:str]" ⟪- secret-reference sops-encrypted value⟫
SECRET_REF = "vault:secret/data/agents#openai_api_key" ⟪- secret-reference vault reference⟫
AZURE_SECRET_URI = "https://acme-agents.vault.azure.net/secrets/openai-api-key" ⟪- secret-reference Key Vault URI⟫
AWS_SECRET_ID = "agents/prod/openai" ⟪- secret-reference secret id⟫
GCP_SECRET = "projects/acme-agents/secrets/openai-api-key/versions/latest" ⟪- secret-reference Secret Manager version⟫
KMS_KEY = "arn:aws:kms:eu-west-1:⟦aws-account⟧:key/⟦uuid⟧" ⟪- secret-reference KMS key ARN⟫
SSM_PARAMETER = "/agents/prod/openai/api-key" ⟪- path SSM parameter name⟫
K8S_SECRET_REF = {"name": "agent-secrets", "key": "openai-api-key"} ⟪- secret-reference Kubernetes secret ref⟫
TOKEN_COUNT = 128_000 ⟪- low-entropy token count⟫
TOKENS_PER_MINUTE = {"gpt-4o": 800_000, "gpt-4o-mini": 2_000_000} ⟪- low-entropy rate limits⟫
PASSWORD_MIN_LENGTH = 14 ⟪- low-entropy policy⟫
SESSION_COOKIE = "__Host-session" ⟪- benign-name cookie name⟫
SECRET_HEADER_NAMES = ("authorization", "x-api-key", "cookie") ⟪- benign-name header names⟫
API_KEY_PREFIXES = ("sk-", "sk-ant-", "ghp_", "xoxb-") ⟪- low-entropy prefixes⟫
PLACEHOLDER_KEYS = {"sk-...", "your-api-key", "<api-key>"} ⟪- placeholder placeholder set⟫
DOCS_URL = "https://platform.openai.com/api-keys" ⟪- url docs URL⟫
CONSOLE = "https://console.anthropic.com/settings/keys" ⟪- url console URL⟫
OAUTH_AUTHORIZE = "https://github.com/login/oauth/authorize?client_id=⟦github-client-id⟧&scope=repo" ⟪- url OAuth URL with a client id⟫
WEBHOOK_PATH = "/webhooks/stripe" ⟪- path webhook path⟫
PRIVATE_KEY_PATH = "~/.ssh/id_ed25519" ⟪- path key path⟫
CERT_FILE = "/etc/ssl/certs/agents.pem" ⟪- path certificate path⟫
SAMPLE_JWT_HEADER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" ⟪- low-entropy JWT header only⟫
BASE64_HELLO = "aGVsbG8gd29ybGQ=" ⟪- low-entropy base64 of hello world⟫
HEX_COLOR_TOKEN = "#ff8800" ⟪- low-entropy colour⟫
VERSION = "2.31.0" ⟪- low-entropy version⟫
GIT_TAG = "v1.4.2-rc.1" ⟪- low-entropy tag⟫
LOCALE = "en_US.UTF-8" ⟪- benign-name locale⟫
TIMEZONE = "Europe/Berlin" ⟪- benign-name timezone⟫
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36" ⟪- benign-name user agent⟫
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ" ⟪- low-entropy date format⟫
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s" ⟪- low-entropy log format⟫
SQL = "SELECT id, name FROM agents WHERE owner = %s AND token_hash = %s" ⟪- benign-name SQL query⟫
EMAIL = "agents-oncall@acme.dev" ⟪- benign-name email⟫
PHONE = "+49 30 901820" ⟪- low-entropy phone number⟫
IPV6 = "2001:db8:85a3::8a2e:370:7334" ⟪- low-entropy IP address⟫
MAC = "00:1A:2B:3C:4D:5E" ⟪- low-entropy MAC address⟫
CRON = "*/15 * * * *" ⟪- low-entropy cron⟫
