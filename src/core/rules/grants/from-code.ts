import type { RuleDefinition } from '../rule';

/** grants/* rules whose findings come from agent code (TypeScript/JavaScript). */
export const CODE_GRANT_RULES: RuleDefinition[] = [];
