#!/usr/bin/env node
// Precision and recall of agent-guardrail and of secretlint (preset-recommend) on the labelled corpus,
// printed as Markdown. Build the CLI first:
//
//   node test/tools/build.mjs && node test/eval/evaluate.mjs [--no-secretlint] [--list-secretlint] [--json]
//
// --json prints our numbers and every false positive / false negative as JSON (no secretlint unless asked with
// --secretlint); test/integration/corpus.test.ts uses it. AGENT_GUARDRAIL_CLI overrides the CLI path.
//
// Our findings count as true positives only with the label's rule id; secretlint's with any rule (its rules do
// not map onto ours), on the labelled line. Every finding that is not a true positive is a false positive.
// Nothing here prints a secret: our findings are shown in their redacted form, secretlint's by location only.
import {
  describeFinding,
  describePositive,
  loadLabels,
  perNegativeCategory,
  perProvider,
  runAgentGuardrail,
  runSecretlint,
  score,
} from './score.mjs';

const args = new Set(process.argv.slice(2));
const labels = loadLabels();
const ours = runAgentGuardrail();
const oursScore = score(labels, ours.findings, { strictRule: true });

if (args.has('--json')) {
  const rows = [...perProvider(oursScore).values()].map((row) => ({ ...row, precision: row.tp + row.fp ? row.tp / (row.tp + row.fp) : 1, recall: row.tp + row.fn ? row.tp / (row.tp + row.fn) : 1 }));
  const result = {
    positives: labels.positives.length,
    negatives: labels.negatives.length,
    filesAnalyzed: ours.filesAnalyzed,
    tp: oursScore.tp,
    fp: oursScore.fp,
    fn: oursScore.fn,
    precision: oursScore.precision,
    recall: oursScore.recall,
    perProvider: rows,
    falsePositives: oursScore.falsePositives.map(({ finding, why }) => `${describeFinding(finding)}: ${why}`),
    falseNegatives: oursScore.falseNegatives.map(describePositive),
    notes: ours.notes,
  };
  if (args.has('--secretlint')) {
    const theirsOnly = score(labels, runSecretlint().findings, { strictRule: false });
    result.secretlint = { tp: theirsOnly.tp, fp: theirsOnly.fp, fn: theirsOnly.fn, precision: theirsOnly.precision, recall: theirsOnly.recall };
  }
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.exit(0);
}

const withSecretlint = !args.has('--no-secretlint');
const theirs = withSecretlint ? runSecretlint() : undefined;
const theirsScore = theirs ? score(labels, theirs.findings, { strictRule: false }) : undefined;

const pct = (value) => value.toFixed(3);
const ratio = (num, den) => (den ? pct(num / den) : '–');
const files = new Set([...labels.positives, ...labels.negatives].map((label) => label.file));

const out = [];
out.push('## Secret detection on the labelled corpus', '');
out.push(`Corpus: ${labels.positives.length} true secrets, ${labels.negatives.length} labelled hard negatives, ${ours.filesAnalyzed} files analysed (${files.size} with labels).`, '');
out.push('| tool | TP | FP | FN | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |');
out.push(`| agent-guardrail | ${oursScore.tp} | ${oursScore.fp} | ${oursScore.fn} | ${pct(oursScore.precision)} | ${pct(oursScore.recall)} |`);
if (theirsScore) out.push(`| secretlint (preset-recommend) | ${theirsScore.tp} | ${theirsScore.fp} | ${theirsScore.fn} | ${pct(theirsScore.precision)} | ${pct(theirsScore.recall)} |`);
out.push('');

out.push('### Per provider / kind', '');
out.push(
  theirsScore
    ? '| provider | secrets | ours TP | ours FP | ours FN | ours precision | ours recall | secretlint TP | secretlint FP | secretlint FN | secretlint precision | secretlint recall |'
    : '| provider | secrets | TP | FP | FN | precision | recall |',
);
out.push(theirsScore ? '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const oursRows = perProvider(oursScore);
const theirsRows = theirsScore ? perProvider(theirsScore) : new Map();
const providers = [...new Set([...oursRows.keys(), ...theirsRows.keys()])].sort((a, b) => {
  const count = (p) => (oursRows.get(p)?.positives ?? theirsRows.get(p)?.positives ?? 0);
  return count(b) - count(a) || a.localeCompare(b);
});
const empty = { positives: 0, tp: 0, fp: 0, fn: 0 };
for (const provider of providers) {
  const o = oursRows.get(provider) ?? empty;
  const t = theirsRows.get(provider) ?? empty;
  const positives = Math.max(o.positives, t.positives);
  const cells = [provider, positives, o.tp, o.fp, o.fn, ratio(o.tp, o.tp + o.fp), ratio(o.tp, o.tp + o.fn)];
  if (theirsScore) cells.push(t.tp, t.fp, t.fn, ratio(t.tp, t.tp + t.fp), ratio(t.tp, t.tp + t.fn));
  out.push(`| ${cells.join(' | ')} |`);
}
out.push('');

out.push('### Generic (context-bound) secrets by kind', '');
out.push('| kind | secrets | ours found | secretlint found |', '| --- | ---: | ---: | ---: |');
const kinds = new Map();
for (const positive of labels.positives.filter((p) => p.provider === 'generic')) {
  if (!kinds.has(positive.kind)) kinds.set(positive.kind, { total: 0, ours: 0, theirs: 0 });
  kinds.get(positive.kind).total++;
}
for (const { positive } of oursScore.truePositives) if (positive.provider === 'generic') kinds.get(positive.kind).ours++;
for (const { positive } of theirsScore?.truePositives ?? []) if (positive.provider === 'generic') kinds.get(positive.kind).theirs++;
for (const [kind, counts] of [...kinds].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) {
  out.push(`| ${kind} | ${counts.total} | ${counts.ours} | ${theirsScore ? counts.theirs : '–'} |`);
}
out.push('');

out.push('### False positives per hard-negative category', '');
out.push('| category | labelled lines | ours FP | secretlint FP |', '| --- | ---: | ---: | ---: |');
const oursCategories = perNegativeCategory(labels, oursScore);
const theirsCategories = theirsScore ? perNegativeCategory(labels, theirsScore) : new Map();
for (const category of [...new Set([...oursCategories.keys(), ...theirsCategories.keys()])].sort()) {
  const o = oursCategories.get(category) ?? { lines: 0, fp: 0 };
  const t = theirsCategories.get(category) ?? { lines: 0, fp: 0 };
  out.push(`| ${category} | ${Math.max(o.lines, t.lines)} | ${o.fp} | ${theirsScore ? t.fp : '–'} |`);
}
out.push('');

if (oursScore.falsePositives.length || oursScore.falseNegatives.length) {
  out.push('### agent-guardrail errors', '');
  for (const { finding, why } of oursScore.falsePositives) out.push(`- FP ${describeFinding(finding)}: ${why}`);
  for (const positive of oursScore.falseNegatives) out.push(`- FN ${describePositive(positive)}`);
  out.push('');
}
if (theirsScore && args.has('--list-secretlint')) {
  out.push('### secretlint errors', '');
  for (const { finding, why } of theirsScore.falsePositives) out.push(`- FP ${finding.file}:${finding.line} ${finding.rule}: ${why}`);
  for (const positive of theirsScore.falseNegatives) out.push(`- FN ${describePositive(positive)}`);
  out.push('');
}

process.stdout.write(out.join('\n'));
