export { getRule, isRuleId, RULES } from './registry';
export type { RuleDefinition } from './rule';
