import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { isScalar, parseDocument } from 'yaml';
import { insertJsonProperty } from './json-edit';
import { eolOf } from './text';
import type { FileEdit } from './types';
import type { FixWorkspace } from './workspace';

const YAML_CONFIGS = ['.agent-guardrail.yaml', '.agent-guardrail.yml'];
const JSON_CONFIG = '.agent-guardrail.json';

/**
 * Set a top-level scalar setting (`broker: vault`) in the workspace's configuration file: the value replaced when
 * the key is there, the key appended otherwise, or `.agent-guardrail.yaml` created. This is how an editor without
 * settings of its own (any LSP client) remembers a choice such as the credential broker.
 */
export function configSettingEdit(workspace: FixWorkspace, key: string, value: string): FileEdit | undefined {
  const yamlPath = YAML_CONFIGS.find((candidate) => workspace.readText(candidate) !== undefined);
  const jsonText = yamlPath ? undefined : workspace.readText(JSON_CONFIG);
  if (jsonText !== undefined) {
    const root = parseTree(jsonText);
    if (root?.type !== 'object') return undefined;
    const existing = findNodeAtLocation(root, [key]);
    if (existing) return { path: JSON_CONFIG, startOffset: existing.offset, endOffset: existing.offset + existing.length, newText: JSON.stringify(value) };
    return insertJsonProperty(JSON_CONFIG, jsonText, root, key, value);
  }
  if (!yamlPath) return { path: YAML_CONFIGS[0]!, startOffset: 0, endOffset: 0, newText: `${key}: ${value}\n`, create: true };
  const text = workspace.readText(yamlPath)!;
  const document = parseDocument(text, { prettyErrors: false, strict: false });
  if (document.errors.length) return undefined;
  const existing = document.get(key, true);
  if (isScalar(existing) && existing.range) return { path: yamlPath, startOffset: existing.range[0], endOffset: existing.range[1], newText: value };
  if (existing !== undefined) return undefined; // a list or mapping under that key: leave it to the person
  const separator = text.length && !text.endsWith('\n') ? eolOf(text) : '';
  return { path: yamlPath, startOffset: text.length, endOffset: text.length, newText: `${separator}${key}: ${value}${eolOf(text)}` };
}
