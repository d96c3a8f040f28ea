// Extension-host suite, main run: a trusted window on a copy of examples/ (the runner copies it to a temp dir and
// opens that folder). Runs under code-server (npm run test:vscode) and @vscode/test-electron (npm run test:electron).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import {
  activationStats,
  describeDiagnostics,
  exampleKey,
  expectFinding,
  extension,
  hasRule,
  lacksCategory,
  lacksRule,
  open,
  openTimed,
  ours,
  recordTiming,
  REPO,
  replaceInDocument,
  runMocha,
  waitForDiagnostics,
  withRule,
  workspaceFile,
} from './harness';

const { Error: ERROR, Warning: WARNING } = vscode.DiagnosticSeverity;

interface AuditSummary {
  filesAnalyzed: number;
  filesWithFindings?: number;
  findings: number;
  byCategory: Record<string, number>;
  cancelled?: boolean;
  repositories?: number;
  findingsList?: { file: string; line: number; column: number; ruleId: string; severity: string; message: string }[];
}

interface Inventory {
  generatedAt: string;
  agents: { name: string; source: string; owner?: string; environment?: string; manifest?: string; tools: { name: string; declared: boolean; usedInCode: boolean }[] }[];
}

export function run(): Promise<void> {
  return runMocha('main', defineTests);
}

function defineTests(): void {
  const triage = () => workspaceFile('src/agents/triage.ts');

  describe('Agent Guardrail in a trusted window on the example workspace', () => {
    before(() => {
      assert.equal(vscode.workspace.workspaceFolders?.length, 1, 'one workspace folder (the copy of examples/)');
      assert.ok(!vscode.workspace.workspaceFolders![0]!.uri.fsPath.startsWith(REPO), 'the suite works on a copy of examples/, never on the repository');
    });

    it('shows the hardcoded OpenAI key of a TS file right after the window opened: exact range, code with docs link, source, severity', async () => {
      const { editor, diagnostics } = await openTimed(triage(), hasRule('secrets/provider-key'), 'secrets/provider-key', 'openToFirstDiagnostics');
      const { line, start, end } = exampleKey(editor.document.getText());
      assert.equal(line, 7);
      assert.equal(start, 11); // the CLI reports it at 8:12
      const diagnostic = expectFinding(diagnostics, 'secrets/provider-key', line, ERROR);
      assert.ok(diagnostic.range.isEqual(new vscode.Range(line, start, line, end)), `range ${JSON.stringify(diagnostic.range)} covers exactly the key`);
      assert.match(diagnostic.message, /^Hardcoded OpenAI API key \(sk-proj-…[A-Za-z0-9_-]{4}\)\. Rotate it/);
      assert.ok(!diagnostic.message.includes(exampleKey(editor.document.getText()).key), 'the message never contains the key');
      assert.equal(editor.document.languageId, 'typescript');
    });

    it('activated on a relevant event (not on *) and activate() returned { ready }', async () => {
      const ext = extension();
      assert.ok(ext.isActive);
      assert.equal(typeof ext.exports.ready?.then, 'function', 'activate() returns { ready: Promise }');
      await ext.exports.ready;
      assert.equal(vscode.workspace.isTrusted, true);
      const activationEvents = (ext.packageJSON as { activationEvents: string[] }).activationEvents;
      assert.ok(!activationEvents.includes('*') && !activationEvents.includes('onStartupFinished'));
      const stats = await activationStats();
      if (stats) {
        recordTiming('activationStats', stats);
        assert.ok(stats.event.startsWith('workspaceContains:') || stats.event.startsWith('onLanguage:') || stats.event.startsWith('onView:'), `activation event ${stats.event}`);
      }
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['auditWorkspace', 'auditStaged', 'showInventory', 'exportInventory', 'openInventoryReport', 'createManifest', 'fixAll', 'showDocumentation', 'showOutput']) {
        assert.ok(commands.includes(`agentGuardrail.${id}`), `command agentGuardrail.${id} is registered`);
      }
    });

    it('reports findings in an agent manifest (agent-manifest language)', async () => {
      const uri = workspaceFile('agents/research.agent.yaml');
      const editor = await open(uri);
      assert.equal(editor.document.languageId, 'agent-manifest');
      const diagnostics = await waitForDiagnostics(uri, (list) => hasRule('grants/wildcard-tool')(list) && hasRule('credentials/long-lived')(list), 'grants/wildcard-tool and credentials/long-lived');
      const wildcard = expectFinding(diagnostics, 'grants/wildcard-tool', 25, ERROR);
      assert.ok(wildcard.range.isEqual(new vscode.Range(25, 14, 25, 17)), `wildcard-tool range ${JSON.stringify(wildcard.range)}`);
      const ttl = expectFinding(diagnostics, 'credentials/long-lived', 15, WARNING);
      assert.ok(ttl.range.isEqual(new vscode.Range(15, 11, 15, 14)), `long-lived range ${JSON.stringify(ttl.range)}`);
      assert.match(ttl.message, /30d/);
    });

    it('reports findings in an MCP client config (.vscode/mcp.json, JSONC)', async () => {
      const uri = workspaceFile('.vscode/mcp.json');
      const editor = await open(uri);
      const diagnostics = await waitForDiagnostics(uri, (list) => hasRule('secrets/provider-key')(list) && hasRule('grants/filesystem-root')(list), 'secrets/provider-key and grants/filesystem-root');
      const token = expectFinding(diagnostics, 'secrets/provider-key', 20, ERROR);
      assert.ok(token.range.isEqual(new vscode.Range(20, 44, 20, 84)), `token range ${JSON.stringify(token.range)}`);
      assert.match(token.message, /^Hardcoded GitHub token \(ghp_…[A-Za-z0-9]{4}\)/);
      assert.ok(!token.message.includes(editor.document.getText(token.range)), 'the message never contains the token');
      const root = expectFinding(diagnostics, 'grants/filesystem-root', 25, ERROR);
      assert.equal(editor.document.getText(root.range), '"/"');
    });

    it('reports Claude Code settings that allow every shell command', async () => {
      const uri = workspaceFile('.claude/settings.json');
      const editor = await open(uri);
      const diagnostics = await waitForDiagnostics(uri, hasRule('grants/unrestricted-shell'), 'grants/unrestricted-shell');
      const shell = expectFinding(diagnostics, 'grants/unrestricted-shell', 2, ERROR);
      assert.equal(editor.document.getText(shell.range), '"Bash(*)"');
    });

    it('analyses an unsaved untitled document', async () => {
      const text = (await vscode.workspace.openTextDocument(triage())).getText();
      const { key } = exampleKey(text);
      const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: `import OpenAI from 'openai';\n\nexport const client = new OpenAI({ apiKey: '${key}' });\n` });
      await vscode.window.showTextDocument(document);
      const diagnostics = await waitForDiagnostics(document.uri, hasRule('secrets/provider-key'), 'secrets/provider-key');
      const diagnostic = expectFinding(diagnostics, 'secrets/provider-key', 2, ERROR);
      assert.equal(document.getText(diagnostic.range), key);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitForDiagnostics(document.uri, (list) => list.length === 0, 'cleared diagnostics after closing');
    });

    it('honours an inline suppression with a reason in a trusted workspace', async () => {
      const editor = await open(triage());
      const { line } = exampleKey(editor.document.getText());
      const comment = '  // agent-guardrail-ignore-next-line secrets/provider-key -- revoked key kept for the test\n';
      assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), comment)));
      await waitForDiagnostics(triage(), lacksRule('secrets/provider-key'), 'suppressed secrets/provider-key');
      assert.ok(await editor.edit((builder) => builder.delete(new vscode.Range(line, 0, line + 1, 0))));
      const diagnostics = await waitForDiagnostics(triage(), hasRule('secrets/provider-key'), 'secrets/provider-key back after removing the suppression');
      expectFinding(diagnostics, 'secrets/provider-key', line, ERROR);
    });

    it('drops the diagnostic as soon as the key is removed (as you type, unsaved)', async () => {
      const editor = await open(triage());
      const onDisk = (await vscode.workspace.fs.readFile(triage())).toString();
      const { key } = exampleKey(editor.document.getText());
      await waitForDiagnostics(triage(), hasRule('secrets/provider-key'), 'secrets/provider-key before the edit');
      const started = performance.now();
      await replaceInDocument(editor.document, `'${key}'`, 'process.env.OPENAI_API_KEY');
      await waitForDiagnostics(triage(), lacksCategory('secrets'), 'no secrets/* finding');
      recordTiming('editToDiagnosticsMs', performance.now() - started);
      assert.ok(editor.document.isDirty);
      assert.equal((await vscode.workspace.fs.readFile(triage())).toString(), onDisk, 'the file on disk is unchanged (the edit is not saved)');
    });

    it('a manifest edit changes the code file’s findings: a tool removed from the manifest is undeclared in triage.ts', async () => {
      const code = await open(triage());
      const manifestUri = workspaceFile('agents/support-triage.agent.yaml');
      const manifest = await open(manifestUri);
      const block = '    - name: assign_ticket\n      access: write\n      decision: allow\n      scopes: [tickets:assign]\n';
      const started = performance.now();
      await replaceInDocument(manifest.document, block, '');
      const diagnostics = await waitForDiagnostics(triage(), hasRule('grants/undeclared-tool'), 'grants/undeclared-tool');
      recordTiming('manifestEditToCodeDiagnosticsMs', performance.now() - started);
      const toolLine = code.document.getText().split('\n').findIndex((text) => text.includes('tools: [searchTicketsTool, assignTicket]'));
      const undeclared = expectFinding(diagnostics, 'grants/undeclared-tool', toolLine, ERROR);
      assert.equal(code.document.getText(undeclared.range), 'assignTicket');
      assert.match(undeclared.message, /"assign_ticket" is not declared in the manifest of agent "support-triage"/);
      const related = undeclared.relatedInformation ?? [];
      assert.equal(related.length, 1, 'related information points at the manifest');
      assert.equal(related[0]!.location.uri.toString(), manifestUri.toString());
      assert.equal(related[0]!.location.range.start.line, 4, 'at metadata.name of the manifest');
      assert.match(related[0]!.message, /does not declare "assign_ticket"/);

      // And back: declaring the tool again clears the code file's finding.
      const insertAt = manifest.document.getText().length;
      assert.ok(await manifest.edit((builder) => builder.insert(manifest.document.positionAt(insertAt), block)));
      await waitForDiagnostics(triage(), lacksRule('grants/undeclared-tool'), 'no grants/undeclared-tool after the tool is declared again');
    });

    it('Audit Workspace returns the summary and fills the Problems panel for files that are not open', async () => {
      const billing = workspaceFile('src/agents/billing.ts');
      const policy = workspaceFile('config/agent-runner-policy.json');
      const notifier = workspaceFile('deploy/notifier.yaml');
      for (const uri of [billing, policy, notifier]) {
        assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), `${uri.path} is not open`);
        assert.equal(ours(uri).length, 0, `${uri.path} has no diagnostics before the audit`);
      }
      const started = performance.now();
      const summary = await vscode.commands.executeCommand<AuditSummary>('agentGuardrail.auditWorkspace');
      recordTiming('auditWorkspaceCommandMs', performance.now() - started);
      assert.ok(summary && !summary.cancelled, 'the command returns a summary');
      assert.ok(summary.filesAnalyzed >= 13, `files analysed: ${summary.filesAnalyzed}`);
      assert.ok(summary.filesWithFindings! > 0 && summary.filesWithFindings! < summary.filesAnalyzed, `files with findings: ${summary.filesWithFindings} of ${summary.filesAnalyzed}`);
      assert.equal(summary.findings, Object.values(summary.byCategory).reduce((a, b) => a + b, 0), 'counts per category add up');
      // On disk triage.ts still has its key (the edit above is unsaved): four secrets in four files.
      const problems = () => vscode.languages.getDiagnostics().map(([uri, list]) => `${vscode.workspace.asRelativePath(uri)}: ${describeDiagnostics(list.filter((d) => d.source === 'Agent Guardrail'))}`).join('\n');
      assert.ok((summary.byCategory.secrets ?? 0) >= 4, `secrets: ${JSON.stringify(summary.byCategory)}\n${problems()}`);
      assert.ok((summary.byCategory.grants ?? 0) >= 5, `grants: ${JSON.stringify(summary.byCategory)}\n${problems()}`);

      const billingDiagnostics = await waitForDiagnostics(billing, (list) => hasRule('secrets/provider-key')(list) && hasRule('ownership/unowned-agent')(list), 'audit findings');
      const stripe = expectFinding(billingDiagnostics, 'secrets/provider-key', 8, ERROR);
      assert.ok(stripe.range.isEqual(new vscode.Range(8, 27, 8, 134)), `stripe key range ${JSON.stringify(stripe.range)}`);
      expectFinding(billingDiagnostics, 'grants/unrestricted-shell', 29, ERROR);
      expectFinding(billingDiagnostics, 'ownership/unowned-agent', 35, WARNING);
      expectFinding(await waitForDiagnostics(policy, hasRule('grants/cloud-admin'), 'grants/cloud-admin'), 'grants/cloud-admin', 6, ERROR);
      expectFinding(await waitForDiagnostics(notifier, hasRule('secrets/provider-key'), 'secrets/provider-key'), 'secrets/provider-key', 12, ERROR);
      // Open files keep their live diagnostics: triage.ts (key removed in the editor) still has none.
      assert.equal(withRule(ours(triage()), 'secrets/provider-key').length, 0);
    });

    it('Audit Staged Changes audits what is staged in the workspace’s git repository', async () => {
      const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
      const none = await vscode.commands.executeCommand<AuditSummary>('agentGuardrail.auditStaged');
      assert.equal(none?.repositories, 0, 'no git repository yet');

      const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
      git('init', '--quiet');
      git('add', 'src/agents/billing.ts', '.vscode/mcp.json', 'agents/support-triage.agent.yaml');
      const summary = await vscode.commands.executeCommand<AuditSummary>('agentGuardrail.auditStaged');
      assert.ok(summary, 'the command returns a summary');
      assert.equal(summary.repositories, 1);
      const found = (summary.findingsList ?? []).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`);
      assert.ok(found.includes('src/agents/billing.ts:9:28 secrets/provider-key'), found.join('\n'));
      assert.ok(found.includes('.vscode/mcp.json:21:45 secrets/provider-key'), found.join('\n'));
      assert.ok(!found.some((entry) => entry.startsWith('src/agents/triage.ts') || entry.startsWith('deploy/')), `only staged files: ${found.join(', ')}`);
      assert.equal(summary.findings, found.length);
    });

    it('Show Agent Inventory returns the inventory of agents in code and manifests', async () => {
      const inventory = await vscode.commands.executeCommand<Inventory>('agentGuardrail.showInventory');
      assert.ok(inventory && Array.isArray(inventory.agents), 'the command returns the inventory');
      const byName = new Map(inventory.agents.map((agent) => [agent.name, agent]));
      assert.deepEqual([...byName.keys()].sort(), ['billing-assistant', 'research-assistant', 'support-triage']);
      const triageAgent = byName.get('support-triage')!;
      assert.equal(triageAgent.owner, 'team:support-platform');
      assert.equal(triageAgent.environment, 'production');
      assert.equal(triageAgent.source, 'manifest+code');
      assert.deepEqual(triageAgent.tools.map((tool) => tool.name).sort(), ['assign_ticket', 'search_tickets']);
      assert.equal(byName.get('billing-assistant')!.owner, undefined, 'the unowned agent has no owner');
    });

    it('manifests: completion and hover come from the language server (no YAML extension installed)', async () => {
      const uri = workspaceFile('agents/support-triage.agent.yaml');
      const editor = await open(uri);
      const text = editor.document.getText();
      const accessLine = text.split('\n').findIndex((line) => line.includes('access: write'));
      const valueStart = text.split('\n')[accessLine]!.indexOf('write');
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(accessLine, valueStart));
      const ours = completions.items.filter((item) => ['read', 'write', 'delete', 'admin', 'execute'].includes(typeof item.label === 'string' ? item.label : item.label.label));
      assert.equal(ours.length, 5, `access values offered: ${completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).join(', ')}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(accessLine, valueStart - 4));
      const markdown = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))).join('\n');
      assert.match(markdown, /\*\*Access\*\* \(`access`\)/);
    });

    it('fix all: source.fixAll.agentGuardrail is offered, and editor.codeActionsOnSave applies it when the file is saved', async () => {
      const uri = workspaceFile('agents/research.agent.yaml');
      const editor = await open(uri);
      await waitForDiagnostics(uri, hasRule('credentials/long-lived'), 'credentials/long-lived');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.agentGuardrail');
      assert.deepEqual(actions.map((action) => [action.title, action.kind?.value]), [['Fix all auto-fixable problems', 'source.fixAll.agentGuardrail']]);
      await vscode.workspace.getConfiguration('editor', uri).update('codeActionsOnSave', { 'source.fixAll.agentGuardrail': 'explicit' }, vscode.ConfigurationTarget.Workspace);
      try {
        assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# saved with fix all\n')));
        await editor.document.save();
        const saved = (await vscode.workspace.fs.readFile(uri)).toString();
        assert.match(saved, /ttl: 1h/, 'the 30d ttl was shortened on save');
        await waitForDiagnostics(uri, lacksRule('credentials/long-lived'), 'no credentials/long-lived after the save');
      } finally {
        await vscode.workspace.getConfiguration('editor', uri).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('Show Rule Documentation opens the page shipped with the extension in the Markdown preview', async () => {
      const page = await vscode.commands.executeCommand<string>('agentGuardrail.showDocumentation', 'secrets/provider-key');
      assert.ok(page?.endsWith('/dist/docs/rules/secrets/provider-key.md'), page);
      const deadline = Date.now() + 20_000;
      const previewOpen = () => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType)));
      while (!previewOpen() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(previewOpen(), 'a Markdown preview tab is open');
    });

    it('Create Agent Manifest writes a manifest prefilled from the active file’s agent', async () => {
      await open(workspaceFile('src/agents/billing.ts'));
      const created = await vscode.commands.executeCommand<{ path?: string; uri?: string }>('agentGuardrail.createManifest');
      assert.equal(created?.path, 'agents/billing-assistant.agent.yaml');
      const text = (await vscode.workspace.fs.readFile(vscode.Uri.parse(created!.uri!))).toString();
      assert.match(text, /^ {2}name: billing-assistant$/m);
      assert.match(text, /^ {2}entrypoint: src\/agents\/billing\.ts$/m);
      assert.match(text, /^ {4}- name: issue_refund\n {6}access: write {4}# guessed from the tool; check it\n {6}decision: challenge$/m);
      await vscode.workspace.fs.delete(vscode.Uri.parse(created!.uri!));
    });

    it('Open Agent Inventory Report shows the HTML report in a webview', async () => {
      const length = await vscode.commands.executeCommand<number>('agentGuardrail.openInventoryReport');
      assert.ok(length && length > 5000, `report of ${length} characters`);
      const reportTabOpen = () => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label === 'Agent Inventory'));
      // The tab model reaches the extension host some time after the panel is created: wait for it (a bound, not a timing).
      for (let waited = 0; !reportTabOpen() && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(reportTabOpen(), 'the report tab is open');
    });

    it('honours the workspace’s .agent-guardrail.yaml when the workspace is trusted', async () => {
      const mcp = workspaceFile('.vscode/mcp.json');
      await open(mcp);
      await waitForDiagnostics(mcp, hasRule('secrets/provider-key'), 'secrets/provider-key');
      const config = workspaceFile('.agent-guardrail.yaml');
      await vscode.workspace.fs.writeFile(config, Buffer.from('rules:\n  secrets/*: off\n'));
      await waitForDiagnostics(mcp, lacksCategory('secrets'), 'secrets/* switched off by .agent-guardrail.yaml');
      await vscode.workspace.fs.delete(config);
      await waitForDiagnostics(mcp, hasRule('secrets/provider-key'), 'secrets/provider-key back after deleting .agent-guardrail.yaml');
    });
  });
}
