import { characterClasses, shannonEntropy } from './entropy';
import { isPlaceholder } from './placeholders';

/** Passwords that tutorials, compose files and docs use as stand-ins: a finding on them helps nobody. */
const DEFAULT_PASSWORDS = new Set([
  'password', 'pass', 'passwd', 'secret', 'postgres', 'root', 'admin', 'mysql', 'guest', 'test', 'example',
  'changeme', 'user', 'username', 'pwd', 'redis', 'mongo', 'mongodb', 'rabbitmq', 'default', 'demo', 'dev',
  'local', 'localhost', 'docker', 'sa', 'neo4j', 'clickhouse', 'pw', 'admin123', 'password123', 'secret123',
  'postgrespassword', 'mysecretpassword', 'letmein', 'qwerty', '123456', '12345678', 'toor', 'token', 'apikey',
  'api_key', 'mypassword', 'yourpassword', 'p@ssw0rd', 'passw0rd', 'hunter2',
]);

/** Stand-ins made of a filler word and "pass": `somepass`, `mypassword`, `dbpass`, `test_pwd1` (gpt-researcher's docs). */
const STAND_IN_PASSWORD = /^(?:some|my|your|our|the|db|user|test|dummy|fake|sample|example|default|demo|dev|local)[-_]?(?:pass|passwd|password|pwd|secret)[0-9]{0,3}$/i;

/**
 * "Password" itself, spelled plainly or in leet, after at most one word and before a counter and a symbol or two:
 * `TenantPassw0rd!` (camel's OceanBase tutorial, `docker run -e OB_TENANT_PASSWORD=…`), `AdminP@ssw0rd1`,
 * `DemoPassword123!`. Made to pass a password policy in an example, not chosen to keep anyone out.
 */
const SPELLED_PASSWORD = /^[A-Za-z]{0,16}(?:pass(?:w0rd|word)|p@ss(?:w0rd|word)|pa55w(?:0rd|ord)|pa\$\$w(?:0rd|ord))[0-9]{0,4}[!@#$%^&*.?]{0,2}$/i;

export function isDefaultPassword(value: string): boolean {
  return DEFAULT_PASSWORDS.has(value.toLowerCase()) || STAND_IN_PASSWORD.test(value) || SPELLED_PASSWORD.test(value);
}

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
