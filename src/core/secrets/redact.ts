import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a secret value: the identity baselines and suppressions use. Never reversible to the value. */
export function fingerprintOf(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * A form of the secret that is safe to print: the provider's public prefix, an ellipsis, and at most the last
 * four characters (fewer for short values, none for very short ones).
 */
export function redact(value: string, publicPrefix = ''): string {
  const prefix = publicPrefix && value.startsWith(publicPrefix) ? publicPrefix : '';
  const rest = value.length - prefix.length;
  const tail = rest >= 24 ? 4 : rest >= 14 ? 2 : 0;
  return `${prefix}…${tail ? value.slice(value.length - tail) : ''}`;
}
