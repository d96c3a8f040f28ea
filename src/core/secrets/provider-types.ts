/** A data-driven detector for one provider's credential format. */
export interface ProviderDetector {
  /** Stable id used in findings, config and docs (`openai`, `github` …). */
  id: string;
  /** What the credential is, as shown to the user (`OpenAI API key`). */
  name: string;
  /**
   * Substrings (matched case-insensitively) of which at least one must appear in the text before the
   * pattern runs. They make a file without any of them cost one combined scan.
   */
  keywords: string[];
  /**
   * The token itself, as a regex source without flags. Token-character boundaries are added around it unless
   * `bounded` is set; if it has a capture group named `secret`, that group is the secret and the rest is context.
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
  /** Extra validation, e.g. an offline checksum. */
  validate?: (secret: string) => boolean;
  /**
   * Strings the detector must report exactly once, and strings it must not report. For an unbounded pattern
   * the whole example is the secret; a `bounded` pattern's examples carry their context around it.
   */
  examples: { match: string[]; noMatch: string[] };
}
