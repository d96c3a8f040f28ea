import { characterClasses, shannonEntropy } from './entropy';
import { isDefaultPassword } from './fakes';
import { isPlaceholder } from './placeholders';

/**
 * A value written where a format puts a password (`.netrc`, a URL, `curl -u`, a JDBC string): long enough, not a
 * stand-in, a reference or a template, and not plain words. People's passwords are short, so this asks for less
 * randomness than a token check does.
 */
export function isPlausiblePassword(value: string, extraPlaceholders: readonly RegExp[] = []): boolean {
  if (value.length < 6 || value.length > 256 || isDefaultPassword(value)) return false;
  if (/^[:$%{<[*(]/.test(value) || /^[0-9]{1,6}$/.test(value)) return false;
  if (isPlaceholder(value, extraPlaceholders)) return false;
  // A short run of plain words, also joined by `_` or `-` (`ghp_other`, `db-pass`): a label, not a password.
  if (/^[A-Za-z]+(?:[_-][A-Za-z]+)*$/.test(value) && value.length < 16) return false;
  // Words that end by naming a credential (`old_gitlab_token`, `my-api-key`): a label of any length.
  if (/^[A-Za-z]+(?:[_-][A-Za-z]+)*[_-](?:token|password|passwd|pwd|pass|secret|key)$/i.test(value)) return false;
  return characterClasses(value) >= 2 && shannonEntropy(value) >= 2.5;
}
