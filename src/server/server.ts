import { statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, type FileAnalysis } from '../core/analyze';
import { capPerRule } from '../core/caps';
import { defaultConfig, type ResolvedConfig } from '../core/config';
import { buildInventory, type Inventory } from '../core/inventory';
import { loadTypeScript } from '../core/languages/typescript';
import { Redactor, type FoundSecret } from '../core/redaction';
import { finalizeSuppressions } from '../core/suppressions';
import type { Finding } from '../core/types';
import { WARM_UP_FILES, warmUp } from '../core/warm-up';
import { WorkspaceIndex } from '../core/workspace';
import { auditPaths, auditStaged, type AuditReport } from '../node/audit';
import { loadParsersFor, loadPythonParser, needsPythonParser } from '../node/python-parser';
import { pythonParserInstalled } from '../core/languages/python-tree';
import { CONFIG_FILE_NAMES, loadConfig } from '../node/config-file';
import { discoverFiles, gitTopLevel } from '../node/discover';
import { redactInventory } from '../node/format/inventory';
import { formatInventoryHtml } from '../node/format/inventory-html';
import { createIgnoreMatcher } from '../node/ignore';
import { decodeFile, readWorkspaceFile } from '../node/read';
import { codeActions, FIX_ALL_KIND, type FixFolder } from './code-actions';
import { registerManifestAssist } from './completion';
import { CHOOSE_AND_APPLY_COMMAND, toDiagnostic } from './convert';
import { EDITOR_COMMANDS, executeEditorCommand } from './editor-commands';
import { DEFAULT_SETTINGS, mergeSettings, type EditorSettings } from './settings';
import { localPath, uriProblem, validatingConnection } from './validate';
import { appendAll } from '../core/arrays';

/** Commands any LSP client can run with workspace/executeCommand. */
export const SERVER_COMMANDS = {
  auditWorkspace: 'agent-guardrail.auditWorkspace',
  auditStaged: 'agent-guardrail.auditStaged',
  inventory: 'agent-guardrail.inventory',
  inventoryHtml: 'agent-guardrail.inventoryHtml',
  ...EDITOR_COMMANDS,
} as const;

/** Untitled documents have no file name: their language decides how they are analysed. */
const EXTENSION_FOR_LANGUAGE: Record<string, string> = {
  typescript: '.ts', typescriptreact: '.tsx', javascript: '.js', javascriptreact: '.jsx', json: '.json', jsonc: '.jsonc',
  yaml: '.yaml', 'agent-manifest': '.agent.yaml', dotenv: '.env', markdown: '.md', python: '.py', shellscript: '.sh',
};

interface Folder {
  uri: string;
  root: string;
  config: ResolvedConfig;
  index: WorkspaceIndex;
  /** Per-file findings from the last analysis of each file (open text or disk), before cross-file findings. */
  fileFindings: Map<string, Finding[]>;
  /** The secrets each file holds (raw, in memory only), for the folder's output redactor. */
  secrets: Map<string, FoundSecret[]>;
  /** Knows every secret of the folder; rebuilt when one changes. */
  redactor?: Redactor;
  /** Files whose diagnostics are currently shown although they are not open (after an audit). */
  published: Set<string>;
  /** Settles when the first full index of the folder is done. */
  scanned: Promise<void>;
  markScanned: () => void;
  /** Cross-file findings are only meaningful once the whole folder has been indexed. */
  ready: boolean;
}

export interface ServerOptions {
  /** Injected clock (tests). */
  now?: () => Date;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), options: ServerOptions = {}): Connection {
  const documents = new TextDocuments(TextDocument);
  const folders: Folder[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  /** Opened documents whose first analysis is still to come. */
  const awaitingFirstAnalysis = new Set<string>();
  const lastVersion = new Map<string, number>();
  let pythonParserFailed = false;
  const skippedNotified = new Set<string>();
  const now = options.now ?? (() => new Date());
  let settings: EditorSettings = { ...DEFAULT_SETTINGS };
  let trusted = true;
  let hasConfigurationCapability = false;
  let hasWorkspaceFolderCapability = false;
  let standalone: Folder | undefined;
  let clientChooses = false;
  let snippetSupport = false;
  let clientServesJsonManifests = false;

  /** Every log line and message quotes paths, settings or file content: it passes through every folder's redactor. */
  const log = (message: string) => connection.console.log(`[agent-guardrail] ${redactAll(message)}`);

  function redactorOf(folder: Folder): Redactor {
    return (folder.redactor ??= new Redactor([...folder.secrets.values()].flat()));
  }

  function redactAll(text: string): string {
    return new Redactor(folders.flatMap((folder) => [...folder.secrets.values()].flat())).text(text);
  }

  /** A file's analysis is gone (deleted, closed untitled document): forget its findings, facts and secrets. */
  function forget(folder: Folder, path: string): void {
    folder.index.delete(path);
    folder.fileFindings.delete(path);
    if (folder.secrets.delete(path)) folder.redactor = undefined;
  }

  /** Files outside every workspace folder (or with no folder open): no scan, only what is open. */
  function standaloneFolder(): Folder {
    if (!standalone) {
      standalone = makeFolder('', '/');
      standalone.ready = true;
      standalone.markScanned();
    }
    return standalone;
  }

  function makeFolder(uri: string, root: string): Folder {
    let markScanned = () => {};
    const scanned = new Promise<void>((resolve) => (markScanned = resolve));
    const folder: Folder = { uri, root, config: defaultConfig(), index: new WorkspaceIndex({ fileExists: (path) => exists(root, path) }), fileFindings: new Map(), secrets: new Map(), published: new Set(), scanned, markScanned, ready: false };
    reloadConfig(folder);
    return folder;
  }

  function reloadConfig(folder: Folder): void {
    let fileConfig = defaultConfig();
    try {
      const loaded = loadConfig(folder.root);
      fileConfig = loaded.config;
      for (const problem of loaded.problems) log(`${loaded.path}: ${problem.message}`);
    } catch (error) {
      log(`cannot read the configuration in ${folder.root}: ${(error as Error).message}`);
    }
    folder.config = mergeSettings(fileConfig, settings, trusted);
  }

  /** Which folder a URI belongs to, and its path relative to that folder. */
  function locate(uri: string, languageId?: string): { folder: Folder; path: string } | undefined {
    const problem = uriProblem(uri);
    if (problem) {
      log(`ignored ${typeof uri === 'string' ? uri : 'a document'}: ${problem}`);
      return undefined;
    }
    if (uri.startsWith('file:')) {
      const fsPath = localPath(uri)!;
      const folder = folders
        .filter((candidate) => fsPath === candidate.root || fsPath.startsWith(candidate.root + '/') || fsPath.startsWith(candidate.root + '\\'))
        .sort((a, b) => b.root.length - a.root.length)[0];
      if (folder) return { folder, path: relative(folder.root, fsPath).split('\\').join('/') };
      return { folder: standaloneFolder(), path: fsPath.replace(/^\//, '') };
    }
    // untitled: and other in-memory schemes
    const folder = folders[0] ?? standaloneFolder();
    const name = uri.replace(/^[a-z-]+:/, '').replace(/[^A-Za-z0-9._-]/g, '_');
    return { folder, path: `.untitled/${name}${EXTENSION_FOR_LANGUAGE[languageId ?? ''] ?? '.txt'}` };
  }

  function analyzeText(folder: Folder, path: string, text: string): FileAnalysis {
    const analysis = analyzeFile({ path, text }, folder.config, { now: now() });
    folder.index.set(path, analysis.facts, analysis.suppressions);
    folder.fileFindings.set(path, analysis.findings);
    const before = folder.secrets.get(path) ?? [];
    if (before.length !== analysis.secrets.length || before.some((secret, index) => secret.value !== analysis.secrets[index]!.value)) folder.redactor = undefined;
    if (analysis.secrets.length) folder.secrets.set(path, analysis.secrets);
    else folder.secrets.delete(path);
    return analysis;
  }

  /** Per-file plus cross-file findings of one file, suppressions applied. */
  function findingsOf(folder: Folder, path: string): Finding[] {
    const findings = [...(folder.fileFindings.get(path) ?? []), ...(folder.ready ? folder.index.findingsFor(path, folder.config) : [])];
    appendAll(findings, finalizeSuppressions(path, findings, folder.index.suppressionsOf(path), folder.config));
    return capPerRule(findings.filter((finding) => !finding.suppression)).kept;
  }

  function publish(folder: Folder, path: string, uri: string, version?: number): void {
    const diagnostics = settings.enable === false ? [] : findingsOf(folder, path).map((finding) => toDiagnostic(finding, folder.root, redactorOf(folder)));
    void connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined && { version }) });
  }

  function analyzeDocument(document: TextDocument): void {
    const located = locate(document.uri, document.languageId);
    if (!located) return;
    const { folder, path } = located;
    // The Python parser compiles asynchronously on first use; analyse once it is there (or without it if it fails).
    if (!pythonParserInstalled() && needsPythonParser([path]) && !pythonParserFailed) {
      void loadPythonParser().then((loaded) => {
        pythonParserFailed = !loaded;
        const current = documents.get(document.uri);
        if (current) analyzeDocument(current);
      });
      return;
    }
    const previous = lastVersion.get(document.uri);
    if (previous !== undefined && previous > document.version) return; // stale: a newer version was already published
    const started = performance.now();
    const beforeFacts = JSON.stringify(folder.index.has(path) ? factsKey(folder, path) : null);
    const analysis = analyzeText(folder, path, document.getText());
    const elapsed = performance.now() - started;
    lastVersion.set(document.uri, document.version);
    publish(folder, path, document.uri, document.version);
    void connection.sendNotification('agentGuardrail/analyzed', { uri: document.uri, milliseconds: Math.round(elapsed * 10) / 10, findings: analysis.findings.length, skipped: analysis.notes.find((note) => note.kind === 'skipped')?.reason });
    for (const note of analysis.notes) {
      if (note.kind === 'skipped' && !skippedNotified.has(document.uri)) {
        skippedNotified.add(document.uri);
        void connection.window.showInformationMessage(redactAll(`Agent Guardrail skipped ${path}: ${note.reason}.`));
      }
    }
    // A manifest or an agent changed: the cross-file findings of related files may have changed too.
    if (JSON.stringify(factsKey(folder, path)) !== beforeFacts) republishDependents(folder, path);
  }

  /** What of a file's facts other files' cross-file findings depend on (compared before and after an edit). */
  function factsKey(folder: Folder, path: string): unknown {
    const { manifests: facts, agents } = folder.index.factsOf(path) ?? { manifests: [], agents: [] };
    return [
      facts.map((m) => [m.name, m.environment, m.entrypoints.map((e) => e.value), m.tools.map((t) => t.name), m.mcpServers.map((s) => s.tools), m.credentials.map((c) => c.ref)]),
      agents.map((a) => [a.name, a.kind, a.ownerTag, a.tools.map((t) => t.name)]),
    ];
  }

  /** Workspace-relative paths of the open documents of a folder. */
  function openDocuments(folder: Folder): Map<string, TextDocument> {
    const open = new Map<string, TextDocument>();
    for (const document of documents.all()) {
      const located = locate(document.uri, document.languageId);
      if (located?.folder === folder) open.set(located.path, document);
    }
    return open;
  }

  function republishDependents(folder: Folder, changed: string): void {
    const openByPath = openDocuments(folder);
    for (const path of folder.index.dependents(changed)) {
      if (path === changed) continue;
      const open = openByPath.get(path);
      if (open) publish(folder, path, open.uri, open.version);
      else if (folder.published.has(path)) publish(folder, path, `file://${folder.root}/${path}`);
    }
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        awaitingFirstAnalysis.delete(document.uri);
        const current = documents.get(document.uri);
        // Outside any request handler: an error here would end the process, so it ends as a log line instead.
        try {
          if (current) analyzeDocument(current);
        } catch (error) {
          log(`analysing ${document.uri} failed (${(error as Error).name})`);
        }
      }, delay),
    );
  }

  /** Index every file of a folder in the background (in slices, so requests are served in between). */
  function scanFolder(folder: Folder): void {
    void (async () => {
      let files: string[] = [];
      try {
        files = discoverFiles(folder.root, ['.'], folder.config.ignore).files.map((file) => file.path);
      } catch (error) {
        log(`cannot list files in ${folder.root}: ${(error as Error).message}`);
      }
      await loadParsersFor(files);
      let next = 0;
      const slice = () => {
        const deadline = performance.now() + 15;
        const open = openDocuments(folder); // open documents are indexed from their live text instead
        while (next < files.length && performance.now() < deadline) {
          const path = files[next++]!;
          if (open.has(path)) continue;
          indexFromDisk(folder, path);
        }
        if (next < files.length) setImmediate(slice);
        else {
          log(`indexed ${files.length} files in ${folder.root}`);
          folder.ready = true;
          // Every open document goes into the index before any is published: the scan skipped them, and a code
          // file's cross-file findings depend on the manifests open beside it (published first, it would show as
          // unowned until the manifest's own analysis came round).
          const openHere = documents.all().filter((document) => locate(document.uri, document.languageId)?.folder === folder);
          for (const document of openHere) {
            const located = locate(document.uri, document.languageId);
            if (located) analyzeText(folder, located.path, document.getText());
          }
          for (const document of openHere) analyzeDocument(document);
          folder.markScanned();
        }
      };
      setImmediate(slice);
    })();
  }

  function indexFromDisk(folder: Folder, path: string): void {
    // Only a regular file inside the folder (real path), never a FIFO (reading one would block the server forever).
    const bytes = readWorkspaceFile(folder.root, path, folder.config.maxFileSize);
    const text = bytes && decodeFile(path, bytes, []);
    if (text !== undefined) analyzeText(folder, path, text);
    else forget(folder, path);
  }

  function summarize(reports: { folder: Folder; report: AuditReport }[]): Record<string, unknown> {
    const counts: Record<string, number> = {};
    let files = 0;
    let findings = 0;
    const withFindings = new Set<string>();
    for (const { report } of reports) {
      files += report.filesAnalyzed;
      for (const finding of report.findings) {
        if (finding.suppression) continue;
        findings++;
        withFindings.add(`${report.root}/${finding.file}`);
        const category = finding.ruleId.split('/')[0]!;
        counts[category] = (counts[category] ?? 0) + 1;
      }
    }
    return { filesAnalyzed: files, filesWithFindings: withFindings.size, findings, byCategory: counts };
  }

  function publishReport(folder: Folder, report: AuditReport): void {
    const byFile = new Map<string, Finding[]>();
    for (const finding of report.findings) {
      if (finding.suppression) continue;
      const list = byFile.get(finding.file) ?? [];
      list.push(finding);
      byFile.set(finding.file, list);
    }
    for (const path of folder.published) if (!byFile.has(path)) void connection.sendDiagnostics({ uri: `file://${folder.root}/${path}`, diagnostics: [] });
    folder.published = new Set(byFile.keys());
    for (const [path, findings] of byFile) {
      const uri = `file://${folder.root}/${path}`;
      if (documents.get(uri)) continue; // open documents keep their live diagnostics
      void connection.sendDiagnostics({ uri, diagnostics: findings.map((finding) => toDiagnostic(finding, folder.root, report.redactor)) });
    }
  }

  connection.onInitialize((params: InitializeParams) => {
    hasConfigurationCapability = Boolean(params.capabilities.workspace?.configuration);
    hasWorkspaceFolderCapability = Boolean(params.capabilities.workspace?.workspaceFolders);
    const initOptions = (params.initializationOptions ?? {}) as { trusted?: boolean; settings?: EditorSettings; clientCommands?: string[]; jsonManifestsByClient?: boolean };
    clientServesJsonManifests = initOptions.jsonManifestsByClient === true;
    trusted = initOptions.trusted !== false;
    clientChooses = Array.isArray(initOptions.clientCommands) && initOptions.clientCommands.includes(CHOOSE_AND_APPLY_COMMAND);
    snippetSupport = Boolean(params.capabilities.textDocument?.completion?.completionItem?.snippetSupport);
    if (initOptions.settings) settings = { ...DEFAULT_SETTINGS, ...initOptions.settings };
    const workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    for (const workspaceFolder of workspaceFolders) {
      const path = typeof workspaceFolder.uri === 'string' && workspaceFolder.uri.startsWith('file:') ? localPath(workspaceFolder.uri) : undefined;
      if (path) folders.push(makeFolder(workspaceFolder.uri, path.replace(/\/$/, '')));
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'agent-guardrail', version: process.env.AGENT_GUARDRAIL_VERSION ?? '0.0.0-dev' },
    };
  });

  connection.onInitialized(async () => {
    warmUpWhileIdle();
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      await refreshSettings();
    }
    for (const folder of folders) scanFolder(folder);
    if (!hasWorkspaceFolderCapability) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) {
        const index = folders.findIndex((folder) => folder.uri === removed.uri);
        if (index >= 0) folders.splice(index, 1);
      }
      for (const added of event.added) {
        const path = localPath(added.uri);
        if (!path) continue;
        const folder = makeFolder(added.uri, path.replace(/\/$/, ''));
        folders.push(folder);
        scanFolder(folder);
      }
    });
  });

  /**
   * Warm the analysis before the first file needs it (a cold first analysis costs several times a warm one): load
   * TypeScript, then analyse one sample file per turn of the event loop, so that requests are served in between.
   * The samples stop as soon as a document is open: its own analysis warms the rest, and must not wait for samples.
   */
  function warmUpWhileIdle(): void {
    const samples = [...WARM_UP_FILES];
    // Two hops: a message that arrived meanwhile (an editor restoring open files sends didOpen right after
    // `initialized`) is read in the first and handled by vscode-jsonrpc in an immediate of its own, before the second.
    const afterPendingMessages = (step: () => void) => setImmediate(() => setImmediate(step));
    const next = () => {
      try {
        const sample = samples.shift();
        if (!sample || documents.all().length > 0) return;
        warmUp([sample]);
      } catch {
        return; // a real file's analysis reports what went wrong
      }
      afterPendingMessages(next);
    };
    setImmediate(() => {
      try {
        loadTypeScript();
      } catch {
        return; // reported when a file needs it
      }
      afterPendingMessages(next);
    });
  }

  async function refreshSettings(): Promise<void> {
    if (hasConfigurationCapability) {
      try {
        const received = (await connection.workspace.getConfiguration('agentGuardrail')) as EditorSettings | null;
        settings = { ...DEFAULT_SETTINGS, ...(received ?? {}) };
      } catch {
        // the client could not answer; keep what we have
      }
    }
    for (const folder of folders) reloadConfig(folder);
    for (const document of documents.all()) analyzeDocument(document);
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (!hasConfigurationCapability && change.settings?.agentGuardrail) settings = { ...DEFAULT_SETTINGS, ...change.settings.agentGuardrail };
    await refreshSettings();
  });

  connection.onNotification('agentGuardrail/trust', (params: { trusted?: unknown } | undefined) => {
    trusted = params?.trusted !== false;
    for (const folder of folders) reloadConfig(folder);
    for (const document of documents.all()) analyzeDocument(document);
  });

  connection.onDidChangeWatchedFiles((change) => {
    for (const event of change.changes) {
      const located = locate(event.uri);
      if (!located || documents.get(event.uri)) continue;
      const { folder, path } = located;
      if (CONFIG_FILE_NAMES.includes(path)) {
        reloadConfig(folder);
        for (const document of documents.all()) analyzeDocument(document);
        continue;
      }
      if (createIgnoreMatcher(folder.config.ignore)(path)) continue;
      const before = JSON.stringify(factsKey(folder, path));
      indexFromDisk(folder, path);
      if (JSON.stringify(factsKey(folder, path)) !== before) republishDependents(folder, path);
    }
  });

  documents.onDidOpen((event) => {
    awaitingFirstAnalysis.add(event.document.uri);
    schedule(event.document, 0);
  });
  documents.onDidChangeContent((event) => {
    // TextDocuments reports every opened document as changed too: that must not delay the open's own analysis,
    // which reads the current text when it runs.
    if (awaitingFirstAnalysis.has(event.document.uri)) return;
    if (settings.run !== 'onSave') schedule(event.document, 250);
  });
  documents.onDidSave((event) => schedule(event.document, 0));
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    awaitingFirstAnalysis.delete(event.document.uri);
    lastVersion.delete(event.document.uri);
    const located = locate(event.document.uri);
    if (located && event.document.uri.startsWith('file:')) {
      indexFromDisk(located.folder, located.path); // back to the content on disk
      if (located.folder.published.has(located.path)) {
        publish(located.folder, located.path, event.document.uri);
        return;
      }
    } else if (located) {
      forget(located.folder, located.path);
    }
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  /** What the code actions and editor commands need of the server (the folders they get back are ours). */
  const host = {
    connection,
    findingsOf: (folder: FixFolder, path: string) => findingsOf(folder as Folder, path),
    openDocuments: (folder: FixFolder) => openDocuments(folder as Folder),
    now,
    get clientChooses() {
      return clientChooses;
    },
    document: (uri: string) => documents.get(uri),
    locate: (uri: string, languageId?: string) => locate(uri, languageId),
  };

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const located = document && locate(document.uri, document.languageId);
    if (!document || !located) return [];
    return codeActions(params, document, located.folder, located.path, host);
  });

  // VS Code's JSON support already completes *.agent.json from the schema (jsonValidation): no duplicates there.
  registerManifestAssist(connection, documents, (document) => {
    const path = locate(document.uri, document.languageId)?.path;
    return clientServesJsonManifests && path?.endsWith('.json') ? undefined : path;
  }, { snippets: () => snippetSupport, today: () => now().toISOString().slice(0, 10) });

  /** Every agent of every folder, linked to its findings. */
  async function collectInventory(): Promise<Inventory & { agents: (Inventory['agents'][number] & { folder: string })[] }> {
    const agents = [];
    for (const folder of folders) {
      await folder.scanned;
      const findings = folder.index.paths().flatMap((path) => findingsOf(folder, path));
      // Inventory fields quote the files (an owner or a credential ref may be a pasted key): redacted like diagnostics.
      const inventory = redactInventory(buildInventory(folder.index, findings, now()), redactorOf(folder));
      for (const agent of inventory.agents) agents.push({ ...agent, folder: folder.root });
    }
    return { generatedAt: now().toISOString(), agents };
  }

  connection.onExecuteCommand(async (params, token) => {
    switch (params.command) {
      case SERVER_COMMANDS.auditWorkspace: {
        const reports: { folder: Folder; report: AuditReport }[] = [];
        for (const folder of folders) {
          if (token.isCancellationRequested) return { cancelled: true };
          await folder.scanned;
          const report = await auditPaths(folder.root, ['.'], folder.config, now());
          publishReport(folder, report);
          reports.push({ folder, report });
        }
        return summarize(reports);
      }
      case SERVER_COMMANDS.auditStaged: {
        const reports: { folder: Folder; report: AuditReport }[] = [];
        for (const folder of folders) {
          const top = gitTopLevel(folder.root);
          if (!top) continue;
          const report = await auditStaged(top, folder.config);
          reports.push({ folder, report });
        }
        return { ...summarize(reports), repositories: reports.length, findingsList: reports.flatMap(({ report }) => report.findings.filter((f) => !f.suppression).map((f) => ({ file: f.file, line: f.range.start.line + 1, column: f.range.start.column + 1, ruleId: f.ruleId, severity: f.severity, message: report.redactor.text(f.message), root: report.root }))) };
      }
      case SERVER_COMMANDS.inventory:
        return collectInventory();
      case SERVER_COMMANDS.inventoryHtml: {
        // The same report as `agent-guardrail inventory --format html`, for a webview.
        const inventory = await collectInventory();
        return formatInventoryHtml(inventory, { maxCredentialTtlSeconds: folders[0]?.config.maxCredentialTtlSeconds, subtitle: folders.map((folder) => basename(folder.root)).join(', ') });
      }
      default:
        return executeEditorCommand(params.command, params.arguments, host);
    }
  });

  documents.listen(validatingConnection(connection, log));
  connection.listen();
  return connection;
}

function exists(root: string, path: string): boolean {
  try {
    statSync(`${root}/${path}`);
    return true;
  } catch {
    return false;
  }
}
