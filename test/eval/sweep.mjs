#!/usr/bin/env node
// False-positive sweep: audit every file under a directory of real text that holds no live credential (e.g. a
// copy of node_modules) with an empty configuration, and print the number of findings per rule. Discovery skips
// node_modules and build output when it walks a directory, so the files are listed here and passed explicitly,
// in batches (the product still skips binary, minified, lock and oversized files, as it does everywhere).
//
//   node test/eval/sweep.mjs DIR [--json FILE] [--compare FILE] [--list RULE-PREFIX]
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './score.mjs';

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const root = resolve(process.argv[2] ?? '.');
const cli = process.env.AGENT_GUARDRAIL_CLI ?? join(REPO_ROOT, 'dist', 'cli.js');
const emptyConfig = join(mkdtempSync(join(tmpdir(), 'agent-guardrail-sweep-')), 'empty.yaml');
writeFileSync(emptyConfig, '{}\n');

function listFiles(directory, files = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) listFiles(path, files);
    else if (entry.isFile() && lstatSync(path).size > 0) files.push(relative(root, path));
  }
  return files;
}

const files = listFiles(root).sort();
const findings = [];
let analyzed = 0;
const BATCH = 2000;
for (let start = 0; start < files.length; start += BATCH) {
  const result = spawnSync(process.execPath, [cli, 'audit', '--format', 'json', '--config', emptyConfig, '--', ...files.slice(start, start + BATCH)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`exit ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const report = JSON.parse(result.stdout);
  analyzed += report.summary.filesAnalyzed;
  for (const { ruleId, severity, file, line, column, redacted, provider, message } of report.findings) {
    findings.push({ ruleId, severity, file, line, column, redacted, provider, message });
  }
}

const counts = {};
for (const finding of findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
const before = option('--compare') ? JSON.parse(readFileSync(option('--compare'), 'utf8')) : undefined;
console.log(`${files.length} files listed, ${analyzed} analysed${before ? ` (before: ${before.analyzed})` : ''}`);
for (const rule of [...new Set([...Object.keys(counts), ...Object.keys(before?.counts ?? {})])].sort()) {
  console.log(`${rule}\t${before ? `${before.counts[rule] ?? 0} → ` : ''}${counts[rule] ?? 0}`);
}
const listed = option('--list');
if (listed !== undefined) {
  for (const finding of findings.filter((item) => item.ruleId.startsWith(listed))) {
    console.log(`${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.provider ?? ''} ${finding.redacted ?? finding.message.slice(0, 100)}`);
  }
}
if (option('--json')) writeFileSync(option('--json'), `${JSON.stringify({ analyzed, counts, findings }, null, 2)}\n`);
