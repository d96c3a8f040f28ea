import { hasValidCrc32Checksum } from './checksum';
import { characterClasses, shannonEntropy } from './entropy';
import { isIdentifierLike } from './identifiers';
import { nameWords } from './names';
import { isHexDigest, isNonSecretIdentifier, isPlaceholder, isUuid } from './placeholders';
import { isDefaultPassword } from './fakes';

/** Authorization schemes whose credential follows the scheme word. */
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|token|Bot|Digest|ApiKey|Key|Klaviyo-API-Key|SSWS)\s+/;

/** Strip an HTTP auth scheme (`Bearer …`) and return where the credential starts inside the value. */
export function stripAuthScheme(value: string): { credential: string; offset: number } {
  const match = AUTH_SCHEME.exec(value);
  return match ? { credential: value.slice(match[0].length), offset: match[0].length } : { credential: value, offset: 0 };
}

const URL_OR_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\.\.?\/|~\/|[A-Za-z]:\\|urn:)/i;
/** Inline content (`data:image/png;base64,…`): an image or a document, never a credential. */
const DATA_URI = /^data:[a-z]+\/[a-z0-9.+-]+(?:;[a-z0-9.+-]+=[^;,]*)*(?:;base64)?,/i;
/** A URL, a path (`/…`, `./…`, `~/…`, `C:\…`), a URN or inline content: a place or a document, never a credential. */
export function isUriOrPath(value: string): boolean {
  return URL_OR_PATH.test(value) || DATA_URI.test(value);
}
/** Token formats with an offline checksum: a value in that shape whose checksum fails was never issued. */
const CHECKSUMMED_TOKEN = /^(?:gh[pousr]|npm)_[A-Za-z0-9]{36}$/;
/**
 * Last name words under which a UUID is the credential itself (legacy Heroku API keys, Exa keys, shared secrets).
 * Under `token`, `auth` and other names a UUID is far more often a session, request or correlation id.
 */
const UUID_CREDENTIAL_WORDS = new Set(['key', 'apikey', 'secret', 'secretkey', 'clientsecret', 'password', 'passwd', 'pwd', 'pass', 'passphrase']);
const WORDS_ONLY = /^[A-Za-z]+(?:[-_. ][A-Za-z]+)*$/;
const WORD_AND_COUNTER = /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+)[-_]?\d{1,4}$/;
const SPACED_TEXT = /\s/;
/** Two characters of a script written without spaces (CJK, kana, Hangul, full-width forms): prose, not a token. */
const UNSPACED_PROSE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]{2}/;
/**
 * A regular expression's source (lookarounds, a non-capturing group, a quantified class or escape): a pattern that
 * finds keys (`aws_secret_key: r"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?!…)"`), not a key.
 */
const REGEX_SOURCE = /\(\?<?[=!:]|\][{+*]|\\[dws][+*{]/;
/** An env var name or constant written as a string: `OPENAI_API_KEY`, `my-secret-name`. */
const IDENTIFIER_LIKE = /^[A-Za-z][A-Za-z0-9]*(?:[-_.:/][A-Za-z0-9]+)*$/;

/**
 * Lower-case words and numbers joined by `-`, `.` or `_` (`gpt-4o-mini-2024-07-18`, `claude-sonnet-4-5`,
 * `us-east-1`): model ids, regions and versions, not credentials. Random keys do not split into three or more short
 * lower-case segments of which most are words.
 */
function isSlug(value: string): boolean {
  if (!/^[a-z0-9]+(?:[-._][a-z0-9]+){2,}$/.test(value)) return false;
  const segments = value.split(/[-._]/);
  const words = segments.filter((segment) => /^[a-z]{2,}$/.test(segment) || /^\d{1,4}$/.test(segment) || /^[a-z]*\d[a-z]?$/.test(segment));
  return segments.every((segment) => segment.length <= 12) && words.length * 2 >= segments.length + 1;
}

export interface GenericValueOptions {
  extraPlaceholders?: readonly RegExp[];
  /** Password-like names accept shorter values (people pick 10-character passwords, not 40-character tokens). */
  passwordLike?: boolean;
  /** The name the value sits under, when there is one. */
  name?: string;
}

/**
 * Is this value, found under a secret-like name, plausibly a real credential? Requires enough length and
 * randomness, and rules out placeholders, references, identifiers, prose, URLs and paths.
 */
export function looksLikeSecretValue(value: string, options: GenericValueOptions = {}): boolean {
  const minLength = options.passwordLike ? 8 : 12;
  if (value.length < minLength || value.length > 1024) return false;
  if (SPACED_TEXT.test(value) || UNSPACED_PROSE.test(value) || REGEX_SOURCE.test(value)) return false;
  if (isUriOrPath(value)) return false;
  if (isPlaceholder(value, options.extraPlaceholders) || isDefaultPassword(value)) return false;
  if (CHECKSUMMED_TOKEN.test(value) && !hasValidCrc32Checksum(value.slice(4))) return false;
  if (isUuid(value)) return uuidIsCredential(options.name);
  if (isNonSecretIdentifier(value)) return false;
  if (WORDS_ONLY.test(value)) return false;
  // Sentinels and labels made of words (`SECRET_LOG_VALUE_123`, `workos:token-123`, `openai/gpt-5`).
  if (isIdentifierLike(value, options.passwordLike)) return false;

  return randomEnough(value, !!options.passwordLike);
}

/**
 * The length and randomness looksLikeSecretValue asks for, after its exclusions of placeholders, fakes and
 * identifiers. Alone it is a cheap necessary condition: a value that fails it fails looksLikeSecretValue too.
 */
export function randomEnough(value: string, passwordLike: boolean): boolean {
  if (value.length < (passwordLike ? 8 : 12) || value.length > 1024 || SPACED_TEXT.test(value)) return false;
  const hasDigit = /[0-9]/.test(value);
  // Identifiers such as `OPENAI_API_KEY` or `agents/prod/openai` are names of secrets, not secrets.
  if (!hasDigit && IDENTIFIER_LIKE.test(value) && value.length < 40 && !isHexDigest(value)) return false;
  const entropy = shannonEntropy(value);
  if (isHexDigest(value)) return entropy >= 3.2;
  if (isSlug(value)) return false;
  // One word and a counter (`usertoken123`, `jsonwebtoken123`, `hunter2`): typed by a person, not generated.
  if (WORD_AND_COUNTER.test(value)) return false;
  const classes = characterClasses(value);
  if (passwordLike) return entropy >= 2.8 && classes >= 3;
  if (value.length >= 32) return entropy >= 3.5 && classes >= 2;
  return entropy >= 3.3 && classes >= 2 && hasDigit;
}

/** A UUID is a credential only under a name that says it is a key, secret or password (`HEROKU_API_KEY`). */
function uuidIsCredential(name: string | undefined): boolean {
  if (!name) return false;
  const words = nameWords(name);
  return words.length > 1 && UUID_CREDENTIAL_WORDS.has(words[words.length - 1]!);
}
