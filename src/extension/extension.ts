import { readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { InventoryTreeProvider, type Inventory } from './inventory-view';

/** What the server runs after a fix's edit (src/server/convert.ts FixAppliedArguments). */
interface FixAppliedArguments {
  create: { uri: string; path: string; text: string }[];
  changed: string[];
  ruleId?: string;
  alsoChanged?: string[];
  followUp?: string;
}

/** Arguments of the server's choose-then-apply code actions (see src/server/convert.ts). */
interface ChooseAndApplyArguments {
  setting: string;
  prompt: string;
  choices: { value: string; label: string; detail?: string; edit?: import('vscode-languageclient').WorkspaceEdit; applied: FixAppliedArguments }[];
  followUp?: string;
}

const SERVER = {
  fixApplied: 'agent-guardrail.fixApplied',
  fixAll: 'agent-guardrail.fixAll',
  createManifest: 'agent-guardrail.createManifest',
  showDocumentation: 'agent-guardrail.showDocumentation',
} as const;

/** Set once a hardcoded-key fix is applied: completes the walkthrough step "Fix a hardcoded key". */
const FIXED_KEY_CONTEXT = 'agentGuardrail.fixedHardcodedKey';

const BUDGET_MS = 1500;
let client: LanguageClient | undefined;
let reportPanel: vscode.WebviewPanel | undefined;

interface AuditSummary {
  filesAnalyzed: number;
  filesWithFindings?: number;
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
    // Notebook cells (Jupyter) are Python documents of their own: findings appear in the cell as you type.
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-notebook-cell', language: 'python' }],
    outputChannel: output,
    // The extension asks for a fix's choice (the broker) in a quick pick; other LSP clients get one action per choice.
    initializationOptions: { trusted: vscode.workspace.isTrusted, clientCommands: ['agentGuardrail.chooseAndApplyFix'], jsonManifestsByClient: true },
    middleware: {
      // Rule links open the documentation page shipped with the extension, in the Markdown preview.
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const diagnostic of diagnostics) {
          if (diagnostic.source !== 'Agent Guardrail' || typeof diagnostic.code !== 'object') continue;
          const ruleId = String(diagnostic.code.value);
          diagnostic.code = { value: ruleId, target: vscode.Uri.parse(`command:agentGuardrail.showDocumentation?${encodeURIComponent(JSON.stringify([ruleId]))}`) };
        }
        next(uri, diagnostics);
      },
      executeCommand: async (command, args, next) => {
        if (command === SERVER.showDocumentation) return vscode.commands.executeCommand('agentGuardrail.showDocumentation', args[0]);
        if (command === SERVER.fixApplied && String((args[0] as FixAppliedArguments | undefined)?.ruleId ?? '').startsWith('secrets/')) {
          void vscode.commands.executeCommand('setContext', FIXED_KEY_CONTEXT, true);
        }
        return next(command, args);
      },
    },
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
    void vscode.window.showInformationMessage('Agent Guardrail runs in Restricted Mode: this repository cannot switch off or suppress secrets/*, grants/* and supply-chain/* findings until you trust it.');
  }
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void started.then(() => client?.sendNotification('agentGuardrail/trust', { trusted: true }))),
  );

  const executeWith = async <T>(command: string, args: unknown[], token?: vscode.CancellationToken): Promise<T | undefined> => {
    if (!(await started)) return undefined;
    return (await client!.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token)) as T;
  };
  const execute = <T>(command: string, token?: vscode.CancellationToken) => executeWith<T>(command, [], token);

  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  /** "13 findings in 8 files (13 files analysed; secrets 4, grants 6, …)." */
  const describeSummary = (summary: AuditSummary) => {
    const categories = Object.entries(summary.byCategory).map(([category, count]) => `${category} ${count}`).join(', ');
    const analysed = `${plural(summary.filesAnalyzed, 'file')} analysed`;
    return summary.findings
      ? `${plural(summary.findings, 'finding')} in ${plural(summary.filesWithFindings ?? summary.filesAnalyzed, 'file')} (${analysed}; ${categories}).`
      : `No findings (${analysed}).`;
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
    // The same self-contained report as `agent-guardrail inventory --format html`: graph and tables, in a webview.
    vscode.commands.registerCommand('agentGuardrail.openInventoryReport', async () => {
      const html = await execute<string>('agent-guardrail.inventoryHtml');
      if (!html) return undefined;
      if (!reportPanel) {
        reportPanel = vscode.window.createWebviewPanel('agentGuardrail.inventoryReport', 'Agent Inventory', vscode.ViewColumn.Active, { enableScripts: false, enableFindWidget: true });
        reportPanel.onDidDispose(() => (reportPanel = undefined));
      }
      reportPanel.webview.html = html;
      reportPanel.reveal();
      return html.length;
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
      // The server prefills the manifest from the active file's agent (name, entrypoint, tools, credentials, owner).
      const active = vscode.window.activeTextEditor?.document;
      const folder = (active && vscode.workspace.getWorkspaceFolder(active.uri)) ?? vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showWarningMessage('Agent Guardrail: open a folder first; the manifest is written into it.');
        return undefined;
      }
      const uri = (active && vscode.workspace.getWorkspaceFolder(active.uri) ? active.uri : folder.uri).toString();
      type Created = { needsName?: boolean; suggestedName?: string; path?: string; uri?: string; error?: string };
      let result = await executeWith<Created>(SERVER.createManifest, [{ uri }]);
      if (result?.needsName) {
        const name = await vscode.window.showInputBox({
          prompt: 'No agent found in the active file. Agent name (lowercase, a-z 0-9 -)',
          value: result.suggestedName,
          validateInput: (value) => (/^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/.test(value) ? undefined : 'Use a lowercase DNS label: a-z, 0-9 and -'),
        });
        if (!name) return undefined;
        result = await executeWith<Created>(SERVER.createManifest, [{ uri, name }]);
      }
      if (result?.error) void vscode.window.showWarningMessage(`Agent Guardrail: ${result.error}`);
      if (result?.error && result.uri) await vscode.window.showTextDocument(vscode.Uri.parse(result.uri));
      return result;
    }),
    vscode.commands.registerCommand('agentGuardrail.fixAll', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return undefined;
      return executeWith<{ fixed: number; remaining: number; applied: boolean }>(SERVER.fixAll, [{ uri: document.uri.toString() }]);
    }),
    // Rule documentation: the page shipped with the extension, in the Markdown preview (offline).
    vscode.commands.registerCommand('agentGuardrail.showDocumentation', async (ruleId?: string) => {
      const id = ruleId ?? (await vscode.window.showQuickPick(shippedRuleIds(context), { placeHolder: 'Show the documentation of rule' }));
      if (!id || !/^[a-z]+\/[a-z-]+$/.test(id)) return undefined;
      const page = vscode.Uri.file(context.asAbsolutePath(`dist/docs/rules/${id}.md`));
      await vscode.commands.executeCommand('markdown.showPreview', page);
      return page.toString();
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
      const applied = picked.choice.edit ? await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(picked.choice.edit)) : true;
      if (!applied) return false;
      await vscode.workspace.getConfiguration().update(args.setting, picked.choice.value, vscode.ConfigurationTarget.Workspace);
      // The server writes the files the fix creates and says what changed, including the setting just written.
      await vscode.commands.executeCommand(SERVER.fixApplied, { ...picked.choice.applied, alsoChanged: [`${args.setting} = ${picked.choice.value} in .vscode/settings.json`] });
      return true;
    }),
  );

  return { ready: started.then(() => undefined) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function inventoryMarkdown(inventory: Inventory | undefined): string {
  const lines = ['# Agent inventory', '', '| Agent | Owner | Environment | Review by | Credentials | Tools |', '| --- | --- | --- | --- | --- | --- |'];
  for (const agent of inventory?.agents ?? []) {
    lines.push(`| ${agent.name} | ${agent.owner ?? '**none**'} | ${agent.environment ?? '—'} | ${agent.reviewBy ?? '—'}${agent.reviewOverdue ? ' (overdue)' : ''} | ${agent.credentials.map((c) => `${c.name}: ${c.source === 'broker' ? c.broker : c.source}`).join('<br>')} | ${agent.tools.map((t) => t.name).join('<br>')} |`);
  }
  return lines.join('\n') + '\n';
}

/** The rule ids whose documentation pages ship with the extension (dist/docs/rules/<category>/<name>.md). */
function shippedRuleIds(context: vscode.ExtensionContext): string[] {
  const root = context.asAbsolutePath('dist/docs/rules');
  const list = (path: string) => {
    try {
      return readdirSync(path, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  return list(root)
    .filter((entry) => entry.isDirectory())
    .flatMap((category) => list(`${root}/${category.name}`).filter((page) => page.name.endsWith('.md')).map((page) => `${category.name}/${page.name.slice(0, -3)}`))
    .sort();
}
