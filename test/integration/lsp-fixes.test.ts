/**
 * Quick fixes through the real language server (dist/server.js over stdio): textDocument/codeAction returns
 * workspace edits of existing files and, where the fix creates files or has something to say, the server command
 * agent-guardrail.fixApplied. The test applies the edit as an editor would, runs the command (which writes the
 * created files to disk and says what changed), sends the new text back, and the diagnostic is gone.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineIndex } from '../../src/core/position';
import { LspClient, type PublishedDiagnostics } from '../lsp-client';
import { makeTempDir, writeTree } from '../helpers';

const BROKERS = ['vault', 'aws-sts', 'aws-secrets-manager', 'gcp-secret-manager', 'azure-key-vault', 'azure-managed-identity', '1password', 'infisical', 'doppler', 'github-app', 'oauth-token-exchange', 'env'];
/** The review date a generated manifest gets: 90 days from today (UTC). */
const reviewBy = () => new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10);

// Format-valid random keys (not real credentials).
const OPENAI_KEY = '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';
const GITHUB_TOKEN = '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';

interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
interface WorkspaceEdit {
  changes?: Record<string, LspTextEdit[]>;
  documentChanges?: ({ kind: 'create'; uri: string } | { textDocument: { uri: string }; edits: LspTextEdit[] })[];
}
interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
  command?: { command: string; arguments: unknown[] };
}
interface Applied {
  create: { uri: string; path: string; text: string }[];
  changed: string[];
  followUp?: string;
  ruleId?: string;
}

/** Apply a workspace edit to files on disk, as an editor does; returns the new text of each file touched. */
function applyWorkspaceEdit(edit: WorkspaceEdit): Map<string, string> {
  const touched = new Map<string, string>();
  const apply = (uri: string, edits: LspTextEdit[]) => {
    const path = fileURLToPath(uri);
    const text = touched.get(uri) ?? (existsSync(path) ? readFileSync(path, 'utf8') : '');
    const lines = new LineIndex(text);
    const offsets = edits
      .map((e) => ({ start: lines.offsetAt({ line: e.range.start.line, column: e.range.start.character }), end: lines.offsetAt({ line: e.range.end.line, column: e.range.end.character }), newText: e.newText }))
      .sort((a, b) => b.start - a.start);
    let result = text;
    for (const e of offsets) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
    touched.set(uri, result);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, result);
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      const path = fileURLToPath(change.uri);
      assert.ok(!existsSync(path), `CreateFile for an existing file ${path}`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
      touched.set(change.uri, '');
    } else apply(change.textDocument.uri, change.edits);
  }
  return touched;
}

describe('quick fixes through the language server (dist/server.js)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let root: string;
  const uri = (path: string) => pathToFileURL(`${root}/${path}`).href;

  /** What an editor does with a code action: apply its edit, then run its command on the server. */
  async function perform(action: Action): Promise<Map<string, string>> {
    const touched = action.edit ? applyWorkspaceEdit(action.edit) : new Map<string, string>();
    if (action.command) await client.request('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
    return touched;
  }

  /** src/job.ts with a hardcoded key, open, and the code actions of its diagnostic. */
  async function openJobWithKey(): Promise<{ file: string; actions: Action[] }> {
    const file = uri('src/job.ts');
    const text = `export function run() {\n  return fetchWith('${OPENAI_KEY}');\n}\ndeclare function fetchWith(key: string): void;\n`;
    writeTree(root, { 'src/job.ts': text });
    await client.open(file, 'typescript', text);
    const published = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    return { file, actions: await actionsFor(file, published, 'secrets/provider-key') };
  }

  async function actionsFor(file: string, published: PublishedDiagnostics, rule: string): Promise<Action[]> {
    const diagnostics = published.diagnostics.filter((diagnostic) => diagnostic.code === rule);
    assert.ok(diagnostics.length, `no ${rule} diagnostic`);
    return client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: file }, range: diagnostics[0]!.range, context: { diagnostics: [diagnostics[0]] } });
  }

  beforeEach(() => {
    root = makeTempDir('agent-guardrail-lsp-fixes-');
    client = new LspClient();
  });
  afterEach(async () => {
    if (client.process.exitCode === null) await client.shutdown().catch(() => undefined);
  });

  it('broker configured: the preferred fix replaces the key and adds the import; the credentials module is on disk before anything is saved', async () => {
    writeTree(root, { '.agent-guardrail.yaml': 'broker: gcp-secret-manager\n', 'package.json': '{ "name": "app" }\n' });
    await client.initialize(root);
    const file = uri('src/llm.ts');
    const text = `import OpenAI from 'openai';\n\nexport async function ask() {\n  return new OpenAI({ apiKey: '${OPENAI_KEY}' });\n}\n`;
    writeTree(root, { 'src/llm.ts': text });
    await client.open(file, 'typescript', text);
    const published = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    const actions = await actionsFor(file, published, 'secrets/provider-key');
    const broker = actions.find((action) => action.isPreferred);
    assert.equal(broker?.title, "Use broker-issued credential 'openai-api-key' via Google Cloud Secret Manager (rotate the exposed key)");
    assert.ok(!JSON.stringify(actions).includes(OPENAI_KEY), 'no action carries the key');
    // The edit changes the open file only; the new module is written by the command that follows the edit.
    assert.deepEqual(Object.keys(broker!.edit!.changes!), [file]);
    assert.equal(broker!.command?.command, 'agent-guardrail.fixApplied');
    const applied = broker!.command!.arguments[0] as Applied;
    assert.deepEqual(applied.create.map((created) => created.path), ['src/credentials.ts']);
    const touched = await perform(broker!);
    assert.equal(touched.get(file), `import OpenAI from 'openai';\nimport { credentials } from './credentials';\n\nexport async function ask() {\n  return new OpenAI({ apiKey: await credentials.get('openai-api-key') });\n}\n`);
    assert.match(readFileSync(join(root, 'src/credentials.ts'), 'utf8'), /new SecretManagerServiceClient\(\)/);
    assert.match(client.messages.at(-1)!, /^Agent Guardrail: changed src\/llm\.ts; created src\/credentials\.ts\. .*Rotate the exposed value now/);
    const before = client.published.length;
    await client.change(file, touched.get(file)!, 2);
    const after = await client.diagnostics(file, (p) => p.version === 2, before);
    assert.deepEqual(after.diagnostics, []);
  });

  it('no broker configured, VS Code: the fix asks once through the extension command, with one ready edit per broker', async () => {
    await client.initialize(root, { clientCommands: ['agentGuardrail.chooseAndApplyFix'] });
    const { file, actions } = await openJobWithKey();
    const broker = actions.find((action) => action.title.startsWith('Use broker-issued credential'));
    assert.equal(broker?.edit, undefined);
    assert.equal(broker?.command?.command, 'agentGuardrail.chooseAndApplyFix');
    const args = broker!.command!.arguments[0] as { setting: string; prompt: string; choices: { value: string; label: string; edit: WorkspaceEdit; applied: Applied }[]; followUp: string };
    assert.equal(args.setting, 'agentGuardrail.broker');
    assert.deepEqual(args.choices.map((choice) => choice.value), BROKERS);
    assert.match(args.followUp, /Rotate the exposed value now/);
    const env = args.choices.find((choice) => choice.value === 'env')!;
    const touched = applyWorkspaceEdit(env.edit);
    assert.equal(touched.get(file), `import { credentials } from './credentials';\n\nexport function run() {\n  return fetchWith(credentials.getSync('openai-api-key'));\n}\ndeclare function fetchWith(key: string): void;\n`);
    // The extension then runs the server command with what it changed itself (the setting).
    await client.request('workspace/executeCommand', { command: 'agent-guardrail.fixApplied', arguments: [{ ...env.applied, alsoChanged: ['agentGuardrail.broker = env in .vscode/settings.json'] }] });
    assert.match(readFileSync(join(root, 'src/credentials.ts'), 'utf8'), /broker=env/);
    assert.match(client.messages.at(-1)!, /^Agent Guardrail: changed src\/job\.ts; created src\/credentials\.ts; set agentGuardrail\.broker = env in \.vscode\/settings\.json\. /);
    const before = client.published.length;
    await client.change(file, touched.get(file)!, 2);
    assert.deepEqual((await client.diagnostics(file, (p) => p.version === 2, before)).diagnostics, []);
  });

  it('no broker configured, any other LSP client: one code action per broker, which also records the broker in .agent-guardrail.yaml', async () => {
    await client.initialize(root);
    const { file, actions } = await openJobWithKey();
    const perBroker = actions.filter((action) => action.title.startsWith("Use broker-issued credential 'openai-api-key' (preloaded) via "));
    assert.equal(perBroker.length, BROKERS.length);
    assert.ok(perBroker.every((action) => action.edit && action.command?.command === 'agent-guardrail.fixApplied'), 'each is an edit plus the command');
    const vault = perBroker.find((action) => action.title.includes('via HashiCorp Vault'))!;
    assert.equal(vault.title, "Use broker-issued credential 'openai-api-key' (preloaded) via HashiCorp Vault (rotate the exposed key)");
    const touched = await perform(vault);
    assert.match(touched.get(file)!, /credentials\.getSync\('openai-api-key'\)|await credentials\.get\('openai-api-key'\)/);
    assert.equal(readFileSync(join(root, '.agent-guardrail.yaml'), 'utf8'), 'broker: vault\n');
    assert.match(readFileSync(join(root, 'src/credentials.ts'), 'utf8'), /node-vault|vault/i);
    assert.match(client.messages.at(-1)!, /^Agent Guardrail: changed src\/job\.ts; created src\/credentials\.ts and \.agent-guardrail\.yaml\. /);
    // Next time the broker is configured: one action again.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.agent-guardrail.yaml'), type: 1 }] });
    const second = uri('src/other.ts');
    const otherText = `export const key = '${OPENAI_KEY}';\n`;
    writeTree(root, { 'src/other.ts': otherText });
    await client.open(second, 'typescript', otherText);
    const again = await actionsFor(second, await client.diagnostics(second, (p) => p.diagnostics.length > 0), 'secrets/provider-key');
    assert.equal(again.filter((action) => action.title.startsWith('Use broker-issued credential')).length, 1);
  });

  it('.vscode/mcp.json: an input reference as a quick fix, and fix-all of every safe fix in the file', async () => {
    await client.initialize(root);
    const file = uri('.vscode/mcp.json');
    const text = `{\n  "servers": {\n    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": { "Authorization": "Bearer ${GITHUB_TOKEN}" } },\n    "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/"] }\n  }\n}\n`;
    writeTree(root, { '.vscode/mcp.json': text });
    await client.open(file, 'jsonc', text);
    const published = await client.diagnostics(file, (p) => p.diagnostics.length === 2);
    const quick = (await actionsFor(file, published, 'secrets/provider-key')).find((action) => action.isPreferred);
    assert.equal(quick?.title, 'Use ${input:github-token} with a password prompt (rotate the exposed key)');
    assert.ok(quick?.edit?.changes?.[file]?.length);

    const fixAll = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri: file },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.agentGuardrail'] },
    });
    const all = fixAll.find((action) => action.kind === 'source.fixAll.agentGuardrail');
    assert.ok(all?.edit);
    const touched = applyWorkspaceEdit(all.edit);
    const result = touched.get(file)!;
    assert.ok(!result.includes(GITHUB_TOKEN));
    assert.match(result, /"Authorization": "Bearer \$\{input:github-token\}"/);
    assert.match(result, /"password": true/);
    assert.match(result, /"\$\{workspaceFolder\}"/);
    const before = client.published.length;
    await client.change(file, result, 2);
    assert.deepEqual((await client.diagnostics(file, (p) => p.version === 2, before)).diagnostics, []);
  });

  it('unowned agent: Create agent manifest creates agents/<name>.agent.yaml; undeclared tool: the manifest is edited', async () => {
    const agent = "import { Agent, tool } from '@openai/agents';\nimport { z } from 'zod';\n\nconst search = tool({ name: 'search', description: 'S', parameters: z.object({ q: z.string() }), execute: async ({ q }) => q });\n\n/** Routes tickets. */\nexport const triage = new Agent({ name: 'triage', instructions: 'Route', tools: [search] });\n";
    writeTree(root, { 'src/triage.ts': agent, '.github/CODEOWNERS': '* @acme/support\n' });
    await client.initialize(root);
    const file = uri('src/triage.ts');
    await client.open(file, 'typescript', agent);
    const published = await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'ownership/unowned-agent'));
    const create = (await actionsFor(file, published, 'ownership/unowned-agent')).find((action) => action.title.startsWith('Create agent manifest'));
    assert.equal(create?.title, 'Create agent manifest agents/triage.agent.yaml');
    assert.equal(create?.edit, undefined, 'nothing to edit: the command writes the new file');
    await perform(create!);
    const manifest = readFileSync(join(root, 'agents/triage.agent.yaml'), 'utf8');
    assert.equal(
      manifest,
      `apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: triage\n  description: Routes tickets.\n  owner: team:support\n  environment: development\n  reviewBy: ${reviewBy()}\nspec:\n  entrypoint: src/triage.ts\n  tools:\n    - name: search\n      access: read    # guessed from the tool; check it\n`,
    );
    assert.deepEqual(client.shownDocuments.at(-1), { uri: uri('agents/triage.agent.yaml'), takeFocus: true }, 'the new manifest is opened');
    assert.match(client.messages.at(-1)!, /^Agent Guardrail: created agents\/triage\.agent\.yaml\. Check the guessed access of each tool\.$/);
    // The editor saves the new file; the server hears of it and the code is covered.
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('agents/triage.agent.yaml'), type: 1 }] });
    await client.diagnostics(file, (p) => !p.diagnostics.some((d) => d.code === 'ownership/unowned-agent'), before);

    // The code grows a tool the manifest does not declare: declaring it edits the manifest (another file).
    const grown = agent.replace('tools: [search]', 'tools: [search, refund]').replace('\n/** Routes', "const refund = tool({ name: 'refund', description: 'R', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });\n\n/** Routes");
    const mark = client.published.length;
    await client.change(file, grown, 2);
    const undeclared = await client.diagnostics(file, (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'grants/undeclared-tool'), mark);
    const declare = (await actionsFor(file, undeclared, 'grants/undeclared-tool')).find((action) => action.title.startsWith('Declare tool'));
    assert.equal(declare?.title, 'Declare tool "refund" in agents/triage.agent.yaml');
    const edited = await perform(declare!);
    assert.match(client.messages.at(-1)!, /^Agent Guardrail: changed agents\/triage\.agent\.yaml\. Set access and decision for "refund"/);
    assert.match(edited.get(uri('agents/triage.agent.yaml'))!, /- name: search\n {6}access: read {4}# guessed from the tool; check it\n {4}- name: refund\n$/);
    const again = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('agents/triage.agent.yaml'), type: 2 }] });
    await client.diagnostics(file, (p) => !p.diagnostics.some((d) => d.code === 'grants/undeclared-tool'), again);
  });
});
