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
