import { defineRule } from '../rule';

/** Reported by the suppression step (src/core/suppressions.ts) once all findings of a file are known. */
export const unusedSuppression = defineRule({
  id: 'suppression/unused',
  description: 'An inline agent-guardrail-ignore comment matches no finding, so it can only hide a future one.',
  defaultSeverity: 'note',
});
