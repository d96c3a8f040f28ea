import type { RuleDefinition } from '../rule';
import { connectionString } from './connection-string';
import { genericSecret } from './generic-secret';
import { privateKey } from './private-key';
import { providerKey } from './provider-key';

export const SECRET_RULES: RuleDefinition[] = [providerKey, genericSecret, privateKey, connectionString];
