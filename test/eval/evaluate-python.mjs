#!/usr/bin/env node
// The Python part of the labelled corpus (test/corpus/**/*.py and *.ipynb), scored on its own:
//   - secrets: precision and recall of agent-guardrail and of secretlint (preset-recommend), overall, per syntactic
//     context (the `[tag]` that starts a label's note: literal, kwarg, env-fallback, notebook-output …) and per
//     hard-negative category;
//   - agents and tools: every `# expect agent: <framework> "<name>"|- tools: a, b, ?, *` comment in the corpus
//     names the agent defined on the next code line, as the inventory must list it (`?`: tools not resolvable
//     statically, `*`: every tool of an MCP server); precision and recall per framework, for agents and for tool
//     names;
//   - code rules: every `# expect finding: <rule>` comment names a finding on the next code line; every other
//     finding of those rules in a Python file is a false positive.
// Usage: node test/tools/build.mjs && node test/eval/evaluate-python.mjs [--json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CORPUS_ROOT, describeFinding, describePositive, loadLabels, perNegativeCategory, REPO_ROOT, runAgentGuardrail, runSecretlint, score } from './score.mjs';

const CODE_RULES = ['grants/unrestricted-shell', 'grants/all-mcp-tools', 'grants/env-passthrough', 'grants/undeclared-tool', 'grants/unapproved-high-risk-tool', 'grants/unenforced-decision'];
const isPython = (file) => /\.(?:py|ipynb)$/.test(file);
const cli = process.env.AGENT_GUARDRAIL_CLI || join(REPO_ROOT, 'dist', 'cli.js');

function runCli(args) {
  const emptyConfig = join(mkdtempSync(join(tmpdir(), 'agent-guardrail-eval-')), '.agent-guardrail.yaml');
  writeFileSync(emptyConfig, '{}\n');
  // The corpus is audited as a root of its own (git stops above it): paths in findings and the inventory are then
  // relative to the corpus, as the labels are, not to the repository's top.
  const env = { ...process.env, GIT_CEILING_DIRECTORIES: dirname(realpathSync(CORPUS_ROOT)) };
  const result = spawnSync(process.execPath, [cli, ...args, '--config', emptyConfig], { cwd: CORPUS_ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`agent-guardrail ${args[0]} exited with ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const ratio = (tp, fp, fn) => ({ tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 });

// ---------------------------------------------------------------------------------------------------- secrets

function pythonLabels() {
  const labels = loadLabels();
  return { positives: labels.positives.filter((label) => isPython(label.file)), negatives: labels.negatives.filter((label) => isPython(label.file)) };
}

const contextOf = (positive) => /^\[([a-z-]+)\]/.exec(positive.note ?? '')?.[1] ?? (positive.file.endsWith('.ipynb') ? 'notebook-cell' : 'other');

function perContext(result) {
  const rows = new Map();
  const row = (context) => {
    if (!rows.has(context)) rows.set(context, { context, positives: 0, tp: 0, fn: 0 });
    return rows.get(context);
  };
  for (const { positive } of result.truePositives) {
    row(contextOf(positive)).tp++;
    row(contextOf(positive)).positives++;
  }
  for (const positive of result.falseNegatives) {
    row(contextOf(positive)).fn++;
    row(contextOf(positive)).positives++;
  }
  return [...rows.values()].sort((a, b) => b.positives - a.positives || a.context.localeCompare(b.context));
}

// ---------------------------------------------------------------------------------------------------- expectations

/** Every Python file and notebook of the corpus, relative, with forward slashes. */
function pythonFiles(directory, prefix = '') {
  const out = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...pythonFiles(join(directory, entry.name), `${prefix}${entry.name}/`));
    else if (isPython(entry.name)) out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}

/** `# expect …` comments of the Python corpus files, each bound to the next line that is not a comment. */
function expectations(files) {
  const agents = [];
  const findings = [];
  for (const file of files) {
    const lines = readFileSync(join(CORPUS_ROOT, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      const match = /# expect (agent|finding): (.*?)(?:\\n",?)?\s*$/.exec(line);
      if (!match) return;
      let target = index + 1;
      while (target < lines.length && /^\s*"?\s*#/.test(lines[target])) target++;
      if (match[1] === 'finding') {
        findings.push({ file, line: target + 1, rule: match[2].trim() });
        return;
      }
      const agent = /^([a-z-]+) (?:"([^"]+)"|\\"([^"\\]+)\\"|-) tools:\s*(.*)$/.exec(match[2].trim());
      if (!agent) throw new Error(`${file}:${index + 1}: bad expectation "${match[2]}"`);
      const tools = agent[4].split(',').map((tool) => tool.trim()).filter(Boolean);
      agents.push({
        file,
        line: target + 1,
        framework: agent[1],
        name: agent[2] ?? agent[3] ?? `${file.slice(file.lastIndexOf('/') + 1)}:${target + 1}`,
        tools: tools.filter((tool) => tool !== '?' && tool !== '*'),
        mcpAll: tools.includes('*'),
        unresolved: tools.includes('?') || tools.includes('*'),
      });
    });
  }
  return { agents, findings };
}

function scoreAgents(expected, inventory) {
  const found = [];
  for (const agent of inventory.agents) {
    for (const place of agent.code ?? []) {
      if (!isPython(place.file)) continue;
      found.push({
        file: place.file,
        line: place.line,
        framework: place.framework,
        name: agent.name,
        tools: agent.tools.filter((tool) => tool.usedInCode).map((tool) => tool.name),
        mcpAll: agent.unresolvedTools.some((note) => note.startsWith('all tools of an MCP server')),
        unresolved: agent.unresolvedTools.length > 0,
      });
    }
  }
  const frameworks = new Map();
  const row = (framework) => {
    if (!frameworks.has(framework)) frameworks.set(framework, { framework, agents: [0, 0, 0], tools: [0, 0, 0], problems: [] });
    return frameworks.get(framework);
  };
  const matched = new Set();
  for (const want of expected) {
    const r = row(want.framework);
    const got = found.find((agent) => !matched.has(agent) && agent.file === want.file && agent.line === want.line);
    if (!got || got.framework !== want.framework || got.name !== want.name) {
      r.agents[2]++;
      r.tools[2] += want.tools.length;
      r.problems.push(`${want.file}:${want.line}: expected ${want.framework} agent "${want.name}"${got ? `, found ${got.framework} "${got.name}"` : ''}`);
      continue;
    }
    matched.add(got);
    r.agents[0]++;
    const remaining = [...got.tools];
    for (const tool of want.tools) {
      const at = remaining.indexOf(tool);
      if (at >= 0) {
        remaining.splice(at, 1);
        r.tools[0]++;
      } else {
        r.tools[2]++;
        r.problems.push(`${want.file}:${want.line}: tool "${tool}" missing`);
      }
    }
    for (const tool of remaining) {
      r.tools[1]++;
      r.problems.push(`${want.file}:${want.line}: unexpected tool "${tool}"`);
    }
    if (got.mcpAll !== want.mcpAll || got.unresolved !== want.unresolved) r.problems.push(`${want.file}:${want.line}: MCP/unresolved tools ${JSON.stringify({ mcpAll: got.mcpAll, unresolved: got.unresolved })}`);
  }
  for (const agent of found) {
    if (matched.has(agent)) continue;
    row(agent.framework).agents[1]++;
    row(agent.framework).problems.push(`${agent.file}:${agent.line}: unexpected ${agent.framework} agent "${agent.name}"`);
  }
  return [...frameworks.values()].map(({ framework, agents, tools, problems }) => ({ framework, agents: ratio(...agents), tools: ratio(...tools), problems }));
}

function scoreFindings(expected, report) {
  const found = report.findings.filter((finding) => isPython(finding.file) && CODE_RULES.includes(finding.ruleId) && !finding.suppression);
  const rows = new Map(CODE_RULES.map((rule) => [rule, { rule, tp: 0, fp: 0, fn: 0, problems: [] }]));
  const open = [...found];
  for (const want of expected) {
    const r = rows.get(want.rule);
    if (!r) throw new Error(`${want.file}:${want.line}: unknown rule ${want.rule}`);
    const at = open.findIndex((finding) => finding.ruleId === want.rule && finding.file === want.file && finding.line === want.line);
    if (at >= 0) {
      open.splice(at, 1);
      r.tp++;
    } else {
      r.fn++;
      r.problems.push(`${want.file}:${want.line}: ${want.rule} not reported`);
    }
  }
  for (const finding of open) {
    const r = rows.get(finding.ruleId);
    r.fp++;
    r.problems.push(`${finding.file}:${finding.line}:${finding.column}: unexpected ${finding.ruleId}`);
  }
  return [...rows.values()].map(({ rule, tp, fp, fn, problems }) => ({ rule, ...ratio(tp, fp, fn), problems }));
}

// ---------------------------------------------------------------------------------------------------- report

export function evaluatePython() {
  const labels = pythonLabels();
  const files = [...new Set([...labels.positives, ...labels.negatives].map((label) => label.file))];
  const ours = runAgentGuardrail();
  const theirs = runSecretlint();
  const only = (findings) => findings.filter((finding) => isPython(finding.file));
  const secrets = score(labels, only(ours.findings));
  const secretlint = score(labels, only(theirs.findings), { strictRule: false });
  const { agents, findings } = expectations(pythonFiles(CORPUS_ROOT));
  const report = runCli(['audit', '.', '--format', 'json']);
  const inventory = runCli(['inventory', '.', '--format', 'json']);
  return {
    files: files.length,
    positives: labels.positives.length,
    negatives: labels.negatives.length,
    secrets: { ...ratio(secrets.tp, secrets.fp, secrets.fn), perContext: perContext(secrets), falsePositives: secrets.falsePositives.map((fp) => `${describeFinding(fp.finding)}: ${fp.why}`), falseNegatives: secrets.falseNegatives.map(describePositive) },
    secretlint: { ...ratio(secretlint.tp, secretlint.fp, secretlint.fn), perContext: perContext(secretlint) },
    negativeCategories: [...perNegativeCategory(labels, secrets).values()].map((row) => ({ ...row, secretlintFp: secretlint.falsePositives.filter(({ negative }) => (negative ? negative.category : 'unlabelled line') === row.category).length })),
    agents: scoreAgents(agents, inventory),
    codeRules: scoreFindings(findings, report),
  };
}

const pct = (value) => `${(100 * value).toFixed(1)}%`;

function markdown(result) {
  const out = [];
  out.push(`# Python corpus: ${result.files} files, ${result.positives} true secrets, ${result.negatives} hard negatives`, '');
  out.push('## Secrets', '', '| tool | TP | FP | FN | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, r] of [['agent-guardrail', result.secrets], ['secretlint (preset-recommend)', result.secretlint]]) out.push(`| ${name} | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(r.precision)} | ${pct(r.recall)} |`);
  out.push('', '### Recall per context', '', '| context | secrets | agent-guardrail | secretlint |', '| --- | ---: | ---: | ---: |');
  const theirs = new Map(result.secretlint.perContext.map((row) => [row.context, row]));
  for (const row of result.secrets.perContext) {
    const other = theirs.get(row.context) ?? { tp: 0, positives: row.positives };
    out.push(`| ${row.context} | ${row.positives} | ${row.tp}/${row.positives} | ${other.tp}/${row.positives} |`);
  }
  out.push('', '### False positives per hard-negative category', '', '| category | lines | agent-guardrail FP | secretlint FP |', '| --- | ---: | ---: | ---: |');
  for (const row of result.negativeCategories) out.push(`| ${row.category} | ${row.lines} | ${row.fp} | ${row.secretlintFp} |`);
  out.push('', '## Agents and tools per framework', '', '| framework | agents P | agents R | tools P | tools R |', '| --- | ---: | ---: | ---: | ---: |');
  for (const row of result.agents) out.push(`| ${row.framework} | ${pct(row.agents.precision)} (${row.agents.tp}/${row.agents.tp + row.agents.fp}) | ${pct(row.agents.recall)} | ${pct(row.tools.precision)} (${row.tools.tp}/${row.tools.tp + row.tools.fp}) | ${pct(row.tools.recall)} |`);
  out.push('', '## Code rules', '', '| rule | TP | FP | FN | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of result.codeRules) out.push(`| ${row.rule} | ${row.tp} | ${row.fp} | ${row.fn} | ${pct(row.precision)} | ${pct(row.recall)} |`);
  const problems = [
    ...result.secrets.falsePositives.map((text) => `FP ${text}`),
    ...result.secrets.falseNegatives.map((text) => `FN ${text}`),
    ...result.agents.flatMap((row) => row.problems),
    ...result.codeRules.flatMap((row) => row.problems),
  ];
  if (problems.length) out.push('', '## Problems', '', ...problems.map((text) => `- ${text}`));
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = evaluatePython();
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(result, null, 2)}\n` : `${markdown(result)}\n`);
}
