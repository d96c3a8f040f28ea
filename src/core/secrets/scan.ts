import { shannonEntropy } from './entropy';
import { hasKeyStructure, isPlausibleKeyBody } from './key-structure';
import { KeywordIndex } from './keyword-index';
import { isDefaultPassword } from './fakes';
import { isPlaceholder, isRepetitive } from './placeholders';
import { isPublicValue } from './public-values';
import { TOKEN_BOUNDARY_AFTER, TOKEN_BOUNDARY_BEFORE, type DetectorKind, type ProviderDetector } from './provider-types';
import { PROVIDERS } from './providers';
import { maxMatchLength } from './regex-length';

/** A credential found in text: where it is and which detector found it. Offsets are into the scanned text. */
export interface SecretMatch {
  detectorId: string;
  detectorName: string;
  value: string;
  start: number;
  end: number;
  publicPrefix?: string;
  /** The rule family of a catalog detector that is not a provider token (see DetectorKind); absent: provider. */
  reportAs?: Exclude<DetectorKind, 'provider'>;
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
  /**
   * The longest text the pattern can match, when the detector's keywords lie inside its matches: the regex then runs
   * only on windows around the keyword occurrences. Undefined: it runs on the whole text.
   */
  window?: number;
}

/** Characters read beyond a window on each side, for the boundary lookarounds of the patterns. */
const WINDOW_MARGIN = 16;
/** Patterns that can match more than this run on the whole text (as do unbounded ones). */
const MAX_WINDOW = 20_000;

/**
 * The secret's offsets in a match: the first group named `secret…` that took part (a pattern may offer
 * alternatives, `(?<secret>…)|(?<secretUser>…)`, since a group name can occur only once).
 */
function secretGroup(match: RegExpExecArray): [number, number] | undefined {
  const groups = match.indices?.groups;
  if (!groups) return undefined;
  for (const name in groups) if (name.startsWith('secret') && groups[name]) return groups[name];
  return undefined;
}

export function compileDetector(detector: ProviderDetector): RegExp {
  const source = detector.bounded ? detector.pattern : `${TOKEN_BOUNDARY_BEFORE}(?:${detector.pattern})${TOKEN_BOUNDARY_AFTER}`;
  const grouped = detector.pattern.includes('(?<secret');
  return new RegExp(source, `g${detector.ignoreCase ? 'i' : ''}${grouped ? 'd' : ''}`);
}

function compile(detector: ProviderDetector): CompiledDetector {
  const regex = compileDetector(detector);
  const longest = maxMatchLength(regex.source);
  const window = !detector.contextKeywords && longest <= MAX_WINDOW ? longest : undefined;
  return { detector, regex, grouped: regex.hasIndices, ...(window !== undefined && { window }) };
}

/**
 * A keyword must occur in its exact case when the detector matches case-sensitively and the keyword is written
 * literally in its pattern (`ghp_`, `T3BlbkFJ`): `GHP_` then lets no detector run. Name keywords of patterns written
 * in any case (`[Mm][Ii][Ss]…`) and of case-insensitive patterns match in any case.
 */
function keywordIsExact(detector: ProviderDetector, keyword: string): boolean {
  return !detector.ignoreCase && detector.pattern.replace(/\\/g, '').includes(keyword);
}

interface KeywordUse {
  detector: number;
  /** The keyword as written, when it must match in its exact case. */
  exact?: string;
}

/**
 * The compiled catalog: detectors plus one keyword automaton. One pass over the text finds every keyword
 * occurrence; a detector runs only when one of its keywords occurs, and then only on windows around the
 * occurrences (its longest possible match on each side), so that the cost of a scan follows the keyword hits, not
 * the number of detectors times the size of the text.
 */
export class ProviderScanner {
  /** Compiled on first use: a process that scans a few files meets only a few of the detectors' keywords. */
  private readonly compiled: (CompiledDetector | undefined)[];
  private readonly keywords: KeywordIndex;
  /** Keyword id → the detectors that keyword lets run. */
  private readonly usesOfKeyword: KeywordUse[][] = [];
  private readonly keywordLength: number[] = [];

  constructor(
    private readonly detectors: readonly ProviderDetector[] = PROVIDERS,
    private readonly extraPlaceholders: readonly RegExp[] = [],
  ) {
    this.compiled = new Array<CompiledDetector | undefined>(detectors.length);
    const ids = new Map<string, number>();
    detectors.forEach((detector, index) => {
      for (const keyword of detector.keywords) {
        const key = keyword.toLowerCase();
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
          this.usesOfKeyword.push([]);
          this.keywordLength.push(key.length);
        }
        this.usesOfKeyword[id]!.push({ detector: index, ...(keywordIsExact(detector, keyword) && { exact: keyword }) });
      }
    });
    this.keywords = new KeywordIndex([...ids.keys()]);
  }

  private compiledAt(index: number): CompiledDetector {
    return (this.compiled[index] ??= compile(this.detectors[index]!));
  }

  /**
   * Where each detector must run: the whole text, or the merged windows around its keyword occurrences. Detectors
   * none of whose keywords occur are absent.
   */
  private plan(text: string): Map<number, 'all' | [number, number][]> {
    const plan = new Map<number, 'all' | [number, number][]>();
    this.keywords.scanEvery(text, (id, end) => {
      const start = end - this.keywordLength[id]!;
      for (const use of this.usesOfKeyword[id]!) {
        if (use.exact !== undefined && !text.startsWith(use.exact, start)) continue;
        const planned = plan.get(use.detector);
        if (planned === 'all') continue;
        const window = this.compiledAt(use.detector).window;
        if (window === undefined) {
          plan.set(use.detector, 'all');
          continue;
        }
        const reach = Math.max(0, window - (end - start)) + WINDOW_MARGIN;
        const from = Math.max(0, start - reach);
        const to = Math.min(text.length, end + reach);
        const windows = planned ?? [];
        const last = windows[windows.length - 1];
        if (last && from <= last[1]) last[1] = Math.max(last[1], to);
        else windows.push([from, to]);
        if (!planned) plan.set(use.detector, windows);
      }
    });
    return plan;
  }

  scan(text: string): SecretMatch[] {
    const matches: SecretMatch[] = [];
    // Catalog order, so that findings come out in a stable order whatever the keyword order in the text.
    for (const [index, where] of [...this.plan(text)].sort((a, b) => a[0] - b[0])) {
      const compiled = this.compiledAt(index);
      if (where === 'all') this.run(compiled, text, text, 0, 0, text.length, matches);
      else for (const [from, to] of where) this.run(compiled, text, text.slice(from, to), from, from === 0 ? 0 : from + WINDOW_MARGIN, to === text.length ? to : to - WINDOW_MARGIN, matches);
    }
    return matches;
  }

  /**
   * Run one detector on `part`, which starts at `offset` in `text`; keep matches that lie within [keepFrom,
   * keepTo) of the text (inside a window's margins, where the lookarounds saw the real neighbours).
   */
  private run({ detector, regex, grouped }: CompiledDetector, text: string, part: string, offset: number, keepFrom: number, keepTo: number, matches: SecretMatch[]): void {
    regex.lastIndex = 0;
    for (let match = regex.exec(part); match; match = regex.exec(part)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      if (offset + match.index < keepFrom || offset + match.index + match[0].length > keepTo) continue;
      const group = grouped ? secretGroup(match) : undefined;
      const secret = group ? part.slice(group[0], group[1]) : match[0];
      const start = offset + (group ? group[0] : match.index);
      if (insideBase64Blob(text, start, start + secret.length)) continue;
      if (this.accepts(detector, secret, match.groups ?? {})) {
        matches.push({
          detectorId: detector.id,
          detectorName: detector.name,
          value: secret,
          start,
          end: start + secret.length,
          publicPrefix: publicPrefixOf(secret, detector.publicPrefix),
          ...(detector.kind && detector.kind !== 'provider' ? { reportAs: detector.kind } : {}),
        });
      }
    }
  }

  private accepts(detector: ProviderDetector, secret: string, groups: Readonly<Record<string, string | undefined>>): boolean {
    if (isPlaceholder(secret, this.extraPlaceholders)) return false;
    if (detector.validate && !detector.validate(secret, groups)) return false;
    if (detector.minEntropy !== undefined) {
      const prefix = publicPrefixOf(secret, detector.publicPrefix).length;
      if (shannonEntropy(secret.slice(prefix)) < detector.minEntropy) return false;
    }
    return true;
  }
}

/** Characters of standard base64, which a token's prefix can turn up inside by chance. */
const isBase64Character = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
/** How many base64 characters on each side make a match part of a blob (an image, a binary attachment). */
const BLOB_MARGIN = 40;

/**
 * A match with at least BLOB_MARGIN base64 characters right before and right after it lies inside encoded data (a
 * notebook's `image/png` output, an embedded font): `BSA…` or `AKIA…` turn up in megabytes of base64 by chance.
 * A real token sits between delimiters (quotes, spaces, `=`, `:`) on at least one side.
 */
function insideBase64Blob(text: string, start: number, end: number): boolean {
  for (let i = 1; i <= BLOB_MARGIN; i++) if (start - i < 0 || !isBase64Character(text.charCodeAt(start - i))) return false;
  for (let i = 0; i < BLOB_MARGIN; i++) if (end + i >= text.length || !isBase64Character(text.charCodeAt(end + i))) return false;
  return true;
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
    if (/\.\.\.|\u2026|<[^<>]*>/.test(body)) continue;
    const base64 = body
      .replace(STRING_CONCATENATION, '')
      .split(BODY_LINE_BREAK)
      .filter((line) => !line.includes(':'))
      .join('')
      .replace(NOT_BASE64, '');
    if (base64.length < 64 || shannonEntropy(base64) < 4.5) continue;
    const encryptedHeaders = body.includes('ENCRYPTED');
    // The words and masks people type into values (`fake`, `todo`, `xxxx`) are also what random base64 spells now
    // and then: one real 2048-bit key in 400, one 4096-bit key in 180. A body whose structure is read below is judged by it (and by
    // the known public keys); only a body with none to read (legacy-encrypted ciphertext, SSH2) also by those words.
    if (hasKeyStructure(begin[1]!, encryptedHeaders) ? isPublicValue(base64) || isRepetitive(base64) : isPlaceholder(base64)) continue;
    if (!isPlausibleKeyBody(begin[1]!, base64, encryptedHeaders)) continue;
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
const CONNECTION_STRING = /(?<![A-Za-z0-9+.-])(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|cockroachdb|clickhouse|neo4j(?:\+s)?|bolt|nats|kafka|ldaps?|ftps?|sftp|smtps?|jdbc:[a-z]{1,20}):\/\/([^:/?#@\s'"`]{0,128}):([^/?#\s'"`]{1,256})@([^\s'"`/?#@]{1,256})/iy;
/** The longest scheme above (`jdbc:` and 20 letters). */
const MAX_SCHEME_LENGTH = 25;
const MIN_PASSWORD_LENGTH = 4;

export function scanConnectionStrings(text: string, extraPlaceholders: readonly RegExp[] = []): SecretMatch[] {
  const matches: SecretMatch[] = [];
  // Every match holds exactly one `://`, right after its scheme: the pattern is tried only at the few places where a
  // scheme could end there, leftmost first, as a search over the whole text would find it (which costs a failed
  // attempt at every character of every file).
  let searchedTo = 0;
  for (let separator = text.indexOf('://'); separator >= 0; separator = text.indexOf('://', Math.max(separator + 3, searchedTo))) {
    let match: RegExpExecArray | null = null;
    for (let from = Math.max(searchedTo, separator - MAX_SCHEME_LENGTH); from < separator && !match; from++) {
      CONNECTION_STRING.lastIndex = from;
      match = CONNECTION_STRING.exec(text);
    }
    if (!match) continue;
    searchedTo = match.index + match[0].length;
    const [, scheme, user, password] = match as unknown as [string, string, string, string];
    if (password.length < MIN_PASSWORD_LENGTH || password === user || isDefaultPassword(password)) continue;
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
