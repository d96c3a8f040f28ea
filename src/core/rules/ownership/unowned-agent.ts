import { defineRule, OWASP } from '../rule';

/** Cross-file: evaluated by the workspace index (src/core/workspace.ts), which links code agents to manifests. */
export const unownedAgent = defineRule({
  id: 'ownership/unowned-agent',
  description: 'An agent defined in code is covered by no manifest (by entrypoint or name) and has no @owner tag.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI1, OWASP.ASI10],
});
