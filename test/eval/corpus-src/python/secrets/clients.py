"""API clients of an agent platform, configured in code."""
import base64
import hashlib
import hmac

import anthropic
import boto3
import jwt
import openai
import psycopg2
import redis
import requests
import stripe
from github import Auth, Github
from langchain_anthropic import ChatAnthropic
from langchain_openai import ChatOpenAI
from openai import AsyncOpenAI, OpenAI
from requests.auth import HTTPBasicAuth
from slack_sdk import WebClient
from telegram import Bot

# --- model providers ---------------------------------------------------------------------------------------------
client = OpenAI(api_key="⟦alnum32⟧", organization="⟦openai-org⟧") ⟪+ generic:api-key [kwarg] OpenAI(api_key=…) with a context-bound value⟫
async_client = AsyncOpenAI(api_key="⟦openai-proj⟧", base_url="https://gateway.acme.dev/v1") ⟪+ key:openai/openai-proj [kwarg] AsyncOpenAI⟫
claude = anthropic.Anthropic(api_key="⟦alnum40⟧") ⟪+ generic:api-key [kwarg] Anthropic(api_key=…)⟫
chat = ChatOpenAI(model="gpt-4o", openai_api_key="⟦alnum32⟧", temperature=0) ⟪+ generic:openai-api-key [kwarg] ChatOpenAI⟫
sonnet = ChatAnthropic(model="claude-3-5-sonnet-latest", anthropic_api_key="⟦anthropic⟧") ⟪+ key:anthropic [kwarg] ChatAnthropic⟫
openai.api_key = "⟦openai-legacy⟧" ⟪+ key:openai/openai-legacy [attribute-assign] module attribute⟫
stripe.api_key = "⟦stripe-rk⟧" ⟪+ key:stripe [attribute-assign] stripe.api_key⟫

# --- cloud and code hosting -----------------------------------------------------------------------------------------
s3 = boto3.client("s3", aws_access_key_id="⟦aws-akid⟧", region_name="eu-west-1") ⟪+ key:aws-access-key-id [kwarg] boto3 access key id⟫
session = boto3.Session(aws_secret_access_key="⟦aws-secret⟧") ⟪+ key:aws-secret-access-key [kwarg] boto3 secret access key⟫
gh = Github("⟦ghp⟧") ⟪+ key:github [positional-client] Github(token)⟫
gh_app = Github(auth=Auth.Token("⟦alnum40⟧")) ⟪+ generic:github-token [positional-client] Auth.Token(…)⟫
slack = WebClient(token="⟦slack-bot⟧") ⟪+ key:slack [kwarg] WebClient(token=…)⟫
slack_alt = WebClient("⟦alnum40⟧") ⟪+ generic:slack-token [positional-client] WebClient positional token⟫
bot = Bot("⟦telegram⟧") ⟪+ key:telegram [positional-client] telegram Bot(token)⟫

# --- HTTP, JWT and HMAC ---------------------------------------------------------------------------------------------
response = requests.get("https://api.acme.dev/v1/me", headers={"Authorization": "Bearer ⟦alnum40⟧"}) ⟪+ generic:bearer [dict] bearer header in a call⟫
search = requests.get("https://api.tavily.com/search", headers={"X-API-Key": "⟦alnum32⟧"}) ⟪+ generic:api-key [dict] API key header⟫
basic = requests.get("https://jira.acme.dev/rest/api/2/myself", auth=("svc-agent", "⟦password⟧")) ⟪+ generic:password [positional-client] auth tuple⟫
digest = requests.get("https://registry.acme.dev", auth=HTTPBasicAuth("ci", "⟦db-password⟧")) ⟪+ generic:password [positional-client] HTTPBasicAuth⟫
encoded = base64.b64encode(b"svc-agent:⟦db-password⟧").decode() ⟪+ generic:password [positional-client] basic auth material⟫
token = jwt.encode({"sub": "agent"}, "⟦jwt-secret⟧", algorithm="HS256") ⟪+ generic:jwt-secret [positional-client] jwt.encode key⟫
claims = jwt.decode(token, "⟦alnum40⟧", algorithms=["HS256"]) ⟪+ generic:jwt-secret [positional-client] jwt.decode key⟫
signature = hmac.new(b"⟦hex32⟧", b"payload", hashlib.sha256).hexdigest() ⟪+ generic:hmac-key [positional-client] hmac.new key⟫
session_headers = requests.Session()
session_headers.headers["x-api-key"] = "⟦alnum32⟧" ⟪+ generic:api-key [header] header assignment⟫
session_headers.headers.update({"Authorization": "Token ⟦alnum40⟧"}) ⟪+ generic:authorization [header] headers.update dict⟫

# --- databases ---------------------------------------------------------------------------------------------------------
db = psycopg2.connect(host="db.acme.internal", user="agents", password="⟦db-password⟧", dbname="agents") ⟪+ generic:password [kwarg] psycopg2 password⟫
cache = redis.Redis(host="cache.acme.internal", port=6379, password="⟦db-password⟧") ⟪+ generic:password [kwarg] redis password⟫
broker_url = "amqp://agents:⟦db-password⟧@rabbit.acme.internal:5672/agents" ⟪+ conn:connection-string [literal] AMQP URL with a password⟫
DATABASE_URL = "postgresql://agents:⟦db-password⟧@db.acme.internal:5432/agents" ⟪+ conn:connection-string [literal] Postgres URL⟫

# --- the same clients without secrets (hard negatives) --------------------------------------------------------------
local = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama") ⟪- placeholder Ollama dummy key⟫
org_client = OpenAI(organization="⟦openai-org⟧", project="⟦openai-project⟧") ⟪- non-secret-id organization and project ids⟫
assistant_id = "⟦asst⟧" ⟪- non-secret-id assistant id⟫
thread_id = "⟦thread⟧" ⟪- non-secret-id thread id⟫
vector_store_id = "⟦vector-store⟧" ⟪- non-secret-id vector store id⟫
file_id = "⟦openai-file⟧" ⟪- non-secret-id file id⟫
completion_id = "⟦chatcmpl⟧" ⟪- non-secret-id completion id⟫
message_id = "⟦anthropic-msg⟧" ⟪- non-secret-id Anthropic message id⟫
tool_use_id = "⟦toolu⟧" ⟪- non-secret-id tool use id⟫
publishable = "⟦pk-live⟧" ⟪- public-key Stripe publishable key⟫
price = "⟦stripe-price⟧" ⟪- non-secret-id Stripe price⟫
customer = "⟦stripe-customer⟧" ⟪- non-secret-id Stripe customer⟫
test_key = "⟦sk-test⟧" ⟪- test-key Stripe test key⟫
EXAMPLE_AKID = "AKIAIOSFODNN7EXAMPLE" ⟪- example-key AWS documentation key⟫
s3_local = boto3.client("s3", endpoint_url="http://localhost:4566", aws_access_key_id="test", aws_secret_access_key="test") ⟪- placeholder localstack test credentials⟫
gh_enterprise = Github(base_url="https://github.acme.dev/api/v3", per_page=100) ⟪- url GitHub Enterprise URL⟫
slack_channel = "⟦slack-channel⟧" ⟪- non-secret-id Slack channel⟫
github_client_id = "⟦github-client-id⟧" ⟪- non-secret-id OAuth client id⟫
google_client_id = "⟦google-client-id⟧" ⟪- non-secret-id Google client id⟫
aws_account = "⟦aws-account⟧" ⟪- non-secret-id AWS account id⟫
bad_github = "⟦ghp-bad⟧" ⟪- bad-checksum ghp_ with a wrong checksum⟫
langfuse_public = "⟦langfuse-public⟧" ⟪- public-key Langfuse public key⟫
jwt_algorithm = jwt.encode({"sub": "agent"}, private_key, algorithm="RS256") ⟪- env-read key from a variable⟫
signature_check = hmac.compare_digest(signature, expected) ⟪- hash comparison of digests⟫
response_text = requests.get("https://api.acme.dev/health", timeout=5).text ⟪- url health check⟫
