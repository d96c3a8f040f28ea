"""Model gateway client: keys written straight into the code, in every way Python can write a string."""
import base64
import hashlib
import os

# --- plain literals -----------------------------------------------------------------------------------------
OPENAI_KEY = "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"
anthropic_key = 'sk-ant-api03-3zhP5e01AvuynW3q7lb11oHZMXOpANPDQpi1cIksMoR1kcIqcCB8Irr_nyZQeIAauzTeJAIwO55Echo4aJ7r9j-ID-PQHAA'
GROQ = """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"""
SLACK_WEBHOOK = r"https://hooks.slack.com/services/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"
STRIPE_BYTES = b"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"
DIGITALOCEAN = u"dop_v1_ed07816660e6ac7fc238146f0ca7c9e4f4ee1e17d8e1150238699c1eee563328"
hugging_face = f"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"
github_token = F'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'
model = f"{os.environ.get('MODEL', 'gpt-4o-mini')}"
route = f"/v1/agents/{os.environ['AGENT_ID']}/runs"

# --- implicit concatenation and + -------------------------------------------------------------------------
OPENAI_SPLIT = ("sk-proj-rlsOBXCto--4NPjVrL6GmZu3cTc2P1_15xHcK81Awva1j4ooMQDL"
                "poFwgvFXQsZ8axCFt6pw3LT3BlbkFJYC5DOB06gkADhMbWD_YT1J0tyEqoLnhgjIWd4zPjDpymO8nxO6WfKy_Vhv20ELztx65P6Xb5IM")
LANGSMITH = "lsv2_pt_305a" "a4971cc27f5985cdae0862d5652e_3ad42e5565"
PERPLEXITY = "pplx-" + "zQBpELUm6f77NqkhtYylxLc2f7orifT7LlvPeXkgSWg3Q68F"
XAI = "xai-" + "rQpQKKYC3g3pS5OYzMjTx1WnND846MyOiFxx" + "BqYXeYXVHxfE4zOUyM5CaJdt0DgDGJ2QTXzUMDe8Xs6D"
GREETING = "Hello, " + "world" + "!"
API_BASE = "https://" + "api.example.com" + "/v1"

# --- escapes ----------------------------------------------------------------------------------------------
REPLICATE = "r8_rLUl9vkmxk5HFHbqumPyqIGQz6e87lnlqSHpv\n"
pinecone_api_key = "pcsk_GtcVb_wzopobkPdem2wWWe5okwVNdm2yTsAm6dn1fYJsVz3dM6CBx48FPB86T0qi1E5nL"
tab_separated = "name\tvalue\tscore"

# --- comments and docstrings (a key is a leak wherever it is written) ----------------------------------------
# old key, revoked? 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
def embed(text: str) -> list[float]:
    """Embeds with the shared account key 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 if the env var is missing."""
    return []


# --- hashing and encoding that are not secrets --------------------------------------------------------------
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
CHECKSUM = hashlib.sha256(b"agent-config-v2").hexdigest()
LOGO = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAAepFUd6YIeJghWMtBrh6ChWSUA2sOOi2yCo/3OUbZOXgSt7iml/6UYOOS176jXWpjEJvzhqqtbawPH2Y1Nqz/zc5ekvbWoIBQcsQaEVoLXcTlYOs4D3nBX8HdAuHMbtNZm4OVqoRkRePleV4bUh0YtMPFN4pAxKGaVsagl8cbgzU/bkotQ3SAAAAAElFTkSuQmCC"
DEPLOY_SHA = "3393154bf78e3ada900c6e2d78b40265dd41e488"
IMAGE = "ghcr.io/acme/agent@sha256:0f7ba220ba88aac08c1063f88851221668bfb7b2ee6242616eefd21fa57157a9"
REQUEST_ID = "09d952eb-b623-438c-9900-9c62578d6ca5"
TRACE_ID = "01J703F3QFQJ37569RVK0KPVEY"
ENCODED_NAME = base64.b64encode(b"support-agent").decode()
