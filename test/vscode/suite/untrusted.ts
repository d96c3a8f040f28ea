// Extension-host suite, Restricted Mode run: workspace trust is enabled and the copy of examples/ is not trusted.
// The copy carries a .agent-guardrail.yaml and a .vscode/settings.json (written by the runner, see
// UNTRUSTED_CONFIG in test/vscode/run-code-server.mjs) that try to switch secrets/*, grants/* and ownership/* off.
// PRODUCT.md §7: the analysis still runs, and the repository cannot switch off or suppress secrets/* and grants/*.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exampleKey, expectFinding, extension, hasRule, lacksRule, open, ours, runMocha, waitForDiagnostics, withRule, workspaceFile } from './harness';

const { Error: ERROR } = vscode.DiagnosticSeverity;

export function run(): Promise<void> {
  return runMocha('untrusted', defineTests);
}

function defineTests(): void {
  describe('Agent Guardrail in Restricted Mode (untrusted workspace)', () => {
    it('runs in the untrusted workspace whose configuration turns secrets/* and grants/* off', async () => {
      assert.equal(vscode.workspace.isTrusted, false, 'the workspace is not trusted');
      const config = (await vscode.workspace.fs.readFile(workspaceFile('.agent-guardrail.yaml'))).toString();
      assert.match(config, /secrets\/\*: off/);
      const ext = extension();
      const api = ext.isActive ? ext.exports : await ext.activate();
      await api.ready;
    });

    it('still reports a hardcoded key in TS code', async () => {
      const uri = workspaceFile('src/agents/triage.ts');
      const editor = await open(uri);
      const diagnostics = await waitForDiagnostics(uri, hasRule('secrets/provider-key'), 'secrets/provider-key');
      const { line, start, end } = exampleKey(editor.document.getText());
      const diagnostic = expectFinding(diagnostics, 'secrets/provider-key', line, ERROR);
      assert.ok(diagnostic.range.isEqual(new vscode.Range(line, start, line, end)));
    });

    it('still reports secrets/* and grants/* in an MCP config', async () => {
      const uri = workspaceFile('.vscode/mcp.json');
      await open(uri);
      const diagnostics = await waitForDiagnostics(uri, (list) => hasRule('secrets/provider-key')(list) && hasRule('grants/filesystem-root')(list), 'secrets/provider-key and grants/filesystem-root');
      expectFinding(diagnostics, 'secrets/provider-key', 20, ERROR);
      expectFinding(diagnostics, 'grants/filesystem-root', 25, ERROR);
    });

    it('does not honour an inline suppression of secrets/*', async () => {
      const uri = workspaceFile('src/agents/triage.ts');
      const editor = await open(uri);
      const { line } = exampleKey(editor.document.getText());
      const comment = '  // agent-guardrail-ignore-next-line secrets/provider-key -- trying to hide it\n';
      assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), comment)));
      // The edited version is analysed (the finding moves one line down) and the finding is still there.
      const diagnostics = await waitForDiagnostics(uri, (list) => withRule(list, 'secrets/provider-key').some((d) => d.range.start.line === line + 1), 'secrets/provider-key on the next line');
      expectFinding(diagnostics, 'secrets/provider-key', line + 1, ERROR);
      assert.ok(await editor.edit((builder) => builder.delete(new vscode.Range(line, 0, line + 1, 0))));
    });

    it('Audit Workspace reports secrets/* and grants/* but honours the rest of the configuration (ownership/* off)', async () => {
      const billing = workspaceFile('src/agents/billing.ts');
      await open(billing);
      const summary = await vscode.commands.executeCommand<{ findings: number; byCategory: Record<string, number> }>('agentGuardrail.auditWorkspace');
      assert.ok(summary, 'the command returns a summary');
      assert.ok((summary.byCategory.secrets ?? 0) >= 4, `secrets: ${JSON.stringify(summary.byCategory)}`);
      assert.ok((summary.byCategory.grants ?? 0) >= 5, `grants: ${JSON.stringify(summary.byCategory)}`);
      assert.equal(summary.byCategory.ownership ?? 0, 0, `ownership/* is off: ${JSON.stringify(summary.byCategory)}`);
      // The audit waits for the workspace index, after which open files carry their cross-file findings too.
      const diagnostics = await waitForDiagnostics(billing, (list) => hasRule('secrets/provider-key')(list) && hasRule('grants/unrestricted-shell')(list), 'secrets/provider-key and grants/unrestricted-shell');
      expectFinding(diagnostics, 'secrets/provider-key', 8, ERROR);
      expectFinding(diagnostics, 'grants/unrestricted-shell', 29, ERROR);
      assert.ok(lacksRule('ownership/unowned-agent')(ours(billing)), 'ownership/unowned-agent is switched off by the repository configuration');
    });
  });
}
