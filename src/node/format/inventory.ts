import type { Inventory, InventoryAgent } from '../../core/inventory';
import type { Redactor } from '../../core/redaction';
import { printable } from './common';

/** Fields that hold file paths or the timestamp: shown as they are. Every other text may come from a file. */
const PATH_FIELDS = new Set(['generatedAt', 'manifest', 'file', 'folder']);

/** The inventory as it may be written: every name, owner, ref, tool … through the run's redactor. */
export function redactInventory<T extends Pick<Inventory, 'agents'>>(inventory: T, redactor: Redactor): T {
  return redactor.deep(inventory, PATH_FIELDS);
}

const dash = '—';

function credentialText(agent: InventoryAgent): string[] {
  return agent.credentials.map((credential) => {
    if (credential.source === 'hardcoded') return `${credential.name}: **hardcoded**`;
    if (credential.source === 'environment') return `${credential.name}: environment${credential.ref && credential.ref !== credential.name ? ` (${credential.ref})` : ''}${credential.ttl ? `, ttl ${credential.ttl}` : ''}`;
    if (credential.source === 'unspecified') return `${credential.name}: no broker${credential.ttl ? `, ttl ${credential.ttl}` : ''}`;
    return `${credential.name}: ${credential.broker}${credential.ttl ? `, ttl ${credential.ttl}` : ''}`;
  });
}

function toolText(agent: InventoryAgent): string[] {
  return agent.tools.map((tool) => {
    const details = [
      tool.access,
      tool.decision && `decision ${tool.decision}${tool.enforcement === 'not enforced' ? ' **not enforced in code**' : tool.enforcement === 'enforced' && tool.decision === 'challenge' ? ` (enforced: ${tool.approval?.via ?? 'approval'})` : ''}`,
      !tool.decision && tool.approval && tool.approval.gate !== 'none' && `approval: ${tool.approval.via ?? tool.approval.gate}`,
      !tool.decision && tool.risk && tool.approval?.gate === 'none' && `${tool.risk}, **no approval**`,
      !tool.declared && agent.source === 'manifest+code' && 'undeclared',
      tool.declared && !tool.usedInCode && agent.source === 'manifest+code' && 'not used in code',
    ].filter(Boolean);
    return `${tool.name}${details.length ? ` (${details.join(', ')})` : ''}`;
  });
}

function findingText(agent: InventoryAgent): string {
  const parts = Object.entries(agent.findings).filter(([, count]) => count > 0).map(([category, count]) => `${category} ${count}`);
  return parts.length ? parts.join(', ') : 'none';
}

function cell(text: string): string {
  return printable(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
}

/** Markdown to paste into an access review: a summary table, then one section per agent. */
export function formatInventoryMarkdown(unredacted: Inventory, redactor: Redactor): string {
  const inventory = redactInventory(unredacted, redactor);
  const lines = ['# Agent inventory', '', `${inventory.agents.length} agent${inventory.agents.length === 1 ? '' : 's'} · generated ${inventory.generatedAt.slice(0, 10)} by agent-guardrail`, ''];
  lines.push('| Agent | Owner | Environment | Review by | Credentials | Tools | Open findings |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const agent of inventory.agents) {
    const review = agent.reviewBy ? `${agent.reviewBy}${agent.reviewOverdue ? ' **(overdue)**' : ''}` : dash;
    lines.push(
      `| ${cell(agent.name)} | ${cell(agent.owner ?? '**none**')} | ${agent.environment ?? dash} | ${review} | ${cell(credentialText(agent).join('<br>') || dash)} | ${cell(toolText(agent).join('<br>') || dash)} | ${findingText(agent)} |`,
    );
  }
  for (const agent of inventory.agents) {
    lines.push('', `## ${printable(agent.name)}`, '');
    const row = (label: string, value: string | undefined) => lines.push(`- **${label}:** ${value === undefined ? dash : printable(value)}`);
    row('Known from', agent.source === 'code' ? 'code only (no manifest)' : agent.source === 'manifest' ? `manifest \`${agent.manifest}\` (no code found)` : `manifest \`${agent.manifest}\` and code`);
    row('Owner', agent.owner ?? '**none**');
    row('Technical owner', agent.technicalOwner);
    row('Environment', agent.environment);
    row('Purpose', agent.purpose);
    row('Review by', agent.reviewBy ? `${agent.reviewBy}${agent.reviewOverdue ? ' (overdue)' : ''}` : undefined);
    if (agent.expires) row('Expires', `${agent.expires}${agent.expired ? ' (expired)' : ''}`);
    row('Revocation', agent.revocation);
    row('Credentials', credentialText(agent).join('; ') || undefined);
    row('Tools', toolText(agent).join('; ') || undefined);
    if (agent.unresolvedTools.length) row('Also hands the model', agent.unresolvedTools.join('; '));
    if (agent.mcpServers.length) row('MCP servers', agent.mcpServers.map((server) => `${server.name} [${server.tools.join(', ') || 'no tools listed'}]`).join('; '));
    row('Entrypoints', agent.entrypoints.map((file) => `\`${file}\``).join(', ') || undefined);
    row('Code', agent.code.map((place) => `\`${place.file}:${place.line}\` (${place.framework})`).join(', ') || undefined);
    row('Open findings', findingText(agent));
  }
  return lines.join('\n') + '\n';
}

export function formatInventoryJson(inventory: Inventory, redactor: Redactor): string {
  return JSON.stringify(redactInventory(inventory, redactor), null, 2) + '\n';
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One row per agent; lists inside a cell are separated by "; ". */
export function formatInventoryCsv(unredacted: Inventory, redactor: Redactor): string {
  const inventory = redactInventory(unredacted, redactor);
  const header = ['name', 'source', 'manifest', 'owner', 'technical_owner', 'environment', 'purpose', 'review_by', 'review_overdue', 'expires', 'revocation', 'credentials', 'tools', 'mcp_servers', 'entrypoints', 'code', 'findings_secrets', 'findings_credentials', 'findings_grants', 'findings_supply_chain', 'findings_ownership', 'findings_manifest'];
  const rows = inventory.agents.map((agent) => [
    agent.name,
    agent.source,
    agent.manifest ?? '',
    agent.owner ?? '',
    agent.technicalOwner ?? '',
    agent.environment ?? '',
    agent.purpose ?? '',
    agent.reviewBy ?? '',
    agent.reviewOverdue ? 'yes' : 'no',
    agent.expires ?? '',
    agent.revocation ?? '',
    credentialText(agent).map((text) => text.replace(/\*\*/g, '')).join('; '),
    toolText(agent).join('; '),
    agent.mcpServers.map((server) => `${server.name} [${server.tools.join(' ')}]`).join('; '),
    agent.entrypoints.join('; '),
    agent.code.map((place) => `${place.file}:${place.line}`).join('; '),
    String(agent.findings.secrets),
    String(agent.findings.credentials),
    String(agent.findings.grants),
    String(agent.findings['supply-chain']),
    String(agent.findings.ownership),
    String(agent.findings.manifest),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
