/**
 * JSON Web Tokens: what makes three base64url parts a signed token rather than a look-alike. Pure and bounded (the
 * callers' patterns cap the part lengths).
 */

/** The JSON object a base64url part decodes to, or undefined. */
export function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  const text = base64UrlToText(part);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** base64url (or base64) text decoded as UTF-8, or undefined when it is not text. */
export function decodeBase64Url(part: string): string | undefined {
  return base64UrlToText(part);
}

/** Decoded UTF-8 text, or undefined when the bytes are not text. */
function base64UrlToText(part: string): string | undefined {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const bytes = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * A signed JWT: the header is a JSON object naming a signing algorithm other than `none`, the payload is a JSON
 * object, and the signature is present. Unsigned (`alg: none`) tokens are test data: anyone can forge them.
 */
export function isSignedJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[2]) return false;
  const header = decodeJsonPart(parts[0]!);
  if (!header || typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') return false;
  return decodeJsonPart(parts[1]!) !== undefined;
}

/** The payload of a JWT, when it decodes. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  return parts.length === 3 ? decodeJsonPart(parts[1]!) : undefined;
}

/**
 * Tokens that are public by design: Supabase `anon` keys (the client key that row-level security guards) and
 * Firebase/Supabase publishable keys are meant to ship to browsers.
 */
export function isPublicJwt(token: string): boolean {
  const payload = jwtPayload(token);
  return payload?.role === 'anon';
}

// Structure beyond the shape: signature size, test-era expiry and public demo issuers.

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown> | undefined;
  /** Bytes of the decoded signature (0 for an unsigned token). */
  signatureBytes: number;
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{0,65536}\.[A-Za-z0-9_-]{0,4096}$/;
/** 2001-09-09 (10⁹ s): a token that expired before JWTs existed (`exp: 570`) was made for a test. */
const JWT_ERA = 1_000_000_000;
/** The shortest real signature: HMAC-SHA256 (32 bytes); RSA and ECDSA signatures are longer. */
const MIN_SIGNATURE_BYTES = 32;

/** The header, payload and signature size of a compact JWS, or undefined when the value is not one. */
export function decodeJwt(value: string): DecodedJwt | undefined {
  if (!JWT_SHAPE.test(value)) return undefined;
  const [header, payload, signature] = value.split('.') as [string, string, string];
  const decodedHeader = decodeJsonPart(header);
  if (!decodedHeader || typeof decodedHeader.alg !== 'string') return undefined;
  return { header: decodedHeader, payload: decodeJsonPart(payload), signatureBytes: Buffer.from(signature, 'base64url').length };
}

/**
 * A JWT that authenticates nothing: unsigned (`alg: none`, which servers reject), with a signature too short to be
 * one (`….signature`, `….fake-sig`), expired before JWTs existed (a test's `exp: 570`), valid for a quarter of an hour
 * at most (dead before anyone reads the file that holds it; no clock is asked), or issued by a public demo
 * issuer (the Supabase local-development keys every self-hosted install documents, `iss: supabase-demo`), or made
 * of jwt.io's example claims (`sub: 1234567890`, `name: John Doe`). The
 * signature's size alone settles it for a value of a token's shape whose header does not even decode, as in a
 * hand-written `eyJhbGciOi….payload.sig`.
 */
export function isUnusableJwt(value: string): boolean {
  const jwt = decodeJwt(value);
  if (jwt) return jwt.signatureBytes < MIN_SIGNATURE_BYTES || isUnusableClaims(jwt);
  return JWT_SHAPE.test(value) && Buffer.from(value.slice(value.lastIndexOf('.') + 1), 'base64url').length < MIN_SIGNATURE_BYTES;
}

/**
 * Longest life of a token that is dead before a file holding it is read (`exp` minus `nbf`, else minus `iat`):
 * URL signatures such as GitHub's for a private image or video (`…/private-user-images…?jwt=eyJ…`, five minutes),
 * which READMEs copy from the rendered page by the thousand.
 */
const MAX_MOMENTARY_LIFE_SECONDS = 15 * 60;

/** Unsigned, expired before JWTs existed, valid for minutes only, issued by a public demo issuer, or jwt.io's example. */
function isUnusableClaims(jwt: DecodedJwt): boolean {
  if (String(jwt.header.alg).toLowerCase() === 'none') return true;
  const expires = jwt.payload?.exp;
  if (typeof expires === 'number' && expires < JWT_ERA) return true;
  if (typeof expires === 'number' && isMomentary(expires, jwt.payload?.nbf ?? jwt.payload?.iat)) return true;
  if (jwt.payload?.iss === 'supabase-demo') return true;
  // jwt.io's example claims, copied into tests with their example signature or signed again with a test key.
  return jwt.payload?.sub === '1234567890' && jwt.payload?.name === 'John Doe';
}

/** A validity that starts at a real time (not a test's `iat: 0`) and ends at most a quarter of an hour later. */
function isMomentary(expires: number, starts: unknown): boolean {
  return typeof starts === 'number' && starts >= JWT_ERA && expires > starts && expires - starts <= MAX_MOMENTARY_LIFE_SECONDS;
}

/**
 * A value that is, or ends in, an unusable JWT after a short label (`workos:eyJ…`, `Bearer eyJ…` is stripped
 * before): test tokens written as `<provider>:<jwt>`; or a token's header alone (`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`
 * is `{"alg":"HS256","typ":"JWT"}`, the same in every HS256 token), without the claims and signature that make one.
 */
export function holdsUnusableJwt(value: string): boolean {
  const start = value.indexOf('eyJ');
  if (start < 0 || start > 24) return false;
  if (start > 0 && !/^[A-Za-z0-9_-]{1,22}[:=]$/.test(value.slice(0, start))) return false;
  const token = value.slice(start);
  return isUnusableJwt(token) || isHeaderAlone(token);
}

const HEADER_ALONE = /^eyJ[A-Za-z0-9_-]{8,400}={0,2}$/;

function isHeaderAlone(token: string): boolean {
  return HEADER_ALONE.test(token) && typeof decodeJsonPart(token.replace(/=+$/, ''))?.alg === 'string';
}
