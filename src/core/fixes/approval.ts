/**
 * grants/auto-approval: put the human back in the loop with the smallest edit at the finding: `true` becomes
 * `false`, an auto-approve permission level becomes "default", and an allow-list entry is removed (a terminal
 * auto-approve entry is set to `false`, which VS Code reads as "always ask").
 */
import { findNodeAtOffset, parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { Finding } from '../types';
import { removeJsonItem, removeJsonProperty } from './json-edit';
import type { FileEdit, Fix } from './types';

export function autoApprovalFixes(path: string, text: string, finding: Finding): Fix[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root && findNodeAtOffset(root, finding.startOffset);
  if (!node || node.offset !== finding.startOffset) return [];
  const fix = editFor(path, node);
  if (!fix) return [];
  return [{ ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix', safe: false, isPreferred: true, title: fix.title, edits: [fix.edit] }];
}

function editFor(path: string, node: JsonNode): { title: string; edit: FileEdit } | undefined {
  const replace = (target: JsonNode, newText: string): FileEdit => ({ path, startOffset: target.offset, endOffset: target.offset + target.length, newText });
  const parent = node.parent;
  if (node.type === 'boolean' && node.value === true) {
    return { title: `Set ${keyOf(node) ?? 'it'} to false (ask before each call)`, edit: replace(node, 'false') };
  }
  if (node.type === 'string' && parent?.type === 'property' && parent.children?.[1] === node && keyOf(node) === 'chat.permissions.default') {
    return { title: 'Use the "default" permission level (ask before consequential actions)', edit: replace(node, '"default"') };
  }
  if (node.type === 'string' && parent?.type === 'array') {
    const edit = removeJsonItem(path, parent, node);
    return edit && { title: `Remove "${String(node.value)}" from ${keyOf(parent) ?? 'the list'} (ask before each call)`, edit };
  }
  // The key of an allow-list entry: `"python3": true` in chat.tools.terminal.autoApprove, `"*": true` for URLs.
  if (node.type === 'string' && parent?.type === 'property' && parent.children?.[0] === node) {
    const value = parent.children[1];
    const setting = parent.parent && keyOf(parent.parent);
    if (value?.type === 'boolean' && setting && /terminal/i.test(setting) && !String(node.value).startsWith('/')) return { title: `Set "${String(node.value)}" to false (ask before running it)`, edit: replace(value, 'false') };
    const edit = parent.parent && removeJsonProperty(path, '', parent.parent, String(node.value));
    return edit && { title: `Remove "${String(node.value)}" from ${setting ?? 'the list'} (ask each time)`, edit };
  }
  return undefined;
}

/** The key a value (or an array, or an object) is stored under. */
function keyOf(node: JsonNode): string | undefined {
  const property = node.parent;
  const key = property?.type === 'property' ? property.children?.[0]?.value : undefined;
  return typeof key === 'string' ? key : undefined;
}
