import type { ProviderDetector, ProviderFamily } from '../provider-types';

/** The detectors of one family file, each tagged with the family. */
export function family(name: ProviderFamily, detectors: Omit<ProviderDetector, 'family'>[]): ProviderDetector[] {
  return detectors.map((detector) => ({ ...detector, family: name }));
}

/** Upper- and lower-case letters (and a digit when asked): what every random base62/base64 body of 20+ characters has. */
export function mixedCase(body: string, digit = false): boolean {
  return /[A-Z]/.test(body) && /[a-z]/.test(body) && (!digit || /[0-9]/.test(body));
}

/** `name = value`, `name: "value"`, `"name": 'value'`, `name => value` … between a name and its value. */
export const ASSIGN = '["\'`]?\\s{0,4}(?:[:=]|=>|:=)\\s{0,4}["\'`]?';
