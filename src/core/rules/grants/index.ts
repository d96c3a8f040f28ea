import type { RuleDefinition } from '../rule';
import { CODE_GRANT_RULES } from './from-code';
import { CONFIG_GRANT_RULES } from './from-config';
import { highRiskWithoutDecision } from './high-risk-without-decision';
import { unapprovedHighRiskTool } from './unapproved-high-risk-tool';
import { undeclaredTool } from './undeclared-tool';
import { unenforcedDecision } from './unenforced-decision';
import { wildcardScope } from './wildcard-scope';
import { wildcardTool } from './wildcard-tool';

export const GRANTS_RULES: RuleDefinition[] = [
  wildcardTool,
  wildcardScope,
  ...CONFIG_GRANT_RULES,
  ...CODE_GRANT_RULES,
  highRiskWithoutDecision,
  undeclaredTool,
  unenforcedDecision,
  unapprovedHighRiskTool,
];
