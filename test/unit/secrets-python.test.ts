import { expectNone, expectSecrets } from '../helpers';
import { loadPythonParser } from '../../src/node/python-parser';

/*
 * Secret detection in Python, per syntactic context, as secrets-typescript.test.ts does for TS/JS: every case
 * asserts the exact secrets/* findings (rule, 1-based range, covered text). The values are random strings in each
 * provider's format, made for these tests; none is a real credential.
 */

const OPENAI = 'sk-proj-NBMgDRXNF9ZWfYXuxYUF-JScJ0YTAITJUI5_SIULVqjkVfIbiZGpGKVKnN';
const ANTHROPIC = 'sk-ant-api03-cdXGgxP8rGGqSTmK0ae9Owh-U4xPSi-z-5UiUkwRPT6NdDqoeC209T4P2E8uDZpRM8oX_Kefhov0kafv1OAa1A796jPFDAA';
const GITHUB = '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';
const STRIPE_LIVE = 'sk_live_owIzQd3dYMqLEEUpImCwLPUzbxXA0NKvEV';
const SLACK = 'xoxb-571956692718-0904566855390-FubMqiI2kobpU7MXixpHjaxL';
const AWS_ID = ['AKIA', '2Y2NYRVD7RXINFRP'].join('');
const AWS_SECRET = 'q4tX0b1V7mW2sJ9kPz3LrN8cYd5eHfG6uTa0QwEi';
/** Context-bound values with no provider format: only their name or position makes them secrets. */
const TOKEN = 'VdPGQ9ENcrieoUG0EmF7GwSj11ondSp3';
const TOKEN2 = '0JPPGeoyqPwgO38Ajpd3yYHMKUo3vMHq';
const MISTRAL = 's0QxNToLRH7d6WsM4Adq0rA7O4d19qKI';
const PASSWORD = 'EZYBuohLBi!F40';

const PROVIDER = 'secrets/provider-key';
const GENERIC = 'secrets/generic-secret';

describe('secrets in Python', () => {
  before(async () => {
    await loadPythonParser();
  });

  describe('string literals', () => {
    it('reports a provider key in any quoting, covering the key only', () => {
      const source = [`KEY = "${OPENAI}"`, `other = '${GITHUB}'`, `doc = """${ANTHROPIC}"""`, `raw = r'${SLACK}'`, `data = b"${STRIPE_LIVE}"`, ''].join('\n');
      expectSecrets('agent.py', source, [
        [`${PROVIDER} 1:8-1:74`, OPENAI],
        [`${PROVIDER} 2:10-2:50`, GITHUB],
        [`${PROVIDER} 3:10-3:118`, ANTHROPIC],
        [`${PROVIDER} 4:9-4:65`, SLACK],
        [`${PROVIDER} 5:10-5:52`, STRIPE_LIVE],
      ]);
    });

    it('reports a generic value only under a secret-like name', () => {
      expectSecrets('agent.py', `api_key = "${TOKEN}"\nrequest_id = "${TOKEN}"\n`, [[`${GENERIC} 1:12-1:44`, TOKEN]]);
    });

    it('reads f-strings without substitutions and does not fold ones with substitutions', () => {
      const source = `api_key = f"${TOKEN}"\nauth_token = f"${TOKEN2.slice(0, 16)}{suffix}${TOKEN2.slice(16)}"\nheader = f"Bearer {token}"\n`;
      expectSecrets('agent.py', source, [[`${GENERIC} 1:13-1:45`, TOKEN]]);
    });

    it('decodes escapes and reports the whole literal when the text differs from the value', () => {
      const escaped = `${TOKEN.slice(0, 10)}\\x41${TOKEN.slice(10)}`;
      expectSecrets('agent.py', `api_key = "${escaped}"\n`, [[`${GENERIC} 1:12-1:48`, escaped]]);
    });
  });

  describe('concatenation', () => {
    it('folds implicit concatenation across lines and covers the whole expression', () => {
      const source = `key = ("sk-proj-${OPENAI.slice(8, 30)}"\n       '${OPENAI.slice(30)}')\n`;
      expectSecrets('agent.py', source, [[`${PROVIDER} 1:8-2:46`, `"sk-proj-${OPENAI.slice(8, 30)}"\n       '${OPENAI.slice(30)}'`]]);
    });

    it('folds + chains and the constant run inside a longer one', () => {
      const source = `key = "sk-proj-" + "${OPENAI.slice(8)}"\nurl = base + "?key=" + "sk-proj-" + "${OPENAI.slice(8)}" + suffix\n`;
      expectSecrets('agent.py', source, [
        [`${PROVIDER} 1:7-1:80`, `"sk-proj-" + "${OPENAI.slice(8)}"`],
        [`${PROVIDER} 2:14-2:97`, `"?key=" + "sk-proj-" + "${OPENAI.slice(8)}"`],
      ]);
    });

    it('reports a folded generic value under a secret-like name', () => {
      const source = `client_secret = "${TOKEN.slice(0, 16)}" "${TOKEN.slice(16)}"\n`;
      expectSecrets('agent.py', source, [[`${GENERIC} 1:17-1:54`, `"${TOKEN.slice(0, 16)}" "${TOKEN.slice(16)}"`]]);
    });

    it('does not fold a concatenation with a non-constant part', () => {
      expectNone('agent.py', `api_key = "${TOKEN.slice(0, 16)}" + suffix\nkey = "sk-proj-" + os.environ["KEY_SUFFIX"]\n`);
    });

    it('stays linear on a chain of thousands of parts', () => {
      const parts = Array.from({ length: 5000 }, (_, i) => `    "part${i}"`).join(' +\n');
      const source = `text = (prefix +\n${parts})\napi_key = "${TOKEN}"\n`;
      expectSecrets('agent.py', source, [[`${GENERIC} 5002:12-5002:44`, TOKEN]]);
    });
  });

  describe('environment fallbacks', () => {
    it('names a fallback after the variable it stands in for', () => {
      const source = [
        `key = os.environ.get("MISTRAL_API_KEY", "${MISTRAL}")`,
        `k2 = os.getenv("COHERE_API_KEY", default="${TOKEN}")`,
        `k3 = os.environ.get("PRIMARY") or os.getenv("JWT_SECRET") or "${TOKEN}"`,
        `k4 = environ.setdefault("WEBHOOK_SECRET", "${TOKEN2}")`,
        `os.environ["SERVICE_TOKEN"] = "${TOKEN2}"`,
        '',
      ].join('\n');
      expectSecrets('agent.py', source, [
        [`${GENERIC} 1:42-1:74`, MISTRAL],
        [`${GENERIC} 2:43-2:75`, TOKEN],
        [`${GENERIC} 3:63-3:95`, TOKEN],
        [`${GENERIC} 4:44-4:76`, TOKEN2],
        [`${GENERIC} 5:32-5:64`, TOKEN2],
      ]);
    });

    it('reports a provider key as a fallback whatever the variable is called', () => {
      expectSecrets('agent.py', `client = OpenAI(api_key=os.getenv("X", "${OPENAI}"))\n`, [[`${PROVIDER} 1:41-1:107`, OPENAI]]);
    });

    it('does not report reads, empty or placeholder fallbacks', () => {
      const source = [
        'api_key = os.environ["OPENAI_API_KEY"]',
        'token = os.getenv("GITHUB_TOKEN", "")',
        'secret = os.environ.get("JWT_SECRET", "change-me")',
        'key = os.environ.get("OPENAI_API_KEY", "sk-...")',
        'k2 = os.getenv("MISTRAL_API_KEY") or "MISTRAL_API_KEY"',
        'k3 = os.environ.get("ANTHROPIC_API_KEY", "<YOUR_KEY>")',
        'k4 = os.getenv("API_KEY", "your-api-key-here")',
        '',
      ].join('\n');
      expectNone('agent.py', source);
    });
  });

  describe('declarations', () => {
    it('reports default parameters, typed or not, and keyword-only ones', () => {
      const source = [
        `def connect(url, api_key="${TOKEN}"):`,
        '    pass',
        `async def login(user: str, password: str = "${PASSWORD}", *, token: str = '${TOKEN2}'):`,
        '    pass',
        `handler = lambda secret="${TOKEN}": secret`,
        '',
      ].join('\n');
      expectSecrets('agent.py', source, [
        [`${GENERIC} 1:27-1:59`, TOKEN],
        [`${GENERIC} 3:45-3:59`, PASSWORD],
        [`${GENERIC} 3:79-3:111`, TOKEN2],
        [`${GENERIC} 5:26-5:58`, TOKEN],
      ]);
    });

    it('reports class attributes, pydantic fields, dataclass defaults and properties', () => {
      const source = [
        'class Settings(BaseSettings):',
        `    openai_api_key: str = "${OPENAI}"`,
        `    api_token = '${TOKEN}'`,
        `    client_secret: SecretStr = Field(default="${TOKEN2}", description="OAuth client secret")`,
        `    password: str = field(default="${PASSWORD}")`,
        '    model: str = "gpt-4o-mini"',
        '',
        '    @property',
        '    def auth_token(self) -> str:',
        '        """The token."""',
        `        return "${TOKEN}"`,
        '',
        '    def __init__(self):',
        `        self.webhook_secret = "${TOKEN2}"`,
        '',
      ].join('\n');
      expectSecrets('agent.py', source, [
        [`${PROVIDER} 2:28-2:94`, OPENAI],
        [`${GENERIC} 3:18-3:50`, TOKEN],
        [`${GENERIC} 4:47-4:79`, TOKEN2],
        [`${GENERIC} 5:36-5:50`, PASSWORD],
        [`${GENERIC} 11:17-11:49`, TOKEN],
        [`${GENERIC} 14:32-14:64`, TOKEN2],
      ]);
    });

    it('reports tuple assignments and chained assignments under every name', () => {
      const source = `user, password = "admin", "${PASSWORD}"\napi_key = key = "${TOKEN}"\n`;
      expectSecrets('agent.py', source, [
        [`${GENERIC} 1:28-1:42`, PASSWORD],
        [`${GENERIC} 2:18-2:50`, TOKEN],
      ]);
    });
  });

  describe('dicts, headers and comparisons', () => {
    it('reports dict values under secret-like keys, and auth headers after the scheme', () => {
      const source = [
        `config = {"api_key": "${TOKEN}", "model": "gpt-4o"}`,
        `headers = {"Authorization": f"Bearer ${TOKEN2}", "X-Request-Id": "${TOKEN}"}`,
        `session.headers["x-api-key"] = "${TOKEN}"`,
        `req.add_header("Authorization", "Basic ${TOKEN2}")`,
        `settings = dict(client_secret="${TOKEN2}")`,
        '',
      ].join('\n');
      expectSecrets('agent.py', source, [
        [`${GENERIC} 1:23-1:55`, TOKEN],
        [`${GENERIC} 2:38-2:70`, TOKEN2],
        [`${GENERIC} 3:33-3:65`, TOKEN],
        [`${GENERIC} 4:40-4:72`, TOKEN2],
        [`${GENERIC} 5:32-5:64`, TOKEN2],
      ]);
    });

    it('reports a credential compared against input, on either side', () => {
      const source = `if request.headers["x-api-key"] == "${TOKEN}":\n    pass\nif "${TOKEN2}" != token:\n    pass\n`;
      expectSecrets('agent.py', source, [
        [`${GENERIC} 1:37-1:69`, TOKEN],
        [`${GENERIC} 3:5-3:37`, TOKEN2],
      ]);
    });
  });

  describe('known clients', () => {
    it('reports credential keyword arguments of AI SDK clients', () => {
      const source = [
        `client = OpenAI(api_key="${TOKEN}")`,
        `claude = Anthropic(api_key="${TOKEN2}")`,
        `llm = ChatOpenAI(model="gpt-4o", api_key="${MISTRAL}")`,
        `s3 = boto3.client("s3", aws_access_key_id="${AWS_ID}", aws_secret_access_key="${AWS_SECRET}")`,
        `stripe.api_key = "${STRIPE_LIVE}"`,
        `openai.api_key = "${TOKEN}"`,
        '',
      ].join('\n');
      expectSecrets('agent.py', source, [
        [`${GENERIC} 1:26-1:58`, TOKEN],
        [`${GENERIC} 2:29-2:61`, TOKEN2],
        [`${GENERIC} 3:43-3:75`, MISTRAL],
        [`${PROVIDER} 4:44-4:64`, AWS_ID],
        [`${PROVIDER} 4:90-4:130`, AWS_SECRET],
        [`${PROVIDER} 5:19-5:61`, STRIPE_LIVE],
        [`${GENERIC} 6:19-6:51`, TOKEN],
      ]);
    });

    it('reports positional credentials of clients that take them first', () => {
      const source = [
        `gh = Github("${TOKEN}")`,
        `gh2 = Github(auth=Auth.Token("${TOKEN2}"))`,
        `slack = WebClient("${TOKEN}")`,
        `signed = jwt.encode(payload, "${TOKEN2}", algorithm="HS256")`,
        `mac = hmac.new(b"${TOKEN}", body, hashlib.sha256)`,
        `r = requests.get(url, auth=("admin", "${PASSWORD}"))`,
        `basic = base64.b64encode(b"admin:${PASSWORD}")`,
        '',
      ].join('\n');
      expectSecrets('agent.py', source, [
        [`${GENERIC} 1:14-1:46`, TOKEN],
        [`${GENERIC} 2:31-2:63`, TOKEN2],
        [`${GENERIC} 3:20-3:52`, TOKEN],
        [`${GENERIC} 4:31-4:63`, TOKEN2],
        [`${GENERIC} 5:18-5:50`, TOKEN],
        [`${GENERIC} 6:39-6:53`, PASSWORD],
        [`${GENERIC} 7:34-7:48`, PASSWORD],
      ]);
    });

    it('does not report non-credential arguments of the same clients', () => {
      const source = [
        'client = OpenAI(base_url="https://api.example.com/v1", organization="org-abc")',
        'gh = Github(base_url="https://github.example.com/api/v3")',
        's3 = boto3.client("s3", region_name="eu-west-1")',
        'signed = jwt.encode(payload, key, algorithm="HS256")',
        'text = "hello".encode("utf-8")',
        '',
      ].join('\n');
      expectNone('agent.py', source);
    });
  });

  describe('hard negatives', () => {
    it('does not report identifiers, docs, type hints, env var names or placeholders', () => {
      const source = [
        'OPENAI_API_KEY = "OPENAI_API_KEY"',
        'api_key: str = "<your-api-key>"',
        'token = "${GITHUB_TOKEN}"',
        'password = "********"',
        'secret_name = "prod/agents/openai-key"',
        'max_tokens = 4096',
        'token_url = "https://auth.example.com/oauth/token"',
        'cache_key = "a8f5f167f44f4964e6c998dee827110c"',
        'api_key = None',
        'def get_api_key() -> str:',
        '    """Return the API key from the environment."""',
        '    return os.environ["OPENAI_API_KEY"]',
        'model = "claude-3-5-sonnet-20241022"',
        'password_field = "password"',
        '',
      ].join('\n');
      expectNone('agent.py', source);
    });
  });

  describe('syntax errors', () => {
    it('still reports what parsed around a syntax error', () => {
      const source = `def broken(:\n    pass\napi_key = "${TOKEN}"\n`;
      expectSecrets('agent.py', source, [[`${GENERIC} 3:12-3:44`, TOKEN]]);
    });
  });
});
