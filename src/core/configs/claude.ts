import type { AnalysisContext } from '../context';
import { configKind } from './kind';
import { configTrees, getKey, stringsOf, type TreeString } from './tree';

/** The parts of a Claude Code settings file (`.claude/settings.json`, `.claude/settings.local.json`) rules read. */
export interface ClaudeSettings {
  local: boolean;
  allow: TreeString[];
  ask: TreeString[];
  deny: TreeString[];
  additionalDirectories: TreeString[];
  /** `permissions.defaultMode`, and a top-level `defaultMode` (older and hand-written settings). */
  defaultModes: TreeString[];
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
    };
  });
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
