import { defineRule, OWASP } from '../rule';

/** Cross-file: evaluated by the workspace index (src/core/decisions.ts), which links code tools to manifest decisions. */
export const unenforcedDecision = defineRule({
  id: 'grants/unenforced-decision',
  description:
    'A manifest decision is not enforced by the code: a tool with decision: challenge runs without asking a person (no approval option such as needsApproval or needs_approval, no interrupt() or human-in-the-loop middleware), or a tool with decision: deny is still handed to the agent.',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.ASI02, OWASP.ASI09, OWASP.NHI5],
});
