import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';
import { isWildcardGrant } from './wildcards';

export const wildcardTool = defineRule({
  id: 'grants/wildcard-tool',
  description: 'A manifest grants every tool (`*`, `all`) instead of listing the tools the task needs, in spec.tools or an MCP server allow-list.',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI5, OWASP.ASI02],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    forEachManifest(context, (manifest, at) => {
      manifest.tools.forEach((tool, index) => {
        if (!isWildcardGrant(tool.name) || tool.name.trim().toLowerCase() === 'admin') return;
        const [start, end] = at(['spec', 'tools', index, 'name']);
        context.report('grants/wildcard-tool', start, end, `Agent "${manifest.name ?? 'this agent'}" may call any tool ("${tool.name}"). List the tools its task needs instead.`);
      });
      manifest.mcpServers.forEach((server, serverIndex) => {
        server.tools.forEach((tool, index) => {
          if (!isWildcardGrant(tool) || tool.trim().toLowerCase() === 'admin') return;
          const [start, end] = at(['spec', 'mcpServers', serverIndex, 'tools', index]);
          context.report(
            'grants/wildcard-tool',
            start,
            end,
            `Agent "${manifest.name ?? 'this agent'}" may call every tool of MCP server "${server.name}" ("${tool}"), including ones added later. List the server tools it needs.`,
          );
        });
      });
    });
  },
});
