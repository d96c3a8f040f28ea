import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { appendJsonItem, insertJsonProperty } from './json-edit';
import { isSeq, parseDocument } from 'yaml';
import type { Finding } from '../types';
import { REASON_PLACEHOLDER } from './suppress';
import { eolOf, lineEndOf, lineStartOf } from './text';
import type { FileEdit } from './types';
import type { FixWorkspace } from './workspace';

const YAML_CONFIGS = ['.agent-guardrail.yaml', '.agent-guardrail.yml'];
const JSON_CONFIG = '.agent-guardrail.json';

/**
 * Files without comments (JSON) are suppressed by fingerprint: an entry in `suppressions:` of the workspace's
 * `.agent-guardrail.yaml` (appended to the list, or the list or the whole file created). Never the secret: the
 * fingerprint is a SHA-256 of the finding.
 */
export function configSuppressionEdit(finding: Finding, workspace: FixWorkspace): FileEdit | undefined {
  const entry = { rule: finding.ruleId, fingerprint: finding.fingerprint, reason: REASON_PLACEHOLDER, file: finding.file };
  const yamlPath = YAML_CONFIGS.find((candidate) => workspace.readText(candidate) !== undefined);
  const jsonText = yamlPath ? undefined : workspace.readText(JSON_CONFIG);
  if (jsonText !== undefined) {
    const root = parseTree(jsonText);
    const list = root && findNodeAtLocation(root, ['suppressions']);
    if (list?.type === 'array') return appendJsonItem(JSON_CONFIG, jsonText, list, entry);
    return root?.type === 'object' ? insertJsonProperty(JSON_CONFIG, jsonText, root, 'suppressions', [entry]) : undefined;
  }
  const item = (indent: string, eol: string) =>
    [`${indent}- rule: ${entry.rule}`, `${indent}  fingerprint: ${entry.fingerprint}`, `${indent}  reason: "${entry.reason}"`, `${indent}  file: ${JSON.stringify(entry.file)}`].join(eol);
  if (!yamlPath) return { path: YAML_CONFIGS[0]!, startOffset: 0, endOffset: 0, newText: `suppressions:\n${item('  ', '\n')}\n`, create: true };
  const text = workspace.readText(yamlPath)!;
  const eol = eolOf(text);
  const document = parseDocument(text, { prettyErrors: false, strict: false });
  if (document.errors.length) return undefined;
  const list = document.get('suppressions', true);
  if (isSeq(list) && !list.flow && list.items.length) {
    const first = (list.items[0] as { range?: [number, number, number] }).range!;
    const dashLine = lineStartOf(text, first[0]);
    const indent = ' '.repeat(text.indexOf('-', dashLine) - dashLine);
    let end = list.range![1];
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const at = lineEndOf(text, end);
    return { path: yamlPath, startOffset: at, endOffset: at, newText: `${eol}${item(indent, eol)}` };
  }
  if (list !== undefined) {
    // `suppressions: []` or an empty key: replace the value with a block list.
    const range = (list as { range?: [number, number, number] } | null)?.range;
    if (!range || !isSeq(list) || list.items.length) return undefined;
    return { path: yamlPath, startOffset: range[0], endOffset: range[1], newText: `${eol}${item('  ', eol)}` };
  }
  const separator = text.length && !text.endsWith('\n') ? eol : '';
  return { path: yamlPath, startOffset: text.length, endOffset: text.length, newText: `${separator}suppressions:${eol}${item('  ', eol)}${eol}` };
}
