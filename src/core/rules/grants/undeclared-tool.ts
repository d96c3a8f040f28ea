import { defineRule, OWASP } from '../rule';

/** Cross-file: evaluated by the workspace index (src/core/workspace.ts), which links code agents to manifests. */
export const undeclaredTool = defineRule({
  id: 'grants/undeclared-tool',
  description: 'An agent defined in code and covered by a manifest uses a tool that its manifest does not declare (code and manifest have drifted apart).',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI5, OWASP.ASI02],
});
