// Configuration with fallbacks, defaults and constants: every form the AST layer has to see through.
export interface AgentConfig {
  openaiKey: string;
  anthropicKey: string;
  maxTokens: number;
}

export const config: AgentConfig = {
  openaiKey: process.env.OPENAI_API_KEY ?? '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',
  anthropicKey: process.env.ANTHROPIC_API_KEY || 'sk-ant-api03-VPkX5_dnbc6XbTRZX_0_li65j5rvnjdjxUjg86y32i9XDS5JknnodZCovkQ4vyfxsWBTuUTcYq1ReCWKuhxX2nYnhLosIAA',
  maxTokens: Number(process.env.MAX_TOKENS ?? 4096),
};

export const MISTRAL_API_KEY = process.env.MISTRAL_API_KEY ?? 'f9OzVPBiKltMuMNO70p6wjUgfzfkne5s';
export const COHERE_API_KEY = process.env.COHERE_API_KEY || "8RCWOKPchnebsQT2lzucd7l2XZ7DsTOmXZ3qkBw3";
export const FIREWORKS_API_KEY = import.meta.env.FIREWORKS_API_KEY ?? 'fw_qMEga0CnSsaCw3EhPvLoXUla';
export const OPENAI_FALLBACK = process.env.OPENAI_API_KEY ?? 'sk-your-key-here';
export const DEV_TOKEN = process.env.DEV_TOKEN ?? 'dev-token';
export const EMPTY_KEY = process.env.MISTRAL_API_KEY ?? '';

// split so the pre-commit hook would not see it (it does)
export const SPLIT_KEY = 'sk-proj-' + '4mCo4iTbDubSrnCEpKzp1DCwLFx-XYW7mxqW_czUxhT-48ebC_hsVf8Ubbe7SmvXRbEcRy598YT3BlbkFJ' +
  'u2guMVUQ0QH24lAaTaPndaUP92H3LKfkPoN1KCJKaDKn_8-Lmxp4NXcop6VT46TaeAig31TqF-';
const PREFIX = 'sk-ant-api03-';
export const ANTHROPIC_CONCAT = 'sk-ant-' + 'api03-' + 'B4WPQeVmdiE0D0_cNN0bmoh84sMo3E89d3II4wwHBixVVwQFrq5kkRkN2NCQhScEwEfbYclkEF5mFa47jAXrJUw3aOdehAA';

export const TEMPLATE_KEY = `xai-LWQ3F0S9Q77AuAwEk6MJaeEHwPJ0bPltGctMO0EGd7mcGJw0NVAteS32foj4IA9MMRPtExCWgmW6k3Ei`;
export const TEMPLATE_REF = `${PREFIX}${process.env.ANTHROPIC_SUFFIX}`;

export function connect(apiKey: string = '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', timeoutMs = 30_000) {
  return { apiKey, timeoutMs };
}

export function connectMistral({ apiKey = 'F1p2JGDfn0A9epjnUp1aJoUg6UwtgB0e', endpoint = 'https://api.mistral.ai' } = {}) {
  return { apiKey, endpoint };
}

export class ReplicateTool {
  private readonly token = 'r8_UYJuE8ggNsRhpa7I4JiylhXefHmJHer5PcOm6';
  static readonly apiToken: string = 'Ua7G5a6IDsrFA0VmD4k3AAxvoZ2PiRfp2nZiYlL6';
  #secret = 'W0KXUY4CmzHz62ETc7aEXECzP4LgT1TB2WLy6nxk';
  readonly tokenizer = 'cl100k_base';
  maxTokens = 8192;
  cacheKey = 'replicate:v2:81bc5a6c87c6eb602b6e223bedf810038fbcfda6';
  primaryKey = 'prediction_id';
  secretName = 'prod/agents/replicate-token';
  tokenCount = 0;
  nextPageToken = 'CiAKGjBpNDd2QM-ZwLIwbQOtsHxdBQcyw_tbM2IDmVluPUPiNbnG';
  constructor(private readonly apiKey = 'r8_kpkgXhu7vyHnzWnnAK5Y7g4MaPXxuWqP3bWg7') {}
}

export enum Secrets {
  OpenAI = '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',
  Name = 'OPENAI_API_KEY',
}

let apiKey: string;
apiKey = 'glpat-dcf7yC3Q0jwdmZvWzTz0';
const settings: Record<string, string> = {};
settings['SENDGRID_API_KEY'] = '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';
settings.password = 'p~0D1~Ml~kJ~AYgi5';
settings.passwordHint = 'first pet + year';
settings.tokenUrl = 'https://auth.acme.dev/oauth2/token';
settings.authorizationUrl = 'https://auth.acme.dev/oauth2/authorize';
settings.apiKeyEnvVar = 'OPENAI_API_KEY';
settings.apiKeyHeader = 'x-api-key';
settings.secretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/agents/openai-AbCdEf';
settings.keyVaultUrl = 'https://acme-agents-kv.vault.azure.net/secrets/openai-key/9c47dc629888fcc650c6b791e1a98a96';
settings.vaultPath = 'secret/data/agents/research/openai';
settings.gcpSecret = 'projects/acme-agents/secrets/openai-api-key/versions/latest';
settings.onePassword = 'op://Engineering/OpenAI/credential';
settings.apiKey = 'op://Engineering/Anthropic/api key';
settings.token = 'vault:secret/data/github#token';
settings.secret = '{{ .Values.agent.secret }}';
settings.authToken = '${SLACK_BOT_TOKEN}';
settings.apiSecret = '%API_SECRET%';
settings.accessToken = '********************';
settings.clientSecret = 'REPLACE_ME';
settings.jwtSecret = 'change-me-in-production';
settings.apiToken = 'TODO';
settings.privateKey = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
settings.secretKey = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
settings.sessionSecret = 'abcdefghijklmnopqrstuvwxyz123456';
settings.signingKey = '0123456789abcdef0123456789abcdef';
settings.apiKey2 = 'test-api-key';
settings.bearer = 'Bearer <token>';
export { settings, apiKey };
