import { PROTECTED_CATEGORIES, type ResolvedConfig } from './config';
import type { LineIndex } from './position';
import { getRule } from './rules/registry';
import { fingerprintOf } from './secrets/redact';
import type { Finding, Range } from './types';

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
  /** The reason was a placeholder such as `<why this is acceptable>` (inserted by the quick fix), not a reason yet. */
  placeholder?: string;
  /** The directive text (`agent-guardrail-ignore… -- reason`), where suppression/* findings are reported. */
  range: Range;
  startOffset: number;
  endOffset: number;
}

/**
 * The reason runs to the end of the line (greedy, so that a run of blanks cannot be split several ways: linear
 * time); trailing blanks and a comment closer are removed afterwards by trimCommentEnd. The ` --` of an HTML
 * comment's closer ` -->` does not start a reason.
 */
const MARKER = /agent-guardrail-ignore(-next-line)?[ \t]+([A-Za-z*]+\/[A-Za-z0-9*-]+(?:[ \t]*,[ \t]*[A-Za-z*]+\/[A-Za-z0-9*-]+)*)(?:[ \t]+--(?!>)([^\n]*)|(?:[ \t]*(?:\*\/|-->))?[ \t]*)$/gm;

/** The text without trailing blanks and one comment closer (`*\/`, `*\/}` in JSX, `-->`) before them. */
function trimCommentEnd(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith('*/}')) return trimmed.slice(0, -3).trimEnd();
  if (trimmed.endsWith('*/')) return trimmed.slice(0, -2).trimEnd();
  if (trimmed.endsWith('-->')) return trimmed.slice(0, -3).trimEnd();
  return trimmed;
}

export function parseInlineSuppressions(text: string, lines: LineIndex): InlineSuppression[] {
  if (!text.includes('agent-guardrail-ignore')) return [];
  const suppressions: InlineSuppression[] = [];
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
    const commentLine = lines.positionAt(match.index).line;
    const end = match.index + trimCommentEnd(match[0]).length;
    const reason = trimCommentEnd(match[3] ?? '').trim();
    // A placeholder such as `<why this is acceptable>` (inserted by the quick fix) is not a reason yet.
    const placeholder = /^<[^>]*>$/.test(reason);
    suppressions.push({
      commentLine,
      targetLine: match[1] ? commentLine + 1 : commentLine,
      rules: match[2]!.split(',').map((rule) => rule.trim()),
      reason: placeholder ? '' : reason,
      ...(placeholder ? { placeholder: reason } : {}),
      range: lines.rangeOf(match.index, end),
      startOffset: match.index,
      endOffset: end,
    });
  }
  return suppressions;
}

export function suppressionCovers(rules: readonly string[], ruleId: string): boolean {
  const category = ruleId.split('/')[0];
  return rules.some((rule) => rule === ruleId || rule === `${category}/*` || rule === '*/*');
}

/** Mark the findings that an inline comment covers. A suppression needs a reason to count. */
export function applyInlineSuppressions(findings: Finding[], suppressions: readonly InlineSuppression[]): void {
  if (!suppressions.length) return;
  for (const finding of findings) {
    if (finding.suppression) continue;
    const suppression = suppressions.find(
      (candidate) => candidate.reason && candidate.targetLine === finding.range.start.line && suppressionCovers(candidate.rules, finding.ruleId),
    );
    if (suppression) finding.suppression = { kind: 'inSource', justification: suppression.reason };
  }
}

/** Repository-provided suppressions for these categories are ignored in an untrusted workspace. */
function protectedInUntrusted(ruleId: string): boolean {
  return PROTECTED_CATEGORIES.has(ruleId.slice(0, ruleId.indexOf('/')));
}

/**
 * The last step for one file, once per-file and cross-file findings are known: apply inline comments and the
 * configuration's fingerprint suppressions, then report suppressions that lack a reason or suppress nothing
 * (as note-level suppression/* findings). In an untrusted workspace, suppressions of secrets/*, grants/* and supply-chain/*
 * findings are not honoured.
 */
export function finalizeSuppressions(path: string, findings: Finding[], inline: readonly InlineSuppression[], config: ResolvedConfig): Finding[] {
  const used = new Set<InlineSuppression>();
  for (const finding of findings) {
    if (finding.ruleId.startsWith('suppression/')) continue;
    const honour = config.trusted || !protectedInUntrusted(finding.ruleId);
    const comment = inline.find((candidate) => candidate.targetLine === finding.range.start.line && suppressionCovers(candidate.rules, finding.ruleId));
    if (comment) used.add(comment); // it matches, even where Restricted Mode does not honour it
    if (!honour) {
      delete finding.suppression;
      continue;
    }
    if (comment) {
      if (comment.reason) {
        finding.suppression = { kind: 'inSource', justification: comment.reason };
        continue;
      }
    }
    // A configured suppression needs a real reason too (not the quick fix's `<why this is acceptable>`).
    const external = config.suppressions.find(
      (entry) => entry.fingerprint === finding.fingerprint && !/^<[^>]*>$/.test(entry.reason.trim()) && suppressionCovers([entry.rule], finding.ruleId) && (!entry.file || entry.file === path),
    );
    if (external) finding.suppression = { kind: 'external', justification: external.reason };
  }

  const meta: Finding[] = [];
  const report = (ruleId: 'suppression/missing-reason' | 'suppression/unused', suppression: InlineSuppression, message: string) => {
    const rule = getRule(ruleId);
    const severity = config.severities[ruleId] ?? config.severities['suppression/*'] ?? rule.defaultSeverity;
    if (severity === 'off') return;
    meta.push({
      ruleId,
      severity,
      message,
      file: path,
      range: suppression.range,
      startOffset: suppression.startOffset,
      endOffset: suppression.endOffset,
      fingerprint: fingerprintOf(`${ruleId}\0${suppression.rules.join(',')}\0${suppression.reason}`),
    });
  };
  for (const suppression of inline) {
    const rules = suppression.rules.join(', ');
    if (suppression.placeholder) {
      report('suppression/missing-reason', suppression, `This suppression of ${rules} has no reason yet, so it is not applied. Replace ${suppression.placeholder} with why this finding is acceptable.`);
    } else if (!suppression.reason) {
      report('suppression/missing-reason', suppression, `This suppression of ${rules} has no reason, so it is not applied. Write why after " -- ": agent-guardrail-ignore… ${rules} -- <reason>.`);
    } else if (!used.has(suppression)) {
      report('suppression/unused', suppression, `This suppression of ${rules} matches no finding on ${suppression.targetLine === suppression.commentLine ? 'this' : 'the next'} line. Remove it, so it cannot hide a future finding.`);
    }
  }
  return meta;
}
