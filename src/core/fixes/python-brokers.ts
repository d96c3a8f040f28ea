/**
 * The Python credentials module (`credentials.py`) the "Use broker-issued credential" fix scaffolds in a Python
 * project: one template per broker (the same brokers, environment and naming as the TypeScript templates in
 * ./brokers), inside a shared cache. Fixed code calls `credentials.get("openai-api-key")`: synchronous, because
 * most Python agent code is, and cheap after the first call (the value is kept until it expires).
 * test/unit/python-broker-templates.test.ts compiles every module and type-checks it against the SDKs Debian ships.
 */
import type { Broker } from '../config';

export interface PythonBrokerTemplate {
  id: Broker;
  /** PyPI packages the module imports (what the person must install). */
  packages: string[];
  /** Environment variables the module reads to reach the broker (never the credential itself). */
  environment: string[];
  imports: string;
  /** Defines `def _issue(name: str) -> Issued` (and helpers). */
  body: string;
}

const vault: PythonBrokerTemplate = {
  id: 'vault',
  packages: ['hvac'],
  environment: ['VAULT_ADDR', 'VAULT_TOKEN or VAULT_ROLE_ID + VAULT_SECRET_ID', 'VAULT_NAMESPACE (optional)', 'VAULT_KV_MOUNT (default secret)', 'VAULT_KV_PREFIX (default agents)'],
  imports: 'import hvac',
  body: `
_vault: hvac.Client | None = None
_login_expires_at = 0.0


def _client() -> hvac.Client:
    """A Vault client with VAULT_TOKEN, or with an AppRole login renewed before its lease ends."""
    global _vault, _login_expires_at
    if _vault is None:
        _vault = hvac.Client(url=required("VAULT_ADDR"), namespace=os.environ.get("VAULT_NAMESPACE"))
    token = os.environ.get("VAULT_TOKEN")
    if token:
        _vault.token = token
    elif _login_expires_at - EXPIRY_MARGIN_SECONDS <= time.time():
        answer = _vault.auth.approle.login(role_id=required("VAULT_ROLE_ID"), secret_id=required("VAULT_SECRET_ID"))
        _login_expires_at = time.time() + float(answer["auth"]["lease_duration"])
    return _vault


def _issue(name: str) -> Issued:
    """Reads \`<mount>/data/<prefix>/<name>\` (KV v2) and returns its \`value\` field."""
    mount = os.environ.get("VAULT_KV_MOUNT", "secret")
    prefix = os.environ.get("VAULT_KV_PREFIX", "agents")
    answer = _client().secrets.kv.v2.read_secret_version(path=f"{prefix}/{name}", mount_point=mount)
    value = answer["data"]["data"].get("value")
    if not isinstance(value, str):
        raise RuntimeError(f"credentials: {mount}/{prefix}/{name} has no 'value' field")
    lease = float(answer.get("lease_duration") or 0)
    return Issued(value, time.time() + (lease if lease > 0 else DEFAULT_TTL_SECONDS))`,
};

const awsSecretsManager: PythonBrokerTemplate = {
  id: 'aws-secrets-manager',
  packages: ['boto3'],
  environment: ['AWS_REGION', 'AGENT_SECRET_PREFIX (optional)'],
  imports: 'import boto3',
  body: `
_secrets_manager: Any = None


def _issue(name: str) -> Issued:
    """The secret \`<prefix><name>\` read with the workload's role; re-read after DEFAULT_TTL_SECONDS to follow rotations."""
    global _secrets_manager
    if _secrets_manager is None:
        _secrets_manager = boto3.client("secretsmanager")
    answer = _secrets_manager.get_secret_value(SecretId=os.environ.get("AGENT_SECRET_PREFIX", "") + name)
    value = answer.get("SecretString")
    if not isinstance(value, str):
        raise RuntimeError(f"credentials: secret {name} has no string value")
    return Issued(value, time.time() + DEFAULT_TTL_SECONDS)`,
};

const awsSts: PythonBrokerTemplate = {
  id: 'aws-sts',
  packages: ['boto3'],
  environment: ['AGENT_ROLE_ARN', 'AWS_REGION', 'AGENT_SECRET_PREFIX (optional)'],
  imports: 'import boto3',
  body: `
ROLE_SESSION_SECONDS = 900
_role_session: tuple[Any, float] | None = None


def _secrets_manager() -> tuple[Any, float]:
    """A Secrets Manager client with the agent role's temporary credentials (AssumeRole, 15 minutes), and their end."""
    global _role_session
    if _role_session is None or _role_session[1] - EXPIRY_MARGIN_SECONDS <= time.time():
        answer = boto3.client("sts").assume_role(
            RoleArn=required("AGENT_ROLE_ARN"), RoleSessionName="agent-credentials", DurationSeconds=ROLE_SESSION_SECONDS
        )
        role = answer["Credentials"]
        client = boto3.client(
            "secretsmanager",
            aws_access_key_id=role["AccessKeyId"],
            aws_secret_access_key=role["SecretAccessKey"],
            aws_session_token=role["SessionToken"],
        )
        _role_session = (client, role["Expiration"].timestamp())
    return _role_session


def _issue(name: str) -> Issued:
    """The secret \`<prefix><name>\`, read with the role's temporary credentials and kept no longer than they live."""
    client, session_end = _secrets_manager()
    answer = client.get_secret_value(SecretId=os.environ.get("AGENT_SECRET_PREFIX", "") + name)
    value = answer.get("SecretString")
    if not isinstance(value, str):
        raise RuntimeError(f"credentials: secret {name} has no string value")
    return Issued(value, min(session_end, time.time() + DEFAULT_TTL_SECONDS))`,
};

const gcpSecretManager: PythonBrokerTemplate = {
  id: 'gcp-secret-manager',
  packages: ['google-cloud-secret-manager'],
  environment: ['GOOGLE_CLOUD_PROJECT'],
  imports: 'from google.cloud import secretmanager',
  body: `
_secret_manager: secretmanager.SecretManagerServiceClient | None = None


def _issue(name: str) -> Issued:
    """\`projects/<project>/secrets/<name>/versions/latest\` with Application Default Credentials."""
    global _secret_manager
    if _secret_manager is None:
        _secret_manager = secretmanager.SecretManagerServiceClient()
    version = _secret_manager.access_secret_version(
        request={"name": f"projects/{required('GOOGLE_CLOUD_PROJECT')}/secrets/{name}/versions/latest"}
    )
    return Issued(version.payload.data.decode("utf-8"), time.time() + DEFAULT_TTL_SECONDS)`,
};

const azureKeyVault: PythonBrokerTemplate = {
  id: 'azure-key-vault',
  packages: ['azure-identity', 'azure-keyvault-secrets'],
  environment: ['AZURE_KEY_VAULT_URL'],
  imports: 'from azure.identity import DefaultAzureCredential\nfrom azure.keyvault.secrets import SecretClient',
  body: `
_key_vault: SecretClient | None = None


def _issue(name: str) -> Issued:
    """The latest version of secret \`name\`, kept until its own expiry or DEFAULT_TTL_SECONDS, whichever comes first."""
    global _key_vault
    if _key_vault is None:
        _key_vault = SecretClient(vault_url=required("AZURE_KEY_VAULT_URL"), credential=DefaultAzureCredential())
    secret = _key_vault.get_secret(name)
    if secret.value is None:
        raise RuntimeError(f"credentials: secret {name} has no value")
    expires_on = secret.properties.expires_on
    limit = time.time() + DEFAULT_TTL_SECONDS
    return Issued(secret.value, min(expires_on.timestamp(), limit) if expires_on else limit)`,
};

const azureManagedIdentity: PythonBrokerTemplate = {
  id: 'azure-managed-identity',
  packages: ['azure-identity'],
  environment: ['AZURE_CLIENT_ID (user-assigned identity, optional)', 'AZURE_SCOPE_<NAME> (scope per credential)'],
  imports: 'from azure.identity import ManagedIdentityCredential',
  body: `
SCOPES = {
    "azure-openai-api-key": "https://cognitiveservices.azure.com/.default",
    "openai-api-key": "https://cognitiveservices.azure.com/.default",
}
"""Scopes for well-known credential names; any other name reads AZURE_SCOPE_<NAME>."""

_identity = ManagedIdentityCredential(client_id=os.environ.get("AZURE_CLIENT_ID"))


def _issue(name: str) -> Issued:
    """A Microsoft Entra ID access token of the workload's managed identity, kept until it expires."""
    scope = SCOPES.get(name) or required(f"AZURE_SCOPE_{env_name(name)}")
    token = _identity.get_token(scope)
    return Issued(token.token, float(token.expires_on))`,
};

const onePassword: PythonBrokerTemplate = {
  id: '1password',
  packages: ['onepassword-sdk'],
  environment: ['OP_SERVICE_ACCOUNT_TOKEN', 'OP_VAULT (default agents)'],
  imports: 'import asyncio\nfrom concurrent.futures import ThreadPoolExecutor\n\nfrom onepassword.client import Client',
  body: `
def _issue(name: str) -> Issued:
    """\`op://<vault>/<name>/credential\`, re-resolved after DEFAULT_TTL_SECONDS to follow rotations."""
    reference = f"op://{os.environ.get('OP_VAULT', 'agents')}/{name}/credential"

    async def resolve() -> str:
        client = await Client.authenticate(
            auth=required("OP_SERVICE_ACCOUNT_TOKEN"), integration_name="Agent credentials", integration_version="v1.0.0"
        )
        return str(await client.secrets.resolve(reference))

    # The SDK is asynchronous: run it on a thread of its own, so that get() works inside and outside event loops.
    with ThreadPoolExecutor(max_workers=1) as pool:
        value = pool.submit(lambda: asyncio.run(resolve())).result()
    return Issued(value, time.time() + DEFAULT_TTL_SECONDS)`,
};

/** Stdlib HTTP shared by the brokers reached over their REST API (no SDK to install). */
const HTTP_HELPER = `
def _request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> Any:
    """A JSON answer from an HTTPS endpoint."""
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)
`;

const infisical: PythonBrokerTemplate = {
  id: 'infisical',
  packages: [],
  environment: ['INFISICAL_CLIENT_ID', 'INFISICAL_CLIENT_SECRET', 'INFISICAL_PROJECT_ID', 'INFISICAL_ENVIRONMENT (default prod)', 'INFISICAL_SITE_URL (optional)'],
  imports: 'import json\nimport urllib.parse\nimport urllib.request',
  body: `${HTTP_HELPER}
_access_token: Issued | None = None


def _site() -> str:
    return os.environ.get("INFISICAL_SITE_URL", "https://app.infisical.com").rstrip("/")


def _login() -> str:
    """A machine-identity access token (Universal Auth), renewed before it expires."""
    global _access_token
    if _access_token is None or _access_token.expires_at - EXPIRY_MARGIN_SECONDS <= time.time():
        body = json.dumps({"clientId": required("INFISICAL_CLIENT_ID"), "clientSecret": required("INFISICAL_CLIENT_SECRET")}).encode()
        answer = _request(f"{_site()}/api/v1/auth/universal-auth/login", data=body, headers={"Content-Type": "application/json"})
        _access_token = Issued(str(answer["accessToken"]), time.time() + float(answer.get("expiresIn") or DEFAULT_TTL_SECONDS))
    return _access_token.value


def _issue(name: str) -> Issued:
    """The secret \`<NAME>\` (UPPER_SNAKE) of the project environment, re-read after DEFAULT_TTL_SECONDS."""
    query = urllib.parse.urlencode(
        {"projectId": required("INFISICAL_PROJECT_ID"), "environment": os.environ.get("INFISICAL_ENVIRONMENT", "prod"), "secretPath": "/"}
    )
    answer = _request(f"{_site()}/api/v4/secrets/{urllib.parse.quote(env_name(name))}?{query}", headers={"Authorization": f"Bearer {_login()}"})
    return Issued(str(answer["secret"]["secretValue"]), time.time() + DEFAULT_TTL_SECONDS)`,
};

const doppler: PythonBrokerTemplate = {
  id: 'doppler',
  packages: [],
  environment: ['DOPPLER_TOKEN', 'DOPPLER_PROJECT', 'DOPPLER_CONFIG'],
  imports: 'import json\nimport urllib.parse\nimport urllib.request',
  body: `${HTTP_HELPER}

def _issue(name: str) -> Issued:
    """The secret \`<NAME>\` (UPPER_SNAKE) of the project config (Doppler API, service token), re-read after DEFAULT_TTL_SECONDS."""
    query = urllib.parse.urlencode({"project": required("DOPPLER_PROJECT"), "config": required("DOPPLER_CONFIG"), "name": env_name(name)})
    answer = _request(f"https://api.doppler.com/v3/configs/config/secret?{query}", headers={"Authorization": f"Bearer {required('DOPPLER_TOKEN')}"})
    value = answer["secret"]["value"].get("computed") or answer["secret"]["value"].get("raw")
    if not isinstance(value, str):
        raise RuntimeError(f"credentials: Doppler has no secret {env_name(name)}")
    return Issued(value, time.time() + DEFAULT_TTL_SECONDS)`,
};

const githubApp: PythonBrokerTemplate = {
  id: 'github-app',
  packages: ['PyJWT[crypto]'],
  environment: ['GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_INSTALLATION_ID'],
  imports: 'import json\nimport urllib.request\nfrom datetime import datetime\n\nimport jwt',
  body: `${HTTP_HELPER}

def _issue(name: str) -> Issued:
    """
    Every credential name resolves to an installation access token of the app (valid one hour): a GitHub App
    issues GitHub tokens only. Keep other providers' keys in another broker.
    """
    now = int(time.time())
    app_token = jwt.encode(
        {"iat": now - 60, "exp": now + 540, "iss": required("GITHUB_APP_ID")},
        required("GITHUB_APP_PRIVATE_KEY").replace("\\\\n", "\\n"),
        algorithm="RS256",
    )
    answer = _request(
        f"https://api.github.com/app/installations/{required('GITHUB_APP_INSTALLATION_ID')}/access_tokens",
        data=b"",
        headers={"Authorization": f"Bearer {app_token}", "X-GitHub-Api-Version": "2022-11-28"},
    )
    expires_at = datetime.fromisoformat(str(answer["expires_at"]).replace("Z", "+00:00")).timestamp()
    return Issued(str(answer["token"]), expires_at)`,
};

const oauthTokenExchange: PythonBrokerTemplate = {
  id: 'oauth-token-exchange',
  packages: [],
  environment: ['TOKEN_EXCHANGE_URL', 'TOKEN_EXCHANGE_SUBJECT_TOKEN_FILE', 'TOKEN_EXCHANGE_CLIENT_ID (optional)'],
  imports: 'import json\nimport urllib.parse\nimport urllib.request',
  body: `${HTTP_HELPER}

def _issue(name: str) -> Issued:
    """A token for audience \`name\`, exchanged for the workload's own identity token (RFC 8693), kept until it expires."""
    with open(required("TOKEN_EXCHANGE_SUBJECT_TOKEN_FILE"), encoding="utf-8") as file:
        subject_token = file.read().strip()
    form = {
        "grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
        "subject_token": subject_token,
        "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
        "requested_token_type": "urn:ietf:params:oauth:token-type:access_token",
        "audience": name,
    }
    client_id = os.environ.get("TOKEN_EXCHANGE_CLIENT_ID")
    if client_id:
        form["client_id"] = client_id
    answer = _request(required("TOKEN_EXCHANGE_URL"), data=urllib.parse.urlencode(form).encode())
    return Issued(str(answer["access_token"]), time.time() + float(answer.get("expires_in") or DEFAULT_TTL_SECONDS))`,
};

const env: PythonBrokerTemplate = {
  id: 'env',
  packages: [],
  environment: ['<NAME> for each credential (openai-api-key → OPENAI_API_KEY)'],
  imports: '',
  body: `
def _issue(name: str) -> Issued:
    """\`openai-api-key\` is read from OPENAI_API_KEY, again after DEFAULT_TTL_SECONDS."""
    return Issued(required(env_name(name)), time.time() + DEFAULT_TTL_SECONDS)`,
};

export const PYTHON_BROKER_TEMPLATES: Record<Broker, PythonBrokerTemplate> = {
  vault,
  'aws-sts': awsSts,
  'aws-secrets-manager': awsSecretsManager,
  'gcp-secret-manager': gcpSecretManager,
  'azure-key-vault': azureKeyVault,
  'azure-managed-identity': azureManagedIdentity,
  '1password': onePassword,
  infisical,
  doppler,
  'github-app': githubApp,
  'oauth-token-exchange': oauthTokenExchange,
  env,
};

/** The source of `credentials.py` for a broker. `label` is the broker's display name (from the TS templates). */
export function pythonCredentialsModule(broker: Broker, label: string, eol = '\n'): string {
  const template = PYTHON_BROKER_TEMPLATES[broker];
  const source = `"""Credentials for this project's agents, issued at run time by ${label}.

Scaffolded by the Agent Guardrail quick fix "Use broker-issued credential"; edit it freely.

Code asks for a credential by name: \`credentials.get("openai-api-key")\`. Each credential is kept only until it
expires (or for DEFAULT_TTL_SECONDS when the broker gives no expiry), then issued again.
${template.packages.length ? `\nPackages: ${template.packages.join(', ')}` : ''}
Environment: ${template.environment.length ? template.environment.join(', ') : '(none)'}
agent-guardrail:credentials-module broker=${template.id}
"""

from __future__ import annotations

import os
import re
import threading
import time
from typing import Any, NamedTuple
${template.imports ? `\n${template.imports}\n` : ''}
DEFAULT_TTL_SECONDS = 300
"""How long a credential without an expiry of its own is reused before it is fetched again."""
EXPIRY_MARGIN_SECONDS = 60
"""Fetch a credential again this long before it expires."""


class Issued(NamedTuple):
    """A credential as the broker issued it, and when it stops being valid (epoch seconds)."""

    value: str
    expires_at: float


_cache: dict[str, Issued] = {}
_lock = threading.Lock()


def env_name(name: str) -> str:
    """\`openai-api-key\` -> \`OPENAI_API_KEY\`."""
    return re.sub(r"[^A-Za-z0-9]+", "_", name).upper()


def required(variable: str) -> str:
    value = os.environ.get(variable)
    if not value:
        raise RuntimeError(f"credentials: environment variable {variable} is not set")
    return value

${template.body.trimEnd()}


def get(name: str) -> str:
    """The credential \`name\`, from the cache while it is valid, else freshly issued by the broker."""
    with _lock:
        cached = _cache.get(name)
        if cached is None or cached.expires_at - EXPIRY_MARGIN_SECONDS <= time.time():
            cached = _issue(name)
            _cache[name] = cached
        return cached.value


__all__ = ["get", "Issued"]
`;
  return eol === '\n' ? source : source.replace(/\n/g, eol);
}
