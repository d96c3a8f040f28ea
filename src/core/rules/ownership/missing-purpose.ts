import { missingFieldRule } from './missing-field';

export const missingPurpose = missingFieldRule({
  id: 'ownership/missing-purpose',
  field: 'description',
  description: "An agent manifest does not state the agent's purpose (metadata.description).",
  defaultSeverity: 'warning',
  message: (name, placeholder) => `Agent "${name}" has no stated purpose${placeholder}. Add metadata.description with the business process it serves, so reviewers can judge whether its access fits the task.`,
});
