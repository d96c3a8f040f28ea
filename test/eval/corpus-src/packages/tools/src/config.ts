// Configuration with fallbacks, defaults and constants: every form the AST layer has to see through.
export interface AgentConfig {
  openaiKey: string;
  anthropicKey: string;
  maxTokens: number;
}

export const config: AgentConfig = {
  openaiKey: process.env.OPENAI_API_KEY ?? '⟦openai-proj⟧', ⟪+ key:openai/openai-proj env fallback ??⟫
  anthropicKey: process.env.ANTHROPIC_API_KEY || '⟦anthropic⟧', ⟪+ key:anthropic env fallback ||⟫
  maxTokens: Number(process.env.MAX_TOKENS ?? 4096),
};

export const MISTRAL_API_KEY = process.env.MISTRAL_API_KEY ?? '⟦mistral⟧'; ⟪+ generic:mistral env fallback, generic value⟫
export const COHERE_API_KEY = process.env.COHERE_API_KEY || "⟦cohere⟧"; ⟪+ generic:cohere env fallback, generic value⟫
export const FIREWORKS_API_KEY = import.meta.env.FIREWORKS_API_KEY ?? '⟦fireworks⟧'; ⟪+ generic:fireworks import.meta.env fallback⟫
export const OPENAI_FALLBACK = process.env.OPENAI_API_KEY ?? 'sk-your-key-here'; ⟪- placeholder env fallback to a placeholder⟫
export const DEV_TOKEN = process.env.DEV_TOKEN ?? 'dev-token'; ⟪- low-entropy env fallback to a dev value⟫
export const EMPTY_KEY = process.env.MISTRAL_API_KEY ?? ''; ⟪- env-read empty fallback⟫

// split so the pre-commit hook would not see it (it does)
export const SPLIT_KEY = 'sk-proj-' + '⟦openai-proj@split|hide⟧⟦@split[8:90]⟧' + ⟪+ key:openai/openai-proj constant concatenation across lines⟫
  '⟦@split[90:]⟧';
const PREFIX = 'sk-ant-api03-'; ⟪- benign-name key prefix constant⟫
export const ANTHROPIC_CONCAT = 'sk-ant-' + 'api03-' + '⟦anthropic@concat|hide⟧⟦@concat[13:]⟧'; ⟪+ key:anthropic three-part concatenation⟫

export const TEMPLATE_KEY = `⟦xai⟧`; ⟪+ key:xai template literal without substitutions⟫
export const TEMPLATE_REF = `${PREFIX}${process.env.ANTHROPIC_SUFFIX}`; ⟪- placeholder template literal with substitutions⟫

export function connect(apiKey: string = '⟦openai-svcacct⟧', timeoutMs = 30_000) { ⟪+ key:openai/openai-svcacct default parameter⟫
  return { apiKey, timeoutMs };
}

export function connectMistral({ apiKey = '⟦mistral⟧', endpoint = 'https://api.mistral.ai' } = {}) { ⟪+ generic:mistral destructured default⟫
  return { apiKey, endpoint };
}

export class ReplicateTool {
  private readonly token = '⟦replicate⟧'; ⟪+ key:replicate class field⟫
  static readonly apiToken: string = '⟦cohere⟧'; ⟪+ generic:cohere static class field⟫
  #secret = '⟦alnum40⟧'; ⟪+ generic:private-field private class field named secret⟫
  readonly tokenizer = 'cl100k_base'; ⟪- benign-name tokenizer name⟫
  maxTokens = 8192;
  cacheKey = 'replicate:v2:⟦sha1⟧'; ⟪- benign-name cacheKey with a hash⟫
  primaryKey = 'prediction_id'; ⟪- benign-name primaryKey⟫
  secretName = 'prod/agents/replicate-token'; ⟪- benign-name secretName⟫
  tokenCount = 0;
  nextPageToken = '⟦page-token⟧'; ⟪- benign-name pagination token⟫
  constructor(private readonly apiKey = '⟦replicate⟧') {} ⟪+ key:replicate parameter property default⟫
}

export enum Secrets {
  OpenAI = '⟦openai-proj⟧', ⟪+ key:openai/openai-proj enum member⟫
  Name = 'OPENAI_API_KEY', ⟪- env-var-name enum of env var names⟫
}

let apiKey: string;
apiKey = '⟦gitlab⟧'; ⟪+ key:gitlab assignment⟫
const settings: Record<string, string> = {};
settings['SENDGRID_API_KEY'] = '⟦sendgrid⟧'; ⟪+ key:sendgrid element assignment⟫
settings.password = '⟦password⟧'; ⟪+ generic:password property assignment⟫
settings.passwordHint = 'first pet + year'; ⟪- benign-name passwordHint⟫
settings.tokenUrl = 'https://auth.acme.dev/oauth2/token'; ⟪- url token endpoint⟫
settings.authorizationUrl = 'https://auth.acme.dev/oauth2/authorize'; ⟪- url authorization endpoint⟫
settings.apiKeyEnvVar = 'OPENAI_API_KEY'; ⟪- env-var-name apiKeyEnvVar⟫
settings.apiKeyHeader = 'x-api-key'; ⟪- benign-name apiKeyHeader⟫
settings.secretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/agents/openai-AbCdEf'; ⟪- secret-reference Secrets Manager ARN⟫
settings.keyVaultUrl = 'https://acme-agents-kv.vault.azure.net/secrets/openai-key/⟦md5⟧'; ⟪- secret-reference Key Vault URL⟫
settings.vaultPath = 'secret/data/agents/research/openai'; ⟪- secret-reference Vault path⟫
settings.gcpSecret = 'projects/acme-agents/secrets/openai-api-key/versions/latest'; ⟪- secret-reference GCP secret path⟫
settings.onePassword = 'op://Engineering/OpenAI/credential'; ⟪- secret-reference 1Password reference⟫
settings.apiKey = 'op://Engineering/Anthropic/api key'; ⟪- secret-reference 1Password reference under apiKey⟫
settings.token = 'vault:secret/data/github#token'; ⟪- secret-reference vault reference under token⟫
settings.secret = '{{ .Values.agent.secret }}'; ⟪- placeholder Helm template⟫
settings.authToken = '${SLACK_BOT_TOKEN}'; ⟪- placeholder ${VAR}⟫
settings.apiSecret = '%API_SECRET%'; ⟪- placeholder %VAR%⟫
settings.accessToken = '********************'; ⟪- placeholder mask⟫
settings.clientSecret = 'REPLACE_ME'; ⟪- placeholder REPLACE_ME⟫
settings.jwtSecret = 'change-me-in-production'; ⟪- placeholder change-me⟫
settings.apiToken = 'TODO'; ⟪- placeholder TODO⟫
settings.privateKey = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; ⟪- placeholder xxxx⟫
settings.secretKey = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'; ⟪- low-entropy repeated character⟫
settings.sessionSecret = 'abcdefghijklmnopqrstuvwxyz123456'; ⟪- low-entropy alphabet sequence⟫
settings.signingKey = '0123456789abcdef0123456789abcdef'; ⟪- low-entropy repeated sequence⟫
settings.apiKey2 = 'test-api-key'; ⟪- placeholder test value⟫
settings.bearer = 'Bearer <token>'; ⟪- placeholder Bearer <token>⟫
export { settings, apiKey };
