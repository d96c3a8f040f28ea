import { commandLine, readMcpConfig, type McpServer } from '../../configs/mcp';
import { reportCapped } from '../../configs/report';
import { pathParts, secretPathKind } from '../../configs/secret-paths';
import { getKey, partRange, type TreeString } from '../../configs/tree';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'credentials/secret-file-argument';

export const secretFileArgument = defineRule({
  id: RULE,
  description:
    'An MCP server is handed a whole file or folder of credentials (a .env file, SSH keys, ~/.aws, a private key, .npmrc) as an argument, a container mount, an env file or an environment value.',
  defaultSeverity: 'warning',
  owasp: [OWASP.NHI2, OWASP.NHI5, OWASP.ASI03],
  fileKinds: ['json'],
  check(context: AnalysisContext) {
    const mcp = readMcpConfig(context);
    if (!mcp) return;
    for (const server of mcp.servers) {
      const { tokens } = commandLine(context.text, server);
      // The program itself is not an argument (`"command": "/home/me/.ssh/helper"` would be odd, but is not handed over).
      for (let i = 1; i < tokens.length; i++) check(context, server, tokens[i]!, tokens[i - 1]!.value);
      for (const variable of server.env) check(context, server, variable.value);
      const envFile = getKey(server.node, 'envFile');
      if (envFile?.type === 'string') check(context, server, envFile);
    }
  },
});

/** `--tls-key server.key`, `--ssl-keyfile=key.pem`: the server's own TLS key is what it needs, not a leak. */
const TLS_OPTION = /^--?[\w-]{0,20}(?:tls|ssl|https|cert)[\w-]{0,20}$/i;

function check(context: AnalysisContext, server: McpServer, token: { value: string; start: number; end: number }, previous?: string): void {
  const option = token.value.startsWith('-') ? token.value.slice(0, Math.max(0, token.value.indexOf('='))) : previous ?? '';
  for (const { part, from } of pathParts(token.value)) {
    const kind = secretPathKind(part);
    if (!kind) continue;
    if (kind.startsWith('a private key file') && TLS_OPTION.test(option)) continue;
    const [start, end] = partRange(context.text, token as TreeString, from, from + part.length);
    reportCapped(
      context,
      RULE,
      start,
      end,
      `MCP server "${server.name}" is handed ${kind}: the server, and every package it depends on, can read all of it, not only the one credential it needs. Pass only that credential, as an environment variable the client fills in at start (\${input:…}, \${env:…}), and keep key files out of its reach.`,
    );
    return;
  }
}
