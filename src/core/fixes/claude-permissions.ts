/**
 * Claude Code permission fixes, as JSON edits that keep the file's layout: add the deny rules that keep a broad
 * Read allow rule away from secrets (grants/unprotected-secrets), and move a rule that can send data anywhere from
 * `allow` to `ask` (grants/network-exfiltration), so each use is approved.
 */
import { findNodeAtOffset, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { createAnalysisContext } from '../analyze';
import type { ResolvedConfig } from '../config';
import { readClaudeSettings } from '../configs/claude';
import { missingDenyRules } from '../rules/grants/unprotected-secrets';
import type { Finding } from '../types';
import { appendJsonItem, insertJsonProperty, removeJsonItem } from './json-edit';
import { applyEdits, diffEdit } from './text';
import type { FileEdit, Fix } from './types';

function parse(text: string): JsonNode | undefined {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}

function child(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.type === 'object' ? node.children?.find((property) => property.children?.[0]?.value === key)?.children?.[1] : undefined;
}

/** Add `items` to `permissions.<list>` (created when missing), as one edit. */
function addToList(path: string, text: string, list: string, items: readonly string[]): FileEdit | undefined {
  let current = text;
  for (const item of items) {
    const permissions = child(parse(current), 'permissions');
    if (permissions?.type !== 'object') return undefined;
    const array = child(permissions, list);
    const edit = array?.type === 'array' ? appendJsonItem(path, current, array, item) : array === undefined ? insertJsonProperty(path, current, permissions, list, [item]) : undefined;
    if (!edit) return undefined;
    current = applyEdits(current, [edit]);
  }
  return diffEdit(path, text, current);
}

export function unprotectedSecretsFixes(path: string, text: string, finding: Finding, config: ResolvedConfig): Fix[] {
  const settings = readClaudeSettings(createAnalysisContext(path, text, config, new Date()));
  const entry = settings?.allow.find((candidate) => candidate.start === finding.startOffset);
  if (!settings || !entry) return [];
  const rules = missingDenyRules(settings, entry.value);
  const edit = rules.length ? addToList(path, text, 'deny', rules) : undefined;
  if (!edit) return [];
  return [
    {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: 'quickfix',
      safe: true,
      isPreferred: true,
      title: `Add deny rules ${rules.join(', ')}`,
      edits: [edit],
    },
  ];
}

export function askInsteadOfAllowFixes(path: string, text: string, finding: Finding): Fix[] {
  const root = parse(text);
  const node = root && findNodeAtOffset(root, finding.startOffset);
  const allow = node?.parent;
  if (!node || node.type !== 'string' || allow?.type !== 'array' || allow.parent?.children?.[0]?.value !== 'allow') return [];
  const remove = removeJsonItem(path, allow, node);
  const permissions = child(root, 'permissions');
  const ask = child(permissions, 'ask');
  const add = ask?.type === 'array' ? appendJsonItem(path, text, ask, node.value) : ask === undefined && permissions?.type === 'object' ? insertJsonProperty(path, text, permissions, 'ask', [node.value]) : undefined;
  if (!remove || !add) return [];
  if (add.startOffset < remove.endOffset && remove.startOffset < add.endOffset) return [];
  const edits = [remove, add];
  return [{ ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix', safe: false, isPreferred: true, title: `Ask before each use of ${String(node.value)} (move it from allow to ask)`, edits }];
}
