/**
 * Values that are made up on sight: stand-in passwords (`changeme`, `somepass`, `TenantPassw0rd!`), a marker word
 * written into them (`…FAKE…`, `sk-test-dummy-…`, `AKIA…EXAMPLE`), sequences typed by hand (`1234567890abcdef`,
 * `a1b2c3d4…`, `abcd1234…`, `qwerty…`), instructions in place of a value (`REPLACE_WITH_PASSWORD`), and ciphertext
 * that only a key elsewhere opens (SOPS, Ansible Vault, Vault transit, KMS, Jasypt, Spring Cloud Config; Sealed
 * Secrets are recognised by their YAML kind).
 */

/** Passwords that tutorials, compose files and docs use as stand-ins: a finding on them helps nobody. */
const DEFAULT_PASSWORDS = new Set([
  'password', 'pass', 'passwd', 'secret', 'postgres', 'root', 'admin', 'mysql', 'guest', 'test', 'example',
  'changeme', 'user', 'username', 'pwd', 'redis', 'mongo', 'mongodb', 'rabbitmq', 'default', 'demo', 'dev',
  'local', 'localhost', 'docker', 'sa', 'neo4j', 'clickhouse', 'pw', 'admin123', 'password123', 'secret123',
  'postgrespassword', 'mysecretpassword', 'letmein', 'qwerty', '123456', '12345678', 'toor', 'token', 'apikey',
  'api_key', 'mypassword', 'yourpassword', 'p@ssw0rd', 'passw0rd', 'hunter2',
]);

/**
 * Stand-ins made of a filler word, maybe the service's name, and "pass": `somepass`, `mypassword`, `dbpass`,
 * `test_pwd1` (gpt-researcher's docs), `myredissecret` (langfuse's test environment).
 */
const STAND_IN_PASSWORD =
  /^(?:some|my|your|our|the|db|user|test|dummy|fake|sample|example|default|demo|dev|local)[-_]?(?:(?:redis|postgres|pg|mysql|mongo|mongodb|rabbit|rabbitmq|db|database|app|admin|root|api|minio|kafka|elastic|neo4j|clickhouse)[-_]?)?(?:pass|passwd|password|pwd|secret)[0-9]{0,3}$/i;

/**
 * "Password" itself, spelled plainly or in leet, after at most one word and before a counter and a symbol or two:
 * `TenantPassw0rd!` (camel's OceanBase tutorial, `docker run -e OB_TENANT_PASSWORD=…`), `AdminP@ssw0rd1`,
 * `DemoPassword123!`. Made to pass a password policy in an example, not chosen to keep anyone out.
 */
const SPELLED_PASSWORD = /^[A-Za-z]{0,16}(?:pass(?:w0rd|word)|p@ss(?:w0rd|word)|pa55w(?:0rd|ord)|pa\$\$w(?:0rd|ord))[0-9]{0,4}[!@#$%^&*.?]{0,2}$/i;

export function isDefaultPassword(value: string): boolean {
  return DEFAULT_PASSWORDS.has(value.toLowerCase()) || STAND_IN_PASSWORD.test(value) || SPELLED_PASSWORD.test(value);
}

/** Words that say "this is not a real credential" when they stand as a word of their own in a value. */
const MARKERS = new Set([
  'fake', 'dummy', 'example', 'examples', 'invalid', 'test', 'testing', 'sample', 'mock', 'mocked', 'bogus',
  'placeholder', 'redacted', 'notreal', 'fixture', 'nonexistent', 'wrong', 'expired', 'revoked',
]);
/** Short markers recognised inside a case-consistent run of letters (`AKIAFAKEKEY…`, `mydummykey`). */
const EMBEDDED_MARKERS = /dummy|fake/;
/**
 * Markers of seven letters or more, recognised inside any run of letters and in values of any length, key material
 * included: chance does not write them (`…bPxRfiCYEXAMPLEKEY`, `…wEXAMPLEtc764…`).
 */
const LONG_EMBEDDED_MARKERS = /example|invalid|placeholder|redacted|notreal/;
/** Hex words programmers type as filler (`…95deadbeefe7774f`, aider's census example): chance writes none of them. */
const HEX_FILLERS = /deadbeef|cafebabe|feedface|baadf00d|8badf00d|defaced0/i;
/** Letter runs, split at case changes: `fakeToken` → fake, Token; `TEST-TOKEN` → TEST, TOKEN; `CYEXAMPLEKEY` whole. */
const WORD_RUNS = /[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g;
const LETTER_RUNS = /[A-Za-z]{7,}/g;
/** A mode word after a provider prefix (`sk_test_…`, `FLWSECK_TEST-…`) says which environment, not "fake". */
const MODE_PREFIX = /^[A-Za-z]{2,12}[_-]test[_-]/i;

/**
 * Longer values are key material (a PEM body, a long JWT), where a four-letter marker word or a short sequence
 * can occur by chance; there only the long embedded markers count.
 */
const MAX_WORD_CHECK_LENGTH = 200;

function hasMarkerWord(value: string): boolean {
  if (!/[A-Za-z]{4}/.test(value)) return false;
  const wholeWords = value.length <= MAX_WORD_CHECK_LENGTH;
  const modeWord = MODE_PREFIX.test(value);
  if (wholeWords) {
    // Case-consistent runs (`fakeToken` → fake, Token): a marker as a word, or a short one inside (`AKIAFAKEKEY`).
    for (const [run] of value.matchAll(WORD_RUNS)) {
      const word = run.toLowerCase();
      if ((MARKERS.has(word) && !(modeWord && word === 'test')) || (run.length > 4 && EMBEDDED_MARKERS.test(word))) return true;
    }
  }
  // Long markers in any run of letters, whatever the case around them (`…wEXAMPLEtc764…`).
  for (const [run] of value.matchAll(LETTER_RUNS)) if (LONG_EMBEDDED_MARKERS.test(run.toLowerCase())) return true;
  return false;
}

/** `not a real key`, `not-my-real-password`. */
const NOT_REAL = /(?:^|[^a-z])not[-_ ](?:a[-_ ]|my[-_ ]|the[-_ ])?real(?:[^a-z]|$)/i;
const BASE64 = /^[A-Za-z0-9+/]{16,684}={0,2}$/;

/**
 * Base64 of printable text that says it is made up (`bm90IG15IHJlYWwgcGFzc3dvcmQ=`: "not my real password"), or of
 * `user:password` with a stand-in password: a Basic credential or an ECR authorization token written for a test
 * (`QVdTOmVjcnBhc3N3b3Jk` is `AWS:ecrpassword`, awslabs/mcp's ECS tests).
 */
function encodesMadeUpText(value: string): boolean {
  if (!BASE64.test(value) || value.length % 4 !== 0) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(decoded)) return false;
  const colon = decoded.indexOf(':');
  return NOT_REAL.test(decoded) || hasMarkerWord(decoded) || INSTRUCTION.test(decoded) || (colon >= 0 && isDefaultPassword(decoded.slice(colon + 1)));
}

/** Instructions written where the value goes: `REPLACE_WITH_PASSWORD`, `enter-your-key`, `put_token_here`. */
const INSTRUCTION = /(?:^|[^a-z])(?:replace[-_ ]?(?:with|this|me)|(?:enter|insert|put|paste|add|set)[-_ ]?(?:your|the|a|an|real)[-_ ]|[-_ ]here(?:[^a-z]|$)|must[-_ ]be[-_ ]set|to[-_ ]be[-_ ](?:replaced|set|filled))/i;

/** Keyboard rows and alphabets that hand-typed fakes walk along. */
const WALKS = ['abcdefghijklmnopqrstuvwxyz', '0123456789', '1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEXT = new Map<string, string>();
for (const walk of WALKS) for (let i = 0; i + 1 < walk.length; i++) NEXT.set(walk[i]!, `${NEXT.get(walk[i]!) ?? ''}${walk[i + 1]}`);

function follows(previous: string, current: string): boolean {
  const a = previous.toLowerCase();
  const b = current.toLowerCase();
  return (NEXT.get(a)?.includes(b) ?? false) || (NEXT.get(b)?.includes(a) ?? false);
}

/**
 * Typed by hand: most characters continue a sequence from the one before (`1234567890abcdef`, `abcd1234efgh5678`,
 * `qwertyuiop`, descending too) or from the one two back (`a1b2c3d4e5f6`). A random value almost never does.
 */
export function isHandTypedSequence(value: string): boolean {
  const letters = value.replace(/[^A-Za-z0-9]/g, '');
  if (letters.length < 8) return false;
  let adjacent = 0;
  let interleaved = 0;
  for (let i = 1; i < letters.length; i++) {
    if (follows(letters[i - 1]!, letters[i]!)) adjacent++;
    if (i >= 2 && follows(letters[i - 2]!, letters[i]!)) interleaved++;
  }
  const steps = letters.length - 1;
  return adjacent >= steps * 0.6 || interleaved >= (steps - 1) * 0.75;
}

/** Ciphertext formats: the value is encrypted, and the key that opens it is not in the file. */
const ENCRYPTED = [
  /^ENC\[(?:AES256_GCM|AES\d*|PKCS7),/, // SOPS
  /^\$ANSIBLE_VAULT;\d/, // Ansible Vault
  /^vault:v\d+:/, // HashiCorp Vault transit
  /^ENC\([^)]{8,}\)$/, // Jasypt
  /^\{cipher\}/, // Spring Cloud Config
  /^AQICAH[A-Za-z0-9+/]{40,}={0,2}$/, // AWS KMS ciphertext blob (base64)
  /^-----BEGIN PGP MESSAGE-----/,
];

export function isEncryptedValue(value: string): boolean {
  return ENCRYPTED.some((pattern) => pattern.test(value));
}

/**
 * Password hashes: what a server stores to check a password (test users, htpasswd-style settings). A hash opens
 * nothing by itself; the password it was made from is not in the file. Modular crypt format (bcrypt, Argon2,
 * SHA-crypt, MD5-crypt and Apache's apr1, yescrypt, scrypt, passlib's PBKDF2) and Django's PBKDF2 and Argon2 fields,
 * each with its parameters and salt where the format has them.
 */
const PASSWORD_HASHES = [
  /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/, // bcrypt
  /^(?:argon2)?\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/.]{8,}\$[A-Za-z0-9+/.]{16,}$/, // Argon2 (also Django's)
  /^\$[156]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}$/, // MD5-, SHA-256- and SHA-512-crypt
  /^\$apr1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}$/, // Apache MD5
  /^\$y\$[./A-Za-z0-9]+\$[./A-Za-z0-9]+\$[./A-Za-z0-9]{43}$/, // yescrypt
  /^\$scrypt\$ln=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/.]+\$[A-Za-z0-9+/.]{16,}$/, // scrypt (passlib)
  /^\$pbkdf2(?:-sha(?:1|256|512))?\$\d+\$[./A-Za-z0-9+]+\$[./A-Za-z0-9+]{16,}$/, // passlib PBKDF2
  /^pbkdf2_sha(?:1|256)\$\d+\$[A-Za-z0-9]+\$[A-Za-z0-9+/]{20,}={0,2}$/, // Django PBKDF2
];

export function isPasswordHash(value: string): boolean {
  return value.length >= 20 && value.length <= 512 && PASSWORD_HASHES.some((pattern) => pattern.test(value));
}

/**
 * An Azure shared access signature whose `sig` is too short to be one (`sv=2024-11-04&sr=c&sig=abc123`): a real
 * signature is an HMAC-SHA256 in base64, 43-44 characters (URL-encoded or not). The rest of a SAS token is public
 * (permissions, dates, version), so such a value holds no secret.
 */
export function isStandInSasToken(value: string): boolean {
  if (!value.includes('sig=') || !/(?:^|[?&])sv=\d{4}-\d{2}-\d{2}(?:&|$)/.test(value)) return false;
  const signature = /(?:^|[?&])sig=([^&#\s]*)/.exec(value)?.[1];
  if (signature === undefined) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(signature);
  } catch {
    decoded = signature;
  }
  return decoded.length < 30;
}

/** Made up: a marker word, an instruction, a hand-typed sequence, or base64 of text that says so. */
export function isObviousFake(value: string): boolean {
  if (hasMarkerWord(value)) return true;
  if (value.length > MAX_WORD_CHECK_LENGTH) return false;
  return NOT_REAL.test(value) || INSTRUCTION.test(value) || HEX_FILLERS.test(value) || isHandTypedSequence(value) || holdsLongWalk(value) || encodesMadeUpText(value);
}

/** Ten characters in a row that walk a sequence: chance writes that about once in 10¹³ random values. */
const LONG_WALK = 10;

/** A hand-typed run inside a value: `sk-ant-1234567890abcdef-some-more-stuff-here` (OpenHands' logging test). */
function holdsLongWalk(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = follows(value[i - 1]!, value[i]!) ? run + 1 : 1;
    if (run >= LONG_WALK) return true;
  }
  return false;
}
