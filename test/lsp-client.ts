import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from './helpers';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number;
    code: string;
    codeDescription?: { href: string };
    source: string;
    message: string;
    relatedInformation?: { location: { uri: string }; message: string }[];
    data?: unknown;
  }[];
}

/** A minimal LSP client over stdio for the bundled server (dist/server.js), recording what the server sends. */
export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly published: PublishedDiagnostics[] = [];
  readonly messages: string[] = [];
  /** Everything the server wrote to stdout (every message, as sent) and stderr. */
  output = '';
  errors = '';
  /** window/showDocument requests (the server opening docs pages and new manifests). */
  readonly shownDocuments: { uri: string; external?: boolean; takeFocus?: boolean }[] = [];
  /** workspace/applyEdit requests, answered as applied. */
  readonly appliedEdits: { label?: string; edit: unknown }[] = [];
  private waiters: { match: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];

  constructor() {
    this.process = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.process.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.errors += chunk.toString('utf8')));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    this.connection.onRequest('window/showDocument', (params: { uri: string; external?: boolean; takeFocus?: boolean }) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    this.connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: unknown }) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /**
   * `clientCommands` lists the client-side commands this client runs (the VS Code extension declares
   * agentGuardrail.chooseAndApplyFix); `snippets` says whether completion items may use snippet syntax.
   */
  async initialize(root: string, options: { trusted?: boolean; clientCommands?: string[]; snippets?: boolean } = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const uri = pathToFileURL(root).href;
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'test' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: options.snippets ?? false } } },
        window: { showDocument: { support: true } },
      },
      initializationOptions: { trusted: options.trusted ?? true, ...(options.clientCommands && { clientCommands: options.clientCommands }) },
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next publication (or one already received after `since`) that satisfies `match`. */
  diagnostics(uri: string, match: (p: PublishedDiagnostics) => boolean = () => true, since = 0): Promise<PublishedDiagnostics> {
    const already = this.published.slice(since).find((p) => p.uri === uri && match(p));
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiters.push({ match: (p) => p.uri === uri && match(p), resolve }));
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return new Promise((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
  }
}
