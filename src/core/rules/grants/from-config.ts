import type { RuleDefinition } from '../rule';

/** grants/* rules whose findings come from configuration (MCP configs, Claude Code settings, IAM, RBAC). */
export const CONFIG_GRANT_RULES: RuleDefinition[] = [];
