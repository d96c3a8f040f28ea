import type { AnalysisContext } from '../context';
import { configKind, type Editor } from './kind';
import { configTrees, getKey, getPath, stringsOf, type TreeEntry, type TreeString } from './tree';

/**
 * Editor settings that decide whether an agent asks before it acts: a VS Code-format settings file (VS Code,
 * Cursor and Windsurf share the format; devcontainers nest it under customizations.vscode.settings) and Cursor's
 * permissions.json allow-lists.
 */
export interface EditorSettings {
  editor: Editor;
  /** The top-level settings entries, by their flat dotted key (`"chat.tools.global.autoApprove": true`). */
  entries: TreeEntry[];
}

export interface CursorPermissions {
  /** `server:tool` patterns of MCP tools that run without approval. */
  mcpAllowlist: TreeString[];
  /** Command prefixes that run without approval. */
  terminalAllowlist: TreeString[];
}

export function readEditorSettings(context: AnalysisContext): EditorSettings | undefined {
  const kind = configKind(context.path);
  if (kind?.kind !== 'editor-settings' || context.kind !== 'json') return undefined;
  return context.memo('configs:editor-settings', () => {
    const settings = getPath(configTrees(context)[0], kind.settingsPath);
    return { editor: kind.editor, entries: settings?.type === 'object' ? settings.entries : [] };
  });
}

export function readCursorPermissions(context: AnalysisContext): CursorPermissions | undefined {
  if (configKind(context.path)?.kind !== 'cursor-permissions' || context.kind !== 'json') return undefined;
  return context.memo('configs:cursor-permissions', () => {
    const root = configTrees(context)[0];
    return { mcpAllowlist: stringsOf(getKey(root, 'mcpAllowlist')), terminalAllowlist: stringsOf(getKey(root, 'terminalAllowlist')) };
  });
}
