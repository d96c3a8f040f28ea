import type { RuleDefinition } from '../rule';
import { browserExposed } from './browser-exposed';

/** credentials/* rules whose findings come from code and `.env` files. */
export const CODE_CREDENTIAL_RULES: RuleDefinition[] = [browserExposed];
