/**
 * JSON Web Token structure, read offline: a value that merely looks like a JWT is a credential only when its
 * header is JSON naming a signing algorithm and its signature has the size a real signature has.
 */

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

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The header, payload and signature size of a compact JWS, or undefined when the value is not one. */
export function decodeJwt(value: string): DecodedJwt | undefined {
  if (!JWT_SHAPE.test(value)) return undefined;
  const [header, payload, signature] = value.split('.') as [string, string, string];
  const decodedHeader = decodeJson(header);
  if (!decodedHeader || typeof decodedHeader.alg !== 'string') return undefined;
  return { header: decodedHeader, payload: decodeJson(payload), signatureBytes: Buffer.from(signature, 'base64url').length };
}

/**
 * A JWT that authenticates nothing: unsigned (`alg: none`, which servers reject), with a signature too short to be
 * one (`….signature`, `….fake-sig`), expired before JWTs existed (a test's `exp: 570`), or issued by a public demo
 * issuer (the Supabase local-development keys every self-hosted install documents, `iss: supabase-demo`).
 */
export function isUnusableJwt(value: string): boolean {
  const jwt = decodeJwt(value);
  if (!jwt) return false;
  if (String(jwt.header.alg).toLowerCase() === 'none') return true;
  if (jwt.signatureBytes < MIN_SIGNATURE_BYTES) return true;
  const expires = jwt.payload?.exp;
  if (typeof expires === 'number' && expires < JWT_ERA) return true;
  return jwt.payload?.iss === 'supabase-demo';
}

/**
 * A value that is, or ends in, an unusable JWT after a short label (`workos:eyJ…`, `Bearer eyJ…` is stripped
 * before): test tokens written as `<provider>:<jwt>`.
 */
export function holdsUnusableJwt(value: string): boolean {
  const start = value.indexOf('eyJ');
  if (start < 0 || start > 24) return false;
  if (start > 0 && !/^[A-Za-z0-9_-]{1,22}[:=]$/.test(value.slice(0, start))) return false;
  return isUnusableJwt(value.slice(start));
}
