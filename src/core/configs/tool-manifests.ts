/**
 * MCP tool definitions kept as JSON: a saved `tools/list` result (`{ "tools": [{ "name", "description",
 * "inputSchema" }] }`, or the JSON-RPC response around it), and an MCP registry `server.json` (the server's name,
 * title and description). Recognised by shape, whatever the file is called.
 */
import type { AnalysisContext } from '../context';
import type { ToolTextRole } from '../poisoning/detect';
import { configTrees, escapesPrintableCharacters, getKey, type TreeString, type TreeValue } from './tree';

export interface ManifestToolText {
  node: TreeString;
  role: ToolTextRole;
  tool?: string;
}

export interface ToolManifest {
  /** A tools list, or an MCP registry server.json (whose text describes the server). */
  subject: 'tool' | 'server';
  texts: ManifestToolText[];
  /** Every tool the file defines. */
  names: Set<string>;
}

const MAX_DEPTH = 12;

export function readToolManifest(context: AnalysisContext): ToolManifest | undefined {
  if (context.kind !== 'json' || !(/"(?:inputSchema|input_schema|description)"/.test(context.text) || escapesPrintableCharacters(context))) return undefined;
  return context.memo('configs:tool-manifest', () => {
    const root = configTrees(context)[0];
    const tools = getKey(root, 'tools') ?? getKey(getKey(root, 'result'), 'tools');
    const manifest: ToolManifest = { subject: 'tool', texts: [], names: new Set() };
    if (tools?.type === 'array' && tools.items.some(isTool)) {
      for (const tool of tools.items) {
        const name = tool.type === 'object' ? getKey(tool, 'name') : undefined;
        if (name?.type === 'string') manifest.names.add(name.value);
      }
      for (const tool of tools.items) if (tool.type === 'object' && isTool(tool)) collect(tool, manifest, stringOf(getKey(tool, 'name')), 0);
      return manifest;
    }
    if (isRegistryServer(root)) {
      manifest.subject = 'server';
      collect(root!, manifest, stringOf(getKey(root, 'name')), 0);
      return manifest;
    }
    return undefined;
  });
}

function stringOf(node: TreeValue | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

function isTool(node: TreeValue): boolean {
  return node.type === 'object' && getKey(node, 'name')?.type === 'string' && (getKey(node, 'inputSchema') !== undefined || getKey(node, 'input_schema') !== undefined || getKey(node, 'description') !== undefined);
}

/** An MCP registry server.json: a `$schema` under modelcontextprotocol.io, or a name with packages or remotes. */
function isRegistryServer(root: TreeValue | undefined): boolean {
  if (root?.type !== 'object') return false;
  const schema = stringOf(getKey(root, '$schema'));
  if (schema && /modelcontextprotocol|server\.schema\.json/.test(schema)) return true;
  return getKey(root, 'name')?.type === 'string' && (getKey(root, 'packages')?.type === 'array' || getKey(root, 'remotes')?.type === 'array') && getKey(root, 'description')?.type === 'string';
}

/** The name, title and description of a tool, and every `description`/`title` nested in its schema. */
function collect(node: TreeValue, manifest: ToolManifest, tool: string | undefined, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (node.type === 'array') {
    for (const item of node.items) collect(item, manifest, tool, depth + 1);
    return;
  }
  if (node.type !== 'object') return;
  for (const entry of node.entries) {
    const value = entry.value;
    if (value.type === 'string') {
      if (depth === 0 && entry.key === 'name') manifest.texts.push({ node: value, role: 'name', ...(tool !== undefined && { tool }) });
      else if (entry.key === 'description' || entry.key === 'title') manifest.texts.push({ node: value, role: 'description', ...(tool !== undefined && { tool }) });
    } else {
      collect(value, manifest, tool, depth + 1);
    }
  }
}
