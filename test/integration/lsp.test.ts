import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type PublishedDiagnostics } from '../lsp-client';
import { makeTempDir, REPO_ROOT, writeTree } from '../helpers';

// A format-valid random OpenAI key (not a real credential).
const OPENAI_KEY = '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';

const AGENT = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';

const search = tool({ name: 'search', description: 'Search', parameters: z.object({ q: z.string() }), execute: async ({ q }) => q });
const refund = tool({ name: 'refund', description: 'Refund', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });

export const triage = new Agent({ name: 'triage', instructions: 'Route tickets', tools: [search, refund] });
`;

function manifest(tools: string[]): string {
  return `apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: triage
  description: Routes tickets
  owner: team:support
  environment: staging
  reviewBy: 2099-01-01
spec:
  entrypoint: src/triage.ts
  tools:
${tools.map((tool) => `    - name: ${tool}\n      access: read`).join('\n')}
`;
}

function summary(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`);
}

describe('language server over stdio (dist/server.js)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let root: string;
  const uri = (path: string) => pathToFileURL(`${root}/${path}`).href;

  beforeEach(() => {
    root = makeTempDir('agent-guardrail-lsp-');
    client = new LspClient();
  });
  afterEach(async () => {
    if (client.process.exitCode === null) await client.shutdown().catch(() => undefined);
  });

  it('initializes with diagnostics, code actions and commands, and shuts down cleanly', async () => {
    const result = await client.initialize(root);
    assert.deepEqual(Object.keys(result.capabilities).sort(), ['codeActionProvider', 'completionProvider', 'executeCommandProvider', 'hoverProvider', 'textDocumentSync', 'workspace']);
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.agentGuardrail'], resolveProvider: false });
    assert.deepEqual((result.capabilities.executeCommandProvider as { commands: string[] }).commands, [
      'agent-guardrail.auditWorkspace',
      'agent-guardrail.auditStaged',
      'agent-guardrail.inventory',
      'agent-guardrail.inventoryHtml',
      'agent-guardrail.fixApplied',
      'agent-guardrail.fixAll',
      'agent-guardrail.createManifest',
      'agent-guardrail.showDocumentation',
    ]);
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes exact diagnostics on open and drops them after an edit removes the secret', async () => {
    await client.initialize(root);
    const file = uri('src/client.ts');
    const text = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: '${OPENAI_KEY}' });\n`;
    await client.open(file, 'typescript', text);
    const first = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    assert.equal(first.version, 1);
    assert.deepEqual(summary(first), [`secrets/provider-key 2:38-2:${38 + OPENAI_KEY.length}`]);
    const [diagnostic] = first.diagnostics;
    assert.equal(diagnostic!.source, 'Agent Guardrail');
    assert.equal(diagnostic!.severity, 1);
    // The documentation page shipped with the server, readable offline.
    assert.equal(diagnostic!.codeDescription?.href, pathToFileURL(join(REPO_ROOT, 'dist/docs/rules/secrets/provider-key.md')).href);
    assert.match(diagnostic!.message, /^Hardcoded OpenAI API key \(sk-proj-…matUd\)|^Hardcoded OpenAI API key \(sk-proj-…tmUd\)/);
    assert.ok(!JSON.stringify(first).includes(OPENAI_KEY), 'the raw key is never sent');

    const before = client.published.length;
    await client.change(file, `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`, 2);
    const second = await client.diagnostics(file, (p) => p.version === 2, before);
    assert.deepEqual(second.diagnostics, []);
  });

  it('re-evaluates a code file when the manifest that covers it changes', async () => {
    writeTree(root, { 'src/triage.ts': AGENT, 'agents/triage.agent.yaml': manifest(['search', 'refund']) });
    await client.initialize(root);
    const code = uri('src/triage.ts');
    await client.open(code, 'typescript', AGENT);
    // Once the folder is indexed, the agent is covered and declares both tools: nothing to report.
    const clean = await client.diagnostics(code, (p) => p.diagnostics.length === 0);
    assert.deepEqual(clean.diagnostics, []);

    const manifestUri = uri('agents/triage.agent.yaml');
    const before = client.published.length;
    await client.open(manifestUri, 'yaml', manifest(['search']));
    const drift = await client.diagnostics(code, (p) => p.diagnostics.length > 0, before);
    assert.deepEqual(summary(drift), ['grants/undeclared-tool 7:98-7:104']);
    assert.equal(drift.diagnostics[0]!.relatedInformation?.[0]?.location.uri, manifestUri);

    const again = client.published.length;
    await client.change(manifestUri, manifest(['search', 'refund']), 2);
    const fixed = await client.diagnostics(code, (p) => p.diagnostics.length === 0, again);
    assert.deepEqual(fixed.diagnostics, []);
  });

  it('when the folder scan ends, every open document is indexed before any is published (no flash of unowned agents)', async () => {
    // The manifest exists only as an open, unsaved document, which the scan skips. A CI run caught the server, at the
    // end of a scan, publishing an open code file before the manifest open beside it was indexed (its agent shown as
    // unowned and its tools as unapproved until the manifest's turn came); the timing that takes cannot be forced
    // here, so this checks what the user must see whatever the timing.
    writeTree(root, { 'src/triage.ts': AGENT });
    await client.initialize(root);
    const code = uri('src/triage.ts');
    await Promise.all([client.open(code, 'typescript', AGENT), client.open(uri('agents/triage.agent.yaml'), 'yaml', manifest(['search', 'refund']))]);
    // The inventory waits for the scan (and the analyses it ends with) to finish.
    const inventory = await client.request<{ agents: { name?: string }[] }>('workspace/executeCommand', { command: 'agent-guardrail.inventory', arguments: [] });
    assert.ok(inventory.agents.some((agent) => agent.name === 'triage'));
    await client.diagnostics(code);
    const shown = client.published.filter((p) => p.uri === code).flatMap((p) => summary(p));
    assert.deepEqual(shown, [], 'no publication of the code file had a finding');
  });

  it('offers code actions for a diagnostic: suppress with a reason, and the documentation', async () => {
    await client.initialize(root);
    const file = uri('src/client.ts');
    await client.open(file, 'typescript', `const client = new OpenAI({ apiKey: '${OPENAI_KEY}' });\n`);
    const published = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    const actions = await client.request<{ title: string; kind: string; edit?: { changes: Record<string, { range: unknown; newText: string }[]> }; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: file },
      range: published.diagnostics[0]!.range,
      context: { diagnostics: published.diagnostics },
    });
    const suppress = actions.find((action) => action.title.startsWith('Suppress'));
    assert.deepEqual(suppress?.edit?.changes[file], [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '// agent-guardrail-ignore-next-line secrets/provider-key -- <why this is acceptable>\n' },
    ]);
    const docs = actions.find((action) => action.title.startsWith('Show documentation'));
    assert.equal(docs?.command?.command, 'agent-guardrail.showDocumentation');
    const opened = await client.request<{ opened: string }>('workspace/executeCommand', { command: docs!.command!.command, arguments: docs!.command!.arguments });
    assert.match(opened.opened, /secrets\/provider-key\.md$/);
  });

  it('runs the workspace audit command and publishes diagnostics for files that are not open', async () => {
    writeTree(root, { 'src/triage.ts': AGENT, '.env': `OPENAI_API_KEY=${OPENAI_KEY}\n` });
    await client.initialize(root);
    const result = await client.request<{ filesAnalyzed: number; findings: number; byCategory: Record<string, number> }>('workspace/executeCommand', { command: 'agent-guardrail.auditWorkspace', arguments: [] });
    assert.deepEqual(result, { filesAnalyzed: 2, filesWithFindings: 2, findings: 3, byCategory: { secrets: 1, grants: 1, ownership: 1 } });
    assert.deepEqual(summary(await client.diagnostics(uri('.env'))), [`secrets/provider-key 1:16-1:${16 + OPENAI_KEY.length}`]);
    // Unowned, and its refund tool runs without approval.
    assert.deepEqual(summary(await client.diagnostics(uri('src/triage.ts'))), ['ownership/unowned-agent 7:23-7:32', 'grants/unapproved-high-risk-tool 5:16-5:20']);
  });

  it('returns the agent inventory', async () => {
    writeTree(root, { 'src/triage.ts': AGENT, 'agents/triage.agent.yaml': manifest(['search', 'refund']) });
    await client.initialize(root);
    const inventory = await client.request<{ agents: { name: string; owner: string; source: string; tools: { name: string }[] }[] }>('workspace/executeCommand', { command: 'agent-guardrail.inventory', arguments: [] });
    assert.deepEqual(inventory.agents.map((agent) => [agent.name, agent.owner, agent.source, agent.tools.map((tool) => tool.name)]), [['triage', 'team:support', 'manifest+code', ['search', 'refund']]]);
  });

  it('analyses untitled documents by their language', async () => {
    await client.initialize(root);
    await client.open('untitled:Untitled-1', 'typescript', `const apiKey = '${OPENAI_KEY}';\n`);
    const published = await client.diagnostics('untitled:Untitled-1', (p) => p.diagnostics.length > 0);
    assert.deepEqual(summary(published), [`secrets/provider-key 1:17-1:${17 + OPENAI_KEY.length}`]);
  });

  it('ignores repository suppressions and disables of secrets in an untrusted workspace, and honours them once trusted', async () => {
    const text = `// agent-guardrail-ignore-next-line secrets/provider-key -- demo key\nconst apiKey = '${OPENAI_KEY}';\n`;
    writeTree(root, { 'src/b.ts': `const apiKey = '${OPENAI_KEY}';\n`, '.agent-guardrail.yaml': 'ignore: []\nrules:\n  secrets/generic-secret: off\n' });
    await client.initialize(root, { trusted: false });
    const file = uri('src/a.ts');
    await client.open(file, 'typescript', text);
    const untrusted = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    assert.deepEqual(summary(untrusted), [`secrets/provider-key 2:17-2:${17 + OPENAI_KEY.length}`]);
    const before = client.published.length;
    await client.connection.sendNotification('agentGuardrail/trust', { trusted: true });
    const trusted = await client.diagnostics(file, (p) => p.diagnostics.length === 0, before);
    assert.deepEqual(trusted.diagnostics, []);
  });

  it('does not let an untrusted repository switch off secrets/* in its configuration', async () => {
    writeTree(root, { '.agent-guardrail.yaml': 'rules:\n  secrets/*: off\n' });
    await client.initialize(root, { trusted: false });
    const file = uri('src/a.ts');
    await client.open(file, 'typescript', `const apiKey = '${OPENAI_KEY}';\n`);
    assert.deepEqual(summary(await client.diagnostics(file, (p) => p.diagnostics.length > 0)), [`secrets/provider-key 1:17-1:${17 + OPENAI_KEY.length}`]);
  });
});
