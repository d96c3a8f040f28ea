/**
 * Paths of files and folders that hold credentials: a project's .env, SSH keys, cloud CLI credentials, package
 * registry and git tokens, private keys. Used to spot such files handed whole to an MCP server, and (by name) in
 * Claude Code deny rules.
 */

/** `.env`, `.env.local`, `.env.production`; not the committed templates (`.env.example`, `.env.sample` …). */
const DOTENV = /^\.env(?:\.(?!(?:example|sample|template|tpl|dist|defaults|schema)$)[\w-]{1,40})?$/i;
const SSH_KEY = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/i;
const PRIVATE_KEY_FILE = /\.(?:key|p12|pfx|jks|keystore|ppk)$/i;
const TOKEN_FILES = new Map([
  ['.npmrc', 'an npm token file (.npmrc)'],
  ['.netrc', 'a .netrc with machine passwords'],
  ['_netrc', 'a .netrc with machine passwords'],
  ['.pgpass', 'a PostgreSQL password file (.pgpass)'],
  ['.git-credentials', 'stored git credentials'],
  ['.pypirc', 'a PyPI token file (.pypirc)'],
]);
/** Folders whose content is credentials, with what to call them. */
const SECRET_DIRECTORIES = new Map([
  ['.ssh', 'your SSH keys (~/.ssh)'],
  ['.aws', 'your AWS credentials (~/.aws)'],
  ['.kube', 'your Kubernetes credentials (~/.kube)'],
  ['.gnupg', 'your GPG keys (~/.gnupg)'],
  ['.azure', 'your Azure CLI credentials (~/.azure)'],
]);

/** What secret a path names, for messages ("an SSH private key"), or undefined for an ordinary path. */
export function secretPathKind(path: string): string | undefined {
  const cleaned = path.trim().replace(/^["']|["']$/g, '');
  if (!cleaned || /:\/\//.test(cleaned)) return undefined;
  const segments = cleaned.split(/[\\/]+/).filter(Boolean);
  const base = segments[segments.length - 1] ?? '';
  if (DOTENV.test(base)) return `a .env file ("${base}", every secret in it)`;
  if (SSH_KEY.test(base)) return `an SSH private key (${base})`;
  const tokenFile = TOKEN_FILES.get(base.toLowerCase());
  if (tokenFile) return tokenFile;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!.toLowerCase();
    const directory = SECRET_DIRECTORIES.get(segment);
    if (directory) {
      // Files in ~/.ssh that hold no secret.
      if (segment === '.ssh' && i < segments.length - 1 && /^(?:known_hosts|config|authorized_keys|.*\.pub)$/i.test(base)) return undefined;
      return directory;
    }
    if (segment === '.docker' && segments[i + 1]?.toLowerCase() === 'config.json') return 'your Docker registry credentials (~/.docker/config.json)';
    if (segment === '.config' && segments[i + 1]?.toLowerCase() === 'gcloud') return 'your Google Cloud credentials (~/.config/gcloud)';
  }
  if (PRIVATE_KEY_FILE.test(base)) return `a private key file (${base})`;
  if (/\.pem$/i.test(base) && /key|private|id_/i.test(base)) return `a private key file (${base})`;
  return undefined;
}

/** The parts of a command-line word that are paths: `-v ~/.ssh:/root/.ssh:ro` → `~/.ssh`, `/root/.ssh`, `ro`. */
export function pathParts(word: string): { part: string; from: number }[] {
  const parts: { part: string; from: number }[] = [];
  // Separators between paths in one word: `=` (`--env-file=.env`), `,` (mount options), `:` unless it is a drive
  // letter (`C:\`) or a URL scheme.
  let start = 0;
  for (let i = 0; i <= word.length; i++) {
    const c = word[i];
    const drive = c === ':' && i === start + 1 && /[a-z]/i.test(word[start] ?? '') && /[\\/]/.test(word[i + 1] ?? '');
    if (i === word.length || c === '=' || c === ',' || (c === ':' && !drive)) {
      if (i > start) parts.push({ part: word.slice(start, i), from: start });
      start = i + 1;
    }
  }
  return parts;
}
