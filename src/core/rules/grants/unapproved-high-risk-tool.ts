import { defineRule, OWASP } from '../rule';

/** Cross-file: evaluated by the workspace index (src/core/decisions.ts) for agents that no manifest covers. */
export const unapprovedHighRiskTool = defineRule({
  id: 'grants/unapproved-high-risk-tool',
  description:
    'An agent that no manifest covers hands the model a high-risk tool (shell, deletion, payments, outbound messages, database writes) that runs without a person approving each call.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.ASI02, OWASP.ASI09],
});
