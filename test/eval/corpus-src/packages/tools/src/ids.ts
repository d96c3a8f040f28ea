// Identifiers, hashes and public values the agent platform stores. None of them grants access.
export const FIXTURES = {
  assistant: '⟦asst⟧', ⟪- non-secret-id assistant id⟫
  thread: '⟦thread⟧', ⟪- non-secret-id thread id⟫
  run: '⟦run⟧', ⟪- non-secret-id run id⟫
  organization: '⟦openai-org⟧', ⟪- non-secret-id organization id⟫
  project: '⟦openai-project⟧', ⟪- non-secret-id project id⟫
  batch: 'batch_⟦alnum24⟧', ⟪- non-secret-id batch id⟫
  toolCall: 'call_⟦alnum24⟧', ⟪- non-secret-id tool call id⟫
  request: 'req_⟦md5⟧', ⟪- non-secret-id request id⟫
  ulid: '⟦ulid⟧', ⟪- non-secret-id ULID⟫
  nanoid: '⟦nanoid⟧', ⟪- non-secret-id nanoid⟫
  sessionId: '⟦uuid⟧', ⟪- uuid session id⟫
  traceId: '⟦md5⟧', ⟪- hash trace id⟫
  spanId: '⟦short-sha⟧⟦short-sha⟧', ⟪- hash span id⟫
};

export const HASHES = {
  sha1: '⟦sha1⟧', ⟪- hash SHA-1⟫
  sha256: '⟦sha256⟧', ⟪- hash SHA-256⟫
  sha512: '⟦sha512⟧', ⟪- hash SHA-512⟫
  md5: '⟦md5⟧', ⟪- hash MD5⟫
  image: 'ghcr.io/acme/research-agent@⟦docker-digest⟧', ⟪- hash image digest⟫
  integrity: '⟦sri-sha512⟧', ⟪- integrity SRI sha512⟫
  scriptIntegrity: '⟦sri-sha384⟧', ⟪- integrity SRI sha384⟫
};

export interface StoredUser {
  passwordHash: string;
  apiKeyHash: string;
  tokenDigest: string;
}

export const ADMIN: StoredUser = {
  passwordHash: '⟦bcrypt⟧', ⟪- hash bcrypt password hash⟫
  apiKeyHash: '⟦sha256⟧', ⟪- hash hashed API key⟫
  tokenDigest: '⟦argon2⟧', ⟪- hash argon2 digest⟫
};

export const KEYS = {
  apiKeyId: '⟦uuid⟧', ⟪- uuid API key id⟫
  keyId: 'key_⟦alnum24⟧', ⟪- non-secret-id key id⟫
  kid: '⟦gcp-key-id⟧', ⟪- non-secret-id JWK key id⟫
  publicKey: '⟦ec-public-b64⟧', ⟪- public-key EC public key (base64 SPKI)⟫
  vapidPublicKey: '⟦vapid-public⟧', ⟪- public-key VAPID public key⟫
  sshPublicKey: '⟦ed25519-pub⟧', ⟪- public-key ssh-ed25519 public key⟫
  deployKey: '⟦rsa-pub⟧', ⟪- public-key ssh-rsa public key⟫
  partitionKey: 'tenant#⟦uuid⟧', ⟪- benign-name partitionKey⟫
  sortKey: 'run#2025-01-07T10:22:31Z#⟦short-sha⟧', ⟪- benign-name sortKey⟫
  idempotencyKey: '⟦uuid⟧', ⟪- benign-name idempotencyKey⟫
  cacheKey: 'embeddings:v3:⟦sha256⟧', ⟪- benign-name cacheKey⟫
  storageKey: 'uploads/2025/01/⟦uuid⟧.pdf', ⟪- benign-name storage object key⟫
  primaryKey: '⟦ulid⟧', ⟪- benign-name primaryKey⟫
  foreignKey: 'agent_id', ⟪- benign-name foreignKey⟫
  i18nKey: 'errors.apiKey.invalid', ⟪- benign-name translation key⟫
};

export const TOKENS = {
  maxTokens: 4096,
  maxOutputTokens: 1024,
  tokenizer: 'o200k_base', ⟪- benign-name tokenizer⟫
  stopToken: '<|endoftext|>', ⟪- benign-name stop token⟫
  padToken: '<pad>', ⟪- benign-name pad token⟫
  nextPageToken: '⟦page-token⟧', ⟪- benign-name next page token⟫
  continuationToken: '⟦b64-44⟧', ⟪- benign-name continuation token⟫
  syncToken: '⟦urlsafe43⟧', ⟪- benign-name sync token⟫
  cancellationToken: 'ct_⟦alnum24⟧', ⟪- benign-name cancellation token⟫
  csrfToken: '⟦urlsafe43⟧', ⟪- benign-name CSRF token⟫
};

export const NAMES = {
  secretName: 'agents/research/openai-api-key', ⟪- benign-name secretName⟫
  secretRef: 'openai-credentials', ⟪- benign-name secretRef⟫
  tokenEnvVar: 'GITHUB_TOKEN', ⟪- env-var-name env var name⟫
  apiKeyName: 'ANTHROPIC_API_KEY', ⟪- env-var-name env var name⟫
  passwordField: 'password', ⟪- benign-name passwordField⟫
  tokenType: 'Bearer', ⟪- benign-name token type⟫
  authType: 'oauth2', ⟪- benign-name auth type⟫
  secretsPath: '/var/run/secrets/kubernetes.io/serviceaccount/token', ⟪- path service account token path⟫
  credentialsFile: '~/.aws/credentials', ⟪- path credentials file path⟫
  keyFile: './certs/server.key', ⟪- path key file path⟫
  tokenFile: '/run/secrets/github_token', ⟪- path Docker secret file⟫
  passwordPolicy: 'min12-upper-lower-digit-symbol', ⟪- benign-name password policy⟫
};

export const AVATAR = '⟦png-base64⟧'; ⟪- base64-image inline PNG⟫
export const ICONS = { token: '⟦png-base64⟧' }; ⟪- base64-image image under a token-like name⟫
