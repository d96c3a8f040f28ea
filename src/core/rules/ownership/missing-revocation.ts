import { missingFieldRule } from './missing-field';

export const missingRevocation = missingFieldRule({
  id: 'ownership/missing-revocation',
  field: 'revocation',
  description: 'A production agent manifest does not say how to revoke the agent (metadata.revocation).',
  defaultSeverity: 'warning',
  productionOnly: true,
  message: (name, placeholder) => `Production agent "${name}" has no revocation path${placeholder}. Add metadata.revocation (a runbook URL or the steps) so its access can be cut off at once in an incident.`,
});
