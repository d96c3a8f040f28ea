/**
 * OAuth scopes that give an agent far more than a task needs, with the narrower scope to use instead.
 * Google and Microsoft Graph scopes are distinctive strings and are recognised anywhere; GitHub scopes (`repo`,
 * `workflow`) are ordinary words and are recognised only inside a scope list (see isScopeKey).
 */

export interface ScopeHit {
  /** Offsets into the searched string. */
  from: number;
  to: number;
  scope: string;
  message: string;
}

const GOOGLE = /https?:\/\/www\.googleapis\.com\/auth\/(drive|cloud-platform|gmail\.modify|admin\.directory\.[a-z.]{1,60})(?![\w.\/-])|https:\/\/mail\.google\.com\/(?![\w.\/-])/g;
const GRAPH = /(?<![\w.])(?:[A-Z][A-Za-z]{1,40}(?:\.[A-Z][A-Za-z]{1,40}){0,2}\.ReadWrite\.All|Sites\.FullControl\.All|Directory\.AccessAsUser\.All|RoleManagement\.ReadWrite\.Directory|Mail\.ReadWrite(?:\.Shared)?)(?![\w.])/g;

const GRAPH_HINT = /Mail\.ReadWrite|RoleManagement\./;

function googleMessage(scope: string, short: string): string {
  switch (short) {
    case 'drive':
      return `Google scope ${scope} gives read and write access to every file in the user's Drive. Use drive.file (only files the app created or the user picked) or drive.readonly.`;
    case 'cloud-platform':
      return `Google scope ${scope} gives access to every Google Cloud API the identity's IAM roles allow. Use the service's own scope (for example devstorage.read_only or bigquery.readonly) so the token is bounded by more than IAM.`;
    case 'mail':
      return `Google scope ${scope} gives full access to the mailbox, including permanent deletion. Use gmail.readonly, gmail.send or gmail.labels for what the agent does.`;
    case 'gmail.modify':
      return `Google scope ${scope} reads, changes and sends every message in the mailbox. Use gmail.readonly, gmail.send or gmail.labels for what the agent does.`;
    default:
      return `Google scope ${scope} lets the agent change the organisation's Workspace directory (users, groups, devices). Use the matching .readonly scope, or an admin role limited to what the task needs.`;
  }
}

function graphMessage(scope: string): string {
  // Compared with regular expressions, not string literals, so this file does not report itself.
  if (/^Mail\.ReadWrite/.test(scope)) {
    return `Microsoft Graph permission ${scope} reads, changes and deletes every message in the mailbox (every mailbox in the tenant as an application permission). Use Mail.Read and Mail.Send, or Mail.ReadBasic.`;
  }
  if (/^(?:RoleManagement\.ReadWrite\.Directory|Directory\.AccessAsUser\.All|Directory\.ReadWrite\.All)$/.test(scope)) {
    return `Microsoft Graph permission ${scope} can change the tenant's directory (users, groups, role assignments): effectively tenant administrator. Use the narrowest read permission the task needs (for example User.Read.All).`;
  }
  if (/^Sites\.FullControl\.All$/.test(scope)) {
    return `Microsoft Graph permission ${scope} gives full control of every SharePoint site in the tenant. Use Sites.Selected and grant the agent the specific sites it needs.`;
  }
  return `Microsoft Graph permission ${scope} can change every matching object in the tenant (".All"). Use a read permission, a ".Selected" permission (Sites.Selected, Files.SelectedOperations.Selected) or the signed-in user's own scope.`;
}

/** Google and Microsoft Graph scopes in any string. */
export function distinctiveScopes(value: string): ScopeHit[] {
  const hits: ScopeHit[] = [];
  if (value.includes('google')) {
    for (const match of value.matchAll(GOOGLE)) {
      const short = match[1] ?? 'mail';
      if (short.startsWith('admin.directory.') && short.endsWith('.readonly')) continue;
      hits.push({ from: match.index!, to: match.index! + match[0].length, scope: match[0], message: googleMessage(match[0], short.startsWith('admin.directory.') ? 'admin' : short) });
    }
  }
  if (value.includes('.All') || GRAPH_HINT.test(value)) {
    for (const match of value.matchAll(GRAPH)) {
      hits.push({ from: match.index!, to: match.index! + match[0].length, scope: match[0], message: graphMessage(match[0]) });
    }
  }
  return hits;
}

const GITHUB_FIX = 'Use a fine-grained token or a GitHub App installation token limited to the repositories and permissions the agent needs (for example contents: read).';

/**
 * GitHub's administrative scopes (its documentation's list for OAuth apps and classic tokens). Other `admin:…` words
 * are not GitHub's: MCP servers and other OAuth servers define their own (`admin:write`), which say nothing here.
 */
const GITHUB_ADMIN = 'admin:(?:org|public_key|repo_hook|org_hook|gpg_key|ssh_signing_key|enterprise)';
const GITHUB_ADMIN_SCOPE = new RegExp(`^${GITHUB_ADMIN}$`);

/** A GitHub OAuth/classic-token scope that is too broad, with why; undefined for a narrow or unknown one. */
export function githubScopeMessage(scope: string): string | undefined {
  const value = scope.trim();
  switch (value) {
    case 'repo':
      return `GitHub scope "repo" gives read and write access to every repository the user can reach, private ones included. ${GITHUB_FIX}`;
    case 'delete_repo':
      return `GitHub scope "delete_repo" lets the token delete repositories. Leave it out; deleting repositories is not an agent's job. ${GITHUB_FIX}`;
    case 'workflow':
      return `GitHub scope "workflow" lets the token change GitHub Actions workflows, and so run any code with the repository's secrets. ${GITHUB_FIX}`;
    case 'delete:packages':
      return `GitHub scope "delete:packages" lets the token delete published packages. Use read:packages (or write:packages to publish). ${GITHUB_FIX}`;
    case 'site_admin':
      return `GitHub scope "site_admin" gives site administrator access to a GitHub Enterprise Server. ${GITHUB_FIX}`;
  }
  if (GITHUB_ADMIN_SCOPE.test(value)) {
    return `GitHub scope "${value}" gives administrative control${value === 'admin:org' ? ' of the organisation (members, teams, settings)' : ''}. Use the matching read: or write: scope if one exists. ${GITHUB_FIX}`;
  }
  return undefined;
}

/**
 * Keys whose values are scope lists: `scope`, `scopes`, `oauthScopes`, `requiredScopes`, `GITHUB_OAUTH_SCOPES`,
 * `permissions` (a list, as in some SDK options).
 */
export function isScopeKey(key: string): boolean {
  return /^(?:scopes?|permissions)$/i.test(key) || /[_.\s-]scopes?$/i.test(key) || /[a-z0-9]Scopes?$/.test(key);
}

/** Words of a scope list (`"repo workflow"`, `"repo,workflow"`, `["repo"]` items) with offsets. */
export function scopeWords(value: string): { word: string; from: number; to: number }[] {
  const words: { word: string; from: number; to: number }[] = [];
  if (value.length > 10_000) return words;
  for (const match of value.matchAll(/[^\s,"'`[\]()]{1,200}/g)) words.push({ word: match[0], from: match.index!, to: match.index! + match[0].length });
  return words;
}

/** OAuth scopes spelled as one plain word: GitHub's and OpenID Connect's. Other providers' have `:`, `.`, `_` or `/`. */
const PLAIN_SCOPES = new Set(['repo', 'gist', 'notifications', 'user', 'project', 'workflow', 'codespace', 'copilot', 'openid', 'email', 'profile']);

/**
 * GitHub scopes in a scope list string. A list with a plain word that is no OAuth scope (`deps`, `docs`,
 * `langchain-modal`) is something else called scopes: the commit scopes a pull-request title linter allows
 * (`amannn/action-semantic-pull-request`'s `scopes:`), where `repo` is a part of the repository.
 */
export function githubScopesInList(value: string, skip?: (word: string) => boolean): ScopeHit[] {
  const words = scopeWords(value);
  if (words.some(({ word }) => /^[A-Za-z0-9-]+$/.test(word) && !PLAIN_SCOPES.has(word))) return [];
  const hits: ScopeHit[] = [];
  for (const { word, from, to } of words) {
    const message = githubScopeMessage(word);
    if (message && !skip?.(word)) hits.push({ from, to, scope: word, message });
  }
  return hits;
}

/** `?scope=repo%20workflow` / `&scope=admin:org` in an OAuth authorize URL. */
export function githubScopesInUrl(value: string): ScopeHit[] {
  if (!value.includes('scope=')) return [];
  const hits: ScopeHit[] = [];
  for (const match of value.matchAll(/[?&]scope=([^&#\s"'`]{1,1000})/g)) {
    const base = match.index! + match[0].length - match[1]!.length;
    // Split on `+`, `,`, `%20`, `%2C`; decode `%3A` inside a word.
    let start = 0;
    const raw = match[1]!;
    for (let i = 0; i <= raw.length; i++) {
      const c = raw[i];
      const separator = i === raw.length || c === '+' || c === ',' ? 1 : c === '%' && /^%(?:20|2C)/i.test(raw.slice(i, i + 3)) ? 3 : 0;
      if (!separator) continue;
      const word = raw.slice(start, i).replace(/%3A/gi, ':');
      const message = githubScopeMessage(word);
      if (message) hits.push({ from: base + start, to: base + i, scope: word, message });
      start = i + separator;
      i += separator - 1;
    }
  }
  return hits;
}

const GITHUB_WORD = `(?<![\\w:-])(?:repo|delete_repo|workflow|delete:packages|site_admin|${GITHUB_ADMIN})(?![\\w:-])`;
const GITHUB_WORDS = new RegExp(GITHUB_WORD);
/** Where a broad scope may start in a file: distinctive scopes, GitHub scope words, `scope=` URL parameters. */
const CANDIDATES = new RegExp(
  `https?://www\\.googleapis\\.com/auth/|https://mail\\.google\\.com/|\\.ReadWrite|\\.FullControl|\\.AccessAsUser|${GITHUB_WORD}|[?&]scope=`,
  'g',
);

/** Offsets in a file where a broad scope may be (for code, each is then checked against the syntax tree). */
export function scopeCandidates(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(CANDIDATES)) offsets.push(match.index!);
  return offsets;
}

/**
 * APIs that accept no narrower scope than cloud-platform (Vertex AI / aiplatform, including Gemini and the partner
 * models on Vertex; Secret Manager; Application Integration, Integration Connectors and API hub, which ADK's toolsets
 * call): asking for cloud-platform to call them is the only way, and IAM bounds it.
 */
const ONLY_CLOUD_PLATFORM = /vertex|aiplatform|secretmanager|secret-manager|integrations\.googleapis|connectors\.googleapis|apihub\.googleapis|application[_-]integration|integration[_-]connector/i;

/** Does this file call an API for which cloud-platform is the only scope (by its path or its text)? */
export function callsCloudPlatformOnlyApi(path: string, text: string): boolean {
  return ONLY_CLOUD_PLATFORM.test(path) || ONLY_CLOUD_PLATFORM.test(text);
}

export function isCloudPlatformScope(scope: string): boolean {
  return scope.endsWith('/auth/cloud-platform');
}

/**
 * An API's own list of the scopes it accepts, not a grant: protobuf service definitions
 * (`option (google.api.oauth_scopes) = …`, also compiled to `protos.json`) and type declarations.
 */
export function declaresAcceptedScopes(path: string, text: string): boolean {
  return /\.d\.[mc]?ts$|\.proto$/i.test(path) || text.includes('google.api.oauth_scopes');
}

/** Cheap test: could this file hold a broad scope at all? (Most files cannot; the rule then does no work.) */
export function mightHoldBroadScope(text: string): boolean {
  if (text.includes('googleapis.com/auth/') || text.includes('mail.google.com/')) return true;
  if (text.includes('.All') || GRAPH_HINT.test(text)) return true;
  if (text.includes('write-all')) return true;
  // A scope URL parameter is read decoded (`scope=admin%3Aorg`), which the words' pattern on the raw text would miss.
  return /scope|permissions/i.test(text) && (GITHUB_WORDS.test(text) || SCOPE_PARAMETER.test(text));
}

const SCOPE_PARAMETER = /[?&]scope=/;
