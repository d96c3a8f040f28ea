import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../../src/core/analyze';
import { DEFAULT_OWNER_OPTIONAL, defaultConfig } from '../../src/core/config';
import type { CodeAgent, CodeTool } from '../../src/core/facts';
import { LineIndex } from '../../src/core/position';
import { finalizeSuppressions } from '../../src/core/suppressions';
import { entrypointCandidates, WorkspaceIndex } from '../../src/core/workspace';
import { describe1, REPO_ROOT } from '../helpers';

const NOW = new Date('2026-11-23T12:00:00Z');
const config = defaultConfig();

function manifest(name: string, options: { entrypoint?: string; tools?: string[]; environment?: string; refs?: string[]; mcpTools?: string[] } = {}): string {
  const lines = [
    'apiVersion: agent-guardrail/v1',
    'kind: Agent',
    'metadata:',
    `  name: ${name}`,
    '  description: Test agent',
    '  owner: team:platform',
    '  technicalOwner: user:dev@acmecorp.io',
    `  environment: ${options.environment ?? 'staging'}`,
    '  reviewBy: 2027-01-31',
    '  revocation: https://runbooks.example.com/revoke',
    'spec:',
  ];
  if (options.entrypoint) lines.push(`  entrypoint: ${options.entrypoint}`);
  if (options.refs) {
    lines.push('  credentials:');
    options.refs.forEach((ref, index) => lines.push(`    - name: cred${index}`, '      broker: vault', `      ref: ${ref}`, '      ttl: 15m'));
  }
  lines.push('  tools:');
  for (const tool of options.tools ?? ['search']) lines.push(`    - name: ${tool}`, '      access: read');
  if (options.mcpTools) lines.push('  mcpServers:', '    - name: github', `      tools: [${options.mcpTools.join(', ')}]`);
  return lines.join('\n') + '\n';
}

/** A code agent as the code analysis would report it, placed at a real line of a fake file. */
function codeAgent(file: string, name: string | undefined, tools: string[], options: Partial<CodeAgent> = {}): CodeAgent {
  const text = ['export const agent = new Agent({', `  name: '${name}',`, `  tools: [${tools.join(', ')}],`, '});'].join('\n');
  const lines = new LineIndex(text);
  const toolsLine = text.indexOf('tools: [') + 'tools: ['.length;
  let offset = toolsLine;
  const codeTools: CodeTool[] = tools.map((tool) => {
    const start = offset;
    offset += tool.length + 2;
    return { name: tool, range: lines.rangeOf(start, start + tool.length), startOffset: start, endOffset: start + tool.length, kind: 'function' };
  });
  const start = text.indexOf('new Agent');
  return {
    file,
    framework: 'openai-agents',
    kind: 'definition',
    name,
    range: lines.rangeOf(start, start + 'new Agent'.length),
    startOffset: start,
    endOffset: start + 'new Agent'.length,
    tools: codeTools,
    toolsComplete: true,
    environmentCredentials: [],
    ...options,
  };
}

function indexWith(manifests: Record<string, string>, agents: CodeAgent[], files: string[] = []): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(manifests)) index.set(path, analyzeFile({ path, text }, config, { now: NOW }).facts);
  for (const agent of agents) index.set(agent.file, { manifests: [], agents: [agent] });
  for (const file of files) if (!index.has(file)) index.set(file, { manifests: [], agents: [] });
  return index;
}

function crossFindings(index: WorkspaceIndex): string[] {
  return index
    .allFindings(config)
    .map((finding) => `${finding.file} ${describe1(finding)}`)
    .sort();
}

describe('workspace index (cross-file rules)', () => {
  it('resolves entrypoints next to the manifest first, then from the folders above it', () => {
    assert.deepEqual(entrypointCandidates('app/agents/x.agent.yaml', 'src/x.ts'), ['app/agents/src/x.ts', 'app/src/x.ts', 'src/x.ts']);
    assert.deepEqual(entrypointCandidates('x.agent.yaml', './src/x.ts'), ['src/x.ts']);
    assert.deepEqual(entrypointCandidates('agents/x.agent.yaml', '../src/x.ts'), ['src/x.ts']);
    assert.deepEqual(entrypointCandidates('x.agent.yaml', '/etc/passwd'), []);
  });

  it('ownership/unowned-agent: an agent no manifest covers', () => {
    const index = indexWith({}, [codeAgent('src/a.ts', 'lonely', ['search'])]);
    assert.deepEqual(crossFindings(index), ['src/a.ts ownership/unowned-agent 1:22-1:31']);
    const [finding] = index.allFindings(config);
    assert.equal(finding!.message, 'Agent "lonely" has no owner: no manifest covers it (by spec.entrypoint or metadata.name) and it has no @owner tag. Add an agent manifest with its owner, purpose, tools and credentials.');
    assert.equal(finding!.severity, 'warning');
  });

  it('ownership/unowned-agent: agents in tests, examples, cookbooks, tutorials, notebooks, templates, docs, fixtures and benchmarks need no owner, unless ownerOptional says otherwise', () => {
    const files = [
      'examples/basic/hello-world.ts', 'packages/core/test/agent.test.ts', 'docs/src/scripts/translate.ts', 'integration-tests/node/run.mjs', 'src/__fixtures__/agent.ts',
      // crewAI: a tool's example script, the CLI's project templates; pytest modules beside the code
      'lib/tools/src/tools/multion_tool/example.py', 'lib/cli/src/crewai_cli/templates/crew/crew.py', 'src/agents/test_billing.py', 'src/agents/billing_test.py',
      // langgraph: a benchmark's agent; agno: its cookbook of examples
      'libs/langgraph/bench/react_agent.py', 'cookbook/05_agent_os/servers/adk_server.py', 'autogenstudio/notebooks/tutorial.ipynb', 'tool_use/memory_cookbook.ipynb',
      'src/agents/billing.ts',
    ];
    const index = indexWith({}, files.map((file) => codeAgent(file, 'sample', ['search'])));
    assert.deepEqual(crossFindings(index), ['src/agents/billing.ts ownership/unowned-agent 1:22-1:31']);
    const everywhere = index.allFindings({ ...config, ownerOptional: [] }).map((finding) => finding.file).sort();
    assert.deepEqual(everywhere, [...files].sort());
    const onlyTests = index.allFindings({ ...config, ownerOptional: ['**/test/**', '**/*-tests/**'] }).map((finding) => finding.file).sort();
    assert.deepEqual(onlyTests, [
      'autogenstudio/notebooks/tutorial.ipynb', 'cookbook/05_agent_os/servers/adk_server.py', 'docs/src/scripts/translate.ts', 'examples/basic/hello-world.ts', 'lib/cli/src/crewai_cli/templates/crew/crew.py',
      'lib/tools/src/tools/multion_tool/example.py', 'libs/langgraph/bench/react_agent.py', 'src/__fixtures__/agent.ts', 'src/agents/billing.ts', 'src/agents/billing_test.py', 'src/agents/test_billing.py',
      'tool_use/memory_cookbook.ipynb',
    ]);
  });

  it('the rule documentation lists the default ownerOptional globs', () => {
    const doc = readFileSync(join(REPO_ROOT, 'src/core/rules/ownership/unowned-agent.md'), 'utf8');
    const listed = [...doc.matchAll(/`(\*\*\/[^`]+)`/g)].map((match) => match[1]);
    assert.deepEqual(listed, [...DEFAULT_OWNER_OPTIONAL]);
  });

  it('an agent is covered by entrypoint, by metadata.name, or by an @owner tag', () => {
    const byEntrypoint = indexWith({ 'agents/a.agent.yaml': manifest('other-name', { entrypoint: 'src/a.ts' }) }, [codeAgent('src/a.ts', 'lonely', ['search'])]);
    assert.deepEqual(crossFindings(byEntrypoint), []);
    const byName = indexWith({ 'agents/a.agent.yaml': manifest('lonely') }, [codeAgent('src/a.ts', 'lonely', ['search'])]);
    assert.deepEqual(crossFindings(byName), []);
    const byTag = indexWith({}, [codeAgent('src/a.ts', 'lonely', ['search'], { ownerTag: 'team:platform' })]);
    assert.deepEqual(crossFindings(byTag), []);
  });

  it('grants/undeclared-tool: a covered agent uses a tool its manifest does not declare', () => {
    const index = indexWith({ 'agents/a.agent.yaml': manifest('triage', { entrypoint: 'src/a.ts', tools: ['search'], mcpTools: ['get_issue'] }) }, [
      codeAgent('src/a.ts', 'triage', ['search', 'get_issue', 'delete_all']),
    ]);
    assert.deepEqual(crossFindings(index), ['src/a.ts grants/undeclared-tool 3:30-3:40']);
    const [finding] = index.allFindings(config);
    assert.equal(finding!.message, 'Tool "delete_all" is not declared in the manifest of agent "triage" (agents/a.agent.yaml). Add it to spec.tools with its access and decision, or remove it from the code.');
    assert.deepEqual(finding!.related?.map((related) => [related.file, related.range.start.line]), [['agents/a.agent.yaml', 3]]);
  });

  it('grants/undeclared-tool does not compare tools of agents covered only by an @owner tag, nor unnamed tools', () => {
    const index = indexWith({}, [codeAgent('src/a.ts', 'x', ['a'], { ownerTag: 'team:x', tools: [{ range: { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } }, startOffset: 0, endOffset: 1, kind: 'mcp-all' }] })]);
    assert.deepEqual(crossFindings(index), []);
  });

  it('manifest/unknown-entrypoint: an entrypoint that names no existing file', () => {
    const index = indexWith({ 'agents/a.agent.yaml': manifest('triage', { entrypoint: 'src/missing.ts' }) }, [], ['src/present.ts']);
    assert.deepEqual(crossFindings(index), ['agents/a.agent.yaml manifest/unknown-entrypoint 12:15-12:29']);
    const existing = indexWith({ 'agents/a.agent.yaml': manifest('triage', { entrypoint: 'src/present.ts' }) }, [], ['src/present.ts']);
    assert.deepEqual(crossFindings(existing), []);
  });

  it('manifest/unknown-entrypoint uses the fileExists callback for files the index has not seen', () => {
    const index = new WorkspaceIndex({ fileExists: (path) => path === 'src/big-file.ts' });
    const path = 'agents/a.agent.yaml';
    index.set(path, analyzeFile({ path, text: manifest('triage', { entrypoint: 'src/big-file.ts' }) }, config, { now: NOW }).facts);
    assert.deepEqual(crossFindings(index), []);
  });

  it('credentials/shared: one ref used by two agents, reported on each ref with the other as related', () => {
    const index = indexWith(
      {
        'agents/a.agent.yaml': manifest('alpha', { refs: ['secret/data/shared/openai'] }),
        'agents/b.agent.yaml': manifest('beta', { refs: ['secret/data/beta/openai', 'secret/data/shared/openai'] }),
      },
      [],
    );
    assert.deepEqual(crossFindings(index), ['agents/a.agent.yaml credentials/shared 15:12-15:37', 'agents/b.agent.yaml credentials/shared 19:12-19:37']);
    const alpha = index.findingsFor('agents/a.agent.yaml', config)[0]!;
    assert.equal(alpha.ruleId, 'credentials/shared');
    assert.equal(alpha.message, 'Credential ref "secret/data/shared/openai" is also used by "beta" (staging). Shared credentials lose attribution and cannot be revoked for one agent alone. Issue one credential per agent.');
    assert.deepEqual(alpha.related?.map((related) => [related.file, related.range.start.line]), [['agents/b.agent.yaml', 18]]);
  });

  it('credentials/shared: the same agent in sandbox and production sharing a ref breaks isolation', () => {
    const index = indexWith(
      {
        'agents/a.sandbox.agent.yaml': manifest('alpha', { refs: ['secret/data/alpha'], environment: 'sandbox' }),
        'agents/a.prod.agent.yaml': manifest('alpha', { refs: ['secret/data/alpha'], environment: 'production' }),
      },
      [],
    );
    const messages = index.allFindings(config).map((finding) => finding.message);
    assert.equal(messages.length, 2);
    assert.ok(messages.every((message) => message.includes('A sandbox agent holding a production credential breaks environment isolation.')));
  });

  it('updates one file at a time and reaches the same result as a full rebuild', () => {
    const agent = codeAgent('src/a.ts', 'triage', ['search', 'refund']);
    const index = indexWith({}, [agent]);
    assert.deepEqual(crossFindings(index), ['src/a.ts ownership/unowned-agent 1:22-1:31']);
    const path = 'agents/a.agent.yaml';
    index.set(path, analyzeFile({ path, text: manifest('triage', { entrypoint: 'src/a.ts' }) }, config, { now: NOW }).facts);
    assert.deepEqual(index.findingsFor('src/a.ts', config).map(describe1), ['grants/undeclared-tool 3:19-3:25']);
    assert.deepEqual(crossFindings(index), crossFindings(indexWith({ [path]: manifest('triage', { entrypoint: 'src/a.ts' }) }, [agent])));
    assert.ok(index.dependents(path).includes('src/a.ts'));
    index.delete(path);
    assert.deepEqual(crossFindings(index), ['src/a.ts ownership/unowned-agent 1:22-1:31']);
  });

  it('keeps each file\'s inline suppressions for the final suppression step, which also covers cross-file findings', () => {
    const text = "// agent-guardrail-ignore-next-line ownership/unowned-agent -- prototype\nexport const agent = new Agent({ name: 'lonely' });\n";
    const suppressions = analyzeFile({ path: 'src/a.ts', text }, config).suppressions;
    const agent = codeAgent('src/a.ts', 'lonely', ['search']);
    const index = new WorkspaceIndex();
    index.set('src/a.ts', { manifests: [], agents: [{ ...agent, range: { start: { line: 1, column: 21 }, end: { line: 1, column: 30 } } }] }, suppressions);
    const findings = index.allFindings(config);
    assert.deepEqual(finalizeSuppressions('src/a.ts', findings, index.suppressionsOf('src/a.ts'), config), []);
    assert.deepEqual(findings.map((finding) => finding.suppression), [{ kind: 'inSource', justification: 'prototype' }]);
    const untrusted = index.allFindings({ ...config, trusted: false });
    finalizeSuppressions('src/a.ts', untrusted, index.suppressionsOf('src/a.ts'), { ...config, trusted: false });
    assert.deepEqual(untrusted.map((finding) => finding.suppression), [{ kind: 'inSource', justification: 'prototype' }], 'ownership/* suppressions still count in Restricted Mode');
  });

  it('respects rule severities from the configuration', () => {
    const index = indexWith({}, [codeAgent('src/a.ts', 'lonely', ['search'])]);
    assert.deepEqual(index.allFindings({ ...config, severities: { 'ownership/unowned-agent': 'off' } }), []);
    assert.deepEqual(index.allFindings({ ...config, severities: { 'ownership/*': 'error' } }).map((finding) => finding.severity), ['error']);
  });
});

describe('cross-file rule messages', () => {
  it("manifest/unknown-entrypoint and suppression notes use the rule ids users configure", () => {
    const index = new WorkspaceIndex();
    const path = 'agents/a.agent.yaml';
    index.set(path, analyzeFile({ path, text: 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: a\nspec:\n  entrypoint: src/gone.ts\n' }, defaultConfig()).facts);
    assert.deepEqual(index.allFindings(defaultConfig()).map((finding) => [finding.ruleId, finding.severity, finding.message]), [
      ['manifest/unknown-entrypoint', 'warning', 'spec.entrypoint "src/gone.ts" does not exist (looked next to the manifest and in the folders above it), so this manifest covers no code.'],
    ]);
    const text = '// agent-guardrail-ignore-next-line secrets/provider-key\nconst a = 1;\n// agent-guardrail-ignore-next-line grants/all-mcp-tools -- nothing here\nconst b = 2;\n';
    const analysis = analyzeFile({ path: 'src/x.ts', text }, defaultConfig());
    const notes = finalizeSuppressions('src/x.ts', analysis.findings, analysis.suppressions, defaultConfig());
    assert.deepEqual(notes.map((note) => `${describe1(note)} ${note.severity}`), ['suppression/missing-reason 1:4-1:57 note', 'suppression/unused 3:4-3:73 note']);
  });
});
