import { isEncryptedValue, isObviousFake, isPasswordHash, isStandInSasToken } from './fakes';
import { holdsUnusableJwt } from './jwt';
import { isPublicValue } from './public-values';

/**
 * Values that look like credentials but are not: placeholders, template and environment references, secret
 * manager references, public, made-up and encrypted values (./public-values, ./fakes, ./jwt) and identifiers
 * that grant nothing. A detector checks these before reporting anything.
 */

const PLACEHOLDER_PATTERNS: RegExp[] = [
  // template / interpolation references: ${VAR}, ${input:id}, ${env:X}, ${{ secrets.X }}, {{ .Values.x }}, $VAR, %VAR%
  // (a `${` / `{{` inside the reference is excluded so that each start scans only to the next one: linear)
  /\$\{(?:[^}$]|\$(?!\{))*\}/,
  /\{\{(?:[^{}]|\{(?!\{))*\}\}/,
  // A format field (Python f-strings and str.format, C#, Rust): `{password}`, `{0}`, `{self.token!r}`, an expression such
  // as `{names[match.group(0)]}` in `f'<secret>{…}</secret>'`. Without an accessor the name must read as a name
  // (letters and underscores, a few digits at the end), so a random value in braces is still judged.
  /^\{(?:[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^[\]{}]*\]|\([^(){}]*\))+|[A-Za-z_]+[0-9]{0,3}|[0-9]+)(?:![rsa])?(?::[^{}]*)?\}$/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
  // angle-bracket and bracket placeholders: <TOKEN>, <your key>, [API_KEY]
  /^<[^<>]*>$/,
  /<(?=[A-Za-z _-]*>)[A-Za-z _-]*?(?:key|token|secret|password|here|your)/i,
  /^\[[A-Za-z _-]+\]$/,
  // ellipses and masks: sk-..., sk-…, ****, xxxx
  /\.\.\.|\u2026/,
  /\*{3,}/,
  /x{4,}/i,
  /(?:^|[^A-Za-z])X{3,}/,
  // words people write in examples
  /your[-_ ]?(?:own[-_ ]?)?(?:api[-_ ]?)?(?:key|token|secret|password|pat|access)/i,
  /(?:^|[^a-z])(?:placeholder|redacted|changeme|change[-_]me|replace[-_]?me|insert[-_ ]?here|dummy|fake|sample|example|notreal|not[-_]a[-_]real|todo|fixme|lorem)(?:[^a-z]|$)/i,
  // secret manager and vault references
  /^op:\/\//,
  /^(?:vault|secret|secrets|ssm|awssm|gcpsm|azkv|doppler|infisical|bws):\/\//i,
  /^arn:aws[a-z-]*:(?:secretsmanager|ssm|kms|iam):/,
  /^projects\/[^/]+\/secrets\//,
  /^https:\/\/[a-z0-9-]+\.vault\.azure\.net\//i,
  /^(?:secret|kv)\/data\//,
  // mcp-agent cloud's secret handles (`mcpac_sc_` and a UUID), which its deployed config holds in place of the secret
  /^mcpac_sc_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  // a value encrypted by SOPS (`ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]`): ciphertext, safe to commit
  /^ENC\[[A-Z0-9_]+,data:/,
  // environment reads written as strings
  /^process\.env\./,
  /^env\(/i,
];

export function isPlaceholder(value: string, extraPatterns: readonly RegExp[] = []): boolean {
  if (isPublicValue(value) || isRepetitive(value) || isEncryptedValue(value) || isPasswordHash(value) || isStandInSasToken(value) || holdsUnusableJwt(value)) return true;
  if (isObviousFake(value)) return true;
  for (const pattern of PLACEHOLDER_PATTERNS) if (pattern.test(value)) return true;
  for (const pattern of extraPatterns) if (pattern.test(value)) return true;
  return false;
}

/**
 * Low-variety values: a character repeated (`aaaaaaaa`), a short run repeated (`abcabcabc`), or a sequence
 * (`123456789`, `abcdefgh`) in the random part.
 */
export function isRepetitive(value: string): boolean {
  const distinct = new Set(value).size;
  if (distinct <= 3) return true;
  if (value.length >= 12 && distinct / value.length < 0.2 && distinct < 8) return true;
  for (let period = 1; period <= 8 && period * 3 <= value.length; period++) {
    let repeats = true;
    for (let i = period; i < value.length; i++) {
      if (value[i] !== value[i - period]) {
        repeats = false;
        break;
      }
    }
    if (repeats) return true;
  }
  return hasLongSequence(value);
}

/** True when the value ends in (or mostly is) an ascending alphabet/digit run such as `abcdef…` or `123456…`. */
function hasLongSequence(value: string): boolean {
  let run = 1;
  let longest = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest >= 10 || (longest >= 6 && longest * 2 >= value.length);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/;
const SRI_HASH = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]+=*$/;
/**
 * Identifiers that look like tokens but grant nothing on their own (and Stripe test-mode keys, which reach no live
 * data). `Iv1.…`/`Iv23…` are GitHub App OAuth client ids, public by design; `phc_…` is a PostHog project key,
 * which only sends events and is meant to ship in web pages (its personal keys, `phx_…`, are a provider detector).
 */
const NON_SECRET_IDS = /^(?:asst_|thread_|run_|msg_|file-|org-|proj_|vs_|batch_|ft:|chatcmpl-|resp_|call_|toolu_|pk_live_|pk_test_|sk_test_|rk_test_|price_|prod_|cus_|sub_|evt_|acct_|ch_|pi_|in_|req_|phc_|Iv1\.[0-9a-f]{16}$|Iv23[A-Za-z0-9]{16}$)/;

/**
 * Values that are identifiers, integrity hashes or UUIDs rather than credentials. Bare hex digests are not in
 * this list: several providers issue hex API keys, so a hex value under a secret-like name still counts.
 */
export function isNonSecretIdentifier(value: string): boolean {
  return UUID.test(value) || SRI_HASH.test(value) || NON_SECRET_IDS.test(value);
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A bare MD5/SHA-1/SHA-256/SHA-512 hex digest (or git object id). */
export function isHexDigest(value: string): boolean {
  return HEX_HASH.test(value);
}
