"""Model gateway client: keys written straight into the code, in every way Python can write a string."""
import base64
import hashlib
import os

# --- plain literals -----------------------------------------------------------------------------------------
OPENAI_KEY = "⟦openai-proj⟧" ⟪+ key:openai/openai-proj [literal] double-quoted module constant⟫
anthropic_key = '⟦anthropic⟧' ⟪+ key:anthropic [literal] single-quoted⟫
GROQ = """⟦groq⟧""" ⟪+ key:groq [literal] triple-quoted⟫
SLACK_WEBHOOK = r"⟦slack-webhook⟧" ⟪+ key:slack-webhook [literal] raw string⟫
STRIPE_BYTES = b"⟦stripe-sk⟧" ⟪+ key:stripe [literal] bytes literal⟫
DIGITALOCEAN = u"⟦digitalocean⟧" ⟪+ key:digitalocean [literal] u-prefixed⟫
hugging_face = f"⟦hf⟧" ⟪+ key:huggingface [fstring] f-string without substitutions⟫
github_token = F'⟦ghp⟧' ⟪+ key:github [fstring] upper-case F prefix⟫
model = f"{os.environ.get('MODEL', 'gpt-4o-mini')}" ⟪- env-read f-string around an env read⟫
route = f"/v1/agents/{os.environ['AGENT_ID']}/runs" ⟪- path f-string path⟫

# --- implicit concatenation and + -------------------------------------------------------------------------
OPENAI_SPLIT = ("⟦openai-proj@split|hide⟧⟦@split[0:60]⟧" ⟪+ key:openai/openai-proj [implicit-concat] split over two lines⟫
                "⟦@split[60:]⟧")
LANGSMITH = "⟦langsmith@ls|hide⟧⟦@ls[0:12]⟧" "⟦@ls[12:]⟧" ⟪+ key:langsmith [implicit-concat] two literals on one line⟫
PERPLEXITY = "pplx-" + "⟦perplexity@pp|hide⟧⟦@pp[5:]⟧" ⟪+ key:perplexity [plus-concat] prefix + rest⟫
XAI = "xai-" + "⟦xai@x|hide⟧⟦@x[4:40]⟧" + "⟦@x[40:]⟧" ⟪+ key:xai [plus-concat] three parts⟫
GREETING = "Hello, " + "world" + "!" ⟪- low-entropy concatenated greeting⟫
API_BASE = "https://" + "api.example.com" + "/v1" ⟪- url concatenated URL⟫

# --- escapes ----------------------------------------------------------------------------------------------
REPLICATE = "⟦replicate⟧\n" ⟪+ key:replicate [escape] trailing escape⟫
pinecone_api_key = "⟦pinecone⟧" ⟪+ key:pinecone [literal] snake_case name⟫
tab_separated = "name\tvalue\tscore" ⟪- low-entropy escaped tabs⟫

# --- comments and docstrings (a key is a leak wherever it is written) ----------------------------------------
# old key, revoked? ⟦openrouter⟧ ⟪+ key:openrouter [comment] key in a comment⟫
def embed(text: str) -> list[float]:
    """Embeds with the shared account key sk-or-v1-⟦sha256⟧ if the env var is missing.""" ⟪+ key:openrouter [docstring] key-shaped value in a docstring⟫
    return []


# --- hashing and encoding that are not secrets --------------------------------------------------------------
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" ⟪- hash SHA-256 of the empty string⟫
CHECKSUM = hashlib.sha256(b"agent-config-v2").hexdigest() ⟪- hash computed hash⟫
LOGO = "⟦png-base64⟧" ⟪- base64-image inline logo⟫
DEPLOY_SHA = "⟦git-sha⟧" ⟪- hash git commit⟫
IMAGE = "ghcr.io/acme/agent@⟦docker-digest⟧" ⟪- hash image digest⟫
REQUEST_ID = "⟦uuid⟧" ⟪- uuid request id⟫
TRACE_ID = "⟦ulid⟧" ⟪- non-secret-id ULID trace id⟫
ENCODED_NAME = base64.b64encode(b"support-agent").decode() ⟪- low-entropy base64 of a name⟫
