// Scoring shared by test/eval/evaluate.mjs and test/integration/corpus.test.ts: match findings to the corpus
// labels and compute precision and recall, overall and per provider/kind.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');
export const CORPUS_ROOT = join(REPO_ROOT, 'test', 'corpus');

export function loadLabels(corpusRoot = CORPUS_ROOT) {
  return JSON.parse(readFileSync(join(corpusRoot, 'labels.json'), 'utf8'));
}

/**
 * Findings of the built CLI on the corpus, as { file, line, rule, provider }. The corpus directory is the
 * working directory and an empty configuration is given explicitly, so the repository's own configuration (which
 * ignores the corpus) does not apply: the corpus is scored with the default settings.
 */
export function runAgentGuardrail(corpusRoot = CORPUS_ROOT, cli = process.env.AGENT_GUARDRAIL_CLI || join(REPO_ROOT, 'dist', 'cli.js')) {
  const emptyConfig = join(mkdtempSync(join(tmpdir(), 'agent-guardrail-eval-')), '.agent-guardrail.yaml');
  writeFileSync(emptyConfig, '{}\n');
  const result = spawnSync(process.execPath, [cli, 'audit', '.', '--format', 'json', '--config', emptyConfig], {
    cwd: corpusRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`agent-guardrail exited with ${result.status}: ${result.stderr}`);
  }
  const report = JSON.parse(result.stdout);
  // Paths in the report are relative to the audited root (the repository's top): the labels are relative to the corpus.
  const inCorpus = (file) => relative(realpathSync(corpusRoot), join(report.root, file)).split(sep).join('/');
  return {
    findings: report.findings
      .filter((finding) => finding.ruleId.startsWith('secrets/') && !finding.suppression)
      .map((finding) => ({ file: inCorpus(finding.file), line: finding.line, rule: finding.ruleId, provider: finding.provider ?? 'unknown', redacted: finding.redacted })),
    notes: report.notes.map((note) => ({ ...note, file: inCorpus(note.file) })),
    filesAnalyzed: report.summary.filesAnalyzed,
  };
}

/** secretlint rule (and message id) → the provider row of our table its findings belong to. */
export function secretlintProvider(ruleId, messageId = '') {
  const rule = ruleId.replace('@secretlint/secretlint-rule-', '');
  switch (rule) {
    case 'aws':
      return messageId.includes('SECRET') ? 'aws-secret-access-key' : messageId.includes('ACCOUNT') ? 'aws-account-id' : 'aws-access-key-id';
    case 'github':
      return 'github';
    case 'slack':
      return messageId.includes('WEBHOOK') ? 'slack-webhook' : 'slack';
    case 'privatekey':
      return 'private-key';
    case 'database-connection-string':
    case 'basicauth':
      return 'connection-string';
    case 'hashicorp-vault':
      return 'vault';
    case '1password':
      return '1password-service-account';
    case 'gcp':
      return 'private-key';
    default:
      return rule;
  }
}

/**
 * Run secretlint (preset-recommend) on the corpus with a temporary config; findings as { file, line, rule,
 * provider }. Its JSON output carries each file's content, so nothing of it is printed.
 */
export function runSecretlint(corpusRoot = CORPUS_ROOT) {
  const bin = join(REPO_ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const configDir = mkdtempSync(join(tmpdir(), 'secretlint-eval-'));
  const config = join(configDir, '.secretlintrc.json');
  writeFileSync(config, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  try {
    const result = spawnSync(process.execPath, [bin, '**/*', '--secretlintrc', config, '--format', 'json', '--no-color'], {
      cwd: corpusRoot,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    if (result.status !== 0 && result.status !== 1) throw new Error(`secretlint exited with ${result.status}: ${result.stderr}`);
    const files = JSON.parse(result.stdout);
    const findings = [];
    for (const file of files) {
      const path = relative(corpusRoot, file.filePath).split(sep).join('/');
      for (const message of file.messages) {
        if (message.type && message.type !== 'message') continue;
        findings.push({ file: path, line: message.loc.start.line, rule: message.ruleId, provider: secretlintProvider(message.ruleId, message.messageId) });
      }
    }
    return { findings, filesAnalyzed: files.length };
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

/** The labels file describes the corpus; it is not part of it. */
export const LABELS_FILE = 'labels.json';

/**
 * Does a finding's rule satisfy a positive's expected rule? Exactly, with one allowance: a secret labelled
 * context-bound (`secrets/generic-secret`, e.g. a webhook secret or an ElevenLabs key) may be reported as a
 * provider key once the provider catalog knows its format: that is a more specific report of the same secret.
 */
export function ruleSatisfies(expected, reported) {
  return expected === reported || (expected === 'secrets/generic-secret' && reported === 'secrets/provider-key');
}

/**
 * Match findings to labels. `strictRule`: a finding is a true positive only with the label's rule id (our tool);
 * otherwise any finding on a positive line counts (secretlint's rules do not map onto ours one to one).
 * Each positive is matched at most once; every other finding is a false positive.
 */
export function score(labels, allFindings, { strictRule = true } = {}) {
  const findings = allFindings.filter((finding) => finding.file !== LABELS_FILE);
  const positivesByLine = new Map();
  for (const positive of labels.positives) {
    const key = `${positive.file}:${positive.line}`;
    if (!positivesByLine.has(key)) positivesByLine.set(key, []);
    positivesByLine.get(key).push({ ...positive, matched: false });
  }
  const negativesByLine = new Map(labels.negatives.map((negative) => [`${negative.file}:${negative.line}`, negative]));
  const truePositives = [];
  const falsePositives = [];
  for (const finding of findings) {
    const candidates = positivesByLine.get(`${finding.file}:${finding.line}`) ?? [];
    const open = candidates.filter((p) => !p.matched && (!strictRule || ruleSatisfies(p.rule, finding.rule)));
    const positive = open.find((p) => p.rule === finding.rule && p.provider === finding.provider) ?? open.find((p) => p.rule === finding.rule) ?? open[0];
    if (positive) {
      positive.matched = true;
      truePositives.push({ finding, positive });
    } else {
      const negative = negativesByLine.get(`${finding.file}:${finding.line}`);
      const expected = candidates.length ? ` (line expects ${candidates.map((p) => p.rule).join(', ')})` : '';
      falsePositives.push({ finding, negative, why: negative ? `hard negative: ${negative.category}${negative.what ? ` (${negative.what})` : ''}` : `unlabelled line${expected}` });
    }
  }
  const falseNegatives = [...positivesByLine.values()].flat().filter((p) => !p.matched);
  const tp = truePositives.length;
  const fp = falsePositives.length;
  const fn = falseNegatives.length;
  return {
    tp,
    fp,
    fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    truePositives,
    falsePositives,
    falseNegatives,
  };
}

/** Per provider row: TP and FN from the labels' provider, FP from the reporting tool's provider. */
export function perProvider(result) {
  const rows = new Map();
  const row = (provider) => {
    if (!rows.has(provider)) rows.set(provider, { provider, positives: 0, tp: 0, fp: 0, fn: 0 });
    return rows.get(provider);
  };
  for (const { positive } of result.truePositives) {
    row(positive.provider).tp++;
    row(positive.provider).positives++;
  }
  for (const positive of result.falseNegatives) {
    row(positive.provider).fn++;
    row(positive.provider).positives++;
  }
  for (const { finding } of result.falsePositives) row(finding.provider).fp++;
  return rows;
}

/** False positives per hard-negative category (findings on unlabelled lines count as `unlabelled`). */
export function perNegativeCategory(labels, result) {
  const counts = new Map();
  for (const negative of labels.negatives) {
    if (!counts.has(negative.category)) counts.set(negative.category, { category: negative.category, lines: 0, fp: 0 });
    counts.get(negative.category).lines++;
  }
  for (const { negative } of result.falsePositives) {
    const category = negative ? negative.category : 'unlabelled line';
    if (!counts.has(category)) counts.set(category, { category, lines: 0, fp: 0 });
    counts.get(category).fp++;
  }
  return counts;
}

export function describeFinding(finding) {
  return `${finding.file}:${finding.line} ${finding.rule} [${finding.provider}]${finding.redacted ? ` ${finding.redacted}` : ''}`;
}

export function describePositive(positive) {
  return `${positive.file}:${positive.line} ${positive.rule} [${positive.provider}${positive.kind && positive.kind !== positive.provider ? `/${positive.kind}` : ''}]${positive.note ? ` (${positive.note})` : ''}`;
}
