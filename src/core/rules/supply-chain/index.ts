import type { RuleDefinition } from '../rule';
import { toolPoisoning } from './tool-poisoning';
import { unpinnedMcpServer } from './unpinned-mcp-server';

/** Where an agent's tools come from and what they tell the model: unpinned servers, poisoned tool definitions. */
export const SUPPLY_CHAIN_RULES: RuleDefinition[] = [unpinnedMcpServer, toolPoisoning];
