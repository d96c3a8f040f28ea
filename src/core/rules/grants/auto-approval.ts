import { readClaudeSettings } from '../../configs/claude';
import { readCursorPermissions, readEditorSettings } from '../../configs/editor-settings';
import { booleanOf, readMcpConfig } from '../../configs/mcp';
import { reportCapped } from '../../configs/report';
import { shellGrantOf } from '../../configs/shell-grants';
import type { TreeEntry, TreeString, TreeValue } from '../../configs/tree';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'grants/auto-approval';

export const autoApproval = defineRule({
  id: RULE,
  description:
    'A setting lets an agent call tools or run commands with no human approval: Cline/Roo alwaysAllow or autoApprove, Claude Code enableAllProjectMcpServers, VS Code chat auto-approve and permission levels, Cursor and Windsurf allow-lists.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.ASI02, OWASP.ASI09, OWASP.NHI5],
  fileKinds: ['json'],
  check(context: AnalysisContext) {
    const mcp = readMcpConfig(context);
    if (mcp) {
      for (const server of mcp.servers) {
        for (const list of server.autoApproved) checkToolList(context, list.tools, (tools) => `"${list.key}" lets the agent call ${tools} of MCP server "${server.name}" without asking`);
      }
    }
    const claude = readClaudeSettings(context);
    if (claude?.enableAllProjectMcpServers && booleanOf(claude.enableAllProjectMcpServers) === true) {
      const node = claude.enableAllProjectMcpServers;
      report(
        context,
        node,
        'enableAllProjectMcpServers: true starts every MCP server a repository\'s .mcp.json defines, without asking, including servers added by a pull request. List the servers you reviewed in enabledMcpjsonServers instead.',
        true,
      );
    }
    const settings = readEditorSettings(context);
    if (settings) for (const entry of settings.entries) checkEditorSetting(context, entry);
    const cursor = readCursorPermissions(context);
    if (cursor) {
      for (const pattern of cursor.mcpAllowlist) checkCursorMcpPattern(context, pattern);
      for (const prefix of cursor.terminalAllowlist) checkCommandPrefix(context, prefix, prefix.value, 'terminalAllowlist');
    }
  },
});

function report(context: AnalysisContext, node: { start: number; end: number }, message: string, everything = false): void {
  if (everything) context.report(RULE, node.start, node.end, message, { escalateTo: 'error' });
  else reportCapped(context, RULE, node.start, node.end, message);
}

const READ_VERBS = new Set(['get', 'list', 'read', 'search', 'find', 'query', 'describe', 'view', 'show', 'lookup', 'count', 'inspect', 'browse', 'check', 'preview']);
const CHANGE_VERBS = new Set(['create', 'update', 'upsert', 'delete', 'remove', 'send', 'post', 'write', 'set', 'add', 'run', 'exec', 'execute', 'push', 'merge', 'move', 'rename', 'put', 'patch', 'upload', 'insert', 'drop', 'close', 'edit', 'modify', 'publish', 'reply', 'invite', 'assign', 'archive', 'deploy', 'install', 'kill', 'stop', 'start', 'restart', 'approve', 'transfer', 'pay', 'refund', 'commit', 'apply', 'fork', 'comment', 'submit', 'cancel', 'revoke', 'grant', 'save', 'store', 'append', 'replace', 'clear', 'reset', 'purge', 'destroy', 'wipe', 'trigger', 'invoke', 'call']);

/**
 * Tools whose names say they only read (`get_issue`, `listFiles`, `slack_list_channels`, `mcp__github__search_code`):
 * approving them in advance is the point of an allow-list. A read verb within the first three words (after a server
 * prefix) with no verb that changes things anywhere (`get_or_create_user` changes things). Everything else is reported.
 */
function isReadOnlyTool(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, 3).some((word) => READ_VERBS.has(word)) && !words.some((word) => CHANGE_VERBS.has(word));
}

function isEverything(name: string): boolean {
  return /^\s*(?:\*|all|\*:\*|\*\/\*)\s*$/i.test(name);
}

function checkToolList(context: AnalysisContext, tools: TreeString[], describe: (tools: string) => string): void {
  for (const tool of tools) {
    const name = tool.value.trim();
    if (isEverything(name)) {
      report(context, tool, `${describe('every tool')}, including tools that write, delete or send. Remove "${name}" and approve calls one by one, or list only read-only tools.`, true);
    } else if (!isReadOnlyTool(name)) {
      report(context, tool, `${describe(`"${name}"`)}: its calls change things (write, delete, send or run), so nobody reviews them before they happen. Remove it from the list so each call is approved.`);
    }
  }
}

/**
 * VS Code setting names (code.visualstudio.com/docs/agents/approvals; microsoft/vscode
 * TerminalChatAgentToolsSettingId for the deprecated terminal names). Cursor and Windsurf read the same file.
 */
const GLOBAL_AUTO_APPROVE = new Set(['chat.tools.global.autoApprove', 'chat.tools.autoApprove']);
const TERMINAL_AUTO_APPROVE = new Set([
  'chat.tools.terminal.autoApprove',
  'chat.agent.terminal.autoApprove',
  'chat.agent.terminal.allowList',
  'github.copilot.chat.agent.terminal.allowList',
]);
const PERMISSION_LEVEL = 'chat.permissions.default';
const AUTO_APPROVE_LEVELS = new Set(['autoApprove', 'autopilot']);
const URL_AUTO_APPROVE = 'chat.tools.urls.autoApprove';
const EDIT_AUTO_APPROVE = 'chat.tools.edits.autoApprove';
/** Windsurf: commands Cascade always runs without asking (docs.windsurf.com/windsurf/terminal). */
const WINDSURF_ALLOW_LIST = 'windsurf.cascadeCommandsAllowList';

function checkEditorSetting(context: AnalysisContext, entry: TreeEntry): void {
  const { key, value } = entry;
  if (GLOBAL_AUTO_APPROVE.has(key)) {
    if (booleanOf(value) === true) {
      report(context, value, `"${key}": true approves every tool call and terminal command of the chat agent without asking, in every workspace. Remove it and approve tools one by one (or per session).`, true);
    }
    return;
  }
  if (key === PERMISSION_LEVEL) {
    if (value.type === 'string' && AUTO_APPROVE_LEVELS.has(value.value)) {
      report(context, value, `"${key}": "${value.value}" starts every chat session at a permission level that runs all tools and commands without asking. Use "default" and approve consequential actions.`, true);
    }
    return;
  }
  if (TERMINAL_AUTO_APPROVE.has(key)) {
    if (value.type !== 'object') return;
    for (const command of value.entries) {
      if (!approves(command.value)) continue;
      checkCommandPrefix(context, { start: command.keyStart, end: command.keyEnd }, command.key, key);
    }
    return;
  }
  if (key === URL_AUTO_APPROVE || key === EDIT_AUTO_APPROVE) {
    if (value.type !== 'object') return;
    for (const pattern of value.entries) {
      if (!approves(pattern.value) || !isCatchAll(pattern.key)) continue;
      const what =
        key === URL_AUTO_APPROVE
          ? 'fetch any URL without asking, which can send what it has read to any server'
          : 'edit any file without asking, including its own settings and the scripts your build runs';
      report(context, { start: pattern.keyStart, end: pattern.keyEnd }, `"${pattern.key}" in "${key}" lets the chat agent ${what}. List the specific ${key === URL_AUTO_APPROVE ? 'domains' : 'paths'} instead.`);
    }
    return;
  }
  if (key === WINDSURF_ALLOW_LIST && value.type === 'array') {
    for (const item of value.items) if (item.type === 'string') checkCommandPrefix(context, item, item.value, key);
  }
}

/** `true`, or an object form whose approval flag is true (`{ "approve": true }`, `{ "approveRequest": true }`). */
function approves(value: TreeValue): boolean {
  if (booleanOf(value) === true) return true;
  if (value.type !== 'object') return false;
  return value.entries.some((entry) => /^approve(?:Request)?$/.test(entry.key) && booleanOf(entry.value) === true);
}

/** `*`, `**`, `**\/*`, `/.*\/`, `https://*` …: a pattern that matches everything. */
function isCatchAll(pattern: string): boolean {
  const trimmed = pattern.trim();
  return /^(?:\*{1,2}(?:\/\*{1,2})*|(?:https?\*?:\/\/)?\*{1,2}(?:\/\*{0,2})?|\/\^?(?:\.\*|\.\+|\[\\s\\S\]\*|\.)\$?\/[a-z]{0,4})$/i.test(trimmed) || trimmed === '';
}

/**
 * A terminal allow-list entry (a command prefix, or a `/regex/` in VS Code) that lets the agent run anything: a
 * catch-all, or a shell, interpreter, package runner or `sudo` (the same list as Claude Code's `Bash(…:*)` rules).
 */
function checkCommandPrefix(context: AnalysisContext, node: { start: number; end: number }, prefix: string, setting: string): void {
  const trimmed = prefix.trim();
  if (isCatchAll(trimmed)) {
    report(context, node, `"${trimmed}" in ${setting} lets the agent run any command without asking. List the specific commands the work needs (for example "npm test", "git status").`, true);
    return;
  }
  // VS Code also takes `/regex/` keys: only an anchored program name with nothing after it (`/^python\b/`) allows all.
  let command = trimmed;
  if (/^\/.*\/[a-z]{0,4}$/i.test(trimmed)) {
    const anchored = REGEX_PREFIX.exec(trimmed);
    if (!anchored) return;
    command = anchored[1]!;
  }
  const grant = shellGrantOf(`${command}:*`);
  if (!grant) return;
  report(context, node, `"${trimmed}" in ${setting} lets the agent run ${grant.what} without asking. Allow only the exact command lines the work needs, or let the agent ask each time.`);
}

const REGEX_PREFIX = /^\/\^([\w.+-]{1,40})(?:\\b|\\s[+*]?| )?(?:\.\*)?\/[a-z]{0,4}$/i;

/** Cursor permissions.json `mcpAllowlist` entries are `server:tool`; `*` stands for any. */
function checkCursorMcpPattern(context: AnalysisContext, pattern: TreeString): void {
  const value = pattern.value.trim();
  const colon = value.indexOf(':');
  const server = colon < 0 ? value : value.slice(0, colon);
  const tool = colon < 0 ? '*' : value.slice(colon + 1);
  if (server === '*' && tool === '*') {
    report(context, pattern, `"${value}" in mcpAllowlist lets Cursor's agent call every tool of every MCP server without asking, including tools that write, delete or send. List the read-only tools you trust instead.`, true);
  } else if (tool === '*') {
    report(context, pattern, `"${value}" in mcpAllowlist lets Cursor's agent call every tool of MCP server "${server}" without asking, including tools it adds later. List the read-only tools you trust instead (for example "${server}:get_issue").`);
  } else if (!isReadOnlyTool(tool)) {
    report(context, pattern, `"${value}" in mcpAllowlist lets Cursor's agent call "${tool}" without asking: its calls change things (write, delete, send or run), so nobody reviews them before they happen. Remove it so each call is approved.`);
  }
}
