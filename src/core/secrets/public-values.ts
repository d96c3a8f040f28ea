/**
 * Credential-shaped values that are public: the example keys of providers' documentation, the fixed keys of local
 * emulators and dev chains, and the client secrets of widely distributed installed apps, published so that everyone
 * can use them. They open nothing anyone's own.
 */
const PUBLIC_VALUES: readonly string[] = [
  // AWS documentation (access key ids and secret access keys)
  'AKIAIOSFODNN7EXAMPLE',
  'ASIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  // OAuth 2.0 (RFC 6749, RFC 6750) example tokens and client credentials
  'mF_9.B5f-4.1JqM',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SplxlOBeZQQYbYS6WxSbIA',
  // the example token on jwt.io and in countless tutorials (HS256, secret "your-256-bit-secret")
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  // Stripe's documented test-mode key
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  // Google Cloud's documented example API key
  'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe',
  // OAuth client secrets of Google's own installed applications, shipped in every copy (an installed app cannot keep
  // a secret; Google's docs say so): the Cloud SDK (gcloud), its Application Default Credentials login, Gemini CLI.
  // Code that reuses them and recorded token requests (test cassettes) hold them; a refresh token next to one is
  // still reported.
  'ZmssLNjJy2998hD4CTg2ejr2',
  'd-FL95Q19q7MQmFpd7hHD0Ty',
  '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',
  // The example TOTP secret of Google Authenticator's key URI format (otpauth://…?secret=JBSWY3DPEHPK3PXP), which TOTP
  // libraries, tutorials and test pages reuse
  'JBSWY3DPEHPK3PXP',
  // VisualWebArena's classifieds site: the reset token its docker setup and README give every install (OpenHands'
  // benchmark harness passes it on)
  '4b61655535e7ed388f0d40a93600254c',
  // Mailgun's documented example API key (samples.mailgun.org)
  'key-3ax6xnjp29jd6fds4gc373sgvjxteol0',
  // Azurite / Azure Storage Emulator account key of devstoreaccount1, the same on every machine
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // Azure Cosmos DB emulator key, the same on every machine
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
  // Hardhat / Anvil development account #0 (derived from the public "test test … junk" mnemonic)
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
];

const EXACT = new Set(PUBLIC_VALUES);
const BY_LENGTH = new Map<number, string[]>();
for (const value of PUBLIC_VALUES) BY_LENGTH.set(value.length, [...(BY_LENGTH.get(value.length) ?? []), value]);

/** Edits of a documented value that people make to "hide" it (one or two characters changed) keep it documented. */
const MAX_CHANGED = 2;
const MIN_FUZZY_LENGTH = 16;

function differsInAtMost(a: string, b: string, limit: number): boolean {
  let changed = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++changed > limit) return false;
  return true;
}

/** A documented example or public emulator key, also with one or two characters changed. */
export function isPublicValue(value: string): boolean {
  if (EXACT.has(value)) return true;
  if (value.length < MIN_FUZZY_LENGTH) return false;
  return (BY_LENGTH.get(value.length) ?? []).some((known) => differsInAtMost(value, known, MAX_CHANGED));
}
