"""Where settings live in a Python agent: parameters, classes, dataclasses, pydantic models, properties."""
from dataclasses import dataclass, field

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings


def connect(host: str, password: str = "#5c2?ywf9?ORzwGj70") -> None:
    print(host, password)


def fetch(url, token="3uwblhCEznPjroYv8X6M15pYjqZdWV48VEAoFkWB", timeout=30):
    return url, token, timeout


async def notify(channel: str, *, slack_token: str = "xoxb-141695702007-6542184582074-uSsALV3YbXAiLrz27rUuHmOt") -> None:
    print(channel, slack_token)


sign = lambda payload, signing_secret="cd54cfb44b04f5c1383c23cc9a70ea67": (payload, signing_secret)


class Settings(BaseSettings):
    openai_api_key: str = "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"
    anthropic_api_key: SecretStr = SecretStr("sk-ant-api03-rzEJl3dY-XrTPktcv3bKadkuxptegi91pGamfOjL3fCllRI_YUFTnqXALb37wqUw9SOAXOh-SZDFaBCvVgMTTl29mznpXAA")
    client_secret: str = Field(default="20W8Q~e-_0Ipxu8VXHxkGsIuUyrw8DL77C8DFYiR", description="Entra ID client secret")
    model: str = Field(default="gpt-4o", description="The chat model")
    api_key_header: str = "X-API-Key"
    max_tokens: int = 4096


@dataclass
class GatewayConfig:
    url: str = "https://gateway.acme.dev"
    api_token: str = "bfsePeiQFGrQaBVDy7DBV5-a-LGro2iOp0J-GAswtJW"
    webhook_secret: str = field(default="whsec_6SlxrvrPYUcvnokl2ceB4r4XxnZyJXzK")
    retries: int = 3


class Provider(BaseModel):
    name: str = "mistral"
    secret_key = "ZsFd7dGp4I7IK6s0WsjRxvHUxqcSpZwH"
    key_id = "37613147da2705b21d50cbdef15bf4edd265437b"


class Client:
    def __init__(self) -> None:
        self.access_token = "sWA09qmU+g6pzfUA3jbOMb7P6uOvnYPbRC1bvk8uX9k="
        self.session_id = "cd326e22-830b-4d9a-bd7d-cd35a520b8e5"
        self.user_agent = "acme-agent/2.3.1 (+https://acme.dev/bot)"

    @property
    def auth_token(self) -> str:
        """The token used for the gateway."""
        return "J7zJc4E9acNkeSKy9UtaskPTBelnKEo4"

    @property
    def token_url(self) -> str:
        return "https://auth.acme.dev/oauth/token"


user, password = "svc-agents", "s9M=v7C4wmNoDu"
primary_key = backup_key = "f5af0b50b792cc217c2fb80f9c162723"
api_secret = client_secret_alias = "bNNxthg33ogwjI1tCKgbDAMu5a1RLFHaD7pekoqy"


def check(request) -> bool:
    if request.headers.get("x-api-key") == "0SBIgb2bRad7nhtLrgqLbKgkPTnod0G7":
        return True
    return request.headers.get("x-request-id") == "692d41a2-0d60-4c9a-975c-8eebc636759a"
