import { commandLine, readMcpConfig } from '../../configs/mcp';
import { packageReferences, type PackageReference } from '../../configs/pinning';
import { reportCapped } from '../../configs/report';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'supply-chain/unpinned-mcp-server';

export const unpinnedMcpServer = defineRule({
  id: RULE,
  description:
    'An MCP server is started from a package or image without an exact version (npx -y pkg, pkg@latest, uvx pkg, pipx run pkg, bunx pkg, docker run image:latest or without a digest), so every start may run code nobody reviewed.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.ASI04, OWASP.NHI3],
  fileKinds: ['json'],
  check(context: AnalysisContext) {
    const mcp = readMcpConfig(context);
    if (!mcp) return;
    for (const server of mcp.servers) {
      for (const reference of unpinnedReferences(context.text, server)) {
        reportCapped(context, RULE, reference.token.start, reference.token.end, message(server.name, reference));
      }
    }
  },
});

/** The unpinned package or image references of one server (shared with the fix, which rewrites the same words). */
export function unpinnedReferences(text: string, server: Parameters<typeof commandLine>[1]): PackageReference[] {
  return packageReferences(commandLine(text, server).tokens).filter((reference) => !reference.pinned);
}

function message(server: string, reference: PackageReference): string {
  const { ecosystem, name, version, runner, token } = reference;
  const floating =
    ecosystem === 'container'
      ? `with no digest: ${version && version !== 'latest' ? `the tag "${version}" can be moved to another image at any time` : `${version ? 'the tag "latest"' : 'no tag means "latest", which'} is whatever was pushed last`}`
      : `with no exact version: ${version ? `"${version}" matches` : 'each start fetches'} the newest release`;
  const pin =
    ecosystem === 'container'
      ? `Pin the digest you reviewed: ${name}@sha256:<digest>.`
      : `Pin the version you reviewed: ${ecosystem === 'pypi' && runner !== 'uvx' ? `${name}==1.2.3` : `${name}@1.2.3`}.`;
  return `MCP server "${server}" runs "${token.value}" through ${runner} ${floating}, with this machine's access, so a hijacked or malicious release runs without review. ${pin}`;
}
