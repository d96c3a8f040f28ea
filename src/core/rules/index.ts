import type { RuleDefinition } from './rule';
import { providerKey } from './secrets/provider-key';
import { genericSecret } from './secrets/generic-secret';
import { privateKey } from './secrets/private-key';
import { connectionString } from './secrets/connection-string';

/** Every rule the product ships, in documentation order. */
export const RULES: readonly RuleDefinition[] = [providerKey, genericSecret, privateKey, connectionString];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): RuleDefinition {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown rule ${id}`);
  return rule;
}

export function isRuleId(id: string): boolean {
  return byId.has(id);
}

export type { RuleDefinition } from './rule';
