import type { ResolvedConfig } from '../config';
import { fileKind } from '../files';
import { getRule } from '../rules';
import type { Finding } from '../types';
import { suppressionEdit } from './suppress';
import type { Fix } from './types';

export interface FixInput {
  path: string;
  text: string;
  finding: Finding;
  config: ResolvedConfig;
}

/** Every fix offered for one finding, most useful first. Pure: edits are computed from the text alone. */
export function fixesFor(input: FixInput): Fix[] {
  const { path, text, finding } = input;
  const rule = getRule(finding.ruleId);
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint };
  const fixes: Fix[] = [];
  if (!finding.ruleId.startsWith('suppression/')) {
    const edit = suppressionEdit(path, fileKind(path), text, finding);
    if (edit) fixes.push({ ...base, title: `Suppress ${finding.ruleId} on this line (with a reason)`, kind: 'quickfix', safe: false, edits: [edit] });
  }
  fixes.push({
    ...base,
    title: `Show documentation for ${finding.ruleId}`,
    kind: 'quickfix',
    safe: false,
    edits: [],
    command: { id: 'agent-guardrail.showDocumentation', title: 'Show documentation', arguments: [rule.docsUrl] },
  });
  return fixes;
}

export type { FileEdit, Fix } from './types';
