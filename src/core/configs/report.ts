import type { AnalysisContext } from '../context';

/** More findings of one rule in one file than anyone reads; hostile files stop here (with a note) instead of slowing down. */
export const MAX_FINDINGS_PER_RULE = 200;

/** `context.report`, capped at MAX_FINDINGS_PER_RULE findings of the rule per file. */
export function reportCapped(context: AnalysisContext, ruleId: string, start: number, end: number, message: string): void {
  const counter = context.memo(`configs:count:${ruleId}`, () => ({ count: 0 }));
  if (!counter) return;
  if (counter.count >= MAX_FINDINGS_PER_RULE) {
    if (counter.count === MAX_FINDINGS_PER_RULE) {
      counter.count++;
      context.note('partial', `${ruleId}: more than ${MAX_FINDINGS_PER_RULE} findings; the rest of the file was not reported`);
    }
    return;
  }
  counter.count++;
  context.report(ruleId, start, end, message);
}
