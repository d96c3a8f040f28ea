import type { RuleDefinition } from '../rule';
import { CODE_CREDENTIAL_RULES } from './from-code';
import { insecureMcpServer } from './insecure-mcp-server';
import { longLived } from './long-lived';
import { secretFileArgument } from './secret-file-argument';
import { shared } from './shared';

export const CREDENTIALS_RULES: RuleDefinition[] = [...CODE_CREDENTIAL_RULES, longLived, shared, insecureMcpServer, secretFileArgument];
