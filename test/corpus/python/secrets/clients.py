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
client = OpenAI(api_key="a4Gy1rLKNNVX8eQMfL5LYUwzSVgkstVe", organization="org-BbmGq0ZmwZ2IygVXmcG1x1mY")
async_client = AsyncOpenAI(api_key="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", base_url="https://gateway.acme.dev/v1")
claude = anthropic.Anthropic(api_key="liTxgUzXWF3aOknwG1jEqxFFnKnWYY87KcVqkHFJ")
chat = ChatOpenAI(model="gpt-4o", openai_api_key="v7GFbRLXTHAfkV1Q4ryQb25h5vtsjgMA", temperature=0)
sonnet = ChatAnthropic(model="claude-3-5-sonnet-latest", anthropic_api_key="sk-ant-api03-Ga01LNk-6_uL975dn5i0blEd4_H9tntuCZc0B-_nbb1RueNTA3EEPKF2ysagvI1SHDseoraC4DSCmGvCycUEprP2VFQEEAA")
openai.api_key = "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"
stripe.api_key = "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"

# --- cloud and code hosting -----------------------------------------------------------------------------------------
s3 = boto3.client("s3", aws_access_key_id="AKIAGE7SHZL2PUKCQ6MH", region_name="eu-west-1")
session = boto3.Session(aws_secret_access_key="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")
gh = Github("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")
gh_app = Github(auth=Auth.Token("lLYm0Fj3D8yIe24wt3XTQg03OLc8auTvCcmRqtnv"))
slack = WebClient(token="xoxb-887447284291-3298861138434-KpXrsd6ITXcDN8xaeaN527hO")
slack_alt = WebClient("oTbSXFWHY9731vwOxmxuQ7n2hPHVK5qqWcps6zGT")
bot = Bot("1658643763:AA8rhUhtR146xeGYCAfd3E3zKKjBARBCVPO")

# --- HTTP, JWT and HMAC ---------------------------------------------------------------------------------------------
response = requests.get("https://api.acme.dev/v1/me", headers={"Authorization": "Bearer gSg2QmiiLPBgc0gOdSXnl2TSl7B9JsYZZcLEOqjt"})
search = requests.get("https://api.tavily.com/search", headers={"X-API-Key": "pihWdtWpJv4VmmYY6Ei6Xkt2KrdPF5lW"})
basic = requests.get("https://jira.acme.dev/rest/api/2/myself", auth=("svc-agent", "sVXG*C^_mND@Z0YN+"))
digest = requests.get("https://registry.acme.dev", auth=HTTPBasicAuth("ci", "l6IL8ulVAz5fpFSLb0tJpETa2Nph"))
encoded = base64.b64encode(b"svc-agent:GSqg2gBP8OJVbIEX9jCltDb").decode()
token = jwt.encode({"sub": "agent"}, "1e5ac7580d81c66ac3033f2d11eab7eee6318322afabbe3ed070dd4f45b3c66b", algorithm="HS256")
claims = jwt.decode(token, "SkFqL1PzCeCaI7wK8dVyBe3soUUC4Ips40HoSBh1", algorithms=["HS256"])
signature = hmac.new(b"61619c28d6dbeddc42f9edd0ea3a4a3a", b"payload", hashlib.sha256).hexdigest()
session_headers = requests.Session()
session_headers.headers["x-api-key"] = "LGmIl0QfDjm5HttWyk8QIUgFSnKynDbv"
session_headers.headers.update({"Authorization": "Token IBZC4Vgi6GAys6HiLnMvpOiRCLHbSsBp60ULskbA"})

# --- databases ---------------------------------------------------------------------------------------------------------
db = psycopg2.connect(host="db.acme.internal", user="agents", password="0YPCVc23rrPMlJhQxCgAO", dbname="agents")
cache = redis.Redis(host="cache.acme.internal", port=6379, password="B066MhAi0OCT4ZZy0xjCwQgq")
broker_url = "amqp://agents:RBQDgkTLWjIdFn6Y7nVKmwmlZ@rabbit.acme.internal:5672/agents"
DATABASE_URL = "postgresql://agents:jo4rxkCuGtNgL10Z5LpxJ@db.acme.internal:5432/agents"

# --- the same clients without secrets (hard negatives) --------------------------------------------------------------
local = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")
org_client = OpenAI(organization="org-mVMbMLM145nlKsdNJRC1YwKZ", project="proj_7J7LQoNH6LhSoIOBJ9BZrAMO")
assistant_id = "asst_tafIVsyTJWTJ6Q5vhpy7jaCu"
thread_id = "thread_F83u5GWvssjnQzPxJKpMJcWL"
vector_store_id = "vs_RjXFulSGJlhkonh2p1Isg72j"
file_id = "file-KF7VTY89j6FZaLvqSdOQFa"
completion_id = "chatcmpl-owqff3kTnNyIgylXrm0ITUhqKCOqi"
message_id = "msg_01N6y2VDjMYB4YXQxybDPDi1"
tool_use_id = "toolu_01er1Dr75YManFaPalBBjPGR"
publishable = "pk_live_51ohEHvoN1v53H8BNXJMGZxYkYhS7NJozpOtjVdwHIIRn44LsTail0t9UAyeBQoEthRy3QQWQ9aqZ3yy9iBit52CuC3vJWCcENw"
price = "price_1Okrvaz0U6zfYcHZLXgjE3CY"
customer = "cus_r5jjuhDE0SIU8Z"
test_key = "sk_test_5197fCNHz43TF57VAHWYRkOvRTinldzirFzo71gaSTgpqwz9bqFdjltbuhdr4sEmGv0Ta3XpGrLmNDyZfhSZFPF5Jo9EXB1Fm42"
EXAMPLE_AKID = "AKIAIOSFODNN7EXAMPLE"
s3_local = boto3.client("s3", endpoint_url="http://localhost:4566", aws_access_key_id="test", aws_secret_access_key="test")
gh_enterprise = Github(base_url="https://github.acme.dev/api/v3", per_page=100)
slack_channel = "C0AE13CXE0J"
github_client_id = "Iv1.ea7d6793488e3f29"
google_client_id = "478811566164-29rru77nlemmxg9wfvx7ma1ycncl11hi.apps.googleusercontent.com"
aws_account = "255263192227"
bad_github = "ghp_Mc5rYlI9Q2RC2GFT4nmWyIV9FzyqjH86qAwJ"
langfuse_public = "pk-lf-c2d2cc80-386a-1565-9fb2-71a24e2072d3"
jwt_algorithm = jwt.encode({"sub": "agent"}, private_key, algorithm="RS256")
signature_check = hmac.compare_digest(signature, expected)
response_text = requests.get("https://api.acme.dev/health", timeout=5).text
