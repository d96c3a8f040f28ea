import type { RuleDefinition } from '../rule';
import { CODE_CREDENTIAL_RULES } from './from-code';
import { longLived } from './long-lived';
import { shared } from './shared';

export const CREDENTIALS_RULES: RuleDefinition[] = [...CODE_CREDENTIAL_RULES, longLived, shared];
