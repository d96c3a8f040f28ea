import type { RuleDefinition } from '../rule';
import { allMcpTools } from './all-mcp-tools';
import { envPassthrough } from './env-passthrough';

/** grants/* rules whose findings come from agent code (TypeScript/JavaScript). */
export const CODE_GRANT_RULES: RuleDefinition[] = [allMcpTools, envPassthrough];
