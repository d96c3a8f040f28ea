import type { FileNote, Finding } from './types';

/**
 * Findings one rule reports in one file, at most. A hostile file (a manifest of 150,000 bad entries, thousands of
 * manifests sharing one credential) would otherwise yield that many, and every consumer, the editor first, pays for
 * each; how many more there were is said in a note.
 */
export const MAX_FINDINGS_PER_RULE = 200;

export function droppedFindingsNote(file: string, ruleId: string, dropped: number): FileNote {
  return { file, kind: 'partial', reason: `${dropped} more ${ruleId} findings not listed (at most ${MAX_FINDINGS_PER_RULE} per rule and file)` };
}

/** The findings with at most MAX_FINDINGS_PER_RULE per file and rule (the first ones), and a note per overflow. */
export function capPerRule(findings: readonly Finding[]): { kept: Finding[]; notes: FileNote[] } {
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.file}\0${finding.ruleId}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count <= MAX_FINDINGS_PER_RULE) kept.push(finding);
  }
  const notes: FileNote[] = [];
  for (const [key, count] of counts) {
    if (count <= MAX_FINDINGS_PER_RULE) continue;
    const [file, ruleId] = key.split('\0') as [string, string];
    notes.push(droppedFindingsNote(file, ruleId, count - MAX_FINDINGS_PER_RULE));
  }
  return { kept, notes };
}
