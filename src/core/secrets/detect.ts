import { base64Blocks, encodedRange, kubernetesSecretData, type DecodedBlock } from './encoded';
import { looksLikeSecretValue, stripAuthScheme } from './generic';
import { isPublicTokenName, isSecretLikeName, nameWords, PASSWORD_WORDS } from './names';
import { isPublicJwt, isSignedJwt } from './jwt';
import { isPlausiblePassword } from './passwords';
import { ProviderScanner, scanConnectionStrings, scanPrivateKeys, type SecretMatch } from './scan';
import { expandStructuredValue } from './structured-values';
import { appendAll } from '../arrays';

/** A string value found under a name: a property, variable, parameter, header, env var, YAML/JSON key … */
export interface NamedValue {
  name: string;
  value: string;
  /** Offsets of the value text (without quotes) in the file. */
  start: number;
  end: number;
  /** The value is passed to a known API client where a credential goes, whatever its name. */
  credentialPosition?: boolean;
  /**
   * The value's text in the file is exactly `value` (no escapes, no concatenation), so offsets inside the
   * value map one-to-one onto the file.
   */
  exact: boolean;
}

/** A string built from several literals (`'sk-proj-' + '…'`): only its whole can be matched. */
export interface FoldedValue {
  value: string;
  start: number;
  end: number;
}

export type SecretKind = 'provider' | 'generic' | 'private-key' | 'connection-string';

export interface SecretDetection extends SecretMatch {
  kind: SecretKind;
  /** For generic secrets: the name the value was assigned to. */
  name?: string;
}

export interface SecretDetectionOptions {
  extraPlaceholders?: readonly RegExp[];
  extraSecretNames?: readonly string[];
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/**
 * Scanners are pure and reusable; build one per distinct placeholder configuration. Building one (the keyword
 * automaton, every detector's pattern) costs more than scanning a small file, so every configuration without extra
 * placeholders (most of them, each a fresh empty array) shares one.
 */
const scannerCache = new WeakMap<readonly RegExp[], ProviderScanner>();
const DEFAULT_PLACEHOLDERS: readonly RegExp[] = [];

function scannerFor(placeholders: readonly RegExp[]): ProviderScanner {
  const extraPlaceholders = placeholders.length === 0 ? DEFAULT_PLACEHOLDERS : placeholders;
  let scanner = scannerCache.get(extraPlaceholders);
  if (!scanner) {
    scanner = new ProviderScanner(undefined, extraPlaceholders);
    scannerCache.set(extraPlaceholders, scanner);
  }
  return scanner;
}

/**
 * Would the provider scan report anything in this text? Asked with no extra placeholders (they only take matches
 * away), so that a yes here covers every configuration.
 */
export function holdsProviderSecret(text: string): boolean {
  return scannerFor(DEFAULT_PLACEHOLDERS).scan(text).length > 0;
}

/**
 * Every secret in one file. The provider, private-key and connection-string scanners run on the whole text
 * (so comments and prose count too); the language layer adds named values (for context-bound generic secrets)
 * and folded constant concatenations.
 */
export function detectSecrets(
  text: string,
  namedValues: readonly NamedValue[],
  foldedValues: readonly FoldedValue[],
  options: SecretDetectionOptions = {},
): SecretDetection[] {
  const extraPlaceholders = options.extraPlaceholders ?? DEFAULT_PLACEHOLDERS;
  const scanner = scannerFor(extraPlaceholders);
  const found: SecretDetection[] = [
    ...scanner.scan(text).map((m) => ({ ...m, kind: m.reportAs ?? ('provider' as const) })),
    ...scanPrivateKeys(text).map((m) => ({ ...m, kind: 'private-key' as const })),
    ...scanConnectionStrings(text, extraPlaceholders).map((m) => ({ ...m, kind: 'connection-string' as const })),
  ];

  // Base64 blocks anywhere, and the `data:` values of Kubernetes Secrets, are read decoded.
  const secretData = kubernetesSecretData(text);
  for (const block of [...secretData, ...base64Blocks(text)]) appendAll(found, detectDecoded(block, scanner, extraPlaceholders, options));

  for (const folded of foldedValues) {
    for (const match of scanner.scan(folded.value)) {
      found.push({ ...match, kind: match.reportAs ?? 'provider', value: match.value, start: folded.start, end: folded.end });
    }
  }

  const expanded = namedValues.flatMap(expandStructuredValue);
  // A value the file names as a public token (Mixpanel's project token) is public wherever else it stands in the file:
  // aider's recorded chat writes its project token as `project_token = "…"` nine times and names it once.
  let publicValues: Set<string> | undefined;
  for (const named of expanded) if (isPublicTokenName(named.name)) (publicValues ??= new Set()).add(named.value.trim());
  for (const named of expanded) {
    // A Secret's base64 value is judged decoded (above), not by how random its encoding looks.
    if (secretData.some((block) => block.start <= named.start && named.start < block.end)) continue;
    if (!named.credentialPosition && !isSecretLikeName(named.name, { extraNames: options.extraSecretNames })) continue;
    const { credential, offset } = stripAuthScheme(named.value.trim());
    if (publicValues?.has(credential)) continue;
    const leading = named.value.length - named.value.trimStart().length;
    const passwordLike = nameWords(named.name).some((word) => PASSWORD_WORDS.has(word));
    if (!looksLikeSecretValue(credential, { extraPlaceholders, passwordLike, name: named.name })) continue;
    // A JWT is judged by its structure (the `jwt` detector), not by its name: unsigned and public ones are not secrets.
    if (JWT_SHAPE.test(credential) && (!isSignedJwt(credential) || isPublicJwt(credential))) continue;
    const start = named.exact ? named.start + leading + offset : named.start;
    const end = named.exact ? start + credential.length : named.end;
    found.push({
      detectorId: 'generic',
      detectorName: named.credentialPosition ? 'API client credential' : `secret in \`${named.name}\``,
      value: credential,
      start,
      end,
      kind: 'generic',
      name: named.name,
    });
  }
  return dropOverlaps(found);
}

/**
 * What a decoded block holds: provider tokens, private keys and connection strings in it, reported over the encoded
 * characters and named as encoded; and, for a Kubernetes Secret value under a secret-like key, the value itself.
 */
function detectDecoded(block: DecodedBlock, scanner: ProviderScanner, extraPlaceholders: readonly RegExp[], options: SecretDetectionOptions): SecretDetection[] {
  const inner: SecretDetection[] = [
    ...scanner.scan(block.text).map((m) => ({ ...m, kind: m.reportAs ?? ('provider' as const) })),
    ...scanPrivateKeys(block.text).map((m) => ({ ...m, kind: 'private-key' as const })),
    ...scanConnectionStrings(block.text, extraPlaceholders).map((m) => ({ ...m, kind: 'connection-string' as const })),
  ];
  const found = inner.map((detection) => ({ ...detection, ...encodedRange(block, detection.start, detection.end), detectorName: `${detection.detectorName} (base64-encoded)` }));
  if (found.length || block.name === undefined || !isSecretLikeName(block.name, { extraNames: options.extraSecretNames })) return found;
  const value = block.text.trim();
  const passwordLike = nameWords(block.name).some((word) => PASSWORD_WORDS.has(word));
  const credible = passwordLike ? isPlausiblePassword(value, extraPlaceholders) : looksLikeSecretValue(value, { extraPlaceholders, name: block.name });
  if (!credible) return [];
  return [{
    detectorId: 'kubernetes-secret',
    detectorName: `Kubernetes Secret value \`${block.name}\` (base64-encoded)`,
    value,
    start: block.start,
    end: block.end,
    publicPrefix: '',
    kind: 'generic',
    name: block.name,
  }];
}

const PRIORITY: Record<SecretKind, number> = { 'private-key': 0, provider: 1, 'connection-string': 2, generic: 3 };

/** A named value judged by the generic heuristic (1) rather than by a detector of a known format (0). */
const heuristic = (detection: SecretDetection): number => (detection.detectorId === 'generic' ? 1 : 0);

/**
 * One finding per place: a provider match beats a generic one over the same text, a known format (`.netrc`, an
 * auth header) beats the generic heuristic; duplicates collapse.
 * Sweeps clusters of overlapping detections in start order, so it stays linear in the number of detections.
 */
function dropOverlaps(detections: SecretDetection[]): SecretDetection[] {
  const byStart = [...detections].sort((a, b) => a.start - b.start);
  const kept: SecretDetection[] = [];
  let cluster: SecretDetection[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const chosen: SecretDetection[] = [];
    for (const detection of cluster.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || heuristic(a) - heuristic(b) || a.start - b.start)) {
      if (!chosen.some((other) => detection.start < other.end && other.start < detection.end)) chosen.push(detection);
    }
    appendAll(kept, chosen.sort((a, b) => a.start - b.start));
    cluster = [];
  };
  for (const detection of byStart) {
    if (detection.start >= clusterEnd && cluster.length) flush();
    cluster.push(detection);
    clusterEnd = Math.max(clusterEnd, detection.end);
  }
  if (cluster.length) flush();
  return kept;
}
