import type { RuleDefinition } from '../rule';
import { missingReason } from './missing-reason';
import { unusedSuppression } from './unused';

export const SUPPRESSION_RULES: RuleDefinition[] = [missingReason, unusedSuppression];
