import type { AnalysisContext } from '../context';
import { configKind } from './kind';
import { configTrees, getKey, objectsOf, stringsOf, type TreeString, type TreeValue } from './tree';

/** The parts of a Claude Code settings file (`.claude/settings.json`, `.claude/settings.local.json`) rules read. */
export interface ClaudeSettings {
  local: boolean;
  allow: TreeString[];
  ask: TreeString[];
  deny: TreeString[];
  additionalDirectories: TreeString[];
  /** `permissions.defaultMode`, and a top-level `defaultMode` (older and hand-written settings). */
  defaultModes: TreeString[];
  /** `enableAllProjectMcpServers`: every server a project's .mcp.json defines starts without asking. */
  enableAllProjectMcpServers?: TreeValue;
  /** `sandbox.filesystem.denyRead`: paths no Bash command may read when the sandbox is on. */
  sandboxDenyRead: TreeString[];
  /** Shell commands of `hooks` (`"PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": … }] }]`). */
  hooks: ClaudeHook[];
}

export interface ClaudeHook {
  /** `PreToolUse`, `PostToolUse`, `UserPromptSubmit`, `SessionStart` … */
  event: string;
  matcher?: string;
  command: TreeString;
}

export function readClaudeSettings(context: AnalysisContext): ClaudeSettings | undefined {
  const kind = configKind(context.path);
  if (kind?.kind !== 'claude-settings' || context.kind !== 'json') return undefined;
  return context.memo('configs:claude-settings', () => {
    const root = configTrees(context)[0];
    const permissions = getKey(root, 'permissions');
    const modes = [getKey(permissions, 'defaultMode'), getKey(root, 'defaultMode')].filter((node): node is TreeString => node?.type === 'string');
    return {
      local: kind.local,
      allow: stringsOf(getKey(permissions, 'allow')),
      ask: stringsOf(getKey(permissions, 'ask')),
      deny: stringsOf(getKey(permissions, 'deny')),
      additionalDirectories: stringsOf(getKey(permissions, 'additionalDirectories')),
      defaultModes: modes,
      ...(getKey(root, 'enableAllProjectMcpServers') && { enableAllProjectMcpServers: getKey(root, 'enableAllProjectMcpServers') }),
      sandboxDenyRead: stringsOf(getKey(getKey(getKey(root, 'sandbox'), 'filesystem'), 'denyRead')),
      hooks: readHooks(getKey(root, 'hooks')),
    };
  });
}

function readHooks(node: TreeValue | undefined): ClaudeHook[] {
  const hooks: ClaudeHook[] = [];
  if (node?.type !== 'object') return hooks;
  for (const { key: event, value } of node.entries) {
    for (const group of objectsOf(value)) {
      const matcher = getKey(group, 'matcher');
      for (const hook of objectsOf(getKey(group, 'hooks'))) {
        const type = getKey(hook, 'type');
        const command = getKey(hook, 'command');
        if (command?.type !== 'string' || (type?.type === 'string' && type.value !== 'command')) continue;
        hooks.push({ event, ...(matcher?.type === 'string' && { matcher: matcher.value }), command });
      }
    }
  }
  return hooks;
}

/** A Claude Code permission rule: `Bash`, `Bash(npm run test:*)`, `Read(./src/**)`, `mcp__github__get_issue`. */
export interface PermissionRule {
  tool: string;
  /** The text between the parentheses, trimmed; undefined for a bare tool name. */
  specifier?: string;
}

export function parsePermissionRule(rule: string): PermissionRule | undefined {
  const trimmed = rule.trim();
  const open = trimmed.indexOf('(');
  if (open < 0) return /^[\w-]{1,200}$/.test(trimmed) ? { tool: trimmed } : undefined;
  if (!trimmed.endsWith(')')) return undefined;
  const tool = trimmed.slice(0, open).trim();
  if (!/^[\w-]{1,200}$/.test(tool)) return undefined;
  return { tool, specifier: trimmed.slice(open + 1, -1).trim() };
}
