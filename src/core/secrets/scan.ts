import { shannonEntropy } from './entropy';
import { isPlausibleKeyBody } from './key-structure';
import { isPlaceholder } from './placeholders';
import { TOKEN_BOUNDARY_AFTER, TOKEN_BOUNDARY_BEFORE, type ProviderDetector } from './provider-types';
import { PROVIDERS } from './providers';

/** A credential found in text: where it is and which detector found it. Offsets are into the scanned text. */
export interface SecretMatch {
  detectorId: string;
  detectorName: string;
  value: string;
  start: number;
  end: number;
  publicPrefix?: string;
}

/** The longest declared public prefix the secret starts with ('' when none). */
export function publicPrefixOf(secret: string, declared: string | string[] | undefined): string {
  const prefixes = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
  let best = '';
  for (const prefix of prefixes) if (prefix.length > best.length && secret.startsWith(prefix)) best = prefix;
  return best;
}

interface CompiledDetector {
  detector: ProviderDetector;
  regex: RegExp;
  /** The pattern has a `secret` group: the regex carries the `d` flag so that the group's offsets are exact. */
  grouped: boolean;
}

export function compileDetector(detector: ProviderDetector): RegExp {
  const source = detector.bounded ? detector.pattern : `${TOKEN_BOUNDARY_BEFORE}(?:${detector.pattern})${TOKEN_BOUNDARY_AFTER}`;
  const grouped = detector.pattern.includes('(?<secret>');
  return new RegExp(source, `g${detector.ignoreCase ? 'i' : ''}${grouped ? 'd' : ''}`);
}

function compile(detector: ProviderDetector): CompiledDetector {
  const regex = compileDetector(detector);
  return { detector, regex, grouped: regex.hasIndices };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The compiled catalog: detectors plus one combined keyword regex that decides which of them to run. */
export class ProviderScanner {
  private readonly compiled: CompiledDetector[];
  private readonly keywordRegex: RegExp;
  private readonly detectorsByKeyword = new Map<string, number[]>();

  constructor(detectors: readonly ProviderDetector[] = PROVIDERS, private readonly extraPlaceholders: readonly RegExp[] = []) {
    this.compiled = detectors.map(compile);
    const own = new Map<string, number[]>();
    detectors.forEach((detector, index) => {
      for (const keyword of detector.keywords) {
        const key = keyword.toLowerCase();
        own.set(key, [...(own.get(key) ?? []), index]);
      }
    });
    // The keyword regex reports the longest keyword at each position, so a keyword also stands for every shorter
    // keyword it starts with (`sk_live_` for `sk_`).
    for (const key of own.keys()) {
      const indexes = new Set<number>();
      for (const [other, list] of own) if (key.startsWith(other)) for (const index of list) indexes.add(index);
      this.detectorsByKeyword.set(key, [...indexes]);
    }
    const alternatives = [...own.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
    this.keywordRegex = new RegExp(alternatives.join('|'), 'gi');
  }

  /**
   * Which detectors have a keyword in the text. One linear pass: after each keyword the search resumes at the next
   * character, so overlapping keywords (`dapi` and `api_org_` in `%3Dapi_org_…`) are all seen.
   */
  private candidates(text: string): Set<number> {
    const found = new Set<number>();
    const seenKeywords = new Set<string>();
    const regex = this.keywordRegex;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      regex.lastIndex = match.index + 1;
      const key = match[0].toLowerCase();
      if (seenKeywords.has(key)) continue;
      seenKeywords.add(key);
      for (const index of this.detectorsByKeyword.get(key) ?? []) found.add(index);
      if (found.size === this.compiled.length) break;
    }
    return found;
  }

  scan(text: string): SecretMatch[] {
    const matches: SecretMatch[] = [];
    for (const index of this.candidates(text)) {
      const { detector, regex, grouped } = this.compiled[index]!;
      regex.lastIndex = 0;
      for (let match = regex.exec(text); match; match = regex.exec(text)) {
        if (match[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const group = grouped ? match.indices?.groups?.secret : undefined;
        const secret = group ? text.slice(group[0], group[1]) : match[0];
        const start = group ? group[0] : match.index;
        if (this.accepts(detector, secret)) {
          matches.push({
            detectorId: detector.id,
            detectorName: detector.name,
            value: secret,
            start,
            end: start + secret.length,
            publicPrefix: publicPrefixOf(secret, detector.publicPrefix),
          });
        }
      }
    }
    return matches;
  }

  private accepts(detector: ProviderDetector, secret: string): boolean {
    if (isPlaceholder(secret, this.extraPlaceholders)) return false;
    if (detector.validate && !detector.validate(secret)) return false;
    if (detector.minEntropy !== undefined) {
      const prefix = publicPrefixOf(secret, detector.publicPrefix).length;
      if (shannonEntropy(secret.slice(prefix)) < detector.minEntropy) return false;
    }
    return true;
  }
}

const PRIVATE_KEY_BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----/g;
const MAX_PRIVATE_KEY_LENGTH = 16_384;
/** Line breaks in the body: real ones, and `\n` / `\r\n` escapes when the key sits in a JS or JSON string. */
const BODY_LINE_BREAK = /\\r\\n|\\n|\\r|\r\n|\n|\r/;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/g;
/** `"…\n" +\n  "…"`: a key written as a JS/Java string concatenation; the `+` is not part of the base64. */
const STRING_CONCATENATION = /["'`][ \t]{0,20}\+[ \t]{0,20}(?:\r?\n[ \t]{0,80})?["'`]/g;

/**
 * PEM / OpenSSH / PGP private key blocks. Procedural and linear on any input: the BEGIN lines are collected in one
 * pass, the END line is found with indexOf (remembered per block kind), and a BEGIN whose block contains another
 * BEGIN is skipped, so the bodies examined never overlap. Armor headers (`Proc-Type:`, `DEK-Info:`, `Version:` …)
 * are not key material; a block whose body is a placeholder (`...`, `<key>`, `xxxx`), too short or too uniform,
 * or does not decode to a key of its kind (./key-structure) is not reported.
 */
export function scanPrivateKeys(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  if (!text.includes('PRIVATE KEY')) return matches;
  const begins: RegExpExecArray[] = [];
  PRIVATE_KEY_BEGIN.lastIndex = 0;
  for (let begin = PRIVATE_KEY_BEGIN.exec(text); begin; begin = PRIVATE_KEY_BEGIN.exec(text)) begins.push(begin);
  /** Per END marker: the offset of its next occurrence at or after the last search start (-1: none left). */
  const nextEnd = new Map<string, number>();
  let reportedUpTo = 0;
  for (let i = 0; i < begins.length; i++) {
    const begin = begins[i]!;
    if (begin.index < reportedUpTo) continue;
    const endMarker = `-----END ${begin[1]}-----`;
    const bodyStart = begin.index + begin[0].length;
    let endIndex = nextEnd.get(endMarker);
    if (endIndex === undefined || (endIndex >= 0 && endIndex < bodyStart)) {
      endIndex = text.indexOf(endMarker, bodyStart);
      nextEnd.set(endMarker, endIndex);
    }
    if (endIndex < 0 || endIndex - bodyStart > MAX_PRIVATE_KEY_LENGTH) continue;
    if (i + 1 < begins.length && begins[i + 1]!.index < endIndex) continue;
    const body = text.slice(bodyStart, endIndex);
    if (/\.\.\.|…|<[^<>]*>/.test(body)) continue;
    const base64 = body
      .replace(STRING_CONCATENATION, '')
      .split(BODY_LINE_BREAK)
      .filter((line) => !line.includes(':'))
      .join('')
      .replace(NOT_BASE64, '');
    if (base64.length < 64 || isPlaceholder(base64) || shannonEntropy(base64) < 4.5) continue;
    if (!isPlausibleKeyBody(begin[1]!, base64, body.includes('ENCRYPTED'))) continue;
    const end = endIndex + endMarker.length;
    const kind = begin[1]!.replace(/PRIVATE KEY.*/, '').trim();
    matches.push({
      detectorId: 'private-key',
      detectorName: kind ? `${kind} private key` : 'private key',
      value: text.slice(begin.index, end),
      start: begin.index,
      end,
      publicPrefix: '',
    });
    reportedUpTo = end;
  }
  return matches;
}

/**
 * `scheme://user:password@host` for databases and brokers. The secret is the password. The user may be empty
 * (`redis://:password@host`); the password runs to the last `@` before the host, so an unencoded `@` inside it
 * is kept. Bounded quantifiers over classes that exclude the following delimiter keep it linear.
 */
const CONNECTION_STRING = /(?<![A-Za-z0-9+.-])(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|cockroachdb|clickhouse|neo4j(?:\+s)?|bolt|nats|kafka|ldaps?|ftps?|sftp|smtps?|jdbc:[a-z]{1,20}):\/\/([^:/?#@\s'"`]{0,128}):([^/?#\s'"`]{1,256})@([^\s'"`/?#@]{1,256})/gi;
const DEFAULT_PASSWORDS = new Set([
  'password', 'pass', 'passwd', 'secret', 'postgres', 'root', 'admin', 'mysql', 'guest', 'test', 'example',
  'changeme', 'user', 'username', 'pwd', 'redis', 'mongo', 'mongodb', 'rabbitmq', 'default', 'demo', 'dev',
  'local', 'localhost', 'docker', 'sa', 'neo4j', 'clickhouse', 'pw', 'admin123', 'password123', 'secret123',
  'postgrespassword', 'mysecretpassword', 'letmein', 'qwerty', '123456', '12345678', 'toor',
]);
const MIN_PASSWORD_LENGTH = 4;

export function scanConnectionStrings(text: string, extraPlaceholders: readonly RegExp[] = []): SecretMatch[] {
  const matches: SecretMatch[] = [];
  if (!text.includes('://')) return matches;
  CONNECTION_STRING.lastIndex = 0;
  for (let match = CONNECTION_STRING.exec(text); match; match = CONNECTION_STRING.exec(text)) {
    const [, scheme, user, password] = match as unknown as [string, string, string, string];
    if (password.length < MIN_PASSWORD_LENGTH || password === user || DEFAULT_PASSWORDS.has(password.toLowerCase())) continue;
    if (isPlaceholder(password, extraPlaceholders) || /^[:$%{<[*]/.test(password)) continue;
    const start = match.index + scheme.length + 3 + user.length + 1;
    matches.push({
      detectorId: 'connection-string',
      detectorName: `${scheme.replace(/^jdbc:/i, '')} connection string password`,
      value: password,
      start,
      end: start + password.length,
      publicPrefix: '',
    });
  }
  return matches;
}
