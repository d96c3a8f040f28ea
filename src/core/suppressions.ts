import type { LineIndex } from './position';
import type { Finding } from './types';

/**
 * Inline suppressions, in any comment syntax (`//`, `/* *\/`, `#`, `<!-- -->`):
 *   agent-guardrail-ignore-next-line <rule-id>[, <rule-id>…] -- <reason>
 *   agent-guardrail-ignore <rule-id>[, <rule-id>…] -- <reason>          (same line)
 * A rule id may be a category wildcard (`secrets/*`).
 */
export interface InlineSuppression {
  /** Zero-based line the suppression applies to. */
  targetLine: number;
  /** Zero-based line of the comment itself. */
  commentLine: number;
  rules: string[];
  reason: string;
  used: boolean;
}

const MARKER = /agent-guardrail-ignore(-next-line)?[ \t]+([A-Za-z*]+\/[A-Za-z0-9*-]+(?:[ \t]*,[ \t]*[A-Za-z*]+\/[A-Za-z0-9*-]+)*)(?:[ \t]+--[ \t]*([^\n]*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/gm;

export function parseInlineSuppressions(text: string, lines: LineIndex): InlineSuppression[] {
  if (!text.includes('agent-guardrail-ignore')) return [];
  const suppressions: InlineSuppression[] = [];
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
    const commentLine = lines.positionAt(match.index).line;
    suppressions.push({
      commentLine,
      targetLine: match[1] ? commentLine + 1 : commentLine,
      rules: match[2]!.split(',').map((rule) => rule.trim()),
      reason: (match[3] ?? '').trim(),
      used: false,
    });
  }
  return suppressions;
}

export function suppressionCovers(rules: readonly string[], ruleId: string): boolean {
  const category = ruleId.split('/')[0];
  return rules.some((rule) => rule === ruleId || rule === `${category}/*` || rule === '*/*');
}

/** Mark the findings that an inline comment covers. A suppression needs a reason to count. */
export function applyInlineSuppressions(findings: Finding[], suppressions: InlineSuppression[]): void {
  if (!suppressions.length) return;
  for (const finding of findings) {
    const suppression = suppressions.find(
      (candidate) => candidate.reason && candidate.targetLine === finding.range.start.line && suppressionCovers(candidate.rules, finding.ruleId),
    );
    if (suppression) {
      suppression.used = true;
      finding.suppression = { kind: 'inSource', justification: suppression.reason };
    }
  }
}
