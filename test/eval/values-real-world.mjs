// Value kinds for the real-world hard negatives (test/eval/corpus-src/real-world/**): shapes that real agent
// repositories hold and that look like credentials but are not. Made-up values are random per file like every other
// kind; public values are the documented ones, exactly as their publishers print them (anyone may use them).

const WORDS = [
  'handoff', 'output', 'schema', 'tool', 'argument', 'trace', 'span', 'guardrail', 'session', 'memory', 'stream',
  'model', 'result', 'policy', 'approval', 'formatter', 'realtime', 'runner', 'diagnostic', 'persistence', 'value',
];
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = ALNUM + '+/';
const URLSAFE = ALNUM + '_-';

const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const COSMOS_EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
const AWS_DOC_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const AWS_DOC_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const GOOGLE_DOC_KEY = 'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe';
const HARDHAT_ACCOUNT_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

function base64url(value) {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Generators keyed by kind; `pick(alphabet, n)` and `int(lo, hi)` are the file's seeded random helpers. */
export function makeRealWorldGenerators({ pick, int }) {
  const choose = (list) => list[int(0, list.length - 1)];
  const word = () => choose(WORDS);
  const capital = (text) => text[0].toUpperCase() + text.slice(1);
  /** One character changed at a position inside `from, to`. */
  const changeOne = (value, from, to) => {
    const at = int(from, to - 1);
    const alphabet = /[0-9]/.test(value[at]) ? '0123456789' : /[a-z]/.test(value[at]) ? 'abcdefghijklmnopqrstuvwxyz' : UPPER;
    let replacement = pick(alphabet, 1);
    if (replacement === value[at]) replacement = alphabet[(alphabet.indexOf(replacement) + 1) % alphabet.length];
    return value.slice(0, at) + replacement + value.slice(at + 1);
  };
  const jwtWith = (header, payload, signature) => `${base64url(header)}.${base64url(payload)}.${signature}`;
  return {
    // ---- names made of words --------------------------------------------------------------------------------
    sentinel: () => `SECRET_${word().toUpperCase()}_${word().toUpperCase()}_${word().toUpperCase()}_${int(100, 9999)}`,
    'labelled-dummy-token': () => `${choose(['workos', 'session', 'github', 'slack'])}:token-${int(100, 999)}`,
    'credential-label': () => `credential-${int(1, 9)}:${word()}-key`,
    'telegram-test-token': () => `${int(100000, 999999)}:TEST-TOKEN`,
    'namespaced-key': () => `io.modelcontextprotocol/${word()}${capital(word())}`,
    'provider-model': () => choose(['openai/gpt-5', 'anthropic/claude-sonnet-4-5', 'google/gemini-2.5-pro', 'meta-llama/llama-3.3-70b']),
    'word-number-label': () => `${word()}-${int(100, 999)}`,

    // ---- public values: documentation examples and emulator / dev-chain keys ---------------------------------
    'azurite-key': () => AZURITE_KEY,
    'cosmos-emulator-key': () => COSMOS_EMULATOR_KEY,
    'google-docs-key': () => GOOGLE_DOC_KEY,
    'hardhat-key': () => HARDHAT_ACCOUNT_0,
    'aws-doc-secret-changed': () => changeOne(AWS_DOC_SECRET, 0, 28),
    'aws-doc-akid-changed': () => changeOne(AWS_DOC_ACCESS_KEY_ID, 4, 12),

    // ---- obvious fakes ----------------------------------------------------------------------------------------
    'fake-marked': () => `${choose(['FAKE', 'DUMMY', 'INVALID', 'TEST'])}_${pick(UPPER + '0123456789', 20)}`,
    'fake-word-token': () => `${choose(['fake', 'dummy', 'invalid', 'test'])}-${word()}-${pick(ALNUM, 16)}`,
    'hand-typed': () => choose(['1234567890abcdef', 'a1b2c3d4e5f6g7h8', 'abcd1234efgh5678', 'qwertyuiop123456', '0123456789ABCDEF']),
    instruction: () => choose(['REPLACE_WITH_PASSWORD', 'ENTER_YOUR_API_KEY', 'PUT_TOKEN_HERE', 'replace-with-real-secret']),

    // ---- ciphertext -------------------------------------------------------------------------------------------
    'sops-value': () => `ENC[AES256_GCM,data:${pick(BASE64, 44)}=,iv:${pick(BASE64, 43)}=,tag:${pick(BASE64, 22)}==,type:str]`,
    'vault-transit': () => `vault:v1:${pick(BASE64, 64)}==`,
    'kms-blob': () => `AQICAH${pick(BASE64, 180)}==`,
    'sealed-ciphertext': () => `AgB${pick(BASE64, 700)}==`,

    // ---- tokens that authenticate nothing ---------------------------------------------------------------------
    'jwt-none': () => jwtWith({ alg: 'none', typ: 'JWT' }, { sub: `user_${pick(ALNUM, 8)}`, email: 'test@example.com', exp: 1899578924 }, ''),
    'jwt-stand-in': () => jwtWith({ alg: 'RS256', typ: 'JWT', kid: 'test-key-id' }, { iss: 'test@test.iam.gserviceaccount.com', scope: 'https://www.googleapis.com/auth/cloud-platform', exp: 1616165216 }, 'signature'),
    'jwt-supabase-demo': () => jwtWith({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase-demo', role: 'anon', exp: 1983812996 }, pick(URLSAFE, 43)),

    // ---- a private key cut after two lines: the header promises ~1,200 bytes --------------------------------
    'stub-pkcs8': () => {
      const body = `MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC${pick(BASE64, 77)}`;
      return `-----BEGIN PRIVATE KEY-----\n${body.slice(0, 64)}\n${body.slice(64)}==\n-----END PRIVATE KEY-----`;
    },
  };
}
