import { PROVIDERS } from './providers';

/** The rule that reports a secret detector's findings. */
export type SecretRuleId = 'secrets/provider-key' | 'secrets/generic-secret' | 'secrets/private-key' | 'secrets/connection-string';

const RULE_OF_KIND = {
  provider: 'secrets/provider-key',
  generic: 'secrets/generic-secret',
  'connection-string': 'secrets/connection-string',
} as const;

/** Detectors outside the catalog: the generic heuristic, the private-key and connection-string scanners, Kubernetes Secrets. */
const BUILT_IN: ReadonlyArray<readonly [string, SecretRuleId, string]> = [
  ['generic', 'secrets/generic-secret', 'high-entropy value under a secret-like name or in an API client credential position'],
  ['kubernetes-secret', 'secrets/generic-secret', 'base64 `data:` value of a Kubernetes Secret under a secret-like key'],
  ['private-key', 'secrets/private-key', 'PEM, OpenSSH or PGP private key block'],
  ['connection-string', 'secrets/connection-string', 'password in a database or broker connection string'],
];

/**
 * Every secret detector id (the `provider` of a finding) with the rule that reports it. A configuration or a
 * suppression comment names one as `<rule>:<detector>` (`secrets/provider-key:jwt`).
 */
export const SECRET_DETECTORS: ReadonlyMap<string, { rule: SecretRuleId; name: string }> = new Map([
  ...PROVIDERS.map((detector) => [detector.id, { rule: RULE_OF_KIND[detector.kind ?? 'provider'], name: detector.name }] as const),
  ...BUILT_IN.map(([id, rule, name]) => [id, { rule, name }] as const),
]);

/**
 * Is `selector` a detector selector that names a real detector under a rule that reports it: `<rule>:<detector>`
 * or `secrets/*:<detector>`?
 */
export function isKnownDetectorSelector(selector: string): boolean {
  const colon = selector.indexOf(':');
  if (colon < 0) return false;
  const rule = selector.slice(0, colon);
  const detector = SECRET_DETECTORS.get(selector.slice(colon + 1));
  return detector !== undefined && (rule === 'secrets/*' || rule === detector.rule);
}
