import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile } from '../core/analyze';
import { applyEdits } from '../core/fixes';
import { generateAgentManifest } from '../core/fixes/ownership';
import { dnsLabel } from '../core/fixes/names';
import { addDays } from '../core/fixes/text';
import { LineIndex } from '../core/position';
import { getRule, isRuleId } from '../core/rules';
import { ruleDocsFile } from '../node/docs';
import { safeFixEdits, fixWorkspace, type CodeActionHost, type FixFolder } from './code-actions';
import { FIX_APPLIED_COMMAND, SHOW_DOCUMENTATION_COMMAND, toWorkspaceEdit, type FixAppliedArguments } from './convert';

/** Commands any LSP client can run (workspace/executeCommand), beside the audit and inventory commands. */
export const EDITOR_COMMANDS = {
  fixApplied: FIX_APPLIED_COMMAND,
  fixAll: 'agent-guardrail.fixAll',
  createManifest: 'agent-guardrail.createManifest',
  showDocumentation: SHOW_DOCUMENTATION_COMMAND,
} as const;

export interface EditorCommandHost extends CodeActionHost {
  connection: Connection;
  document(uri: string): TextDocument | undefined;
  locate(uri: string, languageId?: string): { folder: FixFolder; path: string } | undefined;
}

/** A message for the person (a notification: no answer expected, so no client waits on it). */
function tell(host: EditorCommandHost, message: string, type: MessageType = MessageType.Info): void {
  void host.connection.sendNotification(ShowMessageNotification.type, { type, message });
}

/** `a, b and c` */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * After a fix's edit: write the files it creates (never over an existing file), open a created manifest, and tell
 * the person what was written and changed, and what is left to do. Returns that message.
 */
async function fixApplied(args: FixAppliedArguments, host: EditorCommandHost): Promise<{ message: string; created: string[]; skipped: string[] }> {
  const created: string[] = [];
  const skipped: string[] = [];
  for (const file of args.create ?? []) {
    const path = fileURLToPath(file.uri);
    if (existsSync(path)) {
      skipped.push(file.path);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    created.push(file.path);
  }
  const parts = [
    args.changed?.length ? `changed ${list(args.changed)}` : '',
    created.length ? `created ${list(created)}` : '',
    skipped.length ? `kept the existing ${list(skipped)}` : '',
    ...(args.alsoChanged ?? []).map((what) => `set ${what}`),
  ].filter(Boolean);
  const message = `Agent Guardrail: ${parts.length ? parts.join('; ') : 'nothing to change'}.${args.followUp ? ` ${args.followUp}` : ''}`;
  for (const uri of args.open ?? []) if (created.includes(host.locate(uri)?.path ?? '')) await host.connection.window.showDocument({ uri, takeFocus: true });
  tell(host, message, /rotate/i.test(message) ? MessageType.Warning : MessageType.Info);
  return { message, created, skipped };
}

/** Apply every safe fix of an open document through the client (workspace/applyEdit); say how many problems went. */
async function fixAll(args: { uri?: string } | undefined, host: EditorCommandHost): Promise<{ fixed: number; remaining: number; applied: boolean }> {
  const document = args?.uri ? host.document(args.uri) : undefined;
  const located = document && host.locate(document.uri, document.languageId);
  if (!document || !located) return { fixed: 0, remaining: 0, applied: false };
  const { folder, path } = located;
  const text = document.getText();
  const before = host.findingsOf(folder, path).length;
  const edits = safeFixEdits(folder, host, path, text);
  if (!edits.length) {
    tell(host, `Agent Guardrail: no auto-fixable problems in ${path}${before ? ` (${before} need${before === 1 ? 's' : ''} a decision: use the quick fixes)` : ''}.`);
    return { fixed: 0, remaining: before, applied: false };
  }
  const fixedText = applyEdits(text, edits);
  const remaining = analyzeFile({ path, text: fixedText }, folder.config, { now: host.now() }).findings.filter((finding) => !finding.suppression).length;
  const workspace = fixWorkspace(folder, host);
  const converted = toWorkspaceEdit(edits, { uri: document.uri, lines: new LineIndex(text), root: folder.root, selfPath: path, otherFileLines: workspace.lines, clientChooses: host.clientChooses });
  const result = converted.edit ? await host.connection.workspace.applyEdit({ label: 'Fix all auto-fixable problems', edit: converted.edit }) : { applied: false };
  const fixed = Math.max(0, before - remaining);
  if (result.applied) tell(host, `Agent Guardrail: fixed ${fixed} problem${fixed === 1 ? '' : 's'} in ${path}${remaining ? `; ${remaining} need${remaining === 1 ? 's' : ''} a decision (use the quick fixes)` : ''}.`);
  return { fixed: result.applied ? fixed : 0, remaining: result.applied ? remaining : before, applied: result.applied };
}

/**
 * Create Agent Manifest: a manifest prefilled from the agent defined in the given document (name, entrypoint,
 * tools with a guessed access level, credentials, owner from CODEOWNERS). Without an agent in that document, a
 * manifest for `name`; without a name either, the client is asked for one (`{ needsName: true }`).
 */
async function createManifest(args: { uri?: string; name?: string } | undefined, host: EditorCommandHost): Promise<{ needsName?: boolean; suggestedName?: string; path?: string; uri?: string; followUp?: string; error?: string }> {
  const document = args?.uri ? host.document(args.uri) : undefined;
  const located = args?.uri ? host.locate(args.uri, document?.languageId) : undefined;
  if (!located) return { error: 'Open a file of the workspace first.' };
  const { folder, path } = located;
  const text = document?.getText() ?? fixWorkspace(folder, host).readText(path) ?? '';
  const workspace = fixWorkspace(folder, host);
  const today = host.now().toISOString().slice(0, 10);
  const agents = analyzeFile({ path, text }, folder.config).facts.agents;
  const agent = agents.find((candidate) => candidate.kind === 'definition') ?? agents[0];
  let manifest: { path: string; text: string; followUp: string };
  if (agent) {
    manifest = generateAgentManifest(path, text, args?.name ? { ...agent, name: args.name } : agent, folder.config, workspace, today);
  } else {
    const suggestedName = dnsLabel(path.replace(/^.*\//, '').replace(/\..*$/, ''));
    if (!args?.name) return { needsName: true, suggestedName };
    const name = dnsLabel(args.name);
    manifest = {
      path: `agents/${name}.agent.yaml`,
      text: ['apiVersion: agent-guardrail/v1', 'kind: Agent', 'metadata:', `  name: ${name}`, '  description: "TODO: the business process this agent serves"', '  owner: team:change-me', '  environment: development', `  reviewBy: ${addDays(today, 90)}`, 'spec:', `  entrypoint: ${path}`, '  tools: []', ''].join('\n'),
      followUp: 'No agent was found in the code of this file: fill in metadata.owner, metadata.description and the tools.',
    };
  }
  const uri = pathToFileURL(`${folder.root}/${manifest.path}`).href;
  if (existsSync(fileURLToPath(uri))) return { error: `${manifest.path} exists already.`, path: manifest.path, uri };
  await fixApplied({ create: [{ uri, path: manifest.path, text: manifest.text }], changed: [], open: [uri], followUp: manifest.followUp }, host);
  return { path: manifest.path, uri, followUp: manifest.followUp };
}

/** Open a rule's documentation page (shipped with the server) in the editor. */
async function showDocumentation(ruleId: unknown, host: EditorCommandHost): Promise<{ opened?: string }> {
  const id = String(ruleId ?? '');
  if (!isRuleId(id)) return {};
  const file = ruleDocsFile(id);
  const uri = file ? pathToFileURL(file).href : getRule(id).docsUrl;
  await host.connection.window.showDocument({ uri, takeFocus: true, ...(!file && { external: true }) });
  return { opened: uri };
}

/** Runs one of EDITOR_COMMANDS; undefined for other commands. */
export function executeEditorCommand(command: string, args: unknown[] | undefined, host: EditorCommandHost): Promise<unknown> | undefined {
  switch (command) {
    case EDITOR_COMMANDS.fixApplied:
      return fixApplied(args?.[0] as FixAppliedArguments, host);
    case EDITOR_COMMANDS.fixAll:
      return fixAll(args?.[0] as { uri?: string }, host);
    case EDITOR_COMMANDS.createManifest:
      return createManifest(args?.[0] as { uri?: string; name?: string }, host);
    case EDITOR_COMMANDS.showDocumentation:
      return showDocumentation(args?.[0], host);
    default:
      return undefined;
  }
}
