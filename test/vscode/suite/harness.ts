// Runs inside the VS Code extension host (code-server or @vscode/test-electron), not in plain Node.
// The entry modules (main.ts, cold.ts, untrusted.ts) export the standard `run(): Promise<void>`; this file holds the
// mocha runner and the helpers they share. test/vscode/build-suite.mjs bundles them (mocha included, `vscode`
// external) into test/.tmp/vscode-suite/<mode>.js.
//
// Waiting is always on events (vscode.languages.onDidChangeDiagnostics), never on sleeps. Each wait has an upper
// bound only so that a missing diagnostic fails with a clear message instead of hanging the run. Timings are
// measured and written to test/.tmp/vscode-timings.json; no test asserts on them.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'agent-guardrail.agent-guardrail';
export const SOURCE = 'Agent Guardrail';
/** Upper bound for one wait: generous, because a loaded 2-core CI machine can be slow; not a timing assertion. */
export const WAIT_MS = 45_000;

/** The repository: the nearest directory above this file whose package.json is agent-guardrail's. */
export const REPO = findRepo(__dirname);

function findRepo(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'agent-guardrail') return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the agent-guardrail repository above ${start}`);
  }
}

export interface GuardrailApi {
  ready: Promise<void>;
}

/** Marks the suite's console lines, so the runner can tell them from the workbench's own log lines. */
export const CONSOLE_MARK = '[ag-suite] ';

export function say(text: string): void {
  for (const line of text.split('\n')) console.log(CONSOLE_MARK + line);
}

// ---------------------------------------------------------------------------------------------------------------
// Timings

const timings: Record<string, unknown> = {};

export function recordTiming(name: string, value: unknown): void {
  timings[name] = typeof value === 'number' ? Math.round(value * 10) / 10 : value;
  say(`[timing] ${name} = ${JSON.stringify(timings[name])}`);
}

/** Merges this run's timings into test/.tmp/vscode-timings.json under runs[mode], and derives the headline numbers. */
function writeTimings(mode: string): void {
  const file = join(REPO, 'test', '.tmp', 'vscode-timings.json');
  mkdirSync(dirname(file), { recursive: true });
  let data: { runs?: Record<string, Record<string, unknown>> } & Record<string, unknown> = {};
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch {
    // first run writes a new file
  }
  const runs: Record<string, Record<string, unknown>> = { ...(data.runs ?? {}), [mode]: { ...timings, measuredAt: new Date().toISOString() } };
  const editor = `${vscode.env.appName} ${vscode.version} (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`;
  const cold = runs.cold ?? {};
  const main = runs.main ?? {};
  const headline = {
    description:
      'Measured by test/vscode/suite (npm run test:vscode / test:electron); no test asserts on these. activateMs: the extension\'s ' +
      'activate() as VS Code measures it (Call Activate + Finish Activate in Developer: Startup Performance), in the empty window; ' +
      'activationMs: the same plus Load Code (loading dist/extension.js). activateWallMs, serverReadyMs: await extension.activate() ' +
      'and its ready promise, timed by the test, only when nothing had activated the extension before the test (in code-server ' +
      'onLanguage:json/jsonc activates it at startup). openToFirstDiagnosticsMs: opening src/agents/triage.ts of the example ' +
      'workspace right after the window started, until its first diagnostics. coldOpenToFirstDiagnosticsMs: the same for a file ' +
      'outside any folder in the empty window, right after activation. The ...FromExtensionHostMs variants start when the ' +
      'extension host sees the document open (before that, the editor opens the file and activates the extensions of its ' +
      'language, TypeScript\'s own included); ...EditorShownMs is when showTextDocument resolved.',
    editor,
    activateMs: cold.activateMs,
    activationMs: cold.activationMs,
    activateWallMs: cold.activateWallMs,
    serverReadyMs: cold.serverReadyMs,
    openToFirstDiagnosticsMs: main.openToFirstDiagnosticsMs,
    openToFirstDiagnosticsFromExtensionHostMs: main.openToFirstDiagnosticsFromExtensionHostMs,
    coldOpenToFirstDiagnosticsMs: cold.openToFirstDiagnosticsMs,
    coldOpenToFirstDiagnosticsFromExtensionHostMs: cold.openToFirstDiagnosticsFromExtensionHostMs,
  };
  writeFileSync(file, JSON.stringify({ ...data, ...headline, runs }, null, 2) + '\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Mocha inside the extension host

export async function runMocha(mode: string, define: () => void): Promise<void> {
  // One preformatted string per line: the extension host forwards console.log to the window with its own format.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => say(format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  // Registers describe/it/before… as globals for `define`, as mocha does before requiring a spec file.
  mocha.suite.emit('pre-require', globalThis, `${mode}.suite`, mocha);
  define();
  say(`[suite] ${mode}: ${vscode.env.appName} ${vscode.version}, trusted ${vscode.workspace.isTrusted}, folder ${vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '(none)'}`);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  try {
    writeTimings(mode);
  } catch (error) {
    say(`[suite] cannot write the timings: ${String(error)}`);
  }
  if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed in the ${mode} suite`);
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

let serverSilent = false;

function anyOurs(): boolean {
  return vscode.languages.getDiagnostics().some(([, list]) => list.some((diagnostic) => diagnostic.source === SOURCE));
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function withRule(diagnostics: vscode.Diagnostic[], ruleId: string): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => ruleOf(diagnostic) === ruleId);
}

export function describeDiagnostics(diagnostics: vscode.Diagnostic[]): string {
  if (!diagnostics.length) return '(none)';
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${ruleOf(d)}`).join('; ');
}

/**
 * Resolves with the file's Agent Guardrail diagnostics as soon as `predicate` holds for them: checked now and on
 * every onDidChangeDiagnostics event for the file.
 */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  if (serverSilent && !anyOurs() && !predicate(ours(uri))) {
    // An earlier wait ran out without a single Agent Guardrail diagnostic anywhere: the server is not working, so
    // fail now instead of waiting again (the first failure has the details).
    return Promise.reject(new Error(`no ${what} in ${vscode.workspace.asRelativePath(uri)}: the language server has published no diagnostics at all (see the first failure and the Agent Guardrail output)`));
  }
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(ours(uri));
    };
    const check = () => {
      if (!done && predicate(ours(uri))) finish();
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (!anyOurs()) serverSilent = true;
      finish(new Error(`no ${what} in ${vscode.workspace.asRelativePath(uri)} after ${timeoutMs / 1000} s; its diagnostics: ${describeDiagnostics(ours(uri))}${serverSilent ? ' (no Agent Guardrail diagnostic in any file: is the language server running? See the Agent Guardrail output.)' : ''}`));
    }, timeoutMs);
    check();
  });
}

export const hasRule = (ruleId: string) => (diagnostics: vscode.Diagnostic[]) => withRule(diagnostics, ruleId).length > 0;
export const lacksRule = (ruleId: string) => (diagnostics: vscode.Diagnostic[]) => withRule(diagnostics, ruleId).length === 0;
export const lacksCategory = (category: string) => (diagnostics: vscode.Diagnostic[]) => !diagnostics.some((d) => ruleOf(d)?.startsWith(`${category}/`));

/** The one diagnostic of a rule that starts on `line` (0-based), with the shape every Agent Guardrail diagnostic has. */
export function expectFinding(diagnostics: vscode.Diagnostic[], ruleId: string, line: number, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const matches = withRule(diagnostics, ruleId).filter((diagnostic) => diagnostic.range.start.line === line);
  assert.equal(matches.length, 1, `expected one ${ruleId} on line ${line + 1}; got ${describeDiagnostics(diagnostics)}`);
  const diagnostic = matches[0]!;
  assert.equal(diagnostic.source, SOURCE);
  assert.equal(diagnostic.severity, severity, `${ruleId} severity`);
  const code = diagnostic.code as { value: string | number; target: vscode.Uri };
  assert.equal(typeof code, 'object', 'code is { value, target }');
  assert.equal(code.value, ruleId);
  assert.ok(code.target instanceof vscode.Uri, 'code.target is a Uri');
  // The rule link opens the documentation page shipped with the extension, in the Markdown preview.
  assert.equal(code.target.scheme, 'command');
  assert.equal(code.target.path, 'agentGuardrail.showDocumentation');
  assert.deepEqual(JSON.parse(decodeURIComponent(code.target.query)), [ruleId]);
  return diagnostic;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents and the extension

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/**
 * Opens a file and waits for its first diagnostics matching `predicate`, recording three times from the call:
 * `<name>Ms` until those diagnostics (listened for before opening: they may come before the editor is shown),
 * `<name>EditorShownMs` until showTextDocument resolved, and `<name>FromExtensionHostMs` from the moment the
 * extension host saw the document open (what the extension can act on; before it, the editor opens the file and
 * activates the extensions of its language) until the diagnostics.
 */
export async function openTimed(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, name: string): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const started = performance.now();
  let seenOpen: number | undefined;
  const listener = vscode.workspace.onDidOpenTextDocument((document) => {
    if (document.uri.toString() === uri.toString()) seenOpen ??= performance.now();
  });
  const first = waitForDiagnostics(uri, predicate, what).then((diagnostics) => {
    const now = performance.now();
    recordTiming(`${name}Ms`, now - started);
    if (seenOpen !== undefined) recordTiming(`${name}FromExtensionHostMs`, now - seenOpen);
    return diagnostics;
  });
  try {
    const editor = await open(uri);
    recordTiming(`${name}EditorShownMs`, performance.now() - started);
    return { editor, diagnostics: await first };
  } finally {
    listener.dispose();
  }
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Replaces `search` (which must occur exactly once) in an open document, without saving. */
export async function replaceInDocument(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const text = document.getText();
  const start = text.indexOf(search);
  assert.ok(start >= 0 && text.indexOf(search, start + 1) < 0, `"${search.slice(0, 40)}" occurs exactly once in ${document.uri.fsPath}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + search.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
}

export function extension(): vscode.Extension<GuardrailApi> {
  const found = vscode.extensions.getExtension<GuardrailApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is installed in this editor`);
  return found;
}

/** The literal OpenAI key of the example's triage.ts (read from the file: the tests never embed a key). */
export function exampleKey(text: string): { key: string; line: number; start: number; end: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes("apiKey: 'sk-proj-"));
  assert.ok(line >= 0, 'the example triage.ts has a hardcoded sk-proj- key');
  const start = lines[line]!.indexOf('sk-proj-');
  const end = lines[line]!.indexOf("'", start);
  return { key: lines[line]!.slice(start, end), line, start, end };
}

/**
 * VS Code's own activation numbers for this extension, read from *Developer: Startup Performance* (perfview):
 * Load Code, Call Activate and Finish Activate in ms, and the activation event. Undefined where the view is missing.
 */
export async function activationStats(): Promise<{ eager: boolean; loadCode: number; callActivate: number; finishActivate: number; event: string } | undefined> {
  const isPerf = (document: vscode.TextDocument) => document.uri.scheme === 'perf';
  const opened = new Promise<vscode.TextDocument | undefined>((resolve) => {
    const subscription = vscode.workspace.onDidOpenTextDocument((document) => {
      if (isPerf(document)) {
        subscription.dispose();
        resolve(document);
      }
    });
    setTimeout(() => {
      subscription.dispose();
      resolve(vscode.workspace.textDocuments.find(isPerf));
    }, 10_000);
  });
  try {
    await vscode.commands.executeCommand('perfview.show');
  } catch (error) {
    say(`[suite] perfview.show is not available: ${String(error)}`);
    return undefined;
  }
  const document = vscode.workspace.textDocuments.find(isPerf) ?? (await opened);
  if (!document) return undefined;
  const row = document
    .getText()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .find((cells) => cells[1] === EXTENSION_ID);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  if (!row) return undefined;
  return { eager: row[2] === 'true', loadCode: Number(row[3]), callActivate: Number(row[4]), finishActivate: Number(row[5]), event: row[6] ?? '' };
}
