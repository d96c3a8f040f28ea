"""Where settings live in a Python agent: parameters, classes, dataclasses, pydantic models, properties."""
from dataclasses import dataclass, field

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings


def connect(host: str, password: str = "⟦password⟧") -> None: ⟪+ generic:password [default-param] typed default parameter⟫
    print(host, password)


def fetch(url, token="⟦alnum40⟧", timeout=30): ⟪+ generic:token [default-param] untyped default⟫
    return url, token, timeout


async def notify(channel: str, *, slack_token: str = "⟦slack-bot⟧") -> None: ⟪+ key:slack [default-param] keyword-only default⟫
    print(channel, slack_token)


sign = lambda payload, signing_secret="⟦hex32⟧": (payload, signing_secret) ⟪+ generic:signing-secret [default-param] lambda default⟫


class Settings(BaseSettings):
    openai_api_key: str = "⟦openai-svcacct⟧" ⟪+ key:openai/openai-svcacct [class-attr] pydantic-settings field⟫
    anthropic_api_key: SecretStr = SecretStr("⟦anthropic⟧") ⟪+ key:anthropic [class-attr] SecretStr value⟫
    client_secret: str = Field(default="⟦azure-client-secret⟧", description="Entra ID client secret") ⟪+ generic:azure-client-secret [class-attr] Field default⟫
    model: str = Field(default="gpt-4o", description="The chat model") ⟪- model-id Field with a model⟫
    api_key_header: str = "X-API-Key" ⟪- benign-name header name⟫
    max_tokens: int = 4096


@dataclass
class GatewayConfig:
    url: str = "https://gateway.acme.dev" ⟪- url dataclass URL⟫
    api_token: str = "⟦urlsafe43⟧" ⟪+ generic:api-token [class-attr] dataclass default⟫
    webhook_secret: str = field(default="⟦whsec⟧") ⟪+ generic:whsec [class-attr] dataclass field default⟫
    retries: int = 3


class Provider(BaseModel):
    name: str = "mistral"
    secret_key = "⟦alnum32⟧" ⟪+ generic:secret-key [class-attr] plain class attribute⟫
    key_id = "⟦gcp-key-id⟧" ⟪- non-secret-id key id⟫


class Client:
    def __init__(self) -> None:
        self.access_token = "⟦b64-44⟧" ⟪+ generic:access-token [attribute-assign] self attribute⟫
        self.session_id = "⟦uuid⟧" ⟪- uuid session id⟫
        self.user_agent = "acme-agent/2.3.1 (+https://acme.dev/bot)" ⟪- benign-name user agent⟫

    @property
    def auth_token(self) -> str:
        """The token used for the gateway."""
        return "⟦alnum32⟧" ⟪+ generic:auth-token [property] property returning a constant⟫

    @property
    def token_url(self) -> str:
        return "https://auth.acme.dev/oauth/token" ⟪- url property returning a URL⟫


user, password = "svc-agents", "⟦password⟧" ⟪+ generic:password [tuple-assign] tuple unpacking⟫
primary_key = backup_key = "⟦hex32⟧" ⟪- hash keys named like database keys⟫
api_secret = client_secret_alias = "⟦alnum40⟧" ⟪+ generic:api-secret [chained-assign] chained assignment⟫


def check(request) -> bool:
    if request.headers.get("x-api-key") == "⟦alnum32⟧": ⟪+ generic:api-key [comparison] compared against input⟫
        return True
    return request.headers.get("x-request-id") == "⟦uuid⟧" ⟪- uuid compared id⟫
