import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from '../helpers';

/**
 * The labelled secret-detection corpus (test/corpus, generated from test/eval/corpus-src by
 * test/eval/generate-corpus.mjs): the built CLI must find the true secrets and stay quiet on the hard negatives.
 * Scoring lives in test/eval/score.mjs, shared with the side-by-side report `node test/eval/evaluate.mjs`.
 */

interface Label {
  file: string;
  line: number;
  rule?: string;
  provider?: string;
  category?: string;
}

interface Evaluation {
  positives: number;
  negatives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  perProvider: { provider: string; positives: number; tp: number; fp: number; fn: number }[];
  falsePositives: string[];
  falseNegatives: string[];
}

const CORPUS = join(REPO_ROOT, 'test', 'corpus');
const EVAL = join(REPO_ROOT, 'test', 'eval');
const SECRET_RULES = ['secrets/provider-key', 'secrets/generic-secret', 'secrets/connection-string', 'secrets/private-key'];

function node(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(EVAL, script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', AGENT_GUARDRAIL_CLI: CLI },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('secret detection on the labelled corpus', () => {
  const labels = JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8')) as { positives: Label[]; negatives: Label[] };
  let evaluation: Evaluation;

  before(() => {
    const result = node('evaluate.mjs', ['--json']);
    assert.equal(result.status, 0, `evaluate.mjs failed: ${result.stderr}`);
    evaluation = JSON.parse(result.stdout) as Evaluation;
  });

  it('is checked in exactly as its templates generate it', () => {
    const result = node('generate-corpus.mjs', ['--check']);
    assert.equal(result.status, 0, result.stderr);
  });

  it('has at least 150 true secrets and 300 hard negatives, each on a real line of a real file', () => {
    assert.ok(labels.positives.length >= 150, `${labels.positives.length} positives`);
    assert.ok(labels.negatives.length >= 300, `${labels.negatives.length} negatives`);
    const lineCounts = new Map<string, number>();
    for (const label of [...labels.positives, ...labels.negatives]) {
      const path = join(CORPUS, label.file);
      assert.ok(existsSync(path), `${label.file} does not exist`);
      if (!lineCounts.has(label.file)) lineCounts.set(label.file, readFileSync(path, 'utf8').split('\n').length);
      assert.ok(label.line >= 1 && label.line <= lineCounts.get(label.file)!, `${label.file}:${label.line} is not a line of the file`);
    }
    for (const positive of labels.positives) assert.ok(SECRET_RULES.includes(positive.rule!), `${positive.file}:${positive.line} expects unknown rule ${positive.rule}`);
    const positiveLines = new Set(labels.positives.map((label) => `${label.file}:${label.line}`));
    for (const negative of labels.negatives) assert.ok(!positiveLines.has(`${negative.file}:${negative.line}`), `${negative.file}:${negative.line} is labelled both ways`);
  });

  it('covers every kind of file and many providers', () => {
    const files = new Set(labels.positives.map((label) => label.file));
    const has = (pattern: RegExp) => [...files].some((file) => pattern.test(file));
    for (const pattern of [/\.tsx?$/, /\.m?js$/, /\.cjs$/, /\.py$/, /\.ya?ml$/, /\.json$/, /(^|\/)\.env/, /\.md$/, /(^|\/)\.vscode\/mcp\.json$/, /(^|\/)\.mcp\.json$/, /(^|\/)\.cursor\/mcp\.json$/, /claude_desktop_config\.json$/, /\.agent\.ya?ml$/]) {
      assert.ok(has(pattern), `no true secret in a file matching ${pattern}`);
    }
    const providers = new Set(labels.positives.map((label) => label.provider));
    assert.ok(providers.size >= 30, `${providers.size} providers/kinds`);
  });

  it('reaches precision and recall of at least 0.98', () => {
    const report = [
      `precision ${evaluation.precision.toFixed(3)} (TP ${evaluation.tp}, FP ${evaluation.fp}), recall ${evaluation.recall.toFixed(3)} (FN ${evaluation.fn})`,
      ...evaluation.falsePositives.map((line) => `  FP ${line}`),
      ...evaluation.falseNegatives.map((line) => `  FN ${line}`),
    ].join('\n');
    assert.equal(evaluation.positives, labels.positives.length);
    assert.ok(evaluation.precision >= 0.98 && evaluation.recall >= 0.98, report);
  });

  it('finds every private key and connection-string password, and reports no look-alike provider token', () => {
    const missed = evaluation.falseNegatives.filter((line) => /secrets\/(private-key|connection-string)/.test(line));
    assert.deepEqual(missed, []);
    const lookAlikes = evaluation.falsePositives.filter((line) => /hard negative: (bad-checksum|example-key|test-key|placeholder)/.test(line));
    assert.deepEqual(lookAlikes, []);
  });
});
