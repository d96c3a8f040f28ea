import { isLoopbackHost } from '../../configs/hosts';
import { commandLine, programName, readMcpConfig, type McpServer } from '../../configs/mcp';
import { reportCapped } from '../../configs/report';
import { partRange } from '../../configs/tree';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'credentials/insecure-mcp-server';

export const insecureMcpServer = defineRule({
  id: RULE,
  description:
    'An MCP server is reached over plain http:// on another host, or is told to listen on every network interface (0.0.0.0, docker -p without a host address), so its traffic and tools are open to the network.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI4, OWASP.ASI07],
  fileKinds: ['json'],
  check(context: AnalysisContext) {
    const mcp = readMcpConfig(context);
    if (!mcp) return;
    for (const server of mcp.servers) {
      checkUrl(context, server);
      checkBinding(context, server);
    }
  },
});

function checkUrl(context: AnalysisContext, server: McpServer): void {
  const url = server.url;
  if (!url) return;
  const match = /^\s*http:\/\/(\[[^\]\s]{1,100}\]|[^/:?#\s]{1,255})/i.exec(url.value);
  if (!match || /[$%{]/.test(match[1]!) || isLoopbackHost(match[1]!)) return;
  const [start, end] = partRange(context.text, url, url.value.indexOf('http'), url.value.indexOf('http') + 'http://'.length);
  context.report(
    RULE,
    start,
    end,
    `MCP server "${server.name}" is reached over plain http:// at ${match[1]}: every tool call, its results and any Authorization header cross the network unencrypted and can be read or changed on the way. Use https://.`,
    { escalateTo: 'error' },
  );
}

/** Options that set the address a server listens on. */
const LISTEN_OPTION = /^(?:--host|--bind|--listen|--address|--addr|--hostname|--ip|-H)$/;
const LISTEN_ENV = /^(?:[A-Z0-9_]{0,40}_)?(?:HOST|BIND|BIND_ADDRESS|LISTEN|LISTEN_ADDRESS|ADDRESS|ADDR)$/;
const EVERY_INTERFACE = /^(?:0\.0\.0\.0|::|\[::\]|\*)(?::\d{1,5})?$/;

function checkBinding(context: AnalysisContext, server: McpServer): void {
  const { tokens } = commandLine(context.text, server);
  const docker = tokens.length > 1 && /^(?:docker|podman|nerdctl)$/.test(programName(tokens[0]!.value)) && tokens[1]!.value === 'run';
  const say = (what: string) =>
    `MCP server "${server.name}" ${what}: anyone on the same network can call its tools, with the access this machine gave it, and MCP servers started this way rarely check who calls. Listen on 127.0.0.1 instead.`;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const equals = token.value.indexOf('=');
    const option = equals < 0 ? token.value : token.value.slice(0, equals);
    if (LISTEN_OPTION.test(option)) {
      const value = equals < 0 ? tokens[i + 1] : undefined;
      const address = equals < 0 ? value?.value : token.value.slice(equals + 1);
      if (address !== undefined && EVERY_INTERFACE.test(address.trim())) {
        const [start, end] = value ? [value.start, value.end] : partRange(context.text, token, equals + 1, token.value.length);
        reportCapped(context, RULE, start, end, say(`is told to listen on every network interface (${option} ${address.trim()})`));
      }
      continue;
    }
    // docker run -p 8080:8080 publishes on every interface of the host unless an address is given.
    if (docker && (option === '-p' || option === '--publish')) {
      const value = equals < 0 ? tokens[i + 1] : undefined;
      const mapping = equals < 0 ? value?.value : token.value.slice(equals + 1);
      if (mapping === undefined) continue;
      const parts = mapping.trim().split(':');
      if (parts.length <= 2 || EVERY_INTERFACE.test(parts[0]!) || parts[0] === '') {
        const [start, end] = value ? [value.start, value.end] : partRange(context.text, token, equals + 1, token.value.length);
        reportCapped(context, RULE, start, end, say(`publishes port ${mapping.trim()} on every network interface of the host`));
      }
    }
  }
  for (const variable of server.env) {
    if (LISTEN_ENV.test(variable.name) && EVERY_INTERFACE.test(variable.value.value.trim())) {
      reportCapped(context, RULE, variable.value.start, variable.value.end, say(`is told to listen on every network interface (${variable.name}=${variable.value.value.trim()})`));
    }
  }
}
