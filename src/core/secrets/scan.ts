import { shannonEntropy } from './entropy';
import { isPlaceholder } from './placeholders';
import type { ProviderDetector } from './provider-types';
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

/** Characters that can continue a token; a provider match must not be glued to them on either side. */
const TOKEN_CHAR = 'A-Za-z0-9_\\-';

interface CompiledDetector {
  detector: ProviderDetector;
  regex: RegExp;
}

function compile(detector: ProviderDetector): CompiledDetector {
  const source = detector.bounded
    ? detector.pattern
    : `(?<![${TOKEN_CHAR}])(?:${detector.pattern})(?![${TOKEN_CHAR}])`;
  return { detector, regex: new RegExp(source, detector.ignoreCase ? 'gi' : 'g') };
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
    const keywords = new Set<string>();
    detectors.forEach((detector, index) => {
      for (const keyword of detector.keywords) {
        const key = keyword.toLowerCase();
        keywords.add(key);
        const list = this.detectorsByKeyword.get(key) ?? [];
        list.push(index);
        this.detectorsByKeyword.set(key, list);
      }
    });
    // Longest first so that a longer keyword is not hidden by a shorter one starting at the same place.
    const alternatives = [...keywords].sort((a, b) => b.length - a.length).map(escapeRegex);
    this.keywordRegex = new RegExp(alternatives.join('|'), 'gi');
  }

  /** Which detectors have a keyword in the text. One linear pass over the text. */
  private candidates(text: string): Set<number> {
    const found = new Set<number>();
    const seenKeywords = new Set<string>();
    this.keywordRegex.lastIndex = 0;
    for (let match = this.keywordRegex.exec(text); match; match = this.keywordRegex.exec(text)) {
      const key = match[0].toLowerCase();
      if (seenKeywords.has(key)) continue;
      seenKeywords.add(key);
      for (const index of this.detectorsByKeyword.get(key) ?? []) found.add(index);
      if (seenKeywords.size === this.detectorsByKeyword.size) break;
    }
    return found;
  }

  scan(text: string): SecretMatch[] {
    const matches: SecretMatch[] = [];
    for (const index of this.candidates(text)) {
      const { detector, regex } = this.compiled[index]!;
      regex.lastIndex = 0;
      for (let match = regex.exec(text); match; match = regex.exec(text)) {
        if (match[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const secret = match.groups?.secret ?? match[0];
        const start = match.index + (match.groups?.secret !== undefined ? match[0].lastIndexOf(secret) : 0);
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

/**
 * PEM / OpenSSH / PGP private key blocks. Procedural (indexOf for the END line) so that it stays linear on
 * any input; a block whose body is a placeholder (`...`) is not reported.
 */
export function scanPrivateKeys(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  if (!text.includes('PRIVATE KEY')) return matches;
  PRIVATE_KEY_BEGIN.lastIndex = 0;
  for (let begin = PRIVATE_KEY_BEGIN.exec(text); begin; begin = PRIVATE_KEY_BEGIN.exec(text)) {
    const endMarker = `-----END ${begin[1]}-----`;
    const bodyStart = begin.index + begin[0].length;
    const endIndex = text.indexOf(endMarker, bodyStart);
    if (endIndex < 0 || endIndex - bodyStart > MAX_PRIVATE_KEY_LENGTH) continue;
    const body = text.slice(bodyStart, endIndex);
    const base64 = body.replace(/\\[nr]|\s|"|'|\+|,/g, '').replace(/^[A-Za-z-]+:.*$/gm, '');
    if (base64.length < 64 || isPlaceholder(base64) || shannonEntropy(base64) < 4.5) continue;
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
    PRIVATE_KEY_BEGIN.lastIndex = end;
  }
  return matches;
}

/**
 * `scheme://user:password@host` for databases and brokers. The secret is the password. Bounded quantifiers and
 * disjoint character classes keep it linear.
 */
const CONNECTION_STRING = /(?<![A-Za-z0-9+.-])(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|cockroachdb|clickhouse|neo4j(?:\+s)?|bolt|nats|kafka|ldaps?|ftps?|sftp|smtps?|jdbc:[a-z]+):\/\/([^:/?#@\s'"`]{1,128}):([^@/?#\s'"`]{1,256})@([^\s'"`/?#]{1,256})/gi;
const DEFAULT_PASSWORDS = new Set([
  'password', 'pass', 'passwd', 'secret', 'postgres', 'root', 'admin', 'mysql', 'guest', 'test', 'example',
  'changeme', 'user', 'username', 'pwd', 'redis', 'mongo', 'mongodb', 'rabbitmq', 'default', 'demo', 'dev',
  'local', 'localhost', 'docker', 'sa', 'neo4j', 'clickhouse',
]);

export function scanConnectionStrings(text: string, extraPlaceholders: readonly RegExp[] = []): SecretMatch[] {
  const matches: SecretMatch[] = [];
  if (!text.includes('://')) return matches;
  CONNECTION_STRING.lastIndex = 0;
  for (let match = CONNECTION_STRING.exec(text); match; match = CONNECTION_STRING.exec(text)) {
    const [, scheme, user, password] = match as unknown as [string, string, string, string];
    if (password === user || DEFAULT_PASSWORDS.has(password.toLowerCase())) continue;
    if (isPlaceholder(password, extraPlaceholders) || /^[:$%{<[]/.test(password)) continue;
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
