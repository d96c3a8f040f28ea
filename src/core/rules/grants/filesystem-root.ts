import { parsePermissionRule, readClaudeSettings } from '../../configs/claude';
import type { McpClient } from '../../configs/kind';
import { commandLine, programName, readMcpConfig, type CommandToken, type McpServer } from '../../configs/mcp';
import { broadDirectory } from '../../configs/paths';
import { partRange } from '../../configs/tree';
import { reportCapped } from '../../configs/report';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'grants/filesystem-root';

export const filesystemRoot = defineRule({
  id: RULE,
  description:
    'A filesystem MCP server or Claude Code additionalDirectories entry reaches the file-system root, a drive root or a home directory instead of the project.',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI5, OWASP.ASI02],
  fileKinds: ['json'],
  check(context: AnalysisContext) {
    const mcp = readMcpConfig(context);
    if (mcp) for (const server of mcp.servers) checkServer(context, mcp.client, server);
    const settings = readClaudeSettings(context);
    if (settings) checkClaudeSettings(context, settings);
  },
});

/** `@modelcontextprotocol/server-filesystem`, `mcp-server-filesystem`, `filesystem-mcp-server`, the `mcp/filesystem` image … */
const FILESYSTEM_PACKAGE = /server-filesystem|filesystem-(?:mcp|server)|mcp-filesystem|mcp\/filesystem/i;
/** Environment variables some filesystem servers read their allowed directories from. */
const DIRECTORY_ENV = /(?:DIR|DIRS|DIRECTORY|DIRECTORIES|ROOT|ROOTS|ALLOWED_PATHS?|WORKSPACE)$/i;

const ADVICE: Record<McpClient, string> = {
  vscode: '"${workspaceFolder}" or a sub-directory of it',
  cursor: '"${workspaceFolder}" or a sub-directory of it',
  'claude-code': 'the project directory or the sub-directory the task needs',
  'claude-desktop': 'the folder of the project the task needs (for example "/Users/alice/projects/app")',
  cline: 'the folder of the project the task needs',
  generic: 'the project directory or the sub-directory the task needs',
};

function checkServer(context: AnalysisContext, client: McpClient, server: McpServer): void {
  const { tokens } = commandLine(context.text, server);
  if (!/filesystem/i.test(server.name) && !tokens.some((token) => FILESYSTEM_PACKAGE.test(token.value))) return;
  const report = (token: CommandToken, from: number, to: number, path: string) => {
    const what = broadDirectory(path);
    if (!what) return;
    const [start, end] = partRange(context.text, token, from, to);
    reportCapped(
      context,
      RULE,
      start,
      end,
      `Filesystem MCP server "${server.name}" is given ${what} ("${path}"): the agent can read and overwrite every file there, including SSH keys and cloud credentials. Limit it to ${ADVICE[client]}.`,
    );
  };

  const containerized = tokens.length > 0 && /^(?:docker|podman|nerdctl)$/.test(programName(tokens[0]!.value));
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    const value = token.value;
    if (containerized) {
      // Only the host side of a bind mount matters; paths inside the container see only what is mounted.
      const flag = /^(?:-v|--volume|--mount)(?:=|$)/.exec(value);
      if (!flag) continue;
      const inline = value.includes('=') && value.startsWith('--') ? value.indexOf('=') + 1 : -1;
      const target = inline >= 0 ? token : tokens[i + 1];
      if (!target) continue;
      const offset = inline >= 0 ? inline : 0;
      const source = mountSource(target.value.slice(offset), flag[0].startsWith('--mount'));
      if (source) report(target, offset + source.from, offset + source.to, source.path);
      if (inline < 0) i++;
      continue;
    }
    if (value.startsWith('-')) {
      const equals = value.indexOf('=');
      if (equals > 0) report(token, equals + 1, value.length, value.slice(equals + 1));
      continue;
    }
    report(token, 0, value.length, value);
  }

  for (const variable of server.env) {
    if (!DIRECTORY_ENV.test(variable.name)) continue;
    for (const part of splitPathList(variable.value.value)) report(variable.value, part.from, part.to, part.path);
  }
}

/** The host path of `-v SRC:DST[:opts]` or `--mount type=bind,src=SRC,dst=DST`. */
function mountSource(value: string, mount: boolean): { path: string; from: number; to: number } | undefined {
  if (mount) {
    const match = /(?:^|,)(?:src|source)=([^,]{1,1000})/.exec(value);
    if (!match) return undefined;
    const from = match.index + match[0].length - match[1]!.length;
    return { path: match[1]!, from, to: from + match[1]!.length };
  }
  // A Windows drive letter's colon is part of the path (`C:\:/data`).
  const skip = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  const colon = value.indexOf(':', skip);
  const path = colon >= 0 ? value.slice(0, colon) : value;
  return { path, from: 0, to: path.length };
}

/** `a,b`, `a;b` and Unix `a:b` lists (a Windows drive letter's colon stays with its path). */
function splitPathList(value: string): { path: string; from: number; to: number }[] {
  const parts: { path: string; from: number; to: number }[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    const driveColon = c === ':' && i - start === 1 && /[A-Za-z]/.test(value[start]!) && /[\\/]/.test(value[i + 1] ?? '');
    if (i === value.length || c === ',' || c === ';' || (c === ':' && !driveColon)) {
      const raw = value.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const path = raw.trim();
      if (path) parts.push({ path, from: start + lead, to: start + lead + path.length });
      start = i + 1;
    }
  }
  return parts;
}

/** File tools whose permission rules take a path (`Read(~/**)`, `Edit(//etc/**)`). */
const FILE_TOOLS = new Set(['Read', 'Edit', 'Write', 'MultiEdit', 'NotebookEdit', 'NotebookRead', 'Glob', 'Grep', 'LS']);

function checkClaudeSettings(context: AnalysisContext, settings: NonNullable<ReturnType<typeof readClaudeSettings>>): void {
  for (const directory of settings.additionalDirectories) {
    const what = broadDirectory(directory.value);
    if (!what) continue;
    reportCapped(
      context,
      RULE,
      directory.start,
      directory.end,
      `Claude Code may read and edit files in ${what} ("${directory.value}") as well as the project: that includes SSH keys and cloud credentials. Add only the directories the work needs (for example "../shared-docs").`,
    );
  }
  for (const entry of settings.allow) {
    const rule = parsePermissionRule(entry.value);
    if (!rule?.specifier || !FILE_TOOLS.has(rule.tool)) continue;
    const path = absoluteRulePath(rule.specifier);
    const what = path === undefined ? undefined : broadDirectory(path);
    if (!what) continue;
    reportCapped(
      context,
      RULE,
      entry.start,
      entry.end,
      `"${entry.value}" lets Claude Code use ${rule.tool} on every file under ${what} without asking, including SSH keys and cloud credentials. Allow the project paths the work needs (for example "${rule.tool}(./src/**)").`,
    );
  }
}

/**
 * The directory a Claude Code path rule covers, for rules outside the project: `//path` is absolute, `~/path` is in
 * the home directory (`/path` and `./path` are relative to the project and never reported). Trailing globs are
 * dropped: `//**` covers `/`.
 */
function absoluteRulePath(specifier: string): string | undefined {
  let path: string;
  if (specifier.startsWith('//')) path = specifier.slice(1);
  else if (specifier.startsWith('~')) path = specifier;
  else return undefined;
  for (;;) {
    if (path.endsWith('/**') || path.endsWith('/*')) path = path.slice(0, path.lastIndexOf('/'));
    else if (path.endsWith('**') || path.endsWith('*')) path = path.replace(/\*{1,2}$/, '');
    else break;
  }
  return path || '/';
}
