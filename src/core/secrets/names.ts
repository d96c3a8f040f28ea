import { memoizeByString } from '../memo';

/**
 * Does a variable, property, header or environment variable name say that its value is a credential?
 * `apiKey`, `OPENAI_API_KEY`, `x-api-key`, `clientSecret`, `JWT_SECRET`, `Authorization` do;
 * `maxTokens`, `cacheKey`, `primaryKey`, `secretName`, `tokenizer`, `passwordField` do not.
 */

/**
 * Split camelCase, PascalCase, snake_case, kebab-case, dotted and spaced names into lower-case words. Remembered per
 * name (the words are shared: do not change them).
 */
export const nameWords: (name: string) => readonly string[] = memoizeByString((name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // `([A-Z]+)([A-Z][a-z])` would backtrack quadratically over a long run of capitals; a lookahead splits the same.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    // `apiKey2`, `token_v2`: a trailing counter does not change what the name holds.
    .map((word) => (/^[a-z]+\d{1,2}$/.test(word) ? word.replace(/\d+$/, '') : word))
    .filter((word) => word && !/^v?\d{1,2}$/.test(word)),
);

/** Last words that on their own mean "this is a credential". */
export const CREDENTIAL_WORDS: ReadonlySet<string> = new Set([
  'secret', 'password', 'passwd', 'pwd', 'passphrase', 'apikey', 'api_key', 'token', 'accesstoken',
  'authtoken', 'bearer', 'credential', 'credentials', 'authorization', 'auth', 'privatekey', 'secretkey',
  'accesskey', 'clientsecret', 'sessiontoken', 'pat', 'passkey', 'signingkey', 'webhooksecret',
  // Redis `requirepass` / `masterauth` (config directives and `redis-server --requirepass …` flags)
  'requirepass', 'masterauth',
]);

/** Words that make a trailing `key` a credential (`apiKey`, `secretKey`, `MISTRAL_API_KEY`, `accessKey` …). */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'access', 'auth', 'client', 'signing', 'encryption', 'master', 'service',
  'account', 'subscription', 'webhook', 'license', 'app', 'admin', 'session', 'hmac', 'jwt', 'sign', 'crypt',
  'encrypt', 'decrypt', 'bot', 'user', 'consumer', 'developer', 'management', 'deploy', 'ingest', 'write',
  'openai', 'anthropic', 'stripe', 'mistral', 'cohere', 'groq', 'xai', 'gemini', 'google', 'huggingface',
  'hf', 'replicate', 'pinecone', 'openrouter', 'sendgrid', 'twilio', 'langsmith', 'langchain', 'perplexity',
  'pplx', 'together', 'fireworks', 'deepseek', 'voyage', 'tavily', 'serpapi', 'exa', 'firecrawl', 'resend',
  'mailgun', 'algolia', 'datadog', 'dd', 'sentry', 'supabase', 'vercel', 'cloudflare', 'github', 'gitlab',
  'slack', 'discord', 'telegram', 'notion', 'linear', 'airtable', 'elevenlabs', 'assemblyai', 'deepgram',
  'anyscale', 'azure', 'aws', 'gcp', 'weaviate', 'qdrant', 'langfuse', 'helicone', 'braintrust', 'wandb',
  // Services whose keys have no prefix of their own, so that `BITBUCKET_KEY=…` or `mapboxKey` reads as a key
  // (provider words only: `cacheKey`, `sortKey`, `primaryKey` stay names).
  'bitbucket', 'atlassian', 'jira', 'confluence', 'asana', 'trello', 'clickup', 'miro', 'figma',
  'zendesk', 'intercom', 'hubspot', 'salesforce', 'pipedrive', 'mailchimp', 'mailjet', 'brevo', 'sendinblue',
  'postmark', 'sparkpost', 'mandrill', 'vonage', 'nexmo', 'plivo', 'telnyx', 'pusher', 'ably', 'pubnub',
  'onesignal', 'contentful', 'storyblok', 'typesense', 'meilisearch', 'elastic', 'elasticsearch',
  'mapbox', 'tomtom', 'mapquest', 'shopify', 'paypal', 'braintree', 'adyen', 'razorpay',
  'paystack', 'coinbase', 'binance', 'alchemy', 'infura', 'etherscan', 'moralis', 'okta', 'auth0', 'clerk',
  'workos', 'stytch', 'firebase', 'heroku', 'netlify', 'railway', 'digitalocean', 'linode',
  'vultr', 'hetzner', 'scaleway', 'ibm', 'ibmcloud', 'twitter', 'facebook', 'fb', 'instagram', 'linkedin',
  'youtube', 'spotify', 'dropbox', 'mixpanel', 'amplitude', 'posthog', 'pagerduty',
  'opsgenie', 'newrelic', 'honeycomb', 'rollbar', 'bugsnag', 'logdna', 'loggly', 'splunk',
  'snowflake', 'databricks', 'mongodb', 'upstash', 'neon', 'turso', 'planetscale',
  'rapidapi', 'zapier', 'n8n', 'typeform', 'calendly', 'docusign', 'twitch', 'mux', 'cloudinary',
]);

/** Words that turn a credential word into something else (`maxTokens`, `nextPageToken`, `tokenCount` …). */
const NEGATING_QUALIFIERS = new Set([
  'max', 'min', 'num', 'count', 'total', 'limit', 'page', 'next', 'prev', 'previous', 'continuation',
  'cursor', 'sync', 'pagination', 'cancellation', 'csrf', 'xsrf', 'public', 'primary', 'foreign', 'cache',
  'sort', 'partition', 'idempotency', 'lookup', 'map', 'storage', 'row', 'object', 'dedup', 'dedupe',
  'unique', 'composite', 'hash', 'range', 'shard', 'routing', 'react', 'list', 'item', 'i18n', 'translation',
  'message', 'label', 'field', 'input', 'prompt', 'completion', 'output', 'reasoning', 'cached', 'used',
  'stop', 'eos', 'bos', 'pad', 'special', 'start', 'end', 'expected', 'mock', 'fake', 'dummy', 'example',
  'sample', 'test',
  // detect-secrets' baseline (`.secrets.baseline`) lists each finding's `hashed_secret`: a SHA-1, not the secret.
  'hashed',
]);

/** Trailing words that make the name describe a credential instead of holding it. */
const DESCRIPTIVE_SUFFIXES = new Set([
  'name', 'names', 'id', 'ids', 'arn', 'ref', 'reference', 'path', 'file', 'url', 'uri', 'endpoint', 'env',
  'var', 'variable', 'header', 'field', 'type', 'length', 'len', 'size', 'count', 'expiry', 'expires',
  'expiration', 'ttl', 'prefix', 'suffix', 'hint', 'label', 'policy', 'provider', 'helper', 'required',
  'regex', 'pattern', 'format', 'schema', 'location', 'source', 'store', 'manager', 'rotation', 'version',
  'hash', 'digest', 'fingerprint', 'mask', 'placeholder', 'enabled', 'mode', 'method', 'strategy', 'input',
  'set', 'id', 'key', 'keys', 'tokens', 'secrets', 'passwords', 'limit', 'budget', 'usage', 'counter',
  'cost', 'price', 'index', 'max', 'min', 'in', 'at', 'ms', 'seconds', 'validator', 'generator', 'storage',
  'command', 'cmd', 'param', 'parameter', 'option', 'options', 'config', 'setting', 'settings', 'error',
  'message', 'template', 'builder', 'factory', 'cache', 'service', 'client', 'callback', 'handler', 'fn',
  'func', 'function', 'getter', 'loader', 'reader', 'writer', 'parser', 'encoder', 'decoder', 'hasher',
  'reset', 'confirm', 'confirmation', 'strength', 'visible', 'shown', 'toggle', 'dialog', 'modal', 'form',
  'tokenizer', 'tokenize', 'tokenized',
]);

/**
 * The first item of a `[name, value]` pair (a header tuple): a header or variable name, not a `NAME=value` string of
 * its own, nor a path (`['../../../etc/passwd', '<script>…']` is a list of hostile inputs in awslabs/mcp's tests).
 */
export const PAIR_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,100}$/;

/** Words that make a secret-like name a password's, whose values may be shorter and less random. */
export const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase']);

/**
 * Substrings one of which every secret-like name holds (a credential word, `key`, `pass`): a cheap test that rules
 * most words out before isSecretLikeName (the parse gates, src/core/languages/typescript.ts). A test checks it
 * against CREDENTIAL_WORDS, so a new credential word cannot slip past it.
 */
export const SECRET_NAME_HINT = /key|token|secret|pass|pwd|auth|cred|bearer|pat/i;

export interface SecretNameOptions {
  /** Extra names (exact, case-insensitive) from the configuration. */
  extraNames?: readonly string[];
}

export function isSecretLikeName(name: string, options: SecretNameOptions = {}): boolean {
  if (options.extraNames?.some((extra) => extra.toLowerCase() === name.toLowerCase())) return true;
  return options.extraNames?.length ? nameSaysSecret(name, options) : nameSaysSecretMemo(name);
}

function nameSaysSecret(name: string, options: SecretNameOptions): boolean {
  const words = nameWords(name);
  if (words.length === 0 || words.length > 8) return false;
  const last = words[words.length - 1]!;
  const before = words.slice(0, -1);
  if (before.some((word) => NEGATING_QUALIFIERS.has(word))) return false;
  if (isPublicTokenName(name)) return false;

  if (last === 'key') {
    if (words.length === 1) return false;
    return before.some((word) => KEY_QUALIFIERS.has(word));
  }
  // AWS Signature V4's `X-Amz-Credential` (and Cloud Storage's `X-Goog-Credential`) is the access key's id and the
  // signing scope (`AKIA…/20250929/us-east-1/s3/aws4_request`), not a secret; `X-Amz-Security-Token` is one.
  if (last === 'credential' && (before.includes('amz') || before.includes('goog'))) return false;
  if (CREDENTIAL_WORDS.has(last)) return true;
  // `pass` only as a suffix of a compound (DB_PASS, smtpPass), never alone (a boolean or a pipeline stage), nor after
  // "to" (SWE-bench's FAIL_TO_PASS and PASS_TO_PASS list the tests that must pass).
  if (last === 'pass' && words.length > 1) return before[before.length - 1] !== 'to';
  // `apiKeyValue`, `tokenValue`, `secretString`: a credential word before a neutral holder word.
  if ((last === 'value' || last === 'string' || last === 'str' || last === 'literal') && words.length > 1) {
    return isSecretLikeName(words.slice(0, -1).join('_'), options);
  }
  if (DESCRIPTIVE_SUFFIXES.has(last)) return false;
  return false;
}

/**
 * Names of tokens that are public by design: Mixpanel's project token identifies the project to its browser SDK
 * (unlike its API secret); Pusher's app key and Amplitude's API key are what their browser and mobile clients send
 * (their secret keys sign, on the server). A value a file gives such a name is public under any other name in that
 * file too.
 */
export function isPublicTokenName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === 'token') return words.includes('mixpanel');
  return last === 'key' && (words.includes('pusher') || words.includes('amplitude')) && !words.includes('secret');
}

/** Without extra names from the configuration, the answer depends on the name alone. */
const nameSaysSecretMemo = memoizeByString((name) => nameSaysSecret(name, {}));
