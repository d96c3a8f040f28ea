import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { InventoryTreeProvider, type Inventory } from './inventory-view';

/** Arguments of the server's choose-then-apply code actions (see src/server/convert.ts). */
interface ChooseAndApplyArguments {
  setting: string;
  prompt: string;
  choices: { value: string; label: string; detail?: string; edit: import('vscode-languageclient').WorkspaceEdit }[];
  followUp?: string;
}

const BUDGET_MS = 1500;
let client: LanguageClient | undefined;

interface AuditSummary {
  filesAnalyzed: number;
  findings: number;
  byCategory: Record<string, number>;
  cancelled?: boolean;
  repositories?: number;
  findingsList?: { file: string; line: number; column: number; ruleId: string; severity: string; message: string; root: string }[];
}

/**
 * Activation only wires things up and starts the language server in the background: all analysis happens in
 * the server process, never in the extension host.
 */
export function activate(context: vscode.ExtensionContext): { ready: Promise<void> } {
  const output = vscode.window.createOutputChannel('Agent Guardrail', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    outputChannel: output,
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    synchronize: {
      configurationSection: 'agentGuardrail',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*'),
    },
  };
  client = new LanguageClient('agentGuardrail', 'Agent Guardrail', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('agentGuardrail.status', [{ scheme: 'file' }, { scheme: 'untitled' }]);
  status.name = 'Agent Guardrail';
  status.text = '$(loading~spin) Agent Guardrail: starting';
  status.command = { command: 'agentGuardrail.showOutput', title: 'Show output' };
  const lastAnalysis = new Map<string, { milliseconds: number; findings: number; skipped?: string }>();
  const showStatus = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const analysis = uri ? lastAnalysis.get(uri) : undefined;
    if (!analysis) {
      status.text = '$(shield) Agent Guardrail';
      status.detail = 'waiting for the first analysis';
      return;
    }
    status.text = analysis.skipped ? '$(circle-slash) Agent Guardrail: skipped' : `$(shield) Agent Guardrail: ${analysis.milliseconds} ms`;
    status.detail = analysis.skipped ?? `${analysis.findings} finding${analysis.findings === 1 ? '' : 's'} · budget ${BUDGET_MS} ms`;
    status.severity = analysis.milliseconds > BUDGET_MS ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };

  const inventory = new InventoryTreeProvider(async () => (await started) ? ((await client!.sendRequest(ExecuteCommandRequest.type, { command: 'agent-guardrail.inventory', arguments: [] })) as Inventory) : undefined);
  context.subscriptions.push(output, status, vscode.window.registerTreeDataProvider('agentGuardrail.inventory', inventory));

  const started = client.start().then(
    () => {
      client!.onNotification('agentGuardrail/analyzed', (params: { uri: string; milliseconds: number; findings: number; skipped?: string }) => {
        lastAnalysis.set(params.uri, params);
        showStatus();
      });
      showStatus();
      return true;
    },
    (error: unknown) => {
      output.appendLine(`The language server did not start: ${String(error)}`);
      status.text = '$(error) Agent Guardrail';
      status.severity = vscode.LanguageStatusSeverity.Error;
      return false;
    },
  );
  context.subscriptions.push({ dispose: () => void client?.stop() });
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(showStatus));

  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('Agent Guardrail runs in Restricted Mode: this repository cannot switch off or suppress secrets/* and grants/* findings until you trust it.');
  }
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void started.then(() => client?.sendNotification('agentGuardrail/trust', { trusted: true }))),
  );

  const execute = async <T>(command: string, token?: vscode.CancellationToken): Promise<T | undefined> => {
    if (!(await started)) return undefined;
    return (await client!.sendRequest(ExecuteCommandRequest.type, { command, arguments: [] }, token)) as T;
  };

  const describeSummary = (summary: AuditSummary) => {
    const categories = Object.entries(summary.byCategory).map(([category, count]) => `${category} ${count}`).join(', ');
    return summary.findings ? `${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.filesAnalyzed} files (${categories}).` : `No findings in ${summary.filesAnalyzed} files.`;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('agentGuardrail.auditWorkspace', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Agent Guardrail: auditing the workspace', cancellable: true }, async (_progress, token) => {
        const summary = await execute<AuditSummary>('agent-guardrail.auditWorkspace', token);
        if (!summary || summary.cancelled) return summary;
        const message = `Agent Guardrail: ${describeSummary(summary)}`;
        output.appendLine(message);
        void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
        return summary;
      }),
    ),
    vscode.commands.registerCommand('agentGuardrail.auditStaged', async () => {
      const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Agent Guardrail: auditing staged changes' }, () => execute<AuditSummary>('agent-guardrail.auditStaged'));
      if (!summary) return undefined;
      if (!summary.repositories) {
        void vscode.window.showWarningMessage('Agent Guardrail: no git repository in this workspace.');
        return summary;
      }
      output.appendLine(`Staged changes: ${describeSummary(summary)}`);
      for (const finding of summary.findingsList ?? []) output.appendLine(`  ${finding.file}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.ruleId}  ${finding.message}`);
      const message = summary.findings ? `Agent Guardrail: the staged changes have ${describeSummary(summary)} Fix them before committing.` : 'Agent Guardrail: the staged changes are clean.';
      void (summary.findings ? vscode.window.showWarningMessage(message, 'Show Output') : vscode.window.showInformationMessage(message)).then((choice) => choice && output.show());
      return summary;
    }),
    vscode.commands.registerCommand('agentGuardrail.showInventory', async () => {
      await inventory.refresh();
      await vscode.commands.executeCommand('agentGuardrail.inventory.focus');
      return inventory.inventory;
    }),
    vscode.commands.registerCommand('agentGuardrail.exportInventory', async () => {
      if (!inventory.inventory) await inventory.refresh();
      const choice = await vscode.window.showQuickPick(['Markdown', 'JSON'], { placeHolder: 'Export the agent inventory as' });
      if (!choice) return;
      const content = choice === 'JSON' ? JSON.stringify(inventory.inventory, null, 2) : inventoryMarkdown(inventory.inventory);
      const document = await vscode.workspace.openTextDocument({ language: choice === 'JSON' ? 'json' : 'markdown', content });
      await vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand('agentGuardrail.createManifest', async () => {
      const name = await vscode.window.showInputBox({ prompt: 'Agent name (lowercase, a-z 0-9 -)', validateInput: (value) => (/^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/.test(value) ? undefined : 'Use a lowercase DNS label: a-z, 0-9 and -') });
      if (!name) return;
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return;
      const active = vscode.window.activeTextEditor?.document;
      const entrypoint = active && active.uri.scheme === 'file' ? vscode.workspace.asRelativePath(active.uri, false) : undefined;
      const target = vscode.Uri.joinPath(folder.uri, 'agents', `${name}.agent.yaml`);
      await vscode.workspace.fs.writeFile(target, Buffer.from(manifestTemplate(name, entrypoint)));
      await vscode.window.showTextDocument(target);
    }),
    vscode.commands.registerCommand('agentGuardrail.showOutput', () => output.show()),
    // A quick fix that needs a choice first (the credential broker, when none is configured): ask once, remember
    // the answer in the workspace settings, then apply the edit the server prepared for that choice.
    vscode.commands.registerCommand('agentGuardrail.chooseAndApplyFix', async (args: ChooseAndApplyArguments) => {
      const picked = await vscode.window.showQuickPick(
        args.choices.map((choice) => ({ label: choice.label, detail: choice.detail, choice })),
        { placeHolder: args.prompt, ignoreFocusOut: true },
      );
      if (!picked || !client) return false;
      await vscode.workspace.getConfiguration().update(args.setting, picked.choice.value, vscode.ConfigurationTarget.Workspace);
      const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(picked.choice.edit));
      if (applied && args.followUp) void vscode.window.showWarningMessage(args.followUp);
      return applied;
    }),
  );

  return { ready: started.then(() => undefined) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function manifestTemplate(name: string, entrypoint: string | undefined): string {
  const review = new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10);
  return `# yaml-language-server: $schema=https://raw.githubusercontent.com/agent-guardrail/agent-guardrail/main/schemas/agent-manifest.schema.json
apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: ${name}
  description: What business process this agent serves
  owner: team:your-team
  technicalOwner: user:you@example.com
  environment: development
  reviewBy: ${review}
spec:
${entrypoint ? `  entrypoint: ${entrypoint}\n` : ''}  credentials: []
  tools: []
`;
}

function inventoryMarkdown(inventory: Inventory | undefined): string {
  const lines = ['# Agent inventory', '', '| Agent | Owner | Environment | Review by | Credentials | Tools |', '| --- | --- | --- | --- | --- | --- |'];
  for (const agent of inventory?.agents ?? []) {
    lines.push(`| ${agent.name} | ${agent.owner ?? '**none**'} | ${agent.environment ?? '—'} | ${agent.reviewBy ?? '—'}${agent.reviewOverdue ? ' (overdue)' : ''} | ${agent.credentials.map((c) => `${c.name}: ${c.source === 'broker' ? c.broker : c.source}`).join('<br>')} | ${agent.tools.map((t) => t.name).join('<br>')} |`);
  }
  return lines.join('\n') + '\n';
}
