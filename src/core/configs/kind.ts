/**
 * Which agent configuration a file is, by its path (PRODUCT.md §3). Paths are workspace-relative with forward
 * slashes; a config is recognised at any depth (`packages/app/.vscode/mcp.json` too).
 */

/** The MCP client a config file belongs to: it decides the servers key and the advice in messages. */
export type McpClient = 'vscode' | 'claude-code' | 'cursor' | 'claude-desktop' | 'cline' | 'generic';

/** The editor whose settings a VS Code-format settings file configures (`any`: a workspace file every fork reads). */
export type Editor = 'vscode' | 'cursor' | 'windsurf' | 'any';

export type ConfigKind =
  | { kind: 'mcp'; client: McpClient; /** Paths of the objects that hold the server map, in order. */ serverKeys: string[][] }
  | { kind: 'claude-settings'; local: boolean }
  | { kind: 'editor-settings'; editor: Editor; /** Path of the object that holds the settings (devcontainers nest them). */ settingsPath: string[] }
  | { kind: 'cursor-permissions' };

/** VS Code reads `servers`; Claude Code, Claude Desktop, Cursor, Cline and Windsurf read `mcpServers`. */
const MCP_SERVERS: string[][] = [['mcpServers']];
const VSCODE_SERVERS: string[][] = [['servers']];
/** Files named only `mcp.json` / `mcp_config.json` belong to many clients (Kiro, Roo, Amazon Q, Windsurf …): read both. */
const ANY_SERVERS: string[][] = [['mcpServers'], ['servers']];

export function configKind(path: string): ConfigKind | undefined {
  const lower = path.toLowerCase();
  const slash = lower.lastIndexOf('/');
  const name = slash >= 0 ? lower.slice(slash + 1) : lower;
  const parent = slash >= 0 ? lower.slice(lower.lastIndexOf('/', slash - 1) + 1, slash) : '';
  switch (name) {
    case 'mcp.json':
      if (parent === '.vscode') return { kind: 'mcp', client: 'vscode', serverKeys: VSCODE_SERVERS };
      if (parent === '.cursor') return { kind: 'mcp', client: 'cursor', serverKeys: MCP_SERVERS };
      // Roo Code, a Cline fork: same `mcpServers` shape and `alwaysAllow` lists.
      if (parent === '.roo') return { kind: 'mcp', client: 'cline', serverKeys: MCP_SERVERS };
      return { kind: 'mcp', client: 'generic', serverKeys: ANY_SERVERS };
    case '.mcp.json':
      return { kind: 'mcp', client: 'claude-code', serverKeys: MCP_SERVERS };
    case 'claude_desktop_config.json':
      return { kind: 'mcp', client: 'claude-desktop', serverKeys: MCP_SERVERS };
    case 'cline_mcp_settings.json':
    case 'mcp_settings.json': // Roo Code's global file
      return { kind: 'mcp', client: 'cline', serverKeys: MCP_SERVERS };
    case 'mcp_config.json':
      return { kind: 'mcp', client: 'generic', serverKeys: ANY_SERVERS };
    case 'settings.json':
      if (parent === '.claude') return { kind: 'claude-settings', local: false };
      // Gemini CLI keeps its MCP servers in its settings file.
      if (parent === '.gemini') return { kind: 'mcp', client: 'generic', serverKeys: MCP_SERVERS };
      // Workspace settings (every VS Code fork reads .vscode/settings.json) and user settings kept in dotfiles
      // (`Code/User/settings.json`, `Cursor/User/settings.json`, `Windsurf/User/settings.json`).
      if (parent === '.vscode') return { kind: 'editor-settings', editor: 'any', settingsPath: [] };
      if (parent === 'user') return { kind: 'editor-settings', editor: userSettingsEditor(lower), settingsPath: [] };
      return undefined;
    case 'devcontainer.json':
    case '.devcontainer.json':
      return { kind: 'editor-settings', editor: 'vscode', settingsPath: ['customizations', 'vscode', 'settings'] };
    case 'permissions.json':
      return parent === '.cursor' ? { kind: 'cursor-permissions' } : undefined;
    case 'settings.local.json':
      return parent === '.claude' ? { kind: 'claude-settings', local: true } : undefined;
    case 'hooks.json':
      // A Claude Code plugin's hooks (`<plugin>/hooks/hooks.json`): the same `hooks` object as in settings.
      return parent === 'hooks' ? { kind: 'claude-settings', local: false } : undefined;
    case 'managed-settings.json':
      // Claude Code's enterprise-managed settings, when a repository keeps them (same format).
      return { kind: 'claude-settings', local: false };
    default:
      return undefined;
  }
}

/** `…/Cursor/User/settings.json` → cursor; `…/Windsurf/User/…` → windsurf; `Code`, `Code - Insiders`, VSCodium → vscode. */
function userSettingsEditor(lower: string): Editor {
  const parts = lower.split('/');
  const product = parts[parts.length - 3] ?? '';
  if (product.includes('cursor')) return 'cursor';
  if (product.includes('windsurf')) return 'windsurf';
  return product.includes('code') || product.includes('codium') ? 'vscode' : 'any';
}

export function isMcpConfigPath(path: string): boolean {
  return configKind(path)?.kind === 'mcp';
}

export function isClaudeSettingsPath(path: string): boolean {
  return configKind(path)?.kind === 'claude-settings';
}

/** Prose documentation: it describes grants, it does not make them (line scans skip it). */
export function isProsePath(path: string): boolean {
  // RSS and Atom feeds are release notes too (Claude Code's feed.xml quotes its own flags).
  return /\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt|rss|atom)$/i.test(path) || /(?:^|\/)(?:feed|rss|atom)\.xml$/i.test(path);
}
