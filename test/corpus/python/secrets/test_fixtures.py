"""Tests of the agent: fixtures, mocks and patterns that look like credentials and are not."""
import re

import pytest

from agents import Agent

OPENAI_KEY_PATTERN = re.compile(r"sk-(?:proj-)?[A-Za-z0-9_-]{20,}")
GITHUB_TOKEN_PATTERN = r"ghp_[A-Za-z0-9]{36}"
REDACTED = "sk-proj-…9fQ2"
MASK = "•" * 12


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    monkeypatch.setenv("GITHUB_TOKEN", "dummy")
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)


def test_agent_uses_env_key(env):
    # expect agent: openai-agents "test-agent" tools:
    agent = Agent(name="test-agent", instructions="Say hi.")
    assert agent.name == "test-agent"


def test_redaction():
    assert redact("sk-proj-abc") == "sk-proj-…"
    assert mask_token("xoxb-1-2-3") == "xoxb-…"


def test_missing_key_message():
    with pytest.raises(RuntimeError, match="OPENAI_API_KEY is not set"):
        load_settings()


@pytest.mark.parametrize("value", ["", "none", "null", "undefined", "false"])
def test_empty_keys(value):
    assert not is_configured(value)


def test_uuid_ids():
    assert parse_run("run_id=7b114105-bda3-4586-ba8e-29fc536fc4da")
    assert parse_thread("thread_3c0IYWLYWIfli1ivRXiIr56F")


def test_hash():
    assert sha256("agent") == "b6312dd96431043e52a319f8910206c7011ab449c5d6fee542301388d7211eca"


def test_model_names():
    assert normalize("openai/gpt-4o-mini") == "gpt-4o-mini"
    assert normalize("anthropic/claude-3-5-haiku-20241022") == "claude-3-5-haiku-20241022"


ENCRYPTED_OPENAI_KEY = "ENC[AES256_GCM,data:sMBbwP0JDTt+tJH1Ga8arGKQxzmp4e0hgAdBMVJKY8I=,iv:bEerXZiSSt2cN9eCnqZhI7VW,tag:yc4pzGCxnnft0aZv5HQ746Vi,type:str]"
SECRET_REF = "vault:secret/data/agents#openai_api_key"
AZURE_SECRET_URI = "https://acme-agents.vault.azure.net/secrets/openai-api-key"
AWS_SECRET_ID = "agents/prod/openai"
GCP_SECRET = "projects/acme-agents/secrets/openai-api-key/versions/latest"
KMS_KEY = "arn:aws:kms:eu-west-1:305863104108:key/b80e870d-3c4b-4bcb-adda-26e4861911a6"
SSM_PARAMETER = "/agents/prod/openai/api-key"
K8S_SECRET_REF = {"name": "agent-secrets", "key": "openai-api-key"}
TOKEN_COUNT = 128_000
TOKENS_PER_MINUTE = {"gpt-4o": 800_000, "gpt-4o-mini": 2_000_000}
PASSWORD_MIN_LENGTH = 14
SESSION_COOKIE = "__Host-session"
SECRET_HEADER_NAMES = ("authorization", "x-api-key", "cookie")
API_KEY_PREFIXES = ("sk-", "sk-ant-", "ghp_", "xoxb-")
PLACEHOLDER_KEYS = {"sk-...", "your-api-key", "<api-key>"}
DOCS_URL = "https://platform.openai.com/api-keys"
CONSOLE = "https://console.anthropic.com/settings/keys"
OAUTH_AUTHORIZE = "https://github.com/login/oauth/authorize?client_id=Iv1.86d96a487b0616f3&scope=repo"
WEBHOOK_PATH = "/webhooks/stripe"
PRIVATE_KEY_PATH = "~/.ssh/id_ed25519"
CERT_FILE = "/etc/ssl/certs/agents.pem"
SAMPLE_JWT_HEADER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
BASE64_HELLO = "aGVsbG8gd29ybGQ="
HEX_COLOR_TOKEN = "#ff8800"
VERSION = "2.31.0"
GIT_TAG = "v1.4.2-rc.1"
LOCALE = "en_US.UTF-8"
TIMEZONE = "Europe/Berlin"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
SQL = "SELECT id, name FROM agents WHERE owner = %s AND token_hash = %s"
EMAIL = "agents-oncall@acme.dev"
PHONE = "+49 30 901820"
IPV6 = "2001:db8:85a3::8a2e:370:7334"
MAC = "00:1A:2B:3C:4D:5E"
CRON = "*/15 * * * *"
