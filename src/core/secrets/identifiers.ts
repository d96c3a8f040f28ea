/**
 * Values written by a person as names, not generated as secrets: test sentinels in CONSTANT_CASE
 * (`SECRET_HANDOFF_OUTPUT_SCHEMA_123`), labelled dummy tokens (`workos:token-123`, `credential-1:openai-key`,
 * `123456:TEST-TOKEN`), namespaced keys (`io.modelcontextprotocol/clientCapabilities`), model ids
 * (`openai/gpt-5`) and relative paths. They are made of words and small numbers; a credential is made of
 * random characters, and a few random characters (`-9f31c7`) do not make a name a secret.
 */

/** Separators between the parts of a name (`#` as in a fragment or a Smithy shape id: `aws.auth#sigv4`). */
const SEPARATORS = /[-_.:/=,@+#]+/;
/** Only name characters: no spaces (prose is handled elsewhere), no quotes or brackets. */
const NAME_CHARACTERS = /^[A-Za-z0-9][A-Za-z0-9_.:/=,@+#-]*$/;
const CONSTANT_CASE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** camelCase and PascalCase boundaries inside one part (`clientCapabilities` → client, Capabilities). */
const CAMEL_PARTS = /[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]|[0-9]+/g;
/** A format field naming what fills it (`{user_id}`, `{0}` is not a name). */
const FORMAT_FIELD = /\{([A-Za-z_][A-Za-z0-9_]{0,40})\}/g;
/** Random characters a name may carry (a short hash, an `S3`, a `v2`), as long as words dominate. */
const MAX_RANDOM = 6;

interface Composition {
  words: number;
  wordLetters: number;
  random: number;
}

/** A word: three or more letters with a vowel. `gpt`, `jwt`, `xkq` are not (they count as random). */
function isWord(part: string): boolean {
  return part.length >= 3 && /^[A-Za-z]+$/.test(part) && /[aeiouyAEIOUY]/.test(part);
}

function compose(value: string): Composition {
  const composition: Composition = { words: 0, wordLetters: 0, random: 0 };
  for (const part of value.split(SEPARATORS)) {
    if (!part) continue;
    // A part that is a word or a number as a whole stays whole; a mixed one is split at case and digit changes,
    // so that `clientCapabilities` is two words while a random `Xk9fQ2` is six random pieces.
    const pieces = isWord(part) || /^\d+$/.test(part) ? [part] : (part.match(CAMEL_PARTS) ?? [part]);
    for (const piece of pieces) {
      if (isWord(piece)) {
        composition.words++;
        composition.wordLetters += piece.length;
      } else if (/^\d{1,8}$/.test(piece) && pieces.length === 1) {
        // a counter, a year, an issue or bot number standing as its own part
      } else {
        composition.random += piece.length;
      }
    }
  }
  return composition;
}

/**
 * Made of words: CONSTANT_CASE with two or more words, or words joined by separators (`-`, `_`, `.`, `:`, `/`,
 * `=`), with at most a few random characters. `passwordLike` values need two words (or a `/`): people choose
 * passwords like `Winter-2024`, never API keys like `calculator-456`.
 */
export function isIdentifierLike(value: string, passwordLike = false): boolean {
  // Underscores around a name keep it a name: a sentinel or template slot (`__VERTEXAI_DEFAULT_CREDENTIALS__`, `__TOKEN__`).
  if (value.startsWith('_') || value.endsWith('_')) value = value.replace(/^_+|_+$/g, '');
  // So do format fields: a key template (`agentscope:user:{user_id}:credential:{credential_id}`) is names and slots.
  if (value.includes('{')) value = value.replace(FORMAT_FIELD, '$1');
  if (!NAME_CHARACTERS.test(value)) return false;
  const { words, wordLetters, random } = compose(value);
  if (random > MAX_RANDOM || wordLetters <= random) return false;
  if (CONSTANT_CASE.test(value)) return words >= 2;
  // Words run together in camelCase (`updatedSecretKey123`, `testApiToken`): a test's stand-in, never a generated key;
  // a password may be chosen so, and stays judged by its strength.
  if (!SEPARATORS.test(value)) return !passwordLike && words >= 2;
  // A path or a `provider/model` id is a name under any key; other one-word labels are not passwords' shape.
  return words >= (passwordLike && !value.includes('/') ? 2 : 1);
}
