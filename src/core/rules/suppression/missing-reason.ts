import { defineRule } from '../rule';

/** Reported by the suppression step (src/core/suppressions.ts) once all findings of a file are known. */
export const missingReason = defineRule({
  id: 'suppression/missing-reason',
  description: 'An inline agent-guardrail-ignore comment gives no reason after " -- ", so it is not applied.',
  defaultSeverity: 'note',
});
