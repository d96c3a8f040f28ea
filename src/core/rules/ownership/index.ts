import type { RuleDefinition } from '../rule';
import { expired } from './expired';
import { missingOwner } from './missing-owner';
import { missingPurpose } from './missing-purpose';
import { missingReviewDate } from './missing-review-date';
import { missingRevocation } from './missing-revocation';
import { missingTechnicalOwner } from './missing-technical-owner';
import { reviewOverdue } from './review-overdue';
import { unownedAgent } from './unowned-agent';

export const OWNERSHIP_RULES: RuleDefinition[] = [
  missingOwner,
  missingPurpose,
  missingReviewDate,
  reviewOverdue,
  expired,
  missingTechnicalOwner,
  missingRevocation,
  unownedAgent,
];
