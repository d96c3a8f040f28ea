import type { AnalysisContext } from '../../context';
import { codeScan } from '../../code/scan';
import { defineRule, OWASP } from '../rule';

export const envPassthrough = defineRule({
  id: 'grants/env-passthrough',
  description: 'An MCP stdio server is started with the whole environment of the host process (process.env) instead of the variables it needs.',
  defaultSeverity: 'warning',
  owasp: [OWASP.NHI5, OWASP.NHI8, OWASP.ASI03],
  fileKinds: ['code', 'python', 'notebook'],
  check(context: AnalysisContext) {
    for (const finding of codeScan(context).envPassthrough) {
      context.report('grants/env-passthrough', finding.start, finding.end, finding.message);
    }
  },
});
