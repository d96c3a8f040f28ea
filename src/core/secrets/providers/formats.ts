import { looksLikeSecretValue } from '../generic';
import { decodeBase64Url, isPublicJwt, isSignedJwt, isUnusableJwt } from '../jwt';
import { isDefaultPassword } from '../fakes';
import { isPlausiblePassword } from '../passwords';
import { isPlaceholder } from '../placeholders';
import { boundaryBefore, type ProviderDetector } from '../provider-types';
import { family } from './shared';

/**
 * Credentials that a format, not a provider, marks: a password in a URL or a connection string, a token in a query
 * string or an auth header, the credential lines of `.npmrc`, `.netrc`, `.pypirc`, Docker `config.json`, JDBC/ODBC
 * strings, LDAP bind settings and XML credential stores, and JSON Web Tokens anywhere.
 */

/** Hosts that documentation uses (RFC 2606 and friends): a URL to them carries no live credential. */
const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|invalid|test|localhost\.localdomain|your-?(?:domain|host|server|company)[a-z0-9.-]*|host(?:name)?|domain\.tld|acme\.test)$/i;

/** Badge and image URLs: README badges carry tokens meant to be public (`codecov.io/…/badge.svg?token=…`). */
const BADGE_URL = /\/badge\b|\.(?:svg|png|gif)$/i;

/** `user:password` decoded from base64 (Docker `auth`, npm `_auth`, `Basic` headers), with a real password. */
function isBasicCredential(encoded: string): boolean {
  const decoded = decodeBase64Url(encoded.replace(/=+$/, ''));
  if (decoded === undefined || !/^[\x20-\x7e]+$/.test(decoded)) return false;
  const colon = decoded.indexOf(':');
  if (colon <= 0) return false;
  const password = decoded.slice(colon + 1);
  return isPlausiblePassword(password) || looksLikeSecretValue(password);
}

/** `auth0ClientSecret`, `apiKey2`: words in camelCase, a name rather than a value. */
function isCamelCaseName(value: string): boolean {
  const words = value.match(/[A-Z]?[a-z]+[0-9]*|[0-9]+/g);
  return words !== null && words.join('') === value && words.every((word) => /^[0-9]+$/.test(word) || (/[aeiouy]/i.test(word) && word.replace(/[0-9]+$/, '').length >= 3));
}

/** `SECRET_MCP_QUERY_123`, `API_TOKEN`: a constant's name (test sentinels are written this way), not a value. */
const CONSTANT_CASE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** A token or key in a position the format reserves for one: random enough, not a reference, placeholder or name. */
function isTokenValue(value: string, name?: string): boolean {
  return !isCamelCaseName(value) && !CONSTANT_CASE.test(value) && looksLikeSecretValue(value, name === undefined ? {} : { name });
}

export const FORMATS_PROVIDERS: ProviderDetector[] = family('formats', [
  {
    id: 'jwt',
    name: 'JSON Web Token',
    keywords: ['eyJ'],
    // Anywhere, not only after `Bearer`: header and payload are base64url JSON, the header names a signing
    // algorithm (unsigned `alg: none` tokens are forgeable test data), and a signature follows. Public client keys
    // (Supabase `anon`) are not reported.
    pattern: `${boundaryBefore('A-Za-z0-9_-')}(?<secret>eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,8192}\\.[A-Za-z0-9_-]{16,1024})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9_-])`,
    bounded: true,
    publicPrefix: 'eyJ',
    minEntropy: 4.0,
    validate: (secret) => isSignedJwt(secret) && !isPublicJwt(secret) && !isUnusableJwt(secret),
  },
  {
    id: 'url-password',
    name: 'password in a URL',
    kind: 'connection-string',
    keywords: ['://'],
    // `https://user:password@host` (HTTP basic auth, `.git-credentials` lines, proxies). Provider tokens used as
    // the password (`x-access-token:ghp_…`) are reported by their provider detector instead.
    pattern: `${boundaryBefore('A-Za-z0-9+.-')}[Hh][Tt][Tt][Pp][Ss]?://(?<user>[^:/?#@\\s'"\`<>]{0,128}):(?<secret>[^/?#@\\s'"\`<>]{1,256})@(?<host>[A-Za-z0-9.-]{1,253})`,
    bounded: true,
    validate: (secret, { user, host }) => secret !== user && !EXAMPLE_HOST.test(host ?? '') && !isPlaceholder(user ?? '') && isPlausiblePassword(secret),
  },
  {
    id: 'url-query-token',
    name: 'token in a URL query string',
    kind: 'generic',
    keywords: ['token=', 'key=', 'secret=', 'password=', 'passwd=', 'pwd=', 'auth='],
    // `?access_token=…`, `&api_key=…`, `&key=…`: URLs end up in logs, browser history and referrers. The URL, when
    // written, is read too: documentation hosts and badge images (whose tokens are public by design) are skipped.
    // `;` ends a value as it can start one: in `Server=…;Password=xxx;TrustServerCertificate=True;Min Pool Size=5`
    // (an ADO.NET connection string) the value is `xxx`, not everything up to the next space.
    pattern: `(?:(?<![A-Za-z0-9+.-])(?<url>[Hh][Tt][Tt][Pp][Ss]?://(?<host>[A-Za-z0-9.-]{1,253})[^\\s#'"\`<>]{0,300}?)|(?<![?&;]))[?&;](?<name>access_token|refresh_token|id_token|auth_token|private_token|token|api_key|apikey|api-key|key|client_secret|secret|password|passwd|pwd|auth)=(?<secret>[^&;#:\\s'"\`<>\\\\]{8,300})`,
    bounded: true,
    ignoreCase: true,
    validate: (secret, { name, url, host }) => !EXAMPLE_HOST.test(host ?? '') && !BADGE_URL.test(url ?? '') && isTokenValue(safeDecodeUri(secret), name),
  },
  {
    id: 'auth-header',
    name: 'credential in an HTTP auth header',
    kind: 'generic',
    keywords: ['authorization', 'auth-token', 'api-key', 'api-token', 'access-token', 'auth-key', 'private-token', 'vault-token', 'subscription-key', 'functions-key', 'server-token', 'account-token', 'access-key', 'secret-key'],
    // `Authorization: Token …`, `Api-Token …`, `Basic <base64 user:password>` …, a bare `Authorization: <token>`,
    // and key headers such as `X-Auth-Token`, `X-API-Key`, `Private-Token`, `Ocp-Apim-Subscription-Key`,
    // in curl flags, code and config. A UUID there is a key (many APIs issue UUID keys), not an id.
    pattern:
      `${boundaryBefore('A-Za-z0-9_-')}(?:(?:(?:Proxy-)?Authorization["'\`]?\\s{0,4}[:=,]\\s{0,4}["'\`]?(?<scheme>Token|Api-?Token|Api-?Key|Key|Bot|SSWS|Basic|Bearer|Klaviyo-API-Key|DeepL-Auth-Key|GenieKey)[ \\t]{1,4}` +
      `|(?:(?:X|Ocp-Apim)-(?:[A-Za-z]{1,20}-)?)?(?:Auth-Token|Api-Key|Api-Token|Access-Token|Auth-Key|Private-Token|Vault-Token|Subscription-Key|Functions-Key|Server-Token|Account-Token|Access-Key|Secret-Key)["'\`]?\\s{0,4}[:=,]\\s{0,4}["'\`]?)` +
      `(?<secret>[A-Za-z0-9._~+/=:-]{8,512})(?![A-Za-z0-9._~+/=:-])` +
      // A bare token as the whole header value (`Authorization: <token>`, quoted or not): no dots, so that code on
      // the right of an assignment (`authorization = base64.b64encode(…)`) is not a value, and nothing after it, so
      // that a scheme of its own (`Authorization: \`KasadaApiTokenV1 ${token}\``) is not one.
      `|(?:Proxy-)?Authorization["'\`]?\\s{0,4}:\\s{0,4}["'\`]?(?<secretBare>[A-Za-z0-9_~+/=-]{16,512})(?=["'\`,;})\\]\\r\\n]|[ \\t]{0,16}(?:[\\r\\n]|$)))`,
    bounded: true,
    ignoreCase: true,
    validate: (secret, { scheme }) => (scheme?.toLowerCase() === 'basic' ? isBasicCredential(secret) : isTokenValue(secret, 'api_key')),
  },
  {
    id: 'curl-basic-auth',
    name: 'password in `curl -u`',
    kind: 'generic',
    keywords: ['curl'],
    // `curl -u user:password`, `--user=me@acme.com:…`, `-u :password`, `-u token:` (the user part is the token), on
    // one line or across `\` continuations.
    pattern:
      `${boundaryBefore('A-Za-z0-9_-')}curl(?:[^\\n\\\\]|\\\\[^\\n]|\\\\\\r?\\n){0,400}?[ \\t](?:-u|--user)(?:=|[ \\t]{1,4})["']?` +
      `(?:(?<user>[^\\s:'"]{0,200}):(?<secret>[^\\s'"]{1,200})|(?<secretUser>[^\\s:'"]{12,200}):(?=["']?(?:\\s|$)))`,
    bounded: true,
    validate: (secret, { user, secretUser }) =>
      secretUser !== undefined ? isTokenValue(secret) : secret !== user && (isPlausiblePassword(secret) || isTokenValue(secret)),
  },
  {
    id: 'npmrc-auth',
    name: 'npm registry credential (.npmrc, .yarnrc.yml)',
    kind: 'generic',
    keywords: [':_auth', ':_password', '_auth=', '_auth =', '_authToken=', '_password=', 'npmAuthToken', 'npmAuthIdent', 'npmPassword'],
    // `//registry/:_authToken=<any token>`, `_auth=<base64 user:password>`, `_password=<base64>`, and Yarn's
    // `npmAuthToken:`; any value that is not a reference, not only `npm_…` tokens.
    pattern:
      `(?<![A-Za-z0-9_])(?:(?<=[:\\n]|^)[ \\t]{0,16}_(?<key>authToken|auth|password)[ \\t]{0,16}=[ \\t]{0,16}["']?(?<secret>[^\\s'"]{4,2000})` +
      `|npm(?<yarnKey>AuthToken|AuthIdent|Password)["']?[ \\t]{0,16}:[ \\t]{0,16}["']?(?<secretYarn>[^\\s'"]{4,2000}))`,
    bounded: true,
    validate: (secret, { key, yarnKey }) => {
      const which = key ?? yarnKey;
      if (which === 'auth' || which === 'AuthIdent') return isBasicCredential(secret);
      if (which === 'password' || which === 'Password') {
        const decoded = decodeBase64Url(secret.replace(/=+$/, ''));
        return decoded !== undefined && /^[\x20-\x7e]+$/.test(decoded) && isPlausiblePassword(decoded);
      }
      return secret.length >= 8 && !isDefaultPassword(secret);
    },
  },
  {
    id: 'pypirc-password',
    name: 'password in a .pypirc (or similar INI) section',
    kind: 'generic',
    keywords: ['password'],
    // `[server]` then `repository =` / `username =` lines, then `password =`.
    pattern:
      '(?<![^\\n])\\[[A-Za-z0-9_.-]{1,40}\\][ \\t]{0,16}\\r?\\n(?:[ \\t]{0,16}(?:repository|username|index-url)[ \\t]{0,16}[=:][^\\n]{0,300}\\n){1,3}' +
      '[ \\t]{0,16}password[ \\t]{0,16}[=:][ \\t]{0,16}(?<secret>[^\\s]{1,200})',
    bounded: true,
    validate: (secret) => isPlausiblePassword(secret),
  },
  {
    id: 'netrc',
    name: 'password in a .netrc entry',
    kind: 'generic',
    keywords: ['machine'],
    // `machine <host> login <user> password <password>`, on one line or several.
    pattern:
      `${boundaryBefore('A-Za-z0-9_-')}machine[ \\t]{1,16}[^\\s]{1,253}\\s{1,20}(?:login[ \\t]{1,16}[^\\s]{1,256}\\s{1,20})?` +
      `(?:account[ \\t]{1,16}[^\\s]{1,256}\\s{1,20})?password[ \\t]{1,16}(?<secret>[^\\s]{1,256})`,
    bounded: true,
    validate: (secret) => isPlausiblePassword(secret),
  },
  {
    id: 'docker-config-auth',
    name: 'registry credential in a Docker config.json',
    kind: 'generic',
    keywords: ['"auth"', '"identitytoken"'],
    // `"auths": { "<registry>": { "auth": "<base64 user:password>" } }`, or an identity (refresh) token.
    pattern: `${boundaryBefore('A-Za-z0-9_-')}"(?<key>auth|identitytoken)"\\s{0,4}:\\s{0,4}"(?<secret>[A-Za-z0-9+/_.-]{8,4096}={0,2})"`,
    bounded: true,
    validate: (secret, { key }) => (key === 'auth' ? isBasicCredential(secret) : isTokenValue(secret)),
  },
  {
    id: 'azure-connection-string',
    name: 'Azure storage or Service Bus key in a connection string',
    kind: 'connection-string',
    keywords: ['accountkey=', 'sharedaccesskey=', 'secret='],
    // `AccountKey=` (Storage), `SharedAccessKey=` (Service Bus, Event Hubs, IoT Hub), `;Secret=` (App Configuration);
    // not `SESSION_SECRET=`.
    pattern: `${boundaryBefore('A-Za-z0-9_')}(?:AccountKey|SharedAccessKey|(?<=;[ \\t]{0,4})Secret)[ \\t]{0,16}=[ \\t]{0,16}(?<secret>[A-Za-z0-9+/]{40,90}={0,2})(?![A-Za-z0-9+/=])`,
    bounded: true,
    ignoreCase: true,
    minEntropy: 4.0,
  },
  {
    id: 'jdbc-password',
    name: 'password in a JDBC URL',
    kind: 'connection-string',
    keywords: ['jdbc:'],
    pattern: `${boundaryBefore('A-Za-z0-9')}jdbc:[a-z0-9]{2,20}:[^\\s'"\`<>]{0,300}?[;?&:](?:password|pwd)=(?<secret>[^;&\\s'"\`<>]{1,128})`,
    bounded: true,
    ignoreCase: true,
    validate: (secret) => isPlausiblePassword(secret),
  },
  {
    id: 'odbc-password',
    name: 'password in an ODBC / ADO.NET connection string',
    kind: 'connection-string',
    keywords: ['password=', 'pwd='],
    pattern:
      `${boundaryBefore('A-Za-z0-9')}(?:Driver|Server|Data Source|DSN|Provider|Host)[ \\t]{0,16}=[^\\n'"\`]{0,300}?;[ \\t]{0,16}(?:Password|Pwd)[ \\t]{0,16}=[ \\t]{0,16}(?<secret>[^;\\n'"\`]{1,128})`,
    bounded: true,
    ignoreCase: true,
    validate: (secret) => isPlausiblePassword(secret.trim()),
  },
  {
    id: 'ldap-bind-password',
    name: 'LDAP bind password',
    kind: 'generic',
    keywords: ['bindpw', 'bind_pw', 'bind-pw', 'bind.pw', 'bindpass', 'bind_pass', 'bind-pass', 'bind.pass', 'bindcred', 'bind_cred', 'bind-cred', 'bind.cred', 'ldap', 'rootpw'],
    // `bindpw …` (ldap.conf, nslcd.conf), `bind_password:`, `LDAP_BIND_PASSWORD=`, `olcRootPW:` and `ldapsearch -w …`.
    // Hashed values (`{SSHA}…`) are not plain passwords.
    pattern:
      `${boundaryBefore('A-Za-z0-9_')}(?:(?:bind[_.-]?(?:pw|password|passwd|credentials?)|ldap[_.-]?(?:bind[_.-]?|admin[_.-]?)?(?:password|passwd|pw)|olcRootPW|rootpw)` +
      `["'\`]?(?:\\s{0,4}(?:[:=]|=>)\\s{0,4}|[ \\t]{1,4})["'\`]?(?<secret>[^\\s'"\`,;(){}\\[\\]]{4,200})` +
      `|ldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn)[^\\n]{0,300}?[ \\t]-w[ \\t]{1,4}["']?(?<secretFlag>[^\\s'"]{4,200}))`,
    bounded: true,
    ignoreCase: true,
    validate: (secret) => isPlausiblePassword(secret),
  },
  {
    id: 'xml-credential',
    name: 'credential in an XML element (Jenkins credentials.xml, Maven settings.xml)',
    kind: 'generic',
    keywords: ['<password>', '<passwd>', '<secret>', '<apitoken>', '<passphrase>', '<privatetoken>', '<secretkey>'],
    // Jenkins stores its own secrets encrypted (`{AQAAAB…}`); those are not plain credentials.
    pattern: `(?<![A-Za-z0-9])<(?<tag>password|passwd|secret|apiToken|passphrase|privateToken|secretKey)>(?<secret>[^<>\\s]{4,400})</`,
    bounded: true,
    ignoreCase: true,
    validate: (secret, { tag }) =>
      !/^\{[A-Za-z0-9+/=]+\}$/.test(secret) && (/^pass/i.test(tag ?? '') ? isPlausiblePassword(secret) : isTokenValue(secret)),
  },
  {
    id: 'nuget-config-password',
    name: 'password in a NuGet.config',
    kind: 'generic',
    keywords: ['cleartextpassword', 'key="password"'],
    pattern: `(?<![A-Za-z0-9])<add[ \\t]{1,16}key="(?:ClearText)?Password"[ \\t]{1,16}value="(?<secret>[^"]{4,200})"`,
    bounded: true,
    ignoreCase: true,
    validate: (secret) => isPlausiblePassword(secret),
  },
]);

function safeDecodeUri(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
