import type { Finding } from './types';

/**
 * A baseline records the findings a team has accepted for now, so audits report only new ones. Entries hold
 * fingerprints (SHA-256; never a value), the rule, the file and a short redacted hint, sorted so the file
 * diffs cleanly.
 *
 * Matching: an entry first matches a finding with the same rule and fingerprint in the same file; entries
 * left over then match findings with the same rule and fingerprint in files that have no entry for it (the file
 * was renamed or the code moved). Each entry matches one finding, so a baselined secret copied to a new place
 * is still reported there.
 */
export interface BaselineEntry {
  rule: string;
  fingerprint: string;
  file: string;
  hint: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export const BASELINE_FILE = '.agent-guardrail-baseline.json';

function hintOf(finding: Finding): string {
  if (finding.redacted) return finding.redacted;
  const message = finding.message.split('. ')[0]!;
  return message.length > 80 ? `${message.slice(0, 79)}…` : message;
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings
    .filter((finding) => !finding.suppression && !finding.ruleId.startsWith('suppression/'))
    .map((finding) => ({ rule: finding.ruleId, fingerprint: finding.fingerprint, file: finding.file, hint: hintOf(finding) }))
    .sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint) || compare(a.hint, b.hint));
  return { version: 1, entries };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function serializeBaseline(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

const REGENERATE = 'run `agent-guardrail baseline` to write it again, or audit with --no-baseline';

export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON.parse's own message can quote the file's text: report only where it stopped.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = !text.trim() ? ' (the file is empty)' : position !== undefined ? ` at line ${lineColumn(text, Number(position))}` : ' (it ends too early)';
    throw new Error(`not valid JSON${where}; ${REGENERATE}`);
  }
  if (typeof data !== 'object' || data === null || (data as Baseline).version !== 1 || !Array.isArray((data as Baseline).entries)) {
    throw new Error(`not an agent-guardrail baseline (expected {"version": 1, "entries": [...]}); ${REGENERATE}`);
  }
  const entries = (data as Baseline).entries.filter(
    (entry): entry is BaselineEntry => typeof entry?.rule === 'string' && typeof entry.fingerprint === 'string' && typeof entry.file === 'string',
  );
  return { version: 1, entries: entries.map((entry) => ({ ...entry, hint: typeof entry.hint === 'string' ? entry.hint : '' })) };
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Split findings into new ones and baselined ones. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { fresh: Finding[]; baselined: Finding[] } {
  const key = (rule: string, fingerprint: string) => `${rule}\0${fingerprint}`;
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) {
    const list = remaining.get(key(entry.rule, entry.fingerprint)) ?? [];
    list.push(entry);
    remaining.set(key(entry.rule, entry.fingerprint), list);
  }
  const matched = new Set<Finding>();
  const candidates = findings.filter((finding) => !finding.suppression && !finding.ruleId.startsWith('suppression/'));
  // Pass 1: same file.
  for (const finding of candidates) {
    const list = remaining.get(key(finding.ruleId, finding.fingerprint));
    const index = list?.findIndex((entry) => entry.file === finding.file) ?? -1;
    if (list && index >= 0) {
      list.splice(index, 1);
      matched.add(finding);
    }
  }
  // Pass 2: moved or renamed: an entry whose file no longer has this finding (suppressed there counts as still
  // there: its entry must not move on to cover a copy elsewhere).
  const stillPresent = new Set(findings.map((finding) => `${key(finding.ruleId, finding.fingerprint)}\0${finding.file}`));
  for (const finding of candidates) {
    if (matched.has(finding)) continue;
    const list = remaining.get(key(finding.ruleId, finding.fingerprint));
    const index = list?.findIndex((entry) => !stillPresent.has(`${key(entry.rule, entry.fingerprint)}\0${entry.file}`)) ?? -1;
    if (list && index >= 0) {
      list.splice(index, 1);
      matched.add(finding);
    }
  }
  return { fresh: findings.filter((finding) => !matched.has(finding)), baselined: findings.filter((finding) => matched.has(finding)) };
}
