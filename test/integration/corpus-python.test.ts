import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from '../helpers';

/**
 * The Python part of the labelled corpus (test/eval/evaluate-python.mjs): secrets in Python contexts and notebooks,
 * agents and tools of every supported framework as the inventory lists them, and the code rules' findings.
 */

interface Ratio {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

interface PythonEvaluation {
  positives: number;
  negatives: number;
  secrets: Ratio & { perContext: { context: string; positives: number; tp: number }[]; falsePositives: string[]; falseNegatives: string[] };
  secretlint: Ratio;
  agents: { framework: string; agents: Ratio; tools: Ratio; problems: string[] }[];
  codeRules: (Ratio & { rule: string; problems: string[] })[];
}

describe('Python corpus', function () {
  this.timeout(300_000);
  let evaluation: PythonEvaluation;

  before(() => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'test', 'eval', 'evaluate-python.mjs'), '--json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', AGENT_GUARDRAIL_CLI: CLI },
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(result.status, 0, result.stderr);
    evaluation = JSON.parse(result.stdout) as PythonEvaluation;
  });

  it('has at least 100 true secrets in Python contexts and 200 hard negatives', () => {
    assert.ok(evaluation.positives >= 100, `${evaluation.positives} positives`);
    assert.ok(evaluation.negatives >= 200, `${evaluation.negatives} negatives`);
    const contexts = evaluation.secrets.perContext.map((row) => row.context);
    for (const context of ['literal', 'implicit-concat', 'plus-concat', 'fstring', 'env-fallback', 'default-param', 'class-attr', 'dict', 'kwarg', 'positional-client', 'notebook-cell', 'notebook-output']) {
      assert.ok(contexts.includes(context), `no secret in context ${context}`);
    }
  });

  it('finds the secrets with precision and recall of at least 0.98', () => {
    assert.ok(evaluation.secrets.precision >= 0.98, `precision ${evaluation.secrets.precision}: ${evaluation.secrets.falsePositives.join('; ')}`);
    assert.ok(evaluation.secrets.recall >= 0.98, `recall ${evaluation.secrets.recall}: ${evaluation.secrets.falseNegatives.join('; ')}`);
    assert.ok(evaluation.secretlint.tp + evaluation.secretlint.fn === evaluation.positives, 'secretlint is scored on the same secrets');
  });

  it('lists the agents and tools of every framework exactly', () => {
    const frameworks = evaluation.agents.map((row) => row.framework).sort();
    assert.deepEqual(frameworks, ['autogen', 'crewai', 'google-adk', 'langchain', 'langgraph', 'llamaindex', 'openai-agents', 'pydantic-ai', 'smolagents']);
    for (const row of evaluation.agents) {
      assert.deepEqual([row.agents.precision, row.agents.recall, row.tools.precision, row.tools.recall], [1, 1, 1, 1], `${row.framework}: ${row.problems.join('; ')}`);
    }
  });

  it('reports the code rules exactly where expected', () => {
    for (const row of evaluation.codeRules) {
      assert.ok(row.tp > 0, `${row.rule} has no expected finding in the corpus`);
      assert.deepEqual([row.precision, row.recall], [1, 1], `${row.rule}: ${row.problems.join('; ')}`);
    }
  });
});
