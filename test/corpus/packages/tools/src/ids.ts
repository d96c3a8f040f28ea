// Identifiers, hashes and public values the agent platform stores. None of them grants access.
export const FIXTURES = {
  assistant: 'asst_gtk45FoeP1BFbIFP0gr4DfhJ',
  thread: 'thread_ERRUH9Ivhr33Y0CfOhtmLxXt',
  run: 'run_y12rZRscQBWaAzTVDcoqwPJr',
  organization: 'org-yLGPpk1PNp6ANWuHLgzmupR2',
  project: 'proj_WtzdMe3Itkws6IrOAIprttzN',
  batch: 'batch_VUT8iD4BNwG8yjIaGWs7DAoC',
  toolCall: 'call_kyY4IPvPi3Oz3RQ50lSPF4mS',
  request: 'req_2bb21c138523b6b6b5c73c61577d1f7a',
  ulid: '01JSWTPRCHHJ5R9VYRRJN37MTN',
  nanoid: 'vKrO_ebYgbdpFf-ra622C',
  sessionId: '7839a7c3-1a8e-4a31-8072-cc581de7bfda',
  traceId: 'de5ab80252a96ef0305f6a4a09e88f13',
  spanId: '34718e86fa3b6d',
};

export const HASHES = {
  sha1: 'cb6f116834012583387cc13962abe2b32adc7dd2',
  sha256: 'e5edcd9d23650427fe228f22a5090358971722325ac8cb359be101b4f57b40aa',
  sha512: 'b1fbd63ca7bb1117c0af4e009c1960d14f662bec278a0a51876ccf926f52e8b6780cac405388d235373f521816c835ba3dfed0c26efa935571c99875eb24ff60',
  md5: 'a1092231da504fa26bc51ec7e7239d90',
  image: 'ghcr.io/acme/research-agent@sha256:70ca81d0e2eeb362a17adaae2d2934a1da4a426f18f6c3f4c8c5bc6c23bb4477',
  integrity: 'sha512-t/bWZkZrMA27+CgfK6kU5nrXzSO9UWfstfkEOCyqpFJkUO/P0KJuIkomQwh8DWWa01914Jhb2b4VqnHxMHx+BA==',
  scriptIntegrity: 'sha384-VwdLmBOEl0YzaEIY9y9iZWPkZUW/P8t2THB2b/s5TZVcV+7LJ1J0WDrAYSkN0XaV',
};

export interface StoredUser {
  passwordHash: string;
  apiKeyHash: string;
  tokenDigest: string;
}

export const ADMIN: StoredUser = {
  passwordHash: '$2b$12$hkDYPkqcOpK6/WCh0i3pC6QbZEBC9RGvc78Mvkch4fUjmjzCBypOO',
  apiKeyHash: 'dc3e412e83a7186ae86a2bd34ea33b1e7e39bc108068078a51102972c23380eb',
  tokenDigest: '$argon2id$v=19$m=65536,t=3,p=4$Wum5sfEGXEtRS+VY42s+as$YTquO6rf0uiqajKDNiSc8ORYVXwCuexZj+HG5ORU88f',
};

export const KEYS = {
  apiKeyId: '8b1e964d-6c37-4d5a-9ef0-e2a50c848737',
  keyId: 'key_EVaiS4271OHSwuiws7KyXiBS',
  kid: 'ad88f12b9514aa7b2cd37f4b3b5f7c3652d3604e',
  publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEj4WZe0MJWbpVjaBZa8rV0pGH5AL/YB/xrwKTxRLzfesJUjwOT6B62OT/WhGvYGHosp1bfvDljjFx4Sf9A0ApsY==',
  vapidPublicKey: 'BKSGf-H6Cl44JaWkxW_lA_CpCJcDnVgOFepaibxQ0F5GqTwocNdIP7NRdbmD9dz8NEQ51X90_ouclQcIyWJBy7Y',
  sshPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIvyAmQJ4dDrqPteEbY3/OawjWV1GN13l3Duk1ioW3iii deploy@agents',
  deployKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQHYYdhBkHwNSB1gF4vQ7/MzsoyT8IlhDijufRofZfrhyTuyRfPj/SNDu/JNoILex4SfsxsMz1YUb2j0lQgKBWeJmfeVT6FJI640Y/nvxLjk0FIcMopOZPf7pDl4yzZzoAcOT5i6xUsR3RPwsPIZPFJBcCHCQ/6qlBEX6aBY46mpV5XUMjFRBlR9tXyCX/QQEIYS8beJ2TCtUTDSn8aowQ4FzTjbhSMHh8byz0nxO+Z8n5fe6g8KEFsJ5Iv3FfphMyHlV1OWtNzWUckR79mTXA86ahvwCTo5o8iCc1wWXYhuure2X4/ZWsmWiXqPOsuD0SyxSipZE1FhXO9SJkI+FwbcORCL/4dkZA+3Ljvxm3EzrOYT8InEMtO78xCcDcoINiTyuPn0X3LiwqK/6dU3f9RSKfMq59t3TFNcq7SW/87rskk6/a29r2PXNuO27iR/E8u3bfq0IHBUDDOdYsQFFt3DpmocC9UaoGSMxp7mznU1LsgWYrVtyX ci@agents',
  partitionKey: 'tenant#50c71204-dbb6-4ce9-bfe2-0b8e5df89796',
  sortKey: 'run#2025-01-07T10:22:31Z#dbf4caa',
  idempotencyKey: 'a259dfcf-2497-4776-8878-b2309e7959af',
  cacheKey: 'embeddings:v3:5b3d95e7b6a8bfe20e1952d09a1363e683bc176393d53b3a6139c6ddb0526380',
  storageKey: 'uploads/2025/01/c4dc4f03-6ebb-4aa9-9b93-388e40250d7a.pdf',
  primaryKey: '01JMCXXRR7RNA17V9RS1GCESHB',
  foreignKey: 'agent_id',
  i18nKey: 'errors.apiKey.invalid',
};

export const TOKENS = {
  maxTokens: 4096,
  maxOutputTokens: 1024,
  tokenizer: 'o200k_base',
  stopToken: '<|endoftext|>',
  padToken: '<pad>',
  nextPageToken: 'CiAKGjBpNDd2F_0Bnry0nOzrg_l9CZhAvAnIp-UaqtbDrlBDah-N',
  continuationToken: 'a87g18CkuMIaFdwE+gbkBHqvK0+j0i3dLNKnVuYshGE=',
  syncToken: 'yx7GgUlys9gD3xFxgKQsZ-wzY7qyb3BfiJVTtmsLZzQ',
  cancellationToken: 'ct_pWlfe7U107w1Iqmz4rnIDRHC',
  csrfToken: 'AUQuq1I6UnqSPuQWzQigYg7FVyV1GKm1cCNNX52BL3a',
};

export const NAMES = {
  secretName: 'agents/research/openai-api-key',
  secretRef: 'openai-credentials',
  tokenEnvVar: 'GITHUB_TOKEN',
  apiKeyName: 'ANTHROPIC_API_KEY',
  passwordField: 'password',
  tokenType: 'Bearer',
  authType: 'oauth2',
  secretsPath: '/var/run/secrets/kubernetes.io/serviceaccount/token',
  credentialsFile: '~/.aws/credentials',
  keyFile: './certs/server.key',
  tokenFile: '/run/secrets/github_token',
  passwordPolicy: 'min12-upper-lower-digit-symbol',
};

export const AVATAR = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAO8YccdXTlfkVrubtzkk77RzwfHiB7/grnLnduxVUrEfLRJFk/WJEALuulf3CyGh4vXfKO3ZlZuY0Ltoo6FegXBZoOVkxLyr8SOIeI0CMV/MN2pt5q/KtNx8MVs7n0JTu8XGupXbJa/BixTfUv7GzAD/Wewvu+1mDkmWhGuZ3YLSNEu6c92eWAAAAAElFTkSuQmCC';
export const ICONS = { token: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAowB7XA3vuxFYkqWXaM21BrEkvWOPyPlcO8YUtmYmsg7EGFxyQsdzyAUiRLKPGJynowPCLr7r+uQoI3k5lDIWVdCH2/6j76XQgROo7QKTVkiTk5Ek/j7X3HHCSu4Rcf1FPlhtpz9/NdsBqmXeoXsLDRfHOjgbSFp43G5P8USrA4CrUmAU29bTAAAAAElFTkSuQmCC' };
