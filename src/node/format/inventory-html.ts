import { parseDuration } from '../../core/config';
import type { Inventory, InventoryAgent, InventoryCredential, InventoryTool } from '../../core/inventory';

/**
 * The agent inventory as one self-contained HTML page for an access review: a graph (inline SVG) of agents and the
 * credentials, MCP servers and tools they reach, coloured by risk, then a table per agent. No script, no external
 * asset, and a Content-Security-Policy that forbids loading anything, so it opens offline and leaks nothing. It
 * prints (light colours, sections kept on one page) and follows the VS Code theme inside a webview.
 *
 * Every text from the inventory goes through `escapeHtml` (element text and attribute values alike); the caller
 * passes an inventory whose texts have already been through the output redaction.
 */

export interface InventoryHtmlOptions {
  /** Credentials whose ttl is longer than this are long-lived (the policy maximum; default 1 hour). */
  maxCredentialTtlSeconds?: number;
  /** Shown under the title (the audited folder). */
  subtitle?: string;
}

type Risk = 'high' | 'medium' | 'ok';

interface Assessed<T> {
  item: T;
  risk: Risk;
  reasons: string[];
  /** Each reason with its own level, for badges. */
  levels: [Risk, string][];
}

function assessed<T>(item: T, reasons: [Risk, string][]): Assessed<T> {
  return { item, risk: worst(reasons.map(([risk]) => risk)), reasons: reasons.map(([, reason]) => reason), levels: reasons };
}

const HIGH_RISK_ACCESS = new Set(['write', 'delete', 'admin', 'execute']);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function worst(risks: Risk[]): Risk {
  return risks.includes('high') ? 'high' : risks.includes('medium') ? 'medium' : 'ok';
}

/** An agent's own risks (ownership, review), then those of what it reaches, counted. */
function assessAgent(agent: InventoryAgent, maxTtl: number): Assessed<InventoryAgent> {
  const reasons: [Risk, string][] = [];
  if (!agent.owner) reasons.push(['high', 'no owner']);
  if (agent.expired) reasons.push(['high', `expired ${agent.expires}`]);
  if (agent.reviewOverdue) reasons.push(['high', `review overdue (${agent.reviewBy})`]);
  if (agent.source === 'code') reasons.push(['medium', 'no manifest']);
  else if (!agent.reviewBy) reasons.push(['medium', 'no review date']);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const hardcoded = agent.credentials.filter((credential) => credential.source === 'hardcoded').length;
  if (hardcoded) reasons.push(['high', count(hardcoded, 'hardcoded credential')]);
  const undecided = agent.tools.filter((tool) => assessTool(tool, agent).reasons.some((reason) => reason.endsWith('without a decision'))).length;
  if (undecided) reasons.push(['high', count(undecided, 'high-risk tool') + ' without a decision']);
  const longLived = agent.credentials.filter((credential) => credential.source !== 'hardcoded' && assessCredential(credential, maxTtl).risk !== 'ok').length;
  if (longLived) reasons.push(['medium', count(longLived, 'long-lived or static credential')]);
  return assessed(agent, reasons);
}

function assessCredential(credential: InventoryCredential, maxTtl: number): Assessed<InventoryCredential> {
  const reasons: [Risk, string][] = [];
  if (credential.source === 'hardcoded') reasons.push(['high', 'hardcoded in code']);
  const ttl = credential.ttl ? parseDuration(credential.ttl) : undefined;
  if (ttl !== undefined && ttl > maxTtl) reasons.push(['medium', `long-lived (ttl ${credential.ttl})`]);
  if (credential.source === 'environment' || credential.source === 'unspecified') reasons.push(['medium', credential.source === 'environment' ? 'static secret from the environment' : 'no broker']);
  return assessed(credential, reasons);
}

function assessTool(tool: InventoryTool, agent: InventoryAgent): Assessed<InventoryTool> {
  const reasons: [Risk, string][] = [];
  if (tool.access && HIGH_RISK_ACCESS.has(tool.access) && !tool.decision) reasons.push(['high', `${tool.access} access without a decision`]);
  if (!tool.declared && agent.source === 'manifest+code') reasons.push(['medium', 'not declared in the manifest']);
  if (!tool.declared && agent.source === 'code') reasons.push(['medium', 'no manifest declares it']);
  return assessed(tool, reasons);
}

// ---------------------------------------------------------------------------------------------------------------
// The graph

interface GraphNode {
  id: string;
  kind: 'agent' | 'credential' | 'mcp-server' | 'tool';
  label: string;
  detail: string;
  risk: Risk;
  reasons: string[];
  x: number;
  y: number;
}

const ROW = 30;
const NODE_HEIGHT = 24;
const WIDTH = 980;
const AGENT_X = 16;
const AGENT_WIDTH = 260;
const TARGET_X = 560;
const TARGET_WIDTH = 400;
const KIND_LABEL = { agent: 'agent', credential: 'credential', 'mcp-server': 'MCP server', tool: 'tool' } as const;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function graph(inventory: Inventory, maxTtl: number): string {
  const nodes: GraphNode[] = [];
  const edges: { from: GraphNode; to: GraphNode }[] = [];
  const shared = new Map<string, GraphNode>(); // credentials by ref and MCP servers by name are shared between agents
  let row = 0;
  inventory.agents.forEach((agent, agentIndex) => {
    const assessment = assessAgent(agent, maxTtl);
    const firstRow = row;
    const targets: GraphNode[] = [];
    const target = (key: string | undefined, make: () => Omit<GraphNode, 'x' | 'y'>): void => {
      const existing = key ? shared.get(key) : undefined;
      if (existing) {
        // Shared by several agents: the worst of what each says about it.
        const other = make();
        existing.reasons = [...new Set([...existing.reasons, ...other.reasons])];
        existing.risk = worst([existing.risk, other.risk]);
        targets.push(existing);
        return;
      }
      const node: GraphNode = { ...make(), x: TARGET_X, y: 0 };
      node.y = 40 + row++ * ROW;
      if (key) shared.set(key, node);
      nodes.push(node);
      targets.push(node);
    };
    agent.credentials.forEach((credential, index) => {
      const { risk, reasons } = assessCredential(credential, maxTtl);
      const how = credential.source === 'broker' ? `${credential.broker}${credential.ttl ? `, ttl ${credential.ttl}` : ''}` : credential.source === 'environment' ? 'environment' : credential.source;
      target(credential.ref ? `credential:${credential.ref}` : undefined, () => ({ id: `a${agentIndex}-c${index}`, kind: 'credential', label: credential.name, detail: how, risk, reasons }));
    });
    agent.mcpServers.forEach((server, index) => {
      target(`mcp:${server.name}`, () => ({ id: `a${agentIndex}-m${index}`, kind: 'mcp-server', label: server.name, detail: server.tools.length ? `${server.tools.length} tool${server.tools.length === 1 ? '' : 's'} allowed` : 'no tool list', risk: server.tools.length ? 'ok' : 'medium', reasons: server.tools.length ? [] : ['every tool of the server'] }));
    });
    agent.tools.forEach((tool, index) => {
      const { risk, reasons } = assessTool(tool, agent);
      target(undefined, () => ({ id: `a${agentIndex}-t${index}`, kind: 'tool', label: tool.name, detail: [tool.access ?? 'access unknown', tool.decision && `decision ${tool.decision}`].filter(Boolean).join(', '), risk, reasons }));
    });
    if (row === firstRow) row++; // an agent with nothing to reach still gets its row
    const agentNode: GraphNode = { id: `a${agentIndex}`, kind: 'agent', label: agent.name, detail: [agent.owner ?? 'no owner', agent.environment].filter(Boolean).join(' · '), risk: assessment.risk, reasons: assessment.reasons, x: AGENT_X, y: 40 + ((firstRow + row - 1) / 2) * ROW };
    nodes.push(agentNode);
    for (const node of targets) edges.push({ from: agentNode, to: node });
    row += 0.5; // a gap between agents
  });
  const height = Math.max(80, 40 + row * ROW + 10);
  const edge = ({ from, to }: (typeof edges)[number]) => {
    const x1 = from.x + AGENT_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_HEIGHT / 2;
    const middle = (x1 + x2) / 2;
    return `<path class="edge risk-${to.risk}" data-from="${from.id}" data-to="${to.id}" d="M${x1},${y1} C${middle},${y1} ${middle},${y2} ${x2},${y2}"/>`;
  };
  const node = (n: GraphNode) => {
    const width = n.kind === 'agent' ? AGENT_WIDTH : TARGET_WIDTH;
    const caption = `${KIND_LABEL[n.kind]}: ${n.label}${n.detail ? ` (${n.detail})` : ''}${n.reasons.length ? ` — ${n.reasons.join('; ')}` : ''}`;
    const text =
      n.kind === 'agent'
        ? escapeHtml(truncate(n.label, 32))
        : `<tspan class="kind">${KIND_LABEL[n.kind]}</tspan> ${escapeHtml(truncate(n.label, 24))} <tspan class="detail">${escapeHtml(truncate(n.reasons[0] ?? n.detail, 30))}</tspan>`;
    return `<g class="node ${n.kind} risk-${n.risk}" data-kind="${n.kind}" data-name="${escapeHtml(n.label)}" data-risk="${n.risk}" id="${n.id}"><title>${escapeHtml(caption)}</title><rect x="${n.x}" y="${n.y}" width="${width}" height="${NODE_HEIGHT}" rx="5"/><text x="${n.x + 8}" y="${n.y + 16}">${text}</text></g>`;
  };
  return [
    `<svg class="graph" role="img" aria-label="Agents and what they reach" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<text class="column" x="${AGENT_X}" y="22">Agents</text><text class="column" x="${TARGET_X}" y="22">Credentials, MCP servers and tools</text>`,
    ...edges.map(edge),
    ...nodes.map(node),
    '</svg>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

/** One badge per reason, in its own colour; `ok` when there is none. */
function badges({ levels }: Assessed<unknown>): string {
  return levels.length ? levels.map(([risk, reason]) => `<span class="badge risk-${risk}">${escapeHtml(reason)}</span>`).join(' ') : '<span class="badge risk-ok">ok</span>';
}

function cell(text: string | undefined): string {
  return text ? escapeHtml(text) : '<span class="none">—</span>';
}

function agentSection(agent: InventoryAgent, index: number, maxTtl: number): string {
  const assessment = assessAgent(agent, maxTtl);
  const rows: [string, string][] = [
    ['Known from', escapeHtml(agent.source === 'code' ? 'code only (no manifest)' : agent.source === 'manifest' ? `manifest ${agent.manifest} (no code found)` : `manifest ${agent.manifest} and code`)],
    ['Owner', agent.owner ? escapeHtml(agent.owner) : '<strong class="risk-text-high">none</strong>'],
    ['Technical owner', cell(agent.technicalOwner)],
    ['Environment', cell(agent.environment)],
    ['Purpose', cell(agent.purpose)],
    ['Review by', agent.reviewBy ? `${escapeHtml(agent.reviewBy)}${agent.reviewOverdue ? ' <strong class="risk-text-high">overdue</strong>' : ''}` : cell(undefined)],
    ...(agent.expires ? [['Expires', `${escapeHtml(agent.expires)}${agent.expired ? ' <strong class="risk-text-high">expired</strong>' : ''}`] as [string, string]] : []),
    ['Revocation', cell(agent.revocation)],
    ['Entrypoints', cell(agent.entrypoints.join(', '))],
    ['Code', cell(agent.code.map((place) => `${place.file}:${place.line} (${place.framework})`).join(', '))],
    ['Open findings', escapeHtml(Object.entries(agent.findings).filter(([, count]) => count > 0).map(([category, count]) => `${category} ${count}`).join(', ') || 'none')],
  ];
  const credentials = agent.credentials.map((credential) => {
    const risk = assessCredential(credential, maxTtl);
    return `<tr><td>${escapeHtml(credential.name)}</td><td>${escapeHtml(credential.source)}</td><td>${cell(credential.broker)}</td><td>${cell(credential.ref)}</td><td>${cell(credential.ttl)}</td><td>${badges(risk)}</td></tr>`;
  });
  const tools = agent.tools.map((tool) => {
    const risk = assessTool(tool, agent);
    return `<tr><td>${escapeHtml(tool.name)}</td><td>${cell(tool.access)}</td><td>${cell(tool.decision)}</td><td>${tool.declared ? 'yes' : 'no'}</td><td>${tool.usedInCode ? 'yes' : 'no'}</td><td>${badges(risk)}</td></tr>`;
  });
  const servers = agent.mcpServers.map((server) => `<tr><td>${escapeHtml(server.name)}</td><td>${cell(server.tools.join(', '))}</td></tr>`);
  return [
    `<section class="agent" id="agent-${index}" data-agent="${escapeHtml(agent.name)}">`,
    `<h2>${escapeHtml(agent.name)} ${badges(assessment)}</h2>`,
    `<table class="facts">${rows.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('')}</table>`,
    credentials.length ? `<h3>Credentials</h3><table><thead><tr><th>Name</th><th>Source</th><th>Broker</th><th>Ref</th><th>TTL</th><th>Risk</th></tr></thead><tbody>${credentials.join('')}</tbody></table>` : '',
    tools.length ? `<h3>Tools</h3><table><thead><tr><th>Name</th><th>Access</th><th>Decision</th><th>Declared</th><th>Used in code</th><th>Risk</th></tr></thead><tbody>${tools.join('')}</tbody></table>` : '',
    agent.unresolvedTools.length ? `<p class="note">Also hands the model: ${escapeHtml(agent.unresolvedTools.join('; '))}</p>` : '',
    servers.length ? `<h3>MCP servers</h3><table><thead><tr><th>Server</th><th>Allowed tools</th></tr></thead><tbody>${servers.join('')}</tbody></table>` : '',
    '</section>',
  ].join('\n');
}

const STYLE = `
:root { color-scheme: light dark; --fg: var(--vscode-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff); --muted: var(--vscode-descriptionForeground, #59636e); --line: var(--vscode-panel-border, #d1d9e0); --node: var(--vscode-sideBar-background, #f6f8fa); --high: #c62828; --medium: #b26a00; --ok: #2e7d32; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 24px; }
h1 { margin: 0 0 4px; font-size: 22px; } h2 { font-size: 18px; margin: 28px 0 8px; } h3 { font-size: 14px; margin: 14px 0 6px; }
.subtitle, .note, .none { color: var(--muted); }
.legend span { margin-right: 14px; } .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; }
table { border-collapse: collapse; margin: 4px 0 8px; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.facts th { width: 150px; font-weight: 600; } thead th { background: var(--node); }
.summary td { white-space: nowrap; } .summary td:last-child { white-space: normal; }
.badge { display: inline-block; margin: 1px 0; font-size: 12px; font-weight: 600; padding: 1px 6px; border-radius: 10px; border: 1px solid currentColor; }
.badge.risk-high, .risk-text-high { color: var(--high); } .badge.risk-medium { color: var(--medium); } .badge.risk-ok { color: var(--ok); }
.graph { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.graph .column { font-weight: 600; fill: var(--muted); font-size: 13px; }
.graph .node rect { fill: var(--node); stroke: var(--line); stroke-width: 1.5; }
.graph .node text { font-size: 12.5px; fill: var(--fg); }
.graph .node.agent rect { stroke-width: 2; } .graph .node text { font-weight: 500; } .graph .node.agent text { font-weight: 600; }
.graph .kind { fill: var(--muted); font-size: 11px; } .graph .detail { fill: var(--muted); }
.graph .node.risk-high .detail { fill: var(--high); } .graph .node.risk-medium .detail { fill: var(--medium); }
.graph .node.risk-high rect { stroke: var(--high); fill: color-mix(in srgb, var(--high) 12%, var(--bg)); }
.graph .node.risk-medium rect { stroke: var(--medium); fill: color-mix(in srgb, var(--medium) 12%, var(--bg)); }
.graph .edge { fill: none; stroke: var(--line); stroke-width: 1.5; } .graph .edge.risk-high { stroke: var(--high); } .graph .edge.risk-medium { stroke: var(--medium); }
section.agent { break-inside: avoid; }
@media print { body { margin: 0; --bg: #fff; --fg: #000; --node: #f3f3f3; } .graph { border: none; } section.agent { page-break-inside: avoid; } }
`;

/** One self-contained HTML file: graph, summary and a section per agent. */
export function formatInventoryHtml(inventory: Inventory, options: InventoryHtmlOptions = {}): string {
  const maxTtl = options.maxCredentialTtlSeconds ?? 3600;
  const summary = inventory.agents.map((agent, index) => {
    const assessment = assessAgent(agent, maxTtl);
    return `<tr><td><a href="#agent-${index}">${escapeHtml(agent.name)}</a></td><td>${agent.owner ? escapeHtml(agent.owner) : '<strong class="risk-text-high">none</strong>'}</td><td>${cell(agent.environment)}</td><td>${agent.reviewBy ? escapeHtml(agent.reviewBy) : cell(undefined)}</td><td>${agent.credentials.length}</td><td>${agent.tools.length}</td><td>${badges(assessment)}</td></tr>`;
  });
  const count = inventory.agents.length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="agent-guardrail">
<title>Agent inventory</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Agent inventory</h1>
<p class="subtitle">${count} agent${count === 1 ? '' : 's'} · generated ${escapeHtml(inventory.generatedAt.slice(0, 10))} by agent-guardrail${options.subtitle ? ` · ${escapeHtml(options.subtitle)}` : ''}</p>
<p class="legend"><span><i style="background:var(--high)"></i>high risk: no owner, review overdue, hardcoded credential, high-risk tool without a decision</span><span><i style="background:var(--medium)"></i>check: long-lived or static credential, undeclared tool, no manifest</span><span><i style="background:var(--ok)"></i>ok</span></p>
${count ? graph(inventory, maxTtl) : '<p class="none">No agents were found in manifests or code.</p>'}
${count ? `<h2>Summary</h2><table class="summary"><thead><tr><th>Agent</th><th>Owner</th><th>Environment</th><th>Review by</th><th>Credentials</th><th>Tools</th><th>Risk</th></tr></thead><tbody>${summary.join('')}</tbody></table>` : ''}
${inventory.agents.map((agent, index) => agentSection(agent, index, maxTtl)).join('\n')}
</body>
</html>
`;
}
