import { missingFieldRule } from './missing-field';

export const missingReviewDate = missingFieldRule({
  id: 'ownership/missing-review-date',
  field: 'reviewBy',
  description: 'An agent manifest has no next access review date (metadata.reviewBy).',
  defaultSeverity: 'warning',
  message: (name, placeholder) => `Agent "${name}" has no access review date${placeholder}. Add metadata.reviewBy (YYYY-MM-DD) so its access is re-approved on a schedule.`,
});
