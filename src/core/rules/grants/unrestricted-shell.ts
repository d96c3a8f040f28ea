import { checkShellInCode } from '../../code/shell';
import { pythonSource } from '../../code/python-source';
import type { PyNode } from '../../languages/python-tree';
import { parsePermissionRule, readClaudeSettings } from '../../configs/claude';
import { isProsePath } from '../../configs/kind';
import { forEachActiveLine } from '../../configs/lines';
import { commandLine, programName, readMcpConfig, SHELL_PROGRAMS, type McpServer } from '../../configs/mcp';
import { shellGrantOf } from '../../configs/shell-grants';
import { configTrees, escapesPrintableCharacters, forEachString, partRange, type TreeString } from '../../configs/tree';
import { reportCapped } from '../../configs/report';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'grants/unrestricted-shell';

export const unrestrictedShell = defineRule({
  id: RULE,
  description:
    'An agent may run any shell command: Claude Code Bash(*) or interpreter wildcards, bypassPermissions, --dangerously-skip-permissions, a shell MCP server, or a code tool that hands model input to a shell.',
  defaultSeverity: 'error',
  owasp: [OWASP.ASI05, OWASP.ASI02, OWASP.NHI5],
  check(context: AnalysisContext) {
    if (context.kind === 'code' || context.kind === 'python' || context.kind === 'notebook') {
      checkShellInCode(context);
      if (context.kind !== 'notebook') checkAgentSdkOptions(context);
      return;
    }
    const settings = readClaudeSettings(context);
    if (settings) {
      for (const entry of settings.allow) checkAllowRule(context, entry);
      for (const mode of settings.defaultModes) {
        if (mode.value.trim() !== 'bypassPermissions') continue;
        reportCapped(
          context,
          RULE,
          mode.start,
          mode.end,
          'defaultMode "bypassPermissions" lets Claude Code use every tool, including any shell command, without asking. Use "default" (or "acceptEdits") and allow the specific commands the work needs, such as "Bash(npm run test:*)".',
        );
      }
    }
    const mcp = readMcpConfig(context);
    if (mcp) for (const server of mcp.servers) checkServer(context, server);
    if (context.kind === 'json' || context.kind === 'yaml') checkAllowedToolsKeys(context);
    if (!isProsePath(context.path)) scanCommandLines(context);
  },
});

function checkAllowRule(context: AnalysisContext, entry: TreeString): void {
  const rule = parsePermissionRule(entry.value);
  if (rule?.tool !== 'Bash') return;
  const grant = shellGrantOf(rule.specifier);
  if (!grant) return;
  reportCapped(context, RULE, entry.start, entry.end, allowMessage(entry.value.trim(), grant.what));
}

function allowMessage(rule: string, what: string): string {
  return `"${rule}" lets Claude Code run ${what} without asking. Allow the specific commands the work needs instead, such as "Bash(npm run test:*)" or "Bash(git status)".`;
}

/** MCP servers whose tools run shell commands the model writes. */
const SHELL_SERVER = /mcp[-_]?(?:server[-_])?(?:shell|bash|terminal|commands?)(?![a-z])|(?:shell|bash|terminal|iterm|cli)[-_]mcp|desktop-commander|win-cli-mcp/i;
/** Environment variables shell servers take an allow-list of commands from (mcp-shell-server, cli-mcp-server). */
const COMMAND_ALLOW_LIST = /^(?:ALLOW_COMMANDS|ALLOWED_COMMANDS|ALLOWED_COMMAND_LIST|COMMAND_ALLOWLIST)$/i;

function checkServer(context: AnalysisContext, server: McpServer): void {
  const { tokens, viaShell, shellScript } = commandLine(context.text, server);
  const first = tokens[0];
  if (!first) return;
  // Package names and commands only: `$MCP_COMMAND` is a variable, not the mcp-commands server.
  const shellServer = tokens.find((token) => !/^[$%]/.test(token.value) && SHELL_SERVER.test(token.value));
  if (shellServer) {
    const allowList = server.env.find((variable) => COMMAND_ALLOW_LIST.test(variable.name));
    const restricted = allowList && !/^\s*(?:(?:\*|all|any)\s*)?$/i.test(allowList.value.value);
    if (restricted) return;
    reportCapped(
      context,
      RULE,
      shellServer.start,
      shellServer.end,
      `MCP server "${server.name}" (${shellServer.value}) gives the model a shell: it can run any command the model writes${allowList ? '' : ', and no command allow-list is set'}. Use servers whose tools do specific things, or set an allow-list of commands (for example ALLOWED_COMMANDS=git,ls).`,
    );
    return;
  }
  if (!server.command || !SHELL_PROGRAMS.has(programName(server.command.value))) return;
  // A shell with no command string (or one filled in at run time) is a plain shell, not a launcher for a server.
  const dynamicScript = shellScript !== undefined && shellScript.value.trim().split(/\s+/).every((word) => /^"?\$(?:\{[\w:.-]{1,100}\}|[\w@*]{1,100})"?$/.test(word));
  const plain = !viaShell
    ? server.args.every((arg) => /^-{1,2}[\w-]{1,30}$/.test(arg.value) || arg.value.trim() === '')
    : dynamicScript || (shellScript === undefined && tokens.length === 1);
  if (!plain) return;
  reportCapped(
    context,
    RULE,
    server.command.start,
    server.command.end,
    `MCP server "${server.name}" is a plain shell ("${server.command.value}"${viaShell && shellScript ? ` running "${shellScript.value}"` : ''}): whatever it is sent runs as a command. Configure the MCP server program itself (for example "npx" with the server package) instead of a shell.`,
  );
}

/** Keys that take a Claude Code tool allow-list: claude-code-action's `allowed_tools`, Agent SDK `allowedTools`. */
const ALLOWED_TOOLS_KEY = /^(?:allowed_tools|allowedTools|allowed-tools)$/;
/** `Bash`, `Bash(…)`; not `BashOutput`. */
const BASH_RULE = /(?<![\w-])Bash(?:\(([^()\n]{0,300})\)|(?![\w(]))/g;

function checkAllowedToolsKeys(context: AnalysisContext): void {
  if (!/allowed[_-]?tools/i.test(context.text) && !escapesPrintableCharacters(context)) return;
  for (const tree of configTrees(context)) {
    forEachString(tree, (node, key) => {
      if (!key || !ALLOWED_TOOLS_KEY.test(key) || node.value.includes('--allowedTools') || node.value.includes('--allowed-tools')) return;
      for (const match of node.value.matchAll(BASH_RULE)) {
        const grant = shellGrantOf(match[1]);
        if (!grant) continue;
        const [start, end] = partRange(context.text, node, match.index!, match.index! + match[0].length);
        reportCapped(context, RULE, start, end, `"${match[0]}" in ${key} lets the agent run ${grant.what} without asking. Allow the specific commands the work needs instead, such as "Bash(npm run test:*)".`);
      }
    });
  }
}

/** The Claude Agent SDK (and its earlier name, the Claude Code SDK), in TypeScript and Python. */
const AGENT_SDK_IMPORT = /@anthropic-ai\/claude-(?:agent-sdk|code)|claude_(?:agent|code)_sdk/;
/** `permissionMode: 'bypassPermissions'` (TypeScript), `permission_mode="bypassPermissions"` (Python). */
const BYPASS_MODE = /\bpermission(?:Mode|_mode)\s*[:=]\s*(["'`])(bypassPermissions)\1/g;
/** The start of an allow-list: `allowedTools: [`, `allowed_tools=[`. */
const ALLOWED_TOOLS_LIST = /\ballowed(?:Tools|_tools)\s*[:=]\s*\[/g;
/** A quoted `Bash` or `Bash(…)` item of such a list. */
const QUOTED_BASH = /(["'`])(Bash(?:\([^()\n]{0,300}\))?)\1/g;
/** How far an allow-list is read for its items (a list of tools is short). */
const MAX_LIST = 4_000;

/**
 * Claude Agent SDK options in agent code: `query({ options: { permissionMode: 'bypassPermissions', allowedTools:
 * ['Bash'] } })`, `ClaudeAgentOptions(permission_mode="bypassPermissions", allowed_tools=["Bash"])`, the same grants
 * as Claude Code's settings. Read from the text of a file that imports the SDK, on lines that are not comments.
 */
function checkAgentSdkOptions(context: AnalysisContext): void {
  const { text } = context;
  if (!AGENT_SDK_IMPORT.test(text) || !(text.includes('bypassPermissions') || /allowed(?:Tools|_tools)/.test(text))) return;
  const documentation = documentationAt(context);
  forEachActiveLine(text, (line, lineStart) => {
    // A JSDoc or block-comment line (` * allowedTools: ['Bash']` in a usage example) grants nothing.
    if (context.kind === 'code' && /^\s*(?:\/?\*)/.test(line)) return;
    for (const match of line.matchAll(BYPASS_MODE)) {
      if (documentation(lineStart + match.index!)) continue;
      const start = lineStart + match.index! + match[0].length - match[2]!.length - 1;
      reportCapped(
        context,
        RULE,
        start,
        start + match[2]!.length,
        'permission mode "bypassPermissions" lets the Claude Agent SDK use every tool, including any shell command, without asking. Use "default" (or "acceptEdits") with allowed tools limited to what the task needs, such as "Bash(npm run test:*)", and decide the rest in a canUseTool callback.',
      );
    }
    for (const list of line.matchAll(ALLOWED_TOOLS_LIST)) {
      if (documentation(lineStart + list.index!)) continue;
      const from = lineStart + list.index! + list[0].length;
      const close = text.indexOf(']', from);
      const items = text.slice(from, close < 0 ? Math.min(text.length, from + MAX_LIST) : Math.min(close, from + MAX_LIST));
      for (const item of items.matchAll(QUOTED_BASH)) {
        const rule = item[2]!;
        const grant = shellGrantOf(rule === 'Bash' ? undefined : rule.slice(5, -1));
        if (!grant) continue;
        const start = from + item.index! + 1;
        reportCapped(context, RULE, start, start + rule.length, `"${rule}" in the allowed tools lets the agent run ${grant.what} without asking. Allow the specific commands the work needs instead, such as "Bash(npm run test:*)".`);
      }
    }
  });
}

/**
 * Whether an offset of a Python file lies in a string literal: a docstring's usage example
 * (`ClaudeAgent(allowed_tools=["Read", "Bash"])` under `Example:`) configures nothing. Other files: never.
 */
function documentationAt(context: AnalysisContext): (offset: number) => boolean {
  if (context.kind !== 'python') return () => false;
  let strings: PyNode[] | undefined;
  return (offset) => {
    strings ??= (pythonSource(context)?.tree.nodes ?? []).filter((node) => node.type === 'string');
    return strings.some((node) => node.start <= offset && offset < node.end);
  };
}

const SKIP_PERMISSIONS = /--dangerously-skip-permissions(?![\w-])|--dangerously-bypass-approvals-and-sandbox(?![\w-])|--permission-mode(?:=|[ \t]{1,10})["']?bypassPermissions(?![\w-])/g;
const ALLOWED_TOOLS_FLAG = /--allowed-?tools(?![\w-])/gi;

/**
 * Command lines in scripts, CI files, package.json scripts, Dockerfiles …: `claude --dangerously-skip-permissions`,
 * `--permission-mode bypassPermissions`, `--allowedTools "Bash"`. Comment lines are skipped. A line scan, so it works
 * in any file format.
 */
function scanCommandLines(context: AnalysisContext): void {
  const { text } = context;
  const hasSkip = text.includes('--dangerously-') || text.includes('--permission-mode');
  const hasAllowed = /--allowed-?tools/i.test(text);
  if (!hasSkip && !hasAllowed) return;
  forEachActiveLine(text, (line, lineStart) => {
    if (hasSkip) {
      for (const match of line.matchAll(SKIP_PERMISSIONS)) {
        reportCapped(
          context,
          RULE,
          lineStart + match.index!,
          lineStart + match.index! + match[0].length,
          `${match[0].replace(/\s+/g, ' ')} turns off every permission check, so the agent runs any shell command without asking. Give it an allow-list instead (--allowedTools "Bash(npm run test:*)" …), or run it only in an isolated container without credentials.`,
        );
      }
    }
    if (hasAllowed) {
      for (const flag of line.matchAll(ALLOWED_TOOLS_FLAG)) {
        const from = flag.index! + flag[0].length;
        const next = /\s--?[A-Za-z]/.exec(line.slice(from));
        const rest = line.slice(from, next ? from + next.index : line.length);
        for (const match of rest.matchAll(BASH_RULE)) {
          const grant = shellGrantOf(match[1]);
          if (!grant) continue;
          const start = lineStart + from + match.index!;
          reportCapped(context, RULE, start, start + match[0].length, `${flag[0]} "${match[0]}" lets the agent run ${grant.what} without asking. Allow the specific commands the work needs instead, such as "Bash(npm run test:*)".`);
        }
      }
    }
  });
}
