import type { RuleDefinition } from '../rule';
import { manifestSchemaRule } from './schema';
import { unknownEntrypoint } from './unknown-entrypoint';

export const MANIFEST_RULES: RuleDefinition[] = [manifestSchemaRule, unknownEntrypoint];
