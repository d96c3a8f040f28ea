import { strict as assert } from 'node:assert';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config';
import { WARM_UP_FILES, warmUp } from '../../src/core/warm-up';

/*
 * The language server analyses these samples while idle so that the first file the user opens is analysed warm.
 * They are only worth it while they reach the expensive parts: the TypeScript parse and agent walk (the text gates
 * must want the file), the JSON config reader and the manifest schema. These tests fail if a gate or a reader
 * change lets a sample through untouched.
 */
describe('warm-up samples', () => {
  const analyse = (path: string) => {
    const file = WARM_UP_FILES.find((candidate) => candidate.path === path);
    assert.ok(file, `${path} is a warm-up sample`);
    return analyzeFile(file, defaultConfig());
  };

  it('the agent code is parsed and walked: one agent with its tool and an MCP server', () => {
    const analysis = analyse('warm-up/agent.ts');
    assert.deepEqual(
      analysis.facts.agents.map((agent) => [agent.name, agent.tools.map((tool) => tool.name ?? tool.kind)]),
      [['Support', ['lookup_order', 'mcp-all']]],
    );
    assert.deepEqual(
      analysis.findings.map((finding) => [finding.ruleId, finding.range.start.line, finding.range.start.column]),
      [['grants/all-mcp-tools', 10, 14]],
    );
    assert.deepEqual(analysis.notes, []);
  });

  it('the MCP config is read without a finding or a note', () => {
    const analysis = analyse('warm-up/.mcp.json');
    assert.deepEqual([analysis.findings, analysis.notes], [[], []]);
  });

  it('the manifest passes the schema and yields its facts', () => {
    const analysis = analyse('warm-up/support.agent.yaml');
    assert.deepEqual([analysis.findings, analysis.notes], [[], []]);
    assert.deepEqual(
      analysis.facts.manifests.map((manifest) => [manifest.name, manifest.tools.map((tool) => tool.name)]),
      [['support', ['lookup_order']]],
    );
  });

  it('warmUp() analyses every sample, or the ones it is given, and returns nothing to show', () => {
    assert.equal(warmUp(), undefined);
    assert.equal(warmUp([WARM_UP_FILES[0]!]), undefined);
  });
});
