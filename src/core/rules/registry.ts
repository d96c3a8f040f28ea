import { CREDENTIALS_RULES } from './credentials';
import { GRANTS_RULES } from './grants';
import { MANIFEST_RULES } from './manifest';
import { OWNERSHIP_RULES } from './ownership';
import type { RuleDefinition } from './rule';
import { SECRET_RULES } from './secrets';
import { SUPPLY_CHAIN_RULES } from './supply-chain';
import { SUPPRESSION_RULES } from './suppression';

/** Every rule the product ships, in documentation order (by category). */
export const RULES: readonly RuleDefinition[] = [...SECRET_RULES, ...CREDENTIALS_RULES, ...GRANTS_RULES, ...SUPPLY_CHAIN_RULES, ...OWNERSHIP_RULES, ...MANIFEST_RULES, ...SUPPRESSION_RULES];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): RuleDefinition {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown rule ${id}`);
  return rule;
}

export function isRuleId(id: string): boolean {
  return byId.has(id);
}
