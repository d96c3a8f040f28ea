import type { AnalysisContext } from '../../context';
import { codeScan } from '../../code/scan';
import { defineRule, OWASP } from '../rule';

export const allMcpTools = defineRule({
  id: 'grants/all-mcp-tools',
  description: 'Agent code hands every tool of an MCP server to the model unfiltered instead of the tools the task needs.',
  defaultSeverity: 'warning',
  owasp: [OWASP.NHI5, OWASP.ASI02],
  fileKinds: ['code', 'python', 'notebook'],
  check(context: AnalysisContext) {
    for (const finding of codeScan(context).allMcpTools) {
      context.report('grants/all-mcp-tools', finding.start, finding.end, finding.message);
    }
  },
});
