/** The families the catalog is split into (one file each under providers/), in the order the docs list them. */
export const PROVIDER_FAMILIES = {
  ai: 'AI model APIs',
  data: 'Vector databases and data platforms',
  observability: 'Observability, analytics and evaluation',
  'agent-tools': 'Agent platforms and tools',
  cloud: 'Cloud and hosting',
  devtools: 'Code hosting, CI, package registries and secret managers',
  messaging: 'Chat, email, SMS and webhooks',
  productivity: 'Ticketing, productivity and business apps',
  payments: 'Payments, commerce and identity',
  formats: 'Credential formats in URLs, headers and files',
} as const;
export type ProviderFamily = keyof typeof PROVIDER_FAMILIES;

/**
 * Which rule reports a match: `provider` (secrets/provider-key) for a provider's own token format, `generic`
 * (secrets/generic-secret) for a value that is a credential because of where it sits in a known format (a `.netrc`
 * password, an `X-Auth-Token` header), `connection-string` (secrets/connection-string) for a password in a URL or
 * connection string.
 */
export type DetectorKind = 'provider' | 'generic' | 'connection-string';

/** A data-driven detector for one provider's credential format. */
export interface ProviderDetector {
  /**
   * Stable id used in findings (`provider` in JSON and SARIF), in config (`secrets/<id>: off`), in suppression
   * comments and in docs (`openai`, `github` …).
   */
  id: string;
  /** What the credential is, as shown to the user (`OpenAI API key`). */
  name: string;
  family: ProviderFamily;
  /** Default `provider`. */
  kind?: DetectorKind;
  /**
   * Substrings of which at least one must appear in the text before the pattern runs, inside its match (the pattern
   * then runs only on windows around them). They are matched in their exact case when the pattern is case-sensitive
   * and contains them literally, in any case otherwise. A file without any of them costs one combined scan.
   */
  keywords: string[];
  /**
   * The keywords announce the format somewhere in the file rather than inside the match (`twilio` for an account SID
   * and auth token pair): the pattern then runs on the whole text instead of windows around the keywords.
   */
  contextKeywords?: boolean;
  /**
   * The token itself, as a regex source without flags. Token-character boundaries are added around it unless
   * `bounded` is set; if it has a capture group named `secret`, that group is the secret and the rest is context.
   * Every pattern must stay linear-time: bounded quantifiers only, and a literal prefix or a boundary lookbehind
   * first, so that each start position costs at most the longest bounded run (test/unit/regex-linear.test.ts).
   */
  pattern: string;
  /** The pattern already carries its own context and boundaries. */
  bounded?: boolean;
  /** Case-insensitive pattern. */
  ignoreCase?: boolean;
  /** The non-secret prefix(es) kept in the redacted form (`sk-proj-`); the longest that matches is used. */
  publicPrefix?: string | string[];
  /** Minimum Shannon entropy (bits per character) of the secret without its public prefix. */
  minEntropy?: number;
  /** Extra validation of the secret, e.g. an offline checksum; `groups` are the pattern's named groups. */
  validate?: (secret: string, groups: Readonly<Record<string, string | undefined>>) => boolean;
}

/**
 * A lookbehind asserting that the text before is not a character of `characterClass` (regex class body, e.g.
 * `A-Za-z0-9_-`). A class character that is the tail of an escape (`\n`, `\t` in a JS or JSON string) or of a
 * percent-encoded byte (`%3D` in a URL), or the `-` of a shell default (`${KEY:-…}`), does not count:
 * `"…\nghp_…"`, `token%3Dghp_…` and `${TOKEN:-ghp_…}` still have a boundary.
 */
export function boundaryBefore(characterClass: string): string {
  return `(?<!(?<!\\\\|%[0-9A-Fa-f])[${characterClass}](?<!:-))`;
}

/**
 * Boundaries added around an unbounded pattern: the token must not be glued to token characters
 * (`A-Za-z0-9_-`) on either side.
 */
export const TOKEN_BOUNDARY_BEFORE = boundaryBefore('A-Za-z0-9_-');
export const TOKEN_BOUNDARY_AFTER = '(?![A-Za-z0-9_-])';

/**
 * Strings a detector must report exactly once, and strings it must not report (see provider-examples.ts). For an
 * unbounded pattern the whole example is the secret; a `bounded` pattern's examples carry their context around it,
 * and `secrets[i]` names the exact secret of `match[i]`.
 */
export interface ProviderExamples {
  match: string[];
  noMatch: string[];
  secrets?: string[];
}
