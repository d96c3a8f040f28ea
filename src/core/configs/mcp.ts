import type { AnalysisContext } from '../context';
import { configKind, type McpClient } from './kind';
import { configTrees, getKey, getPath, stringsOf, type TreeObject, type TreeString, type TreeValue } from './tree';
import { appendAll } from '../arrays';

/** A string in a config with the offsets of its token (quotes included). */
export type ConfigString = TreeString;

/** One MCP server entry, the same shape whichever client's config it came from. */
export interface McpServer {
  /** The key the server is configured under (`"filesystem": { … }`). */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** `stdio`, `http`, `sse` … when the config says. */
  type?: string;
  command?: ConfigString;
  args: ConfigString[];
  env: { name: string; value: ConfigString }[];
  url?: ConfigString;
  headers: { name: string; value: ConfigString }[];
  disabled: boolean;
  /** Cline/Roo `alwaysAllow` and `autoApprove`: tools the client calls without asking. */
  autoApproved: { key: string; tools: ConfigString[] }[];
  node: TreeObject;
}

/** A VS Code `inputs` entry (`${input:id}` prompts). */
export interface McpInput {
  id: string;
  password: boolean;
  node: TreeObject;
}

export interface McpConfig {
  client: McpClient;
  servers: McpServer[];
  inputs: McpInput[];
}

/** The MCP servers of an MCP client config file (undefined for any other file). Memoised per file. */
export function readMcpConfig(context: AnalysisContext): McpConfig | undefined {
  const kind = configKind(context.path);
  if (kind?.kind !== 'mcp' || context.kind !== 'json') return undefined;
  return context.memo('configs:mcp', () => {
    const root = configTrees(context)[0];
    const config: McpConfig = { client: kind.client, servers: [], inputs: [] };
    if (root?.type !== 'object') return config;
    for (const path of kind.serverKeys) {
      const servers = getPath(root, path);
      if (servers?.type !== 'object') continue;
      for (const entry of servers.entries) {
        if (entry.value.type === 'object') config.servers.push(readServer(entry.key, entry.keyStart, entry.keyEnd, entry.value));
      }
    }
    const inputs = getKey(root, 'inputs');
    if (inputs?.type === 'array') {
      for (const input of inputs.items) {
        const id = getKey(input, 'id');
        if (input.type === 'object' && id?.type === 'string') config.inputs.push({ id: id.value, password: booleanOf(getKey(input, 'password')) === true, node: input });
      }
    }
    return config;
  });
}

const AUTO_APPROVE_KEYS = ['alwaysAllow', 'autoApprove'];

function readServer(name: string, nameStart: number, nameEnd: number, node: TreeObject): McpServer {
  const server: McpServer = {
    name,
    nameStart,
    nameEnd,
    args: stringsOf(getKey(node, 'args')),
    env: namedStrings(getKey(node, 'env')),
    headers: namedStrings(getKey(node, 'headers')),
    disabled: booleanOf(getKey(node, 'disabled')) === true || booleanOf(getKey(node, 'enabled')) === false,
    autoApproved: AUTO_APPROVE_KEYS.flatMap((key) => {
      const list = getKey(node, key);
      return list?.type === 'array' ? [{ key, tools: stringsOf(list) }] : [];
    }),
    node,
  };
  const type = getKey(node, 'type');
  if (type?.type === 'string') server.type = type.value;
  const command = getKey(node, 'command');
  if (command?.type === 'string') server.command = command;
  // Some clients (Windsurf, Cline, Claude Code) accept `serverUrl` / `httpUrl` for remote servers.
  const url = getKey(node, 'url') ?? getKey(node, 'serverUrl') ?? getKey(node, 'httpUrl');
  if (url?.type === 'string') server.url = url;
  return server;
}

function namedStrings(node: TreeValue | undefined): { name: string; value: ConfigString }[] {
  if (node?.type !== 'object') return [];
  const result: { name: string; value: ConfigString }[] = [];
  for (const entry of node.entries) if (entry.value.type === 'string') result.push({ name: entry.key, value: entry.value });
  return result;
}

export function booleanOf(node: TreeValue | undefined): boolean | undefined {
  return node?.type === 'other' && typeof node.value === 'boolean' ? node.value : undefined;
}

/** The program a command names, without directory or `.exe`/`.cmd` suffix, lower case (`/usr/bin/bash` → `bash`). */
export function programName(command: string): string {
  const trimmed = command.trim();
  const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return trimmed.slice(slash + 1).toLowerCase().replace(/\.(?:exe|cmd|bat|com)$/, '');
}

export const SHELL_PROGRAMS = new Set(['sh', 'bash', 'zsh', 'fish', 'dash', 'ksh', 'mksh', 'csh', 'tcsh', 'ash', 'cmd', 'powershell', 'pwsh', 'nu', 'xonsh']);

/** `-c`, `/c`, `-Command` …: the flag after which a shell takes a command string. */
export function isShellCommandFlag(arg: string): boolean {
  return /^(?:-[a-z]{0,4}c|\/[ck]|-command|-encodedcommand)$/i.test(arg.trim());
}

/** One word of a server's effective command line, with the offsets to report it at. */
export interface CommandToken {
  value: string;
  start: number;
  end: number;
}

/**
 * The server's command line as words: the command, then the args. When the command is a shell launcher
 * (`bash -c "npx -y pkg /"`, `cmd /c npx -y pkg C:\`), the command string it runs is split into words too, with
 * offsets inside the string where they can be found, so rules see through the launcher.
 */
export function commandLine(text: string, server: McpServer): { tokens: CommandToken[]; viaShell: boolean; shellScript?: ConfigString } {
  const tokens: CommandToken[] = [];
  if (server.command) appendAll(tokens, splitWords(text, server.command));
  const launcher = tokens.length === 1 && SHELL_PROGRAMS.has(programName(tokens[0]!.value));
  let viaShell = false;
  let shellScript: ConfigString | undefined;
  for (let i = 0; i < server.args.length; i++) {
    const arg = server.args[i]!;
    if (launcher && !viaShell && isShellCommandFlag(arg.value)) {
      viaShell = true;
      const rest = server.args.slice(i + 1);
      if (rest.length === 1) {
        shellScript = rest[0]!;
        appendAll(tokens, splitWords(text, rest[0]!));
      } else {
        appendAll(tokens, rest);
      }
      break;
    }
    tokens.push(arg);
  }
  return { tokens, viaShell, ...(shellScript && { shellScript }) };
}

/**
 * Split a command string into words (whitespace-separated, surrounding quotes removed), each located in the file.
 * A string without whitespace is one word at the token's own range. Linear: one pass, no regular expression.
 */
export function splitWords(text: string, node: ConfigString): CommandToken[] {
  const value = node.value;
  if (!/\s/.test(value)) return [{ value, start: node.start, end: node.end }];
  const raw = text.slice(node.start, node.end);
  const verbatim = raw.length >= 2 && raw.slice(1, -1) === value;
  const base = verbatim ? node.start + 1 : -1;
  const words: CommandToken[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /\s/.test(value[i]!)) i++;
    if (i >= value.length) break;
    let start = i;
    let end: number;
    const quote = value[i] === '"' || value[i] === "'" ? value[i]! : undefined;
    if (quote) {
      const close = value.indexOf(quote, i + 1);
      end = close < 0 ? value.length : close;
      start = i + 1;
      i = close < 0 ? value.length : close + 1;
    } else {
      while (i < value.length && !/\s/.test(value[i]!)) i++;
      end = i;
    }
    const word = value.slice(start, end);
    if (base >= 0) words.push({ value: word, start: base + start, end: base + end });
    else words.push({ value: word, start: node.start, end: node.end });
  }
  return words;
}
