/** What fixes may read of the workspace besides the finding's own file (the adapters supply it). */
export interface FixWorkspace {
  /** Workspace-relative paths (forward slashes) of the workspace's files. */
  files: readonly string[];
  /** The current text of a workspace file (an open editor's text first); undefined when it does not exist. */
  readText(path: string): string | undefined;
}

export const EMPTY_WORKSPACE: FixWorkspace = { files: [], readText: () => undefined };

/** Does the file exist (listed, or readable)? */
export function fileExists(workspace: FixWorkspace, path: string): boolean {
  return workspace.files.includes(path) || workspace.readText(path) !== undefined;
}

/** The nearest package.json at or above a folder, with its parsed `type`. */
export function nearestPackageJson(workspace: FixWorkspace, folder: string): { folder: string; type?: string } | undefined {
  let current = folder;
  for (;;) {
    const path = current ? `${current}/package.json` : 'package.json';
    const text = workspace.readText(path);
    if (text !== undefined) {
      try {
        const parsed = JSON.parse(text) as { type?: unknown };
        return { folder: current, ...(typeof parsed.type === 'string' && { type: parsed.type }) };
      } catch {
        return { folder: current };
      }
    }
    if (!current) return undefined;
    const slash = current.lastIndexOf('/');
    current = slash < 0 ? '' : current.slice(0, slash);
  }
}
