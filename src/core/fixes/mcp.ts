/**
 * Fixes in MCP client configs: a secret becomes the client's own reference syntax (VS Code `${input:id}` with a
 * password prompt, Cursor `${env:NAME}`, Claude Code `${NAME}`), and a filesystem server given the whole disk gets
 * `${workspaceFolder}`. Edits are computed with jsonc-parser, so comments and formatting are kept.
 */
import { findNodeAtOffset, getNodePath, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { appendJsonItem, formatJson } from './json-edit';
import { configKind, type McpClient } from '../configs/kind';
import type { Finding } from '../types';
import { credentialNameFor, envNameFor } from './names';
import { ROTATE_FOLLOW_UP, ROTATE_TITLE } from './rotate';
import { eolOf, indentAt, indentUnit, lineStartOf } from './text';
import type { FileEdit, Fix } from './types';

function mcpClient(path: string): McpClient | undefined {
  const kind = configKind(path);
  return kind?.kind === 'mcp' ? kind.client : undefined;
}

/** The JSON string node holding the finding, and the key it is stored under. */
function stringAt(text: string, offset: number): { node: JsonNode; key?: string; root: JsonNode } | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset);
  if (!node || node.type !== 'string') return undefined;
  const path = getNodePath(node);
  const last = path[path.length - 1];
  // A property key is not a value to replace.
  if (node.parent?.type === 'property' && node.parent.children?.[0] === node) return undefined;
  return { node, root, ...(typeof last === 'string' && { key: last }) };
}


export function mcpSecretFixes(path: string, text: string, finding: Finding): Fix[] {
  const client = mcpClient(path);
  if (client !== 'vscode' && client !== 'cursor' && client !== 'claude-code') return [];
  const located = stringAt(text, finding.startOffset);
  if (!located || finding.endOffset > located.node.offset + located.node.length - 1) return [];
  // Keys that look like environment variable names name the variable; otherwise the provider does.
  const envName = located.key && /^[A-Z][A-Z0-9_]*$/.test(located.key) ? located.key : envNameFor(finding.provider, located.key);
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix' as const, safe: true, isPreferred: true };
  const replace = (reference: string): FileEdit => ({ path, startOffset: finding.startOffset, endOffset: finding.endOffset, newText: reference });
  if (client === 'cursor') {
    return [{ ...base, title: `Use \${env:${envName}} (${ROTATE_TITLE})`, edits: [replace(`\${env:${envName}}`)], followUp: `Set ${envName} in the environment Cursor starts from. ${ROTATE_FOLLOW_UP}` }];
  }
  if (client === 'claude-code') {
    return [{ ...base, title: `Use \${${envName}} (${ROTATE_TITLE})`, edits: [replace(`\${${envName}}`)], followUp: `Set ${envName} in the environment Claude Code starts from. ${ROTATE_FOLLOW_UP}` }];
  }
  // VS Code: a password input prompted once and stored in the editor's secret storage.
  const id = credentialNameFor(envName);
  const inputs = located.root.children?.find((property) => property.children?.[0]?.value === 'inputs')?.children?.[1];
  const existing = inputs?.type === 'array' && inputs.children?.some((input) => input.children?.some((property) => property.children?.[0]?.value === 'id' && property.children?.[1]?.value === id));
  const edits: FileEdit[] = [replace(`\${input:${id}}`)];
  if (!existing) {
    const entry = { type: 'promptString', id, description: `${envName.replace(/_/g, ' ').toLowerCase()} (stored by VS Code, never in this file)`, password: true };
    if (inputs?.type === 'array') edits.push(appendJsonItem(path, text, inputs, entry));
    else if (inputs === undefined && located.root.type === 'object') {
      // `"inputs": [ … ]` as the first property of the file.
      const first = located.root.children?.[0];
      const eol = eolOf(text);
      const unit = indentUnit(text);
      const multiline = !first || text.slice(lineStartOf(text, first.offset), first.offset).trim() === '';
      const indent = first && multiline ? indentAt(text, first.offset) : unit;
      if (!multiline) edits.push({ path, startOffset: first!.offset, endOffset: first!.offset, newText: `"inputs": ${formatJson([entry], true, unit, '', eol)}, ` });
      else edits.push({ path, startOffset: located.root.offset + 1, endOffset: located.root.offset + 1, newText: `${eol}${indent}"inputs": ${formatJson([entry], false, unit, indent, eol)}${first ? ',' : eol}` });
    } else return [];
  }
  return [{ ...base, title: `Use \${input:${id}} with a password prompt (${ROTATE_TITLE})`, edits, followUp: `VS Code asks for the value once and keeps it in its secret storage. ${ROTATE_FOLLOW_UP}` }];
}

/** A filesystem MCP server given `/`, `~` or a home directory: `${workspaceFolder}` instead (VS Code, Cursor). */
export function filesystemRootFixes(path: string, text: string, finding: Finding): Fix[] {
  const client = mcpClient(path);
  if (client !== 'vscode' && client !== 'cursor') return [];
  const located = stringAt(text, finding.startOffset);
  if (!located) return [];
  // A whole string token is reported with its quotes: keep them.
  const quoted = finding.endOffset - finding.startOffset >= 2 && text[finding.startOffset] === '"' && text[finding.endOffset - 1] === '"';
  const [start, end] = quoted ? [finding.startOffset + 1, finding.endOffset - 1] : [finding.startOffset, finding.endOffset];
  return [
    {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: 'quickfix',
      safe: true,
      isPreferred: true,
      title: 'Limit the filesystem server to ${workspaceFolder}',
      edits: [{ path, startOffset: start, endOffset: end, newText: '${workspaceFolder}' }],
    },
  ];
}
