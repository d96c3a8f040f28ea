import { enforcement, manifestToolFor } from './decisions';
import type { AgentManifest, CodeAgent, CodeTool, ToolApproval } from './facts';
import type { Finding } from './types';
import type { WorkspaceIndex } from './workspace';

export interface InventoryCredential {
  name: string;
  /** broker: issued by a broker; environment: read from an env var; hardcoded: a secret found in the code. */
  source: 'broker' | 'environment' | 'hardcoded' | 'unspecified';
  broker?: string;
  ref?: string;
  ttl?: string;
}

export interface InventoryTool {
  name: string;
  access?: string;
  /** The run-time decision the manifest states (allow, challenge, deny). */
  decision?: string;
  /** Listed in the manifest. */
  declared: boolean;
  /** Handed to the model in code. */
  usedInCode: boolean;
  /** Whether the code makes a person approve each call (`always`, `conditional`, `none`), and with what. */
  approval?: ToolApproval;
  /** For decision challenge or deny: whether the code enforces it (`unknown` when the definition could not be read). */
  enforcement?: 'enforced' | 'not enforced' | 'unknown';
  /** What makes the tool high-risk, when its name says so. */
  risk?: string;
  /** Other names the code uses for it (Mastra: the record key the model sees, or the tool's `id`). */
  aliases?: string[];
}

export interface InventoryAgent {
  name: string;
  /** Where the agent is known from. */
  source: 'manifest' | 'code' | 'manifest+code';
  manifest?: string;
  owner?: string;
  technicalOwner?: string;
  environment?: string;
  purpose?: string;
  reviewBy?: string;
  reviewOverdue: boolean;
  expires?: string;
  expired: boolean;
  revocation?: string;
  credentials: InventoryCredential[];
  tools: InventoryTool[];
  /** Tool lists the inventory cannot enumerate (MCP servers handed over whole, imported tools). */
  unresolvedTools: string[];
  mcpServers: { name: string; tools: string[] }[];
  entrypoints: string[];
  code: { file: string; line: number; framework: string }[];
  findings: Record<(typeof CATEGORIES)[number], number>;
}

export interface Inventory {
  generatedAt: string;
  agents: InventoryAgent[];
}

const CATEGORIES = ['secrets', 'credentials', 'grants', 'supply-chain', 'ownership', 'manifest'] as const;

function countFindings(findings: Finding[], files: Set<string>): InventoryAgent['findings'] {
  const counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as InventoryAgent['findings'];
  for (const finding of findings) {
    const category = finding.ruleId.split('/')[0] as keyof InventoryAgent['findings'];
    if (finding.suppression || !files.has(finding.file) || !(category in counts)) continue;
    counts[category]++;
  }
  return counts;
}

function codeCredentials(agents: CodeAgent[], findings: Finding[]): InventoryCredential[] {
  const credentials: InventoryCredential[] = [];
  const files = new Set(agents.map((agent) => agent.file));
  for (const finding of findings) {
    if (!files.has(finding.file) || !finding.ruleId.startsWith('secrets/') || finding.suppression) continue;
    credentials.push({ name: `${finding.provider ?? 'secret'} ${finding.redacted ?? ''}`.trim(), source: 'hardcoded' });
  }
  for (const name of new Set(agents.flatMap((agent) => agent.environmentCredentials))) credentials.push({ name, source: 'environment', ref: name });
  return credentials;
}

/** The agent inventory: every agent from manifests and code, linked, with what a periodic access review needs. */
export function buildInventory(index: WorkspaceIndex, findings: Finding[], now: Date): Inventory {
  const today = now.toISOString().slice(0, 10);
  const manifests = index.manifests();
  const agents = index.agents();
  const coveredBy = new Map<CodeAgent, AgentManifest | undefined>();
  for (const agent of agents) coveredBy.set(agent, index.coverage(agent, manifests).manifest);

  const inventory: InventoryAgent[] = [];
  for (const manifest of manifests) {
    const code = agents.filter((agent) => coveredBy.get(agent) === manifest);
    const codeTools = code.flatMap((agent) => agent.tools.filter((tool) => tool.name !== undefined));
    // A code tool counts for the manifest tool it matches by name or alias (Mastra's record key vs `id`).
    const matched = new Set<CodeTool>();
    const tools: InventoryTool[] = manifest.tools.map((declared) => {
      const inCode = codeTools.find((tool) => manifestToolFor({ ...manifest, tools: [declared] }, tool));
      if (inCode) matched.add(inCode);
      const state = enforcement(declared.decision, inCode);
      return {
        name: declared.name,
        access: declared.access,
        decision: declared.decision,
        declared: true,
        usedInCode: !!inCode,
        ...codeDetails(inCode, declared.name),
        ...(state && { enforcement: state }),
      };
    });
    const seen = new Set<string>();
    for (const tool of codeTools) {
      if (matched.has(tool) || seen.has(tool.name!) || manifest.mcpServers.some((server) => server.tools.includes(tool.name!))) continue;
      seen.add(tool.name!);
      tools.push({ name: tool.name!, declared: false, usedInCode: true, ...codeDetails(tool, tool.name!) });
    }
    const files = new Set([manifest.file, ...code.map((agent) => agent.file)]);
    inventory.push({
      name: manifest.name ?? manifest.file,
      source: code.length ? 'manifest+code' : 'manifest',
      manifest: manifest.file,
      owner: manifest.owner,
      technicalOwner: manifest.technicalOwner,
      environment: manifest.environment,
      purpose: manifest.description,
      reviewBy: manifest.reviewBy,
      reviewOverdue: Boolean(manifest.reviewBy && manifest.reviewBy < today),
      expires: manifest.expires,
      expired: Boolean(manifest.expires && manifest.expires < today),
      revocation: manifest.revocation,
      credentials: [
        ...manifest.credentials.map((credential) => ({
          name: credential.name,
          source: credential.broker === 'env' ? ('environment' as const) : credential.broker ? ('broker' as const) : ('unspecified' as const),
          broker: credential.broker,
          ref: credential.ref,
          ttl: credential.ttl,
        })),
        ...codeCredentials(code, findings).filter((credential) => credential.source === 'hardcoded'),
      ],
      tools,
      unresolvedTools: unresolved(code),
      mcpServers: manifest.mcpServers.map((server) => ({ name: server.name, tools: server.tools })),
      entrypoints: index.resolvedEntrypoints(manifest),
      code: code.map(location),
      findings: countFindings(findings, files),
    });
  }

  for (const agent of agents) {
    if (coveredBy.get(agent)) continue;
    if (agent.kind === 'call' && !agent.tools.length) continue;
    inventory.push({
      name: agent.name ?? `${agent.file.slice(agent.file.lastIndexOf('/') + 1)}:${agent.range.start.line + 1}`,
      source: 'code',
      owner: agent.ownerTag,
      reviewOverdue: false,
      expired: false,
      credentials: codeCredentials([agent], findings),
      tools: agent.tools.flatMap((tool) => (tool.name ? [{ name: tool.name, declared: false, usedInCode: true, ...codeDetails(tool, tool.name) }] : [])),
      unresolvedTools: unresolved([agent]),
      mcpServers: [],
      entrypoints: [],
      code: [location(agent)],
      findings: countFindings(findings, new Set([agent.file])),
    });
  }
  inventory.sort((a, b) => a.name.localeCompare(b.name));
  return { generatedAt: now.toISOString(), agents: inventory };
}

/** What the code says about a tool: its approval gate, risk and other names. */
function codeDetails(tool: CodeTool | undefined, shownAs: string): Pick<InventoryTool, 'approval' | 'risk' | 'aliases'> {
  if (!tool) return {};
  const aliases = [tool.name, ...(tool.aliases ?? [])].filter((name): name is string => name !== undefined && name !== shownAs);
  return { ...(tool.approval && { approval: tool.approval }), ...(tool.risk && { risk: tool.risk }), ...(aliases.length && { aliases }) };
}

function location(agent: CodeAgent): { file: string; line: number; framework: string } {
  return { file: agent.file, line: agent.range.start.line + 1, framework: agent.framework };
}

function unresolved(agents: CodeAgent[]): string[] {
  const notes: string[] = [];
  for (const agent of agents) {
    for (const tool of agent.tools) if (tool.kind === 'mcp-all') notes.push(`all tools of an MCP server (${agent.file}:${tool.range.start.line + 1})`);
    if (!agent.toolsComplete) notes.push(`tools not resolvable statically (${agent.file}:${agent.range.start.line + 1})`);
  }
  return [...new Set(notes)];
}
