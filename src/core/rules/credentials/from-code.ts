import type { RuleDefinition } from '../rule';

/** credentials/* rules whose findings come from code and `.env` files. */
export const CODE_CREDENTIAL_RULES: RuleDefinition[] = [];
