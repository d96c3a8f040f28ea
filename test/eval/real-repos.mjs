#!/usr/bin/env node
// Audit real repositories with the built CLI and an explicit empty configuration (so a repository's own
// .agent-guardrail.yaml does not apply) and print the number of findings per rule per repository.
//
//   node test/eval/real-repos.mjs [--root DIR] [--repos a,b] [--list] [--json FILE] [--compare FILE]
//
// --root     directory holding the extracted repositories (default $REAL_REPOS or /work/repos)
// --repos    comma-separated repository directory names (default: the ten TypeScript agent projects below)
// --list     also print every error and warning (file:line:col rule redacted-value/message)
// --json     write { repo: { rule: count }, … } and the findings to FILE, for a later --compare
// --compare  print the counts of an earlier --json run beside the current ones (before → after)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './score.mjs';

const DEFAULT_REPOS = [
  'openai__openai-agents-js',
  'modelcontextprotocol__servers',
  'modelcontextprotocol__typescript-sdk',
  'langchain-ai__langchainjs',
  'vercel__ai',
  'cline__cline',
  'continuedev__continue',
  'VoltAgent__voltagent',
  'langchain-ai__langgraphjs',
  'modelcontextprotocol__inspector',
];

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const root = resolve(option('--root', process.env.REAL_REPOS ?? '/work/repos'));
const repos = option('--repos', DEFAULT_REPOS.join(',')).split(',').filter(Boolean);
const cli = process.env.AGENT_GUARDRAIL_CLI ?? join(REPO_ROOT, 'dist', 'cli.js');
const emptyConfig = join(mkdtempSync(join(tmpdir(), 'agent-guardrail-real-')), 'empty.yaml');
writeFileSync(emptyConfig, '{}\n');

function audit(repo) {
  const result = spawnSync(process.execPath, [cli, 'audit', '.', '--format', 'json', '--config', emptyConfig], {
    cwd: join(root, repo),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${repo}: exit ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout);
  return { files: report.summary.filesAnalyzed, findings: report.findings.filter((finding) => !finding.suppression) };
}

const results = {};
for (const repo of repos) {
  const { files, findings } = audit(repo);
  const counts = {};
  for (const finding of findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  results[repo] = { files, counts, findings: findings.map(({ ruleId, severity, file, line, column, redacted, provider, message }) => ({ ruleId, severity, file, line, column, redacted, provider, message })) };
}

const before = process.argv.includes('--compare') ? JSON.parse(readFileSync(option('--compare'), 'utf8')) : undefined;
const severityOf = {};
for (const { findings } of [...Object.values(before ?? {}), ...Object.values(results)]) for (const finding of findings) severityOf[finding.ruleId] = finding.severity;
const rules = [...new Set([...Object.values(results), ...Object.values(before ?? {})].flatMap(({ counts }) => Object.keys(counts)))].sort();
const short = (repo) => repo.replace(/^[^_]+__/, '');
const cell = (repo, rule) => {
  const now = results[repo]?.counts[rule] ?? 0;
  return before ? `${before[repo]?.counts[rule] ?? 0} → ${now}` : String(now);
};
const total = (source, repo) => Object.values(source[repo]?.counts ?? {}).reduce((sum, count) => sum + count, 0);

console.log(`| rule | ${repos.map(short).join(' | ')} |`);
console.log(`| --- |${repos.map(() => ' ---: |').join('')}`);
for (const rule of rules) console.log(`| ${rule}${severityOf[rule] ? ` (${severityOf[rule]})` : ''} | ${repos.map((repo) => cell(repo, rule)).join(' | ')} |`);
console.log(`| **all** | ${repos.map((repo) => (before ? `${total(before, repo)} → ${total(results, repo)}` : String(total(results, repo)))).join(' | ')} |`);
console.log(`| files | ${repos.map((repo) => results[repo].files).join(' | ')} |`);

if (process.argv.includes('--list')) {
  for (const repo of repos) {
    const shown = results[repo].findings.filter((finding) => finding.severity !== 'note');
    if (shown.length === 0) continue;
    console.log(`\n## ${repo}`);
    for (const finding of shown) {
      const detail = finding.redacted ? `${finding.provider ?? ''} ${finding.redacted}` : finding.message.slice(0, 120);
      console.log(`${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${detail}`);
    }
  }
}

if (option('--json')) writeFileSync(option('--json'), `${JSON.stringify(results, null, 2)}\n`);
