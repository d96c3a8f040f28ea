import type { AnalysisContext } from '../../context';
import { parseManifestFile } from '../../manifest/parse';
import { isManifestContext } from '../../manifest/collect';
import { defineRule, OWASP } from '../rule';

export const manifestSchemaRule = defineRule({
  id: 'manifest/schema',
  description: 'An agent manifest has a YAML/JSON syntax error or does not match the agent-guardrail/v1 schema (wrong type, bad value, unknown key such as a typo).',
  defaultSeverity: 'error',
  owasp: [OWASP.NHI1],
  fileKinds: ['yaml', 'json'],
  check(context: AnalysisContext) {
    if (!isManifestContext(context)) return;
    for (const problem of parseManifestFile(context).problems) {
      context.report('manifest/schema', problem.startOffset, problem.endOffset, problem.message, { fingerprintBasis: problem.message });
    }
  },
});
