import { analyzeFile } from '../analyze';
import type { ResolvedConfig } from '../config';
import { isMcpConfigPath } from '../configs/kind';
import { fileKind } from '../files';
import { isManifestFile } from '../manifest/schema';
import { formatDuration } from '../rules/credentials/long-lived';
import { getRule } from '../rules';
import type { Finding } from '../types';
import { codeSecretFixes } from './code';
import { decisionFixes, manifestSecretFixes, missingFieldFixes, wildcardToolFixes } from './manifest';
import { autoApprovalFixes } from './approval';
import { approvalOptionFixes } from './approval-option';
import { askInsteadOfAllowFixes, unprotectedSecretsFixes } from './claude-permissions';
import { insecureServerFixes } from './insecure-server';
import { filesystemRootFixes, mcpSecretFixes } from './mcp';
import { createManifestFixes, undeclaredToolFixes } from './ownership';
import { pinVersionFixes } from './pinning';
import { poisoningFixes } from './poisoning';
import { pythonSecretFixes } from './python';
import { pythonApprovalOptionFixes } from './python-approval-option';
import { ROTATE_FOLLOW_UP } from './rotate';
import { suppressionEdit } from './suppress';
import { configSuppressionEdit } from './suppress-config';
import { EditSequence } from './text';
import type { FileEdit, Fix } from './types';
import { EMPTY_WORKSPACE, type FixWorkspace } from './workspace';
import { appendAll } from '../arrays';

export interface FixInput {
  path: string;
  text: string;
  finding: Finding;
  config: ResolvedConfig;
  /** The rest of the workspace: whether the credentials module exists, manifests, CODEOWNERS, package.json. */
  workspace?: FixWorkspace;
  /** Today (YYYY-MM-DD, UTC) for review dates; defaults to the clock. */
  today?: string;
}

const SECRET_RULES = new Set(['secrets/provider-key', 'secrets/generic-secret', 'secrets/connection-string', 'secrets/private-key']);

/** The fixes specific to a finding's rule and file (before the suppression and documentation fixes). */
function specificFixes(input: FixInput, workspace: FixWorkspace, today: string): Fix[] {
  const { path, text, finding, config } = input;
  const kind = fileKind(path);
  if (SECRET_RULES.has(finding.ruleId)) {
    if (kind === 'code') return codeSecretFixes({ path, text, finding, config, workspace });
    if (kind === 'python') return pythonSecretFixes({ path, text, finding, config, workspace });
    if (isManifestFile(path, text)) return manifestSecretFixes(path, text, finding, config);
    if (kind === 'json' && isMcpConfigPath(path)) return mcpSecretFixes(path, text, finding);
    return [];
  }
  switch (finding.ruleId) {
    case 'ownership/unowned-agent':
      return createManifestFixes(path, text, finding, config, workspace, today);
    case 'ownership/missing-owner':
    case 'ownership/missing-purpose':
    case 'ownership/missing-review-date':
    case 'ownership/missing-revocation':
    case 'ownership/missing-technical-owner':
      return missingFieldFixes(path, text, finding, today, workspace);
    case 'grants/wildcard-tool':
      return wildcardToolFixes(path, text, finding, config, workspace);
    case 'grants/filesystem-root':
      return filesystemRootFixes(path, text, finding);
    case 'grants/undeclared-tool':
      return undeclaredToolFixes(path, text, finding, config, workspace);
    case 'credentials/long-lived':
      return ttlFixes(path, text, finding, config);
    case 'grants/high-risk-without-decision':
      return decisionFixes(path, text, finding);
    case 'grants/unenforced-decision':
    case 'grants/unapproved-high-risk-tool':
      if (kind === 'python') return pythonApprovalOptionFixes(path, text, finding);
      return kind === 'code' ? approvalOptionFixes(path, text, finding) : [];
    case 'supply-chain/tool-poisoning':
      return poisoningFixes(path, text, finding);
    case 'supply-chain/unpinned-mcp-server':
      return pinVersionFixes(path, text, finding, config, workspace);
    case 'grants/auto-approval':
      return autoApprovalFixes(path, text, finding);
    case 'credentials/insecure-mcp-server':
      return insecureServerFixes(path, text, finding);
    case 'grants/unprotected-secrets':
      return unprotectedSecretsFixes(path, text, finding, config);
    case 'grants/network-exfiltration': {
      const ask = askInsteadOfAllowFixes(path, text, finding);
      return ask.length ? ask : autoApprovalFixes(path, text, finding);
    }
    default:
      return [];
  }
}

/** A ttl above the policy maximum → the maximum: safe unattended, it only shortens what the policy allows anyway. */
function ttlFixes(path: string, text: string, finding: Finding, config: ResolvedConfig): Fix[] {
  if (!finding.message.includes('longer than')) return [];
  const raw = text.slice(finding.startOffset, finding.endOffset);
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  const ttl = formatDuration(config.maxCredentialTtlSeconds);
  return [
    {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: 'quickfix',
      safe: true,
      isPreferred: true,
      title: `Shorten ttl to ${ttl}`,
      edits: [{ path, startOffset: finding.startOffset, endOffset: finding.endOffset, newText: `${quote}${ttl}${quote}` }],
      followUp: 'Configure the broker to issue this credential for that long.',
    },
  ];
}

/** Every fix offered for one finding, most useful first. Pure: edits are computed from the texts given. */
export function fixesFor(input: FixInput): Fix[] {
  const { path, text, finding } = input;
  const workspace = input.workspace ?? EMPTY_WORKSPACE;
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const rule = getRule(finding.ruleId);
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint };
  const fixes: Fix[] = [];
  try {
    appendAll(fixes, specificFixes(input, workspace, today));
  } catch {
    // A fix that cannot be computed (unexpected syntax) is not offered; the others still are.
  }
  const isSecret = SECRET_RULES.has(finding.ruleId);
  if (!finding.ruleId.startsWith('suppression/')) {
    const edit = suppressionEdit(path, fileKind(path), text, finding);
    const rotate = isSecret ? ` ${ROTATE_FOLLOW_UP}` : '';
    if (edit) {
      fixes.push({
        ...base,
        title: `Suppress ${finding.ruleId} on this line (with a reason)`,
        kind: 'quickfix',
        safe: false,
        edits: [edit],
        followUp: `Replace the placeholder with the reason this is acceptable.${rotate}`,
        remains: 'The suppression counts once the placeholder is replaced by a reason.',
      });
    } else {
      const configEdit = configSuppressionEdit(finding, workspace);
      if (configEdit) {
        fixes.push({
          ...base,
          title: `Suppress ${finding.ruleId} in ${configEdit.path} (with a reason)`,
          kind: 'quickfix',
          safe: false,
          edits: [configEdit],
          followUp: `Replace the placeholder reason in ${configEdit.path}.${rotate}`,
          remains: 'The suppression counts once the placeholder is replaced by a reason.',
        });
      }
    }
  }
  fixes.push({
    ...base,
    title: `Show documentation for ${finding.ruleId}`,
    kind: 'quickfix',
    safe: false,
    edits: [],
    command: { id: 'agent-guardrail.showDocumentation', title: 'Show documentation', arguments: [rule.docsUrl] },
    remains: 'Documentation only.',
  });
  return fixes;
}

/**
 * Every safe fix for a file, applied one after another (each on the text the previous one left, re-analysed), as
 * edits of that file, each covering only what changed. Fixes that touch other files are left out: "fix all" changes only the file it runs on.
 */
export function fixAllEdits(input: Omit<FixInput, 'finding'> & { findings?: Finding[] }, maxRounds = 50): FileEdit[] {
  const { path, config } = input;
  const sequence = new EditSequence(input.text);
  const tried = new Set<string>();
  for (let round = 0; round < maxRounds; round++) {
    const text = sequence.text;
    const findings = round === 0 && input.findings ? input.findings : analyzeFile({ path, text }, config).findings.filter((finding) => !finding.suppression);
    let applied = false;
    for (const finding of findings) {
      const key = `${finding.ruleId}\0${finding.fingerprint}\0${finding.startOffset}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const fix = fixesFor({ ...input, text, finding }).find((candidate) => candidate.safe && candidate.edits.length && candidate.edits.every((edit) => edit.path === path && !edit.create));
      if (!fix) continue;
      sequence.apply(fix.edits);
      applied = true;
      break;
    }
    if (!applied) break;
  }
  return sequence.edits(path);
}

export { applyEdits } from './text';
export type { FileEdit, Fix, FixChoice } from './types';
export type { FixWorkspace } from './workspace';
