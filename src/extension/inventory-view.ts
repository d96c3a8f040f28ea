import * as vscode from 'vscode';

/** The inventory as the server returns it (src/core/inventory.ts, plus the folder). */
export interface InventoryAgent {
  name: string;
  source: string;
  manifest?: string;
  owner?: string;
  technicalOwner?: string;
  environment?: string;
  purpose?: string;
  reviewBy?: string;
  reviewOverdue: boolean;
  credentials: { name: string; source: string; broker?: string; ttl?: string }[];
  tools: { name: string; access?: string; decision?: string; declared: boolean; usedInCode: boolean }[];
  code: { file: string; line: number; framework: string }[];
  findings: Record<string, number>;
  folder: string;
}

export interface Inventory {
  generatedAt: string;
  agents: InventoryAgent[];
}

type Node = { kind: 'agent'; agent: InventoryAgent } | { kind: 'detail'; label: string; description?: string; icon: string; children?: Node[]; open?: vscode.Uri; line?: number };

/** Explorer view: agents → owner, environment, review date, credentials, tools, code locations. */
export class InventoryTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  inventory: Inventory | undefined;

  constructor(private readonly load: () => Promise<Inventory | undefined>) {}

  async refresh(): Promise<void> {
    this.inventory = await this.load();
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'agent') {
      const { agent } = node;
      const item = new vscode.TreeItem(agent.name, vscode.TreeItemCollapsibleState.Collapsed);
      const open = Object.values(agent.findings).reduce((sum, count) => sum + count, 0);
      item.description = [agent.environment, agent.owner ?? 'no owner', open ? `${open} finding${open === 1 ? '' : 's'}` : undefined].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(agent.owner ? 'hubot' : 'warning');
      item.tooltip = new vscode.MarkdownString(`**${agent.name}**\n\n${agent.purpose ?? '_No stated purpose._'}`);
      item.contextValue = 'agent';
      return item;
    }
    const item = new vscode.TreeItem(node.label, node.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.open) {
      item.command = { command: 'vscode.open', title: 'Open', arguments: [node.open, { selection: new vscode.Range(node.line ?? 0, 0, node.line ?? 0, 0) }] };
    }
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return (this.inventory?.agents ?? []).map((agent) => ({ kind: 'agent' as const, agent }));
    if (node.kind === 'detail') return node.children ?? [];
    const { agent } = node;
    const uri = (file: string) => vscode.Uri.file(`${agent.folder}/${file}`);
    const details: Node[] = [
      { kind: 'detail', label: 'Owner', description: agent.owner ?? 'none', icon: 'person' },
      { kind: 'detail', label: 'Environment', description: agent.environment ?? 'not stated', icon: 'server-environment' },
      { kind: 'detail', label: 'Review by', description: agent.reviewBy ? `${agent.reviewBy}${agent.reviewOverdue ? ' (overdue)' : ''}` : 'not set', icon: agent.reviewOverdue ? 'warning' : 'calendar' },
      {
        kind: 'detail',
        label: 'Credentials',
        description: String(agent.credentials.length),
        icon: 'key',
        children: agent.credentials.map((credential) => ({
          kind: 'detail' as const,
          label: credential.name,
          description: credential.source === 'broker' ? `${credential.broker}${credential.ttl ? `, ttl ${credential.ttl}` : ''}` : credential.source,
          icon: credential.source === 'hardcoded' ? 'error' : 'key',
        })),
      },
      {
        kind: 'detail',
        label: 'Tools',
        description: String(agent.tools.length),
        icon: 'tools',
        children: agent.tools.map((tool) => ({
          kind: 'detail' as const,
          label: tool.name,
          description: [tool.access, tool.decision && `decision ${tool.decision}`, !tool.declared && 'undeclared'].filter(Boolean).join(', '),
          icon: tool.declared ? 'tools' : 'warning',
        })),
      },
    ];
    if (agent.manifest) details.push({ kind: 'detail', label: 'Manifest', description: agent.manifest, icon: 'file', open: uri(agent.manifest) });
    for (const place of agent.code) details.push({ kind: 'detail', label: 'Code', description: `${place.file}:${place.line} (${place.framework})`, icon: 'code', open: uri(place.file), line: place.line - 1 });
    return details;
  }
}
