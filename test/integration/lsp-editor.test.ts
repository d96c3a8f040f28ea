/**
 * Editor features of the real language server (dist/server.js over stdio), as any LSP client sees them: manifest
 * completion and hover from the schema, fix-all (Source Action…, on save, and a command), Create Agent Manifest,
 * and rule documentation opened from the page shipped with the server.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULES } from '../../src/core/rules';
import { LspClient } from '../lsp-client';
import { makeTempDir, REPO_ROOT, writeTree } from '../helpers';

interface CompletionItem {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  insertTextFormat?: number;
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
}
interface Action {
  title: string;
  kind: string;
  edit?: { changes?: Record<string, { range: unknown; newText: string }[]> };
  command?: { command: string; arguments: unknown[] };
}

/** Line/character of the `|` marker, and the text without it. */
function marked(text: string): { text: string; position: { line: number; character: number } } {
  const offset = text.indexOf('|');
  const before = text.slice(0, offset);
  return { text: text.slice(0, offset) + text.slice(offset + 1), position: { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 } };
}

const MANIFEST = `apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: support-triage
  description: Triages inbound tickets
  owner: team:support-platform
  environment: staging
  reviewBy: 2099-01-31
spec:
  credentials:
    - name: openai
      broker: vault
      ref: secret/data/agents/support-triage/openai
      ttl: 2h
  tools:
    - name: search_tickets
      access: read
    - name: issue_refund
      access: write
`;

describe('language server: editor features for any LSP client', function () {
  this.timeout(120_000);
  let client: LspClient;
  let root: string;
  const uri = (path: string) => pathToFileURL(`${root}/${path}`).href;

  beforeEach(() => {
    root = makeTempDir('agent-guardrail-lsp-editor-');
    client = new LspClient();
  });
  afterEach(async () => {
    if (client.process.exitCode === null) await client.shutdown().catch(() => undefined);
  });

  async function complete(path: string, source: string, languageId = 'yaml'): Promise<CompletionItem[]> {
    const { text, position } = marked(source);
    const file = uri(path);
    await client.open(file, languageId, text);
    const result = await client.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri: file }, position });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: file } });
    return Array.isArray(result) ? result : result.items;
  }

  it('completes manifest keys, enum values and snippets from the schema, with descriptions', async () => {
    const { capabilities } = await client.initialize(root, { snippets: true });
    assert.ok(capabilities.completionProvider, 'completion is advertised');
    assert.equal(capabilities.hoverProvider, true);

    const metadata = await complete('agents/a.agent.yaml', 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: a\n  |\n');
    assert.deepEqual(metadata.map((item) => item.label), ['description', 'owner', 'technicalOwner', 'environment', 'reviewBy', 'expires', 'revocation', 'onBehalfOf', 'labels']);
    const environment = metadata.find((item) => item.label === 'environment')!;
    assert.equal(environment.kind, 10); // Property
    assert.equal(environment.detail, 'Environment');
    assert.equal(environment.insertTextFormat, 2); // Snippet
    assert.equal(environment.textEdit.newText, 'environment: ${1|sandbox,development,staging,production|}');
    assert.match(environment.documentation!.value, /production`: Real users and data/);

    const access = await complete('agents/a.agent.yaml', 'spec:\n  tools:\n    - name: search\n      access: |\n');
    assert.deepEqual(access.map((item) => item.label), ['read', 'write', 'delete', 'admin', 'execute']);
    assert.equal(access[1]!.detail, 'Creates or changes data (a refund, a ticket update, a message sent).');
    assert.deepEqual(access[0]!.textEdit.range, { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } });

    const toolKeys = await complete('agents/a.agent.yaml', 'spec:\n  tools:\n    - name: search\n      acc|\n');
    assert.deepEqual(toolKeys.map((item) => item.label), ['description', 'access', 'decision', 'scopes'], 'name is there already');
    assert.deepEqual(toolKeys.find((item) => item.label === 'access')!.textEdit.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 9 } });

    const newCredential = await complete('agents/a.agent.yaml', 'spec:\n  credentials:\n    - |\n');
    assert.equal(newCredential[0]!.label, 'credential (broker-issued)');
    assert.equal(newCredential[0]!.kind, 15); // Snippet
    assert.match(newCredential[0]!.textEdit.newText, /^name: \$\{1:openai\}\n {6}broker: \$\{2\|vault,aws-sts,/);
    const newTool = await complete('agents/a.agent.yaml', 'spec:\n  tools:\n    |\n');
    assert.deepEqual(newTool.map((item) => item.label), ['tool (with access and decision)']);
    assert.match(newTool[0]!.textEdit.newText, /^- name: \$\{1:tool_name\}\n {6}access: \$\{2\|read,write,delete,admin,execute\|\}\n {6}decision: /);

    const empty = await complete('agents/new.agent.yaml', '|');
    assert.equal(empty[0]!.label, 'agent manifest');

    // JSON manifests too, and nothing in files that are not manifests.
    const json = await complete('agents/b.agent.json', '{\n  "metadata": { "environment": "|" }\n}\n', 'json');
    assert.deepEqual(json.map((item) => item.label), ['sandbox', 'development', 'staging', 'production']);
    assert.equal(json[0]!.textEdit.newText, '"sandbox"');
    assert.deepEqual(await complete('config.yaml', 'metadata:\n  |\n'), []);
  });

  it('without snippet support, completion inserts plain text', async () => {
    await client.initialize(root, { snippets: false });
    const items = await complete('agents/a.agent.yaml', 'metadata:\n  name: a\n  env|\n');
    const environment = items.find((item) => item.label === 'environment')!;
    assert.equal(environment.insertTextFormat, 1);
    assert.equal(environment.textEdit.newText, 'environment: ');
  });

  it('hovers manifest keys and values with the schema description', async () => {
    await client.initialize(root);
    const file = uri('agents/support-triage.agent.yaml');
    await client.open(file, 'yaml', MANIFEST);
    const lines = MANIFEST.split('\n');
    const line = lines.findIndex((text) => text.includes('access: write'));
    const onKey = await client.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri: file }, position: { line, character: 8 } });
    assert.equal(onKey.contents.kind, 'markdown');
    assert.match(onKey.contents.value, /^\*\*Access\*\* \(`access`\)\n\nWhat the tool may do/);
    assert.deepEqual(onKey.range, { start: { line, character: 6 }, end: { line, character: 12 } });
    const onValue = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: file }, position: { line, character: 15 } });
    assert.match(onValue.contents.value, /^`write`: Creates or changes data/);
    const ttl = lines.findIndex((text) => text.includes('ttl: 2h'));
    const onTtl = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: file }, position: { line: ttl, character: 7 } });
    assert.match(onTtl.contents.value, /Time to live/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: file }, position: { line: 0, character: 0 } }).then((hover) => (hover as { contents: { value: string } } | null)?.contents.value.includes('API version')), true);
  });

  it('fix all: offered for source, source.fixAll and source.fixAll.agentGuardrail (Source Action…, on save), and applies only the safe fixes', async () => {
    await client.initialize(root);
    const file = uri('agents/support-triage.agent.yaml');
    writeTree(root, { 'agents/support-triage.agent.yaml': MANIFEST });
    await client.open(file, 'agent-manifest', MANIFEST);
    await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'grants/high-risk-without-decision') && p.diagnostics.some((d) => d.code === 'credentials/long-lived'));
    const expected = MANIFEST.replace('ttl: 2h', 'ttl: 1h').replace('      access: write\n', '      access: write\n      decision: challenge\n');
    for (const only of [['source'], ['source.fixAll'], ['source.fixAll.agentGuardrail']]) {
      const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: file }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only, triggerKind: 2 } });
      assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Fix all auto-fixable problems', 'source.fixAll.agentGuardrail']], only.join());
      assert.equal(applyTo(MANIFEST, actions[0]!.edit!.changes![file]!), expected, only.join());
    }
    const refactor = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: file }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['refactor'] } });
    assert.deepEqual(refactor, []);
  });

  it('the light bulb of a problem with a safe fix also offers Fix all auto-fixable problems', async () => {
    await client.initialize(root);
    const file = uri('agents/support-triage.agent.yaml');
    await client.open(file, 'agent-manifest', MANIFEST);
    const published = await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'credentials/long-lived'));
    const ttl = published.diagnostics.find((d) => d.code === 'credentials/long-lived')!;
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: file }, range: ttl.range, context: { diagnostics: [ttl] } });
    assert.deepEqual(actions.map((action) => action.title), ['Shorten ttl to 1h', 'Suppress credentials/long-lived on this line (with a reason)', 'Show documentation for credentials/long-lived', 'Fix all auto-fixable problems']);
    assert.equal(actions.at(-1)!.kind, 'quickfix');
  });

  it('the agent-guardrail.fixAll command applies the safe fixes through workspace/applyEdit and says what is left', async () => {
    await client.initialize(root);
    const file = uri('agents/support-triage.agent.yaml');
    await client.open(file, 'agent-manifest', MANIFEST);
    await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'credentials/long-lived'));
    const result = await client.request<{ fixed: number; remaining: number; applied: boolean }>('workspace/executeCommand', { command: 'agent-guardrail.fixAll', arguments: [{ uri: file }] });
    assert.deepEqual(result, { fixed: 2, remaining: 0, applied: true });
    assert.equal(client.appliedEdits.length, 1);
    assert.equal(client.appliedEdits[0]!.label, 'Fix all auto-fixable problems');
    assert.match(client.messages.at(-1)!, /^Agent Guardrail: fixed 2 problems in agents\/support-triage\.agent\.yaml\.$/);
  });

  it('Create Agent Manifest (agent-guardrail.createManifest) prefills name, entrypoint, tools with a guessed access, credentials and purpose', async () => {
    const code = [
      "import { Agent, tool } from '@openai/agents';",
      "import { z } from 'zod';",
      '',
      "const searchTickets = tool({ name: 'search_tickets', description: 'S', parameters: z.object({ q: z.string() }), execute: async ({ q }) => q });",
      "const issueRefund = tool({ name: 'issue_refund', description: 'R', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });",
      "const deleteTicket = tool({ name: 'delete_ticket', description: 'D', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });",
      'const model = process.env.OPENAI_API_KEY;',
      '',
      '/** Answers billing questions and issues refunds under 50 EUR. */',
      "export const billing = new Agent({ name: 'billing-assistant', instructions: 'Help', tools: [searchTickets, issueRefund, deleteTicket] });",
      '',
    ].join('\n');
    writeTree(root, { 'src/billing.ts': code, '.github/CODEOWNERS': '* @acme/payments\n' });
    await client.initialize(root);
    const file = uri('src/billing.ts');
    await client.open(file, 'typescript', code);
    await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'ownership/unowned-agent'));
    const result = await client.request<{ path: string; uri: string }>('workspace/executeCommand', { command: 'agent-guardrail.createManifest', arguments: [{ uri: file }] });
    assert.equal(result.path, 'agents/billing-assistant.agent.yaml');
    const manifest = readFileSync(join(root, result.path), 'utf8');
    assert.equal(
      manifest,
      [
        'apiVersion: agent-guardrail/v1',
        'kind: Agent',
        'metadata:',
        '  name: billing-assistant',
        '  description: Answers billing questions and issues refunds under 50 EUR.',
        '  owner: team:payments',
        '  environment: development',
        `  reviewBy: ${new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10)}`,
        'spec:',
        '  entrypoint: src/billing.ts',
        '  credentials:',
        '    - name: openai-api-key',
        '      broker: env',
        '      ref: OPENAI_API_KEY',
        '      ttl: 15m',
        '  tools:',
        '    - name: search_tickets',
        '      access: read    # guessed from the tool; check it',
        '    - name: issue_refund',
        '      access: write    # guessed from the tool; check it',
        '      decision: challenge',
        '    - name: delete_ticket',
        '      access: delete    # guessed from the tool; check it',
        '      decision: challenge',
        '',
      ].join('\n'),
    );
    assert.deepEqual(client.shownDocuments.at(-1), { uri: result.uri, takeFocus: true });
    // The new manifest covers the agent and declares its tools: no ownership or undeclared-tool finding is left, but its
    // challenge decisions are not enforced yet (no needsApproval on issue_refund and delete_ticket).
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: result.uri, type: 1 }] });
    const after = await client.diagnostics(file, (p) => !p.diagnostics.some((d) => d.code === 'ownership/unowned-agent'), before);
    assert.deepEqual(after.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}`), ['grants/unenforced-decision 5', 'grants/unenforced-decision 6']);
  });

  it('Create Agent Manifest in a file without an agent asks for a name, then writes a manifest whose placeholders are reported', async () => {
    writeTree(root, { 'src/util.ts': 'export const x = 1;\n' });
    await client.initialize(root);
    const file = uri('src/util.ts');
    await client.open(file, 'typescript', 'export const x = 1;\n');
    const ask = await client.request<{ needsName: boolean; suggestedName: string }>('workspace/executeCommand', { command: 'agent-guardrail.createManifest', arguments: [{ uri: file }] });
    assert.deepEqual(ask, { needsName: true, suggestedName: 'util' });
    const created = await client.request<{ path: string; uri: string }>('workspace/executeCommand', { command: 'agent-guardrail.createManifest', arguments: [{ uri: file, name: 'nightly-report' }] });
    assert.equal(created.path, 'agents/nightly-report.agent.yaml');
    const text = readFileSync(fileURLToPath(created.uri), 'utf8');
    await client.open(created.uri, 'agent-manifest', text);
    const published = await client.diagnostics(created.uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => `${d.code}: ${d.message.split('.')[0]}`).sort(),
      ['ownership/missing-owner: Agent "nightly-report" has no accountable owner ("team:change-me" is a placeholder)', 'ownership/missing-purpose: Agent "nightly-report" has no stated purpose ("TODO: the business process this agent serves" is a placeholder)'],
    );
  });

  it('rule documentation: diagnostics link to the page shipped with the server, and Show documentation opens it in the editor', async () => {
    await client.initialize(root);
    const file = uri('agents/support-triage.agent.yaml');
    await client.open(file, 'agent-manifest', MANIFEST);
    const published = await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'credentials/long-lived'));
    for (const diagnostic of published.diagnostics) {
      const href = diagnostic.codeDescription!.href;
      assert.ok(href.startsWith('file://'), href);
      assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
      assert.equal(readFileSync(fileURLToPath(href), 'utf8'), readFileSync(join(REPO_ROOT, RULES.find((rule) => rule.id === diagnostic.code)!.docsPath), 'utf8'));
    }
    const ttl = published.diagnostics.find((d) => d.code === 'credentials/long-lived')!;
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: file }, range: ttl.range, context: { diagnostics: [ttl] } });
    const docs = actions.find((action) => action.title === 'Show documentation for credentials/long-lived')!;
    assert.deepEqual(docs.command, { title: 'Show documentation', command: 'agent-guardrail.showDocumentation', arguments: ['credentials/long-lived'] });
    await client.request('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
    assert.deepEqual(client.shownDocuments.at(-1), { uri: pathToFileURL(join(REPO_ROOT, 'dist/docs/rules/credentials/long-lived.md')).href, takeFocus: true });
  });
});

function applyTo(text: string, edits: { range: unknown; newText: string }[]): string {
  const lines = text.split('\n');
  const offsetOf = (position: { line: number; character: number }) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  const sorted = edits
    .map((edit) => {
      const range = edit.range as { start: { line: number; character: number }; end: { line: number; character: number } };
      return { start: offsetOf(range.start), end: offsetOf(range.end), newText: edit.newText };
    })
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
