// Extension-host suite, cold run: an empty window (no folder), so nothing activates the extension before the
// test does. Measures activate() and the first diagnostics right after it; writes them to test/.tmp/vscode-timings.json.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { activationStats, exampleKey, expectFinding, extension, hasRule, openTimed, recordTiming, REPO, runMocha, say } from './harness';

export function run(): Promise<void> {
  return runMocha('cold', defineTests);
}

function defineTests(): void {
  describe('Agent Guardrail in an empty window', () => {
    it('activate() returns { ready } and starts the language server in the background', async () => {
      assert.equal(vscode.workspace.workspaceFolders, undefined, 'an empty window');
      const ext = extension();
      // VS Code 1.139 opens a jsonc model at startup even in an empty window, so onLanguage:jsonc may already have
      // activated the extension; then only VS Code's own activation numbers (perfview) are available.
      const wasActive = ext.isActive;
      recordTiming('activeBeforeTest', wasActive);
      say(`[suite] open documents: ${vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.languageId})`).join(', ')}`);
      const started = performance.now();
      const api = await ext.activate();
      if (!wasActive) recordTiming('activateWallMs', performance.now() - started);
      assert.equal(typeof api.ready?.then, 'function', 'activate() returns { ready: Promise }');
      await api.ready;
      if (!wasActive) recordTiming('serverReadyMs', performance.now() - started);
      const stats = await activationStats();
      if (stats) {
        recordTiming('activationStats', stats);
        recordTiming('activateMs', stats.callActivate + stats.finishActivate);
        recordTiming('activationMs', stats.loadCode + stats.callActivate + stats.finishActivate);
      }
    });

    it('analyses a file outside any workspace folder as soon as it opens', async () => {
      // The repository's own example, opened read-only: this test never edits it.
      const uri = vscode.Uri.file(join(REPO, 'examples', 'src', 'agents', 'triage.ts'));
      const { editor, diagnostics } = await openTimed(uri, hasRule('secrets/provider-key'), 'secrets/provider-key', 'openToFirstDiagnostics');
      const { line, start, end } = exampleKey(editor.document.getText());
      const diagnostic = expectFinding(diagnostics, 'secrets/provider-key', line, vscode.DiagnosticSeverity.Error);
      assert.ok(diagnostic.range.isEqual(new vscode.Range(line, start, line, end)));
      assert.equal(editor.document.isDirty, false);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });
}
