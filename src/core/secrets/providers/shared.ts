import { boundaryBefore, type ProviderDetector, type ProviderFamily } from '../provider-types';

/** The detectors of one family file, each tagged with the family. */
export function family(name: ProviderFamily, detectors: Omit<ProviderDetector, 'family'>[]): ProviderDetector[] {
  return detectors.map((detector) => ({ ...detector, family: name }));
}

/** Upper- and lower-case letters (and a digit when asked): what every random base62/base64 body of 20+ characters has. */
export function mixedCase(body: string, digit = false): boolean {
  return /[A-Z]/.test(body) && /[a-z]/.test(body) && (!digit || /[0-9]/.test(body));
}

/** A lower-case UUID, the shape of many providers' keys (always under a name that says whose). */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `name = value`, `name: "value"`, `"name": 'value'`, `name => value` … between a name and its value. */
export const ASSIGN = '["\'`]?\\s{0,4}(?:[:=]|=>|:=)\\s{0,4}["\'`]?';

/** `[Mm][Ii][Ss]…`: a word in any case without the `i` flag, which would also loosen the value's character classes. */
export function anyCase(word: string): string {
  return word.replace(/[A-Za-z]/g, (letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`);
}

/** The last word of a name that holds a credential (`…_API_KEY`, `…Token`, `…_SECRET`, `…_PAT`, `…Password`). */
const CREDENTIAL_WORD = `(?:${['key', 'token', 'secret', 'pat', 'password', 'credential'].map(anyCase).join('|')})`;
/** Between a name and its value: `=`, `: `, `"…": "`, `=> '`, `"]="` (Python `os.environ["X"] = "…"`). */
const NAME_VALUE = '["\'`]?\\]?\\s{0,4}(?:[:=]|=>|:=)\\s{0,4}["\'`]?';

export interface NamedKeyOptions {
  /** Provider words, one of which starts the name (`mistral`, `co_api` …); matched in any case. */
  names: string[];
  /** The value's pattern (bounded quantifiers only). */
  value: string;
  /** The characters a value may continue with: the match must not be followed by one (`A-Za-z0-9`). */
  valueChars: string;
  /**
   * The pattern the name must end with, when not any credential word: for a provider whose plain "API key" is public
   * and only its secret key is not (Amplitude).
   */
  credentialWord?: string;
}

/**
 * A key without a prefix of its own (Mistral, Cohere, Datadog …), reported only as the value of a name that says
 * whose credential it is: the provider word, at most 24 more name characters, then a credential word
 * (`MISTRAL_API_KEY=…`, `mistralApiKey: '…'`, `"datadog_app_key": "…"`, `os.environ["COHERE_API_KEY"] = "…"`).
 * Each start costs at most the bounded runs (linear).
 */
export function namedKey({ names, value, valueChars, credentialWord = CREDENTIAL_WORD }: NamedKeyOptions): Pick<ProviderDetector, 'pattern' | 'bounded' | 'keywords'> {
  return {
    pattern: `${boundaryBefore('A-Za-z0-9')}(?:${names.map(anyCase).join('|')})[A-Za-z0-9_.-]{0,24}?(?:${credentialWord})${NAME_VALUE}(?<secret>${value})(?![${valueChars}])`,
    bounded: true,
    keywords: names,
  };
}
