/**
 * Fix safety over every fixture (test/corpus/** and examples/**): every fix offered for every finding is applied,
 * and then
 * - its edits lie inside the file, do not overlap, and the text outside them is byte-identical;
 * - the edited and created files still parse (TS/JS without parse diagnostics when the input had none, JSON,
 *   YAML; created manifests and configs validate);
 * - re-analysis (per-file and cross-file, suppressions applied) no longer reports the finding, unless the fix
 *   says why it remains (`remains`, e.g. a suppression whose placeholder reason still has to be written);
 * - no edit, title or follow-up of any fix contains the secret.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig, parseConfigText, type ResolvedConfig } from '../../src/core/config';
import { fileKind } from '../../src/core/files';
import { applyEdits, fixesFor, type FileEdit, type Fix, type FixWorkspace } from '../../src/core/fixes';
import { parseSourceFile, syntaxErrorCount } from '../../src/core/languages/typescript';
import { parseManifestText } from '../../src/core/manifest/parse';
import { isManifestPath } from '../../src/core/manifest/schema';
import { LineIndex } from '../../src/core/position';
import { finalizeSuppressions } from '../../src/core/suppressions';
import type { Finding } from '../../src/core/types';
import { WorkspaceIndex } from '../../src/core/workspace';
import { REPO_ROOT } from '../helpers';

const TODAY = '2026-01-15';
const NOW = new Date(`${TODAY}T12:00:00Z`);

function listFiles(root: string, directory = root): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = join(directory, name);
    if (name === 'node_modules') return [];
    return statSync(full).isDirectory() ? listFiles(root, full) : [relative(root, full).split('\\').join('/')];
  });
}

interface Tree {
  files: Map<string, string>;
  config: ResolvedConfig;
}

function workspaceOf(files: Map<string, string>): FixWorkspace {
  return { files: [...files.keys()], readText: (path) => files.get(path) };
}

/** Findings of every file (per-file and cross-file, suppressions applied), as the audit reports them. */
function findingsOf(tree: Tree): Map<string, Finding[]> {
  const index = new WorkspaceIndex({ fileExists: (path) => tree.files.has(path) });
  const perFile = new Map<string, { findings: Finding[]; suppressions: ReturnType<typeof analyzeFile>['suppressions'] }>();
  for (const [path, text] of tree.files) {
    const analysis = analyzeFile({ path, text }, tree.config, { now: NOW });
    index.set(path, analysis.facts, analysis.suppressions);
    perFile.set(path, { findings: analysis.findings, suppressions: analysis.suppressions });
  }
  const result = new Map<string, Finding[]>();
  for (const [path, { findings, suppressions }] of perFile) {
    const all = [...findings, ...index.findingsFor(path, tree.config)];
    all.push(...finalizeSuppressions(path, all, suppressions, tree.config));
    result.set(path, all.filter((finding) => !finding.suppression));
  }
  return result;
}

function parseProblems(path: string, text: string): number {
  const kind = fileKind(path);
  if (kind === 'code') return syntaxErrorCount(parseSourceFile(path, text));
  if (kind === 'json') {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: true });
    return errors.length;
  }
  if (kind === 'yaml') return parseAllDocuments(text).reduce((count, document) => count + document.errors.length, 0);
  return 0;
}

/** The edits of a fix: its own, or (when it asks for a broker first) those of the first and the `env` choice. */
function editSets(fix: Fix): FileEdit[][] {
  if (!fix.choose) return [fix.edits];
  const choices = fix.choose.choices;
  return [choices[0]!.edits, choices.find((choice) => choice.value === 'env')!.edits];
}

function checkFix(tree: Tree, path: string, finding: Finding, fix: Fix, edits: FileEdit[], failures: string[]): void {
  const where = `${path} ${finding.ruleId} @${finding.startOffset} "${fix.title}"`;
  const byFile = new Map<string, FileEdit[]>();
  for (const edit of edits) byFile.set(edit.path, [...(byFile.get(edit.path) ?? []), edit]);
  const files = new Map(tree.files);
  for (const [file, fileEdits] of byFile) {
    const before = tree.files.get(file);
    if (fileEdits.some((edit) => edit.create)) {
      if (before !== undefined) failures.push(`${where}: creates ${file}, which exists`);
      if (fileEdits.length !== 1) failures.push(`${where}: more than one edit for created ${file}`);
    } else if (before === undefined) {
      failures.push(`${where}: edits ${file}, which does not exist`);
      continue;
    }
    const original = before ?? '';
    const sorted = [...fileEdits].sort((a, b) => a.startOffset - b.startOffset);
    for (const [i, edit] of sorted.entries()) {
      if (edit.startOffset < 0 || edit.endOffset > original.length || edit.startOffset > edit.endOffset) failures.push(`${where}: edit out of range in ${file}`);
      if (i > 0 && edit.startOffset < sorted[i - 1]!.endOffset) failures.push(`${where}: overlapping edits in ${file}`);
    }
    const after = applyEdits(original, fileEdits);
    // Outside the edits, byte-identical: the untouched segments appear in order at the expected offsets.
    let shift = 0;
    let cursor = 0;
    for (const edit of sorted) {
      if (after.slice(cursor + shift, edit.startOffset + shift) !== original.slice(cursor, edit.startOffset)) failures.push(`${where}: text outside the edits changed in ${file}`);
      shift += edit.newText.length - (edit.endOffset - edit.startOffset);
      cursor = edit.endOffset;
    }
    if (after.slice(cursor + shift) !== original.slice(cursor)) failures.push(`${where}: text after the edits changed in ${file}`);
    if (parseProblems(file, after) > (before === undefined ? 0 : parseProblems(file, original))) failures.push(`${where}: ${file} no longer parses`);
    if (before === undefined && isManifestPath(file)) {
      const problems = parseManifestText(file, after, new LineIndex(after)).problems;
      if (problems.length) failures.push(`${where}: created manifest is invalid: ${problems.map((p) => p.message).join('; ')}`);
    }
    files.set(file, after);
  }
  if (fix.remains) return;
  const configText = files.get('.agent-guardrail.yaml');
  const config = configText !== undefined && configText !== tree.files.get('.agent-guardrail.yaml') ? { ...tree.config, suppressions: parseConfigText(configText).config.suppressions } : tree.config;
  const after = findingsOf({ files, config }).get(path) ?? [];
  if (after.some((candidate) => candidate.ruleId === finding.ruleId && candidate.fingerprint === finding.fingerprint && (finding.ruleId.startsWith('secrets/') || candidate.message === finding.message))) {
    failures.push(`${where}: the finding is still reported after the fix`);
  }
}

function run(rootName: string, root: string, config: ResolvedConfig): { fixes: number; findings: number; failures: string[]; kinds: Set<string> } {
  const files = new Map(listFiles(root).map((path) => [path, readFileSync(join(root, path), 'utf8')] as const));
  const tree: Tree = { files, config };
  const workspace = workspaceOf(files);
  const failures: string[] = [];
  const kinds = new Set<string>();
  let fixCount = 0;
  let findingCount = 0;
  for (const [path, findings] of findingsOf(tree)) {
    const text = files.get(path)!;
    for (const finding of findings) {
      findingCount++;
      const fixes = fixesFor({ path, text, finding, config, workspace, today: TODAY });
      const secret = finding.ruleId.startsWith('secrets/') ? text.slice(finding.startOffset, finding.endOffset) : undefined;
      for (const fix of fixes) {
        kinds.add(`${finding.ruleId}: ${fix.title.replace(/'[^']*'|"[^"]*"|\$\{[^}]*\}/g, '…')}`);
        if (secret && secret.length >= 8) {
          const everything = JSON.stringify([fix.title, fix.followUp, fix.edits, fix.choose, fix.command]);
          if (everything.includes(secret) || everything.includes(JSON.stringify(secret).slice(1, -1))) failures.push(`${rootName}/${path} ${finding.ruleId}: fix "${fix.title}" copies the secret`);
        }
        if (finding.ruleId.startsWith('secrets/') && !fix.command && !/rotate/i.test(`${fix.title} ${fix.followUp ?? ''}`)) failures.push(`${rootName}/${path}: secret fix "${fix.title}" does not say to rotate`);
        for (const edits of editSets(fix)) {
          if (!edits.length) continue;
          fixCount++;
          checkFix(tree, path, finding, fix, edits, failures);
        }
      }
    }
  }
  return { fixes: fixCount, findings: findingCount, failures: failures.map((failure) => `${rootName}: ${failure}`), kinds };
}

describe('fix safety over test/corpus and examples', function () {
  // Thousands of fixes, each re-analysed: minutes on a loaded 2-core machine. A hang guard, not a timing assertion.
  this.timeout(1_800_000);
  for (const [name, withBroker] of [
    ['test/corpus', true],
    ['examples', true],
    ['examples', false],
  ] as const) {
    it(`${name}, ${withBroker ? 'broker configured (vault)' : 'no broker (choices)'}: every fix keeps the file valid, removes its finding and never copies a secret`, () => {
      const config = { ...defaultConfig(), ...(withBroker && { broker: 'vault' as const }) };
      const result = run(name, join(REPO_ROOT, ...name.split('/')), config);
      assert.deepEqual(result.failures, []);
      assert.ok(result.findings > 5, `findings on ${name}: ${result.findings}`);
      assert.ok(result.fixes > result.findings / 2, `fixes applied on ${name}: ${result.fixes} for ${result.findings} findings`);
      if (process.env.AGENT_GUARDRAIL_PRINT_FIX_KINDS) console.log([...result.kinds].sort().join('\n'));
    });
  }
});
