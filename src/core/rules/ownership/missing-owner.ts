import { missingFieldRule } from './missing-field';

export const missingOwner = missingFieldRule({
  id: 'ownership/missing-owner',
  field: 'owner',
  description: 'An agent manifest names no accountable owner (metadata.owner).',
  defaultSeverity: 'error',
  message: (name, placeholder) => `Agent "${name}" has no accountable owner${placeholder}. Add metadata.owner (team:<name>, group:<name> or user:<email>): someone must answer for what the agent does and approve its access.`,
});
