// Format-valid random credential values for the labelled corpus. Deterministic: every corpus file gets its
// own PRNG seeded from its path, so regenerating the corpus reproduces the same values, and editing one
// template does not change the values in any other file. None of these values was ever issued by a provider.
import { makeRealWorldGenerators } from './values-real-world.mjs';

import { makeProviderGenerators } from './values-providers.mjs';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const URLSAFE = ALNUM + '_-';
const BASE64 = ALNUM + '+/';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PASSWORD = ALNUM + '!#%&*+-=?@^_~';

/** FNV-1a of a string: the per-file seed. */
export function seedOf(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- CRC32 + base62, as in src/core/secrets/checksum.ts (GitHub and npm token checksums) -----------------
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(text) {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function base62(value, width) {
  let out = '';
  let n = value;
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}

function base64url(text) {
  return Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Value generators by kind. `r` is the file's PRNG. */
export function makeGenerators(r) {
  const pick = (alphabet, n) => {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(r() * alphabet.length)];
    return out;
  };
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const checksummed = (prefix) => {
    const body = pick(ALNUM, 30);
    return prefix + body + base62(crc32(body), 6);
  };
  /** Same shape, checksum off by one character: a look-alike that GitHub never issued. */
  const badChecksum = (prefix) => {
    const body = pick(ALNUM, 30);
    const good = base62(crc32(body), 6);
    let bad = pick(ALNUM, 6);
    if (bad === good) bad = (bad[0] === 'A' ? 'B' : 'A') + bad.slice(1);
    return prefix + body + bad;
  };
  const pemBody = (der, length) => {
    const base64 = der + pick(BASE64, length - der.length);
    const lines = [];
    for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
    return lines.join('\n');
  };
  const pem = (label, der, length, tailPad = '') => `-----BEGIN ${label}-----\n${pemBody(der, length)}${tailPad}\n-----END ${label}-----`;
  const jwt = (payload) => {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    return `${header}.${base64url(JSON.stringify(payload))}.${pick(URLSAFE, 43)}`;
  };
  const now = 1735689600;

  return {
    ...makeRealWorldGenerators({ pick, int }),
    // ---- provider formats ---------------------------------------------------------------------------------
    'openai-proj': () => `sk-proj-${pick(URLSAFE, 74)}T3BlbkFJ${pick(URLSAFE, 74)}`,
    'openai-proj-short': () => `sk-proj-${pick(ALNUM, 20)}T3BlbkFJ${pick(ALNUM, 20)}`,
    'openai-svcacct': () => `sk-svcacct-${pick(URLSAFE, 74)}T3BlbkFJ${pick(URLSAFE, 74)}`,
    'openai-admin': () => `sk-admin-${pick(URLSAFE, 58)}T3BlbkFJ${pick(URLSAFE, 58)}`,
    'openai-legacy': () => `sk-${pick(ALNUM, 20)}T3BlbkFJ${pick(ALNUM, 20)}`,
    anthropic: () => `sk-ant-api03-${pick(URLSAFE, 93)}AA`,
    'anthropic-admin': () => `sk-ant-admin01-${pick(URLSAFE, 93)}AA`,
    'aws-akid': () => `AKIA${pick(BASE32, 16)}`,
    'aws-asia': () => `ASIA${pick(BASE32, 16)}`,
    'aws-secret': () => pick(BASE64, 40),
    ghp: () => checksummed('ghp_'),
    gho: () => checksummed('gho_'),
    ghu: () => checksummed('ghu_'),
    ghs: () => checksummed('ghs_'),
    ghr: () => checksummed('ghr_'),
    'github-pat': () => `github_pat_11${pick(UPPER_DIGITS, 20)}_${pick(ALNUM, 59)}`,
    npm: () => checksummed('npm_'),
    'slack-bot': () => `xoxb-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(ALNUM, 24)}`,
    'slack-user': () => `xoxp-${pick(DIGITS, 12)}-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(HEX, 32)}`,
    'slack-app': () => `xapp-1-A${pick(UPPER_DIGITS, 10)}-${pick(DIGITS, 13)}-${pick(HEX, 64)}`,
    'slack-webhook': () => `https://hooks.slack.com/services/T${pick(UPPER_DIGITS, 8)}/B${pick(UPPER_DIGITS, 10)}/${pick(ALNUM, 24)}`,
    'stripe-sk': () => `sk_live_51${pick(ALNUM, 97)}`,
    'stripe-rk': () => `rk_live_51${pick(ALNUM, 97)}`,
    google: () => `AIzaSy${pick(URLSAFE, 33)}`,
    hf: () => `hf_${pick(LETTERS, 34)}`,
    'hf-org': () => `api_org_${pick(LETTERS, 34)}`,
    langsmith: () => `lsv2_pt_${pick(HEX, 32)}_${pick(HEX, 10)}`,
    'langsmith-sk': () => `lsv2_sk_${pick(HEX, 32)}_${pick(HEX, 10)}`,
    groq: () => `gsk_${pick(ALNUM, 52)}`,
    xai: () => `xai-${pick(ALNUM, 80)}`,
    perplexity: () => `pplx-${pick(ALNUM, 48)}`,
    replicate: () => `r8_${pick(ALNUM, 37)}`,
    pinecone: () => `pcsk_${pick(ALNUM, 5)}_${pick(ALNUM, 63)}`,
    openrouter: () => `sk-or-v1-${pick(HEX, 64)}`,
    sendgrid: () => `SG.${pick(URLSAFE, 22)}.${pick(URLSAFE, 43)}`,
    twilio: () => `SK${pick(HEX, 32)}`,
    gitlab: () => `glpat-${pick(URLSAFE, 20)}`,
    telegram: () => `${pick('123456789', 1)}${pick(DIGITS, 9)}:AA${pick(URLSAFE, 33)}`,
    databricks: () => `dapi${pick(HEX, 32)}`,
    shopify: () => `shpat_${pick(HEX, 32)}`,
    notion: () => `ntn_${pick(DIGITS, 11)}${pick(ALNUM, 35)}`,
    'notion-legacy': () => `secret_${pick(ALNUM, 43)}`,
    linear: () => `lin_api_${pick(ALNUM, 40)}`,
    digitalocean: () => `dop_v1_${pick(HEX, 64)}`,
    doppler: () => `dp.st.prd.${pick(ALNUM, 43)}`,
    vault: () => `hvs.CAESI${pick(URLSAFE, 86)}`,
    tavily: () => `tvly-dev-${pick(ALNUM, 32)}`,
    langfuse: () => `sk-lf-${pick(HEX, 8)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 12)}`,
    '1password': () => `ops_eyJ${pick(BASE64, 380)}`,
    'jwt-user': () => jwt({ sub: `user_${pick(DIGITS, 6)}`, org: `acme-${pick(HEX, 6)}`, iat: now, exp: now + 86400 * 365, scope: 'agents:run tools:invoke' }),
    'jwt-service': () => jwt({ iss: 'https://auth.acme.internal', sub: `svc-${pick(HEX, 8)}`, aud: 'agent-gateway', iat: now, exp: now + 86400 * 180, jti: pick(HEX, 16) }),
    'jwt-supabase-service': () => jwt({ iss: 'supabase', ref: pick('abcdefghijklmnopqrstuvwxyz', 20), role: 'service_role', iat: now, exp: now + 86400 * 3650 }),

    // ---- values only their context makes a secret (generic-secret) ----------------------------------------
    mistral: () => pick(ALNUM, 32),
    cohere: () => pick(ALNUM, 40),
    together: () => pick(HEX, 64),
    deepgram: () => pick(HEX, 40),
    elevenlabs: () => `sk_${pick(HEX, 48)}`,
    fireworks: () => `fw_${pick(ALNUM, 24)}`,
    'azure-openai': () => pick(HEX, 32),
    'azure-client-secret': () => `${pick(ALNUM, 3)}8Q~${pick(ALNUM + '_.~-', 34)}`,
    'google-client-secret': () => `GOCSPX-${pick(URLSAFE, 28)}`,
    'github-client-secret': () => pick(HEX, 40),
    datadog: () => pick(HEX, 32),
    'twilio-auth-token': () => pick(HEX, 32),
    'discord-bot': () => `${pick('MN', 1)}${pick(ALNUM, 25)}.${pick(URLSAFE, 6)}.${pick(URLSAFE, 38)}`,
    sentry: () => `sntrys_${base64url(JSON.stringify({ iat: now + int(0, 86400 * 90), url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' }))}_${pick(URLSAFE, 43)}`,
    atlassian: () => `ATATT3xFfGF0${pick(URLSAFE, 171)}=${pick(HEX.toUpperCase(), 8)}`,
    'jwt-secret': () => pick(HEX, 64),
    'session-secret': () => Buffer.from(Array.from({ length: 33 }, () => int(0, 255))).toString('base64'),
    'nextauth-secret': () => Buffer.from(Array.from({ length: 32 }, () => int(0, 255))).toString('base64'),
    whsec: () => `whsec_${pick(ALNUM, 32)}`,
    'hex32': () => pick(HEX, 32),
    'alnum24': () => pick(ALNUM, 24),
    'alnum32': () => pick(ALNUM, 32),
    'alnum40': () => pick(ALNUM, 40),
    'b64-44': () => Buffer.from(Array.from({ length: 32 }, () => int(0, 255))).toString('base64'),
    'urlsafe43': () => pick(URLSAFE, 43),
    password: () => {
      // people's passwords: at least one upper, lower, digit and symbol, 14–20 characters
      for (;;) {
        const value = pick(PASSWORD, int(14, 20));
        if (/[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9]/.test(value)) return value;
      }
    },
    'db-password': () => pick(ALNUM, int(20, 28)),

    // ---- private keys -------------------------------------------------------------------------------------
    'rsa-key': () => pem('RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA', 1592, '=='),
    'pkcs8-key': () => pem('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ', 1620, '='),
    'ec-key': () => pem('EC PRIVATE KEY', 'MHcCAQEEI', 160, ''),
    'openssh-key': () => pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', 396, ''),

    // ---- look-alikes and non-secrets (hard negatives) -----------------------------------------------------
    'ghp-bad': () => badChecksum('ghp_'),
    'gho-bad': () => badChecksum('gho_'),
    'npm-bad': () => badChecksum('npm_'),
    uuid: () => `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-${pick('89ab', 1)}${pick(HEX, 3)}-${pick(HEX, 12)}`,
    md5: () => pick(HEX, 32),
    sha1: () => pick(HEX, 40),
    sha256: () => pick(HEX, 64),
    sha512: () => pick(HEX, 128),
    'sri-sha512': () => `sha512-${Buffer.from(Array.from({ length: 64 }, () => int(0, 255))).toString('base64')}`,
    'sri-sha384': () => `sha384-${Buffer.from(Array.from({ length: 48 }, () => int(0, 255))).toString('base64')}`,
    'bcrypt': () => `$2b$12$${pick(ALNUM + './', 53)}`,
    'argon2': () => `$argon2id$v=19$m=65536,t=3,p=4$${pick(ALNUM + '+/', 22)}$${pick(ALNUM + '+/', 43)}`,
    'png-base64': () => `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA${pick(BASE64, 180)}AAAAAElFTkSuQmCC`,
    'pk-live': () => `pk_live_51${pick(ALNUM, 97)}`,
    'pk-test': () => `pk_test_51${pick(ALNUM, 97)}`,
    'sk-test': () => `sk_test_51${pick(ALNUM, 97)}`,
    'rk-test': () => `rk_test_51${pick(ALNUM, 97)}`,
    asst: () => `asst_${pick(ALNUM, 24)}`,
    thread: () => `thread_${pick(ALNUM, 24)}`,
    run: () => `run_${pick(ALNUM, 24)}`,
    'openai-file': () => `file-${pick(ALNUM, 22)}`,
    'openai-org': () => `org-${pick(ALNUM, 24)}`,
    'openai-project': () => `proj_${pick(ALNUM, 24)}`,
    'vector-store': () => `vs_${pick(ALNUM, 24)}`,
    chatcmpl: () => `chatcmpl-${pick(ALNUM, 29)}`,
    'anthropic-msg': () => `msg_01${pick(ALNUM, 22)}`,
    toolu: () => `toolu_01${pick(ALNUM, 22)}`,
    'stripe-price': () => `price_1${pick(ALNUM, 23)}`,
    'stripe-customer': () => `cus_${pick(ALNUM, 14)}`,
    'stripe-account': () => `acct_1${pick(ALNUM, 15)}`,
    'langfuse-public': () => `pk-lf-${pick(HEX, 8)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 4)}-${pick(HEX, 12)}`,
    'page-token': () => `CiAKGjBpNDd2${pick(URLSAFE, 40)}`,
    'ed25519-pub': () => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${pick(BASE64, 43)} deploy@agents`,
    'rsa-pub': () => `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${pick(BASE64, 500)} ci@agents`,
    'public-key-pem': () => pem('PUBLIC KEY', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', 392, 'IDAQAB'),
    certificate: () => pem('CERTIFICATE', 'MIIDdzCCAl+gAwIBAgIE', 1240, '=='),
    'ec-public-b64': () => `MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${pick(BASE64, 86)}==`,
    'vapid-public': () => `B${pick(URLSAFE, 86)}`,
    'gcp-key-id': () => pick(HEX, 40),
    'git-sha': () => pick(HEX, 40),
    'short-sha': () => pick(HEX, 7),
    'docker-digest': () => `sha256:${pick(HEX, 64)}`,
    'github-client-id': () => `Iv1.${pick(HEX, 16)}`,
    'google-client-id': () => `${pick(DIGITS, 12)}-${pick('abcdefghijklmnopqrstuvwxyz0123456789', 32)}.apps.googleusercontent.com`,
    'slack-channel': () => `C0${pick(UPPER_DIGITS, 9)}`,
    'aws-account': () => pick(DIGITS, 12),
    'ulid': () => `01J${pick('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 23)}`,
    'nanoid': () => pick(URLSAFE, 21),

    // ---- provider and credential-format kinds of corpus-src/providers/** (values-providers.mjs) -------------
    ...makeProviderGenerators({ pick, int }),
  };
}

/** The private-key kinds, whose values span several lines. */
export const MULTILINE_KINDS = new Set(['rsa-key', 'pkcs8-key', 'ec-key', 'openssh-key', 'public-key-pem', 'certificate']);
