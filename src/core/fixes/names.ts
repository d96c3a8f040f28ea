import { SECRET_DETECTORS } from '../secrets/detectors';
import { nameWords } from '../secrets/names';

/**
 * Names a fix writes instead of a secret: the environment variable (`OPENAI_API_KEY`) and the credential name the
 * broker module is asked for (`openai-api-key`, the same words in kebab case). Derived from the provider and from
 * the name the value was assigned to; never from the value.
 */

/** Conventional environment variables of the providers the secret scanner recognises. */
const PROVIDER_ENV: Record<string, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  'anthropic-oauth': 'CLAUDE_CODE_OAUTH_TOKEN',
  'aws-access-key-id': 'AWS_ACCESS_KEY_ID',
  'aws-secret-access-key': 'AWS_SECRET_ACCESS_KEY',
  github: 'GITHUB_TOKEN',
  'github-fine-grained': 'GITHUB_TOKEN',
  npm: 'NPM_TOKEN',
  slack: 'SLACK_BOT_TOKEN',
  'slack-webhook': 'SLACK_WEBHOOK_URL',
  stripe: 'STRIPE_SECRET_KEY',
  'webhook-signing-secret': 'WEBHOOK_SECRET',
  'google-api-key': 'GOOGLE_API_KEY',
  'google-oauth-client-secret': 'GOOGLE_CLIENT_SECRET',
  huggingface: 'HF_TOKEN',
  langsmith: 'LANGSMITH_API_KEY',
  groq: 'GROQ_API_KEY',
  xai: 'XAI_API_KEY',
  perplexity: 'PERPLEXITY_API_KEY',
  replicate: 'REPLICATE_API_TOKEN',
  pinecone: 'PINECONE_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  sendgrid: 'SENDGRID_API_KEY',
  twilio: 'TWILIO_API_KEY',
  'twilio-auth-token': 'TWILIO_AUTH_TOKEN',
  gitlab: 'GITLAB_TOKEN',
  'telegram-bot': 'TELEGRAM_BOT_TOKEN',
  databricks: 'DATABRICKS_TOKEN',
  shopify: 'SHOPIFY_ACCESS_TOKEN',
  notion: 'NOTION_API_KEY',
  linear: 'LINEAR_API_KEY',
  digitalocean: 'DIGITALOCEAN_TOKEN',
  doppler: 'DOPPLER_TOKEN',
  vault: 'VAULT_TOKEN',
  tavily: 'TAVILY_API_KEY',
  langfuse: 'LANGFUSE_SECRET_KEY',
  '1password-service-account': 'OP_SERVICE_ACCOUNT_TOKEN',
  'azure-ad-client-secret': 'AZURE_CLIENT_SECRET',
  pypi: 'PYPI_TOKEN',
  'docker-hub': 'DOCKER_TOKEN',
  sentry: 'SENTRY_AUTH_TOKEN',
  postman: 'POSTMAN_API_KEY',
  'discord-webhook': 'DISCORD_WEBHOOK_URL',
  grafana: 'GRAFANA_TOKEN',
  e2b: 'E2B_API_KEY',
  firecrawl: 'FIRECRAWL_API_KEY',
  elevenlabs: 'ELEVENLABS_API_KEY',
  supabase: 'SUPABASE_SERVICE_ROLE_KEY',
  atlassian: 'ATLASSIAN_API_TOKEN',
  heroku: 'HEROKU_API_KEY',
};

/** Words that say "a credential" without saying which one: `apiKey`, `token`, `Authorization` … */
const GENERIC_WORDS = new Set(['api', 'key', 'token', 'secret', 'password', 'passwd', 'pwd', 'auth', 'authorization', 'bearer', 'access', 'credential', 'credentials', 'value', 'private', 'client', 'x', 'header', 'headers']);

/** `webhookSecret`, `stripe-key`, `STRIPE_KEY` → [webhook, secret] … (camelCase, snake, kebab, dots). */
export const words = nameWords;

/** An UPPER_SNAKE environment variable name for a secret (never empty). */
export function envNameFor(provider: string | undefined, assignedName: string | undefined): string {
  const assigned = assignedName ? words(assignedName) : [];
  const specific = assigned.some((word) => !GENERIC_WORDS.has(word));
  if (assigned.length && specific && assigned.length <= 8) return assigned.join('_').toUpperCase();
  if (provider && PROVIDER_ENV[provider]) return PROVIDER_ENV[provider];
  // A provider's own token names the variable after the provider; a credential format (`auth-header`, `netrc`) or
  // the generic heuristic names no provider, so the name in the code is used instead.
  const namesNoProvider = provider !== undefined && (SECRET_DETECTORS.get(provider)?.rule ?? 'secrets/provider-key') !== 'secrets/provider-key';
  if (provider && !namesNoProvider && /^[a-z0-9-]+$/.test(provider)) return `${words(provider).join('_').toUpperCase()}_API_KEY`;
  if (assigned.length) return assigned.join('_').toUpperCase();
  return 'API_KEY';
}

/** `OPENAI_API_KEY` → `openai-api-key`: the name the credentials module is asked for. */
export function credentialNameFor(envName: string): string {
  return envName.toLowerCase().split(/_+/).filter(Boolean).join('-') || 'api-key';
}

/** A lowercase DNS label (agent manifest metadata.name). */
export function dnsLabel(name: string): string {
  const label = words(name).join('-').slice(0, 63).split('-').filter(Boolean).join('-');
  return label || 'agent';
}
