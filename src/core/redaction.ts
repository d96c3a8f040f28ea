/**
 * The one redaction step every text the tool writes passes through (report formats, diagnostics, logs, config
 * warnings, inventory, baseline hints). It knows every secret the run found and masks any piece of one (12
 * characters or more, wherever a message, a hint cut at 80 characters or a parser error quotes it), and it masks any
 * other random-looking token it quotes (a key the secret rules did not recognise, pasted into a manifest field or a
 * config setting). Names, paths, rule ids, dates and prose pass unchanged.
 */
import { shannonEntropy } from './secrets/entropy';
import { redact } from './secrets/redact';
import type { FileNote, Finding } from './types';

/** A secret the analysis found: its raw value (kept in memory only, never written) and the form that may be shown. */
export interface FoundSecret {
  value: string;
  redacted: string;
}

/** Pieces of a known secret this long are masked; shorter secrets are masked when they appear whole. */
const WINDOW = 12;
const MIN_SECRET = 8;
/** Candidate tokens: runs of the characters keys are made of (a dot, `:` or `@` ends a token, so paths and URLs split). */
const TOKEN = /[A-Za-z0-9_+/=-]{16,}/g;

interface Interval {
  start: number;
  end: number;
  replacement: string;
}

export class Redactor {
  /** WINDOW-character pieces of known secrets that reach beyond their public prefix. */
  private readonly pieces = new Set<string>();
  /** The first such piece of each known secret → the secret and where the piece starts in it. */
  private readonly firstPieces = new Map<string, { secret: FoundSecret; offset: number }[]>();
  /** Known secrets shorter than WINDOW, by their first MIN_SECRET characters. */
  private readonly short = new Map<string, FoundSecret[]>();
  private readonly known = new Set<string>();

  constructor(secrets: Iterable<FoundSecret> = []) {
    this.addAll(secrets);
  }

  /** How many distinct secrets it knows. */
  get size(): number {
    return this.known.size;
  }

  add(secret: FoundSecret): void {
    const { value } = secret;
    if (value.length < MIN_SECRET || this.known.has(value)) return;
    this.known.add(value);
    if (value.length < WINDOW) {
      const key = value.slice(0, MIN_SECRET);
      const list = this.short.get(key);
      if (list) list.push(secret);
      else this.short.set(key, [secret]);
      return;
    }
    // The public prefix (`sk-proj-`) is shown by the redacted form itself: pieces that lie inside it are not secret.
    const prefix = secret.redacted.split('…')[0] ?? '';
    const publicLength = value.startsWith(prefix) ? prefix.length : 0;
    const first = Math.min(Math.max(0, publicLength - WINDOW + 1), value.length - WINDOW);
    for (let offset = first; offset + WINDOW <= value.length; offset++) this.pieces.add(value.slice(offset, offset + WINDOW));
    const firstPiece = value.slice(first, first + WINDOW);
    const list = this.firstPieces.get(firstPiece);
    if (list) list.push({ secret, offset: first });
    else this.firstPieces.set(firstPiece, [{ secret, offset: first }]);
  }

  addAll(secrets: Iterable<FoundSecret>): this {
    for (const secret of secrets) this.add(secret);
    return this;
  }

  /** `text` with every known secret replaced by its redacted form, pieces of one by `…`, and random tokens masked. */
  text(text: string): string {
    return maskRandomTokens(this.known.size ? this.maskKnown(text) : text);
  }

  /** A copy of a finding whose texts (message, related messages, suppression justification) are redacted. */
  finding(finding: Finding): Finding {
    return {
      ...finding,
      message: this.text(finding.message),
      ...(finding.related && { related: finding.related.map((related) => ({ ...related, message: this.text(related.message) })) }),
      ...(finding.suppression && { suppression: { ...finding.suppression, justification: this.text(finding.suppression.justification) } }),
    };
  }

  note(note: FileNote): FileNote {
    return { ...note, reason: this.text(note.reason) };
  }

  /**
   * Every string in a plain data structure (an inventory, a command result), redacted; keys named in `keep` (file
   * paths, timestamps) are copied as they are.
   */
  deep<T>(value: T, keep: ReadonlySet<string> = new Set()): T {
    const visit = (item: unknown): unknown => {
      if (typeof item === 'string') return this.text(item);
      if (Array.isArray(item)) return item.map(visit);
      if (item && typeof item === 'object') {
        return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, keep.has(key) ? entry : visit(entry)]));
      }
      return item;
    };
    return visit(value) as T;
  }

  /**
   * Whole occurrences of known secrets become their redacted form; runs of pieces of one that are not there whole
   * (a message cut at 80 characters, a value joined to other text) become `…`.
   */
  private maskKnown(text: string): string {
    const wholes: Interval[] = [];
    const runs: Interval[] = [];
    for (let i = 0; i + MIN_SECRET <= text.length; i++) {
      for (const secret of this.short.get(text.slice(i, i + MIN_SECRET)) ?? []) {
        if (text.startsWith(secret.value, i)) wholes.push({ start: i, end: i + secret.value.length, replacement: secret.redacted });
      }
      if (i + WINDOW > text.length) continue;
      const piece = text.slice(i, i + WINDOW);
      if (!this.pieces.has(piece)) continue;
      const run = runs[runs.length - 1];
      if (run && run.end >= i) run.end = i + WINDOW;
      else runs.push({ start: i, end: i + WINDOW, replacement: '…' });
      for (const { secret, offset } of this.firstPieces.get(piece) ?? []) {
        const start = i - offset;
        if (start >= 0 && text.startsWith(secret.value, start)) wholes.push({ start, end: start + secret.value.length, replacement: secret.redacted });
      }
    }
    if (!wholes.length && !runs.length) return text;
    // Longest whole occurrences first, then the parts of piece runs that no whole occurrence covers.
    const chosen: Interval[] = [];
    const overlaps = (interval: Interval) => chosen.some((other) => interval.start < other.end && other.start < interval.end);
    for (const whole of wholes.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) if (!overlaps(whole)) chosen.push(whole);
    const covered = [...chosen].sort((a, b) => a.start - b.start);
    for (const run of runs) {
      let start = run.start;
      for (const whole of covered) {
        if (whole.end <= start || whole.start >= run.end) continue;
        if (whole.start > start) chosen.push({ start, end: whole.start, replacement: '…' });
        start = Math.max(start, whole.end);
      }
      if (start < run.end) chosen.push({ start, end: run.end, replacement: '…' });
    }
    let result = '';
    let copied = 0;
    for (const interval of chosen.sort((a, b) => a.start - b.start)) {
      result += text.slice(copied, interval.start) + interval.replacement;
      copied = interval.end;
    }
    return result + text.slice(copied);
  }
}

/** Mask every random-looking token in `text` (keys the secret rules did not recognise). */
export function maskRandomTokens(text: string): string {
  if (text.length < 16) return text;
  return text.replace(TOKEN, (token) => (looksRandom(token) ? redact(token) : token));
}

/**
 * Does a token look like random key material rather than a word, a name, a path, a version or a number? Keys switch
 * between lower case, upper case and digits all along (`Qm7vT2xK9p`); names and versions switch a few times
 * (`maxCredentialTtl`, `claude-3-5-sonnet-20241022`). Separators (`-`, `_`, `/`) are skipped when counting.
 */
export function looksRandom(token: string): boolean {
  if (token.length < 16) return false;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let alphanumeric = 0;
  let changes = 0;
  let previous = -1;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    const kind = code >= 97 && code <= 122 ? 0 : code >= 65 && code <= 90 ? 1 : code >= 48 && code <= 57 ? 2 : -1;
    if (kind < 0) continue;
    alphanumeric++;
    if (kind === 0) lower++;
    else if (kind === 1) upper++;
    else digit++;
    if (previous >= 0 && kind !== previous) changes++;
    previous = kind;
  }
  if (alphanumeric < 16 || (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) < 2) return false;
  // A SHA-256 fingerprint or a git object id is an identifier the reports print on purpose.
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(token)) return false;
  // Without digits, CamelCase names (`RiskAnalystAgent`) switch case about once every three letters; random letters
  // about every other one.
  return changes / (alphanumeric - 1) >= (digit ? 0.3 : 0.45) && shannonEntropy(token) >= 3;
}
