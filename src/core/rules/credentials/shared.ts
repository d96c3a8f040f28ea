import { defineRule, OWASP } from '../rule';

/** Cross-file: evaluated by the workspace index (src/core/workspace.ts), which sees every manifest. */
export const shared = defineRule({
  id: 'credentials/shared',
  description: 'One credential ref is used by two agents, or by a sandbox and a production agent, so attribution and environment isolation are lost.',
  defaultSeverity: 'warning',
  owasp: [OWASP.NHI9, OWASP.NHI8],
});
