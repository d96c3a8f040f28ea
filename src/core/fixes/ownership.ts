/**
 * Fixes that connect code and manifests: create a manifest for an unowned agent, and resolve an undeclared tool
 * by declaring it in the manifest or removing it from the agent's tools.
 */
import type { ts as TsNamespace } from 'ts-morph';
import { analyzeFile } from '../analyze';
import type { Broker, ResolvedConfig } from '../config';
import { baseName, fileKind } from '../files';
import { loadTypeScript } from '../languages/typescript';
import { parseForFix } from './code-style';
import { parseManifestText } from '../manifest/parse';
import { isManifestPath } from '../manifest/schema';
import { LineIndex } from '../position';
import type { CodeAgent, CodeTool } from '../facts';
import type { Finding } from '../types';
import { ownersFor } from './codeowners';
import { addToolEdit, brokerRef, OWNER_PLACEHOLDER } from './manifest';
import { credentialNameFor, dnsLabel } from './names';
import { addDays, dirnameOf, eolOf } from './text';
import { guessToolAccess } from './tool-access';
import { pythonToolRemoval } from './python';
import type { Fix } from './types';
import { fileExists, type FixWorkspace } from './workspace';

/** A YAML plain scalar when safe, else JSON-quoted. */
function scalar(value: string): string {
  return /^[A-Za-z0-9_./@+-][A-Za-z0-9_ ./@:+-]*$/.test(value) && !/[ :]$/.test(value) && !/: /.test(value) && !/^(?:true|false|null|yes|no|on|off|~|\d[\d.]*)$/i.test(value) ? value : JSON.stringify(value);
}

/** A manifest prefilled from an agent in code: what the code tells (name, entrypoint, tools, credentials, purpose). */
export interface GeneratedManifest {
  path: string;
  text: string;
  /** What the person must still fill in or check. */
  followUp: string;
}

/**
 * The manifest for an agent defined in code: its name, the file as entrypoint, the owner from CODEOWNERS, the
 * purpose from the declaration's JSDoc, the environment credentials it reads (from the configured broker), and its
 * tools with an access level guessed from their names (high-risk ones with `decision: challenge`). What the code
 * cannot tell is left as a placeholder, which the ownership rules keep reporting until it is filled in.
 */
export function generateAgentManifest(path: string, text: string, agent: CodeAgent, config: ResolvedConfig, workspace: FixWorkspace, today: string): GeneratedManifest {
  const name = dnsLabel(agent.name ?? baseName(path).replace(/\.[^.]+$/, ''));
  const existingManifest = workspace.files.find((file) => isManifestPath(file) && !file.startsWith('test/') && !file.includes('/test/'));
  const folder = existingManifest ? dirnameOf(existingManifest) : 'agents';
  let manifestPath = `${folder ? `${folder}/` : ''}${name}.agent.yaml`;
  for (let n = 2; fileExists(workspace, manifestPath) && n < 100; n++) manifestPath = `${folder ? `${folder}/` : ''}${name}-${n}.agent.yaml`;
  const owners = ownersFor(workspace, path);
  const owner = agent.ownerTag ?? owners.find((entry) => entry.startsWith('team:')) ?? owners[0] ?? OWNER_PLACEHOLDER;
  const purpose = jsdocSummary(text, agent.startOffset);
  const broker: Broker = config.broker ?? 'env';
  const eol = eolOf(text);
  const tools = new Map<string, CodeTool>();
  for (const tool of agent.tools) if (tool.name && tool.kind !== 'mcp-all' && !tools.has(tool.name)) tools.set(tool.name, tool);
  const credentials = [...new Set(agent.environmentCredentials)];
  const lines = [
    'apiVersion: agent-guardrail/v1',
    'kind: Agent',
    'metadata:',
    `  name: ${name}`,
    `  description: ${scalar(purpose ?? 'TODO: the business process this agent serves')}`,
    `  owner: ${scalar(owner)}`,
    '  environment: development',
    `  reviewBy: ${addDays(today, 90)}`,
    'spec:',
    `  entrypoint: ${scalar(path)}`,
  ];
  if (credentials.length) {
    lines.push('  credentials:');
    for (const variable of credentials) {
      const credential = credentialNameFor(variable);
      lines.push(`    - name: ${scalar(credential)}`, `      broker: ${broker}`, `      ref: ${scalar(broker === 'env' ? variable : brokerRef(broker, name, credential))}`, '      ttl: 15m');
    }
  }
  if (tools.size) {
    lines.push('  tools:');
    for (const tool of tools.values()) {
      const access = guessToolAccess(tool);
      lines.push(`    - name: ${scalar(tool.name!)}`, `      access: ${access}    # guessed from the tool; check it`);
      if (access !== 'read') lines.push('      decision: challenge');
    }
  }
  const placeholders = [owner === OWNER_PLACEHOLDER ? 'metadata.owner' : '', purpose ? '' : 'metadata.description'].filter(Boolean);
  const todo = [placeholders.length ? `Fill in ${placeholders.join(' and ')}` : '', tools.size ? 'check the guessed access of each tool' : '', agent.toolsComplete ? '' : 'add the tools that could not be resolved from the code'].filter(Boolean);
  return { path: manifestPath, text: lines.join(eol) + eol, followUp: todo.length ? `${todo.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()) : 'Review the generated manifest.' };
}

/** The first paragraph of the JSDoc comment right above the statement that defines an agent, without its tags. */
function jsdocSummary(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(Math.max(0, lineStart - 2000), lineStart).trimEnd();
  if (!before.endsWith('*/')) return undefined;
  const open = before.lastIndexOf('/**');
  if (open < 0) return undefined;
  const body = before
    .slice(open + 3, -2)
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\*?\s?/, ''))
    .join('\n')
    .split(/\n\s*(?:\n|@)/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  return body || undefined;
}

export function createManifestFixes(path: string, text: string, finding: Finding, config: ResolvedConfig, workspace: FixWorkspace, today: string): Fix[] {
  const agents = analyzeFile({ path, text }, config).facts.agents;
  const agent = agents.find((candidate) => candidate.startOffset === finding.startOffset) ?? agents.find((candidate) => candidate.startOffset <= finding.startOffset && finding.startOffset < candidate.endOffset);
  if (!agent) return [];
  const manifest = generateAgentManifest(path, text, agent, config, workspace, today);
  return [
    {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: 'quickfix',
      safe: false,
      isPreferred: true,
      title: `Create agent manifest ${manifest.path}`,
      edits: [{ path: manifest.path, startOffset: 0, endOffset: 0, newText: manifest.text, create: true }],
      followUp: manifest.followUp,
    },
  ];
}

/** The array element or object property that puts a tool in an agent's tool list. */
function toolElement(sourceFile: TsNamespace.SourceFile, start: number, end: number): { startOffset: number; endOffset: number } | undefined {
  const ts = loadTypeScript();
  let found: TsNamespace.Node | undefined;
  const visit = (node: TsNamespace.Node): void => {
    if (node.getStart(sourceFile) <= start && end <= node.end) {
      if ((ts.isArrayLiteralExpression(node.parent) || ts.isObjectLiteralExpression(node.parent)) && node.getStart(sourceFile) === start) found = node;
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(sourceFile, visit);
  if (!found) return undefined;
  const text = sourceFile.text;
  const list = ts.isArrayLiteralExpression(found.parent) ? found.parent.elements : (found.parent as TsNamespace.ObjectLiteralExpression).properties;
  const index = (list as readonly TsNamespace.Node[]).indexOf(found);
  const next = list[index + 1];
  if (next) return { startOffset: found.getStart(sourceFile), endOffset: next.getStart(sourceFile) };
  const previous = list[index - 1];
  let after = found.end;
  while (after < text.length && /[ \t]/.test(text[after]!)) after++;
  if (text[after] === ',') after++;
  if (previous) return { startOffset: previous.end, endOffset: after };
  return { startOffset: found.getStart(sourceFile), endOffset: after };
}

export function undeclaredToolFixes(path: string, text: string, finding: Finding, config: ResolvedConfig, workspace: FixWorkspace): Fix[] {
  const fixes: Fix[] = [];
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix' as const, safe: false };
  const agent = analyzeFile({ path, text }, config).facts.agents.find((candidate) => candidate.tools.some((tool) => tool.startOffset === finding.startOffset));
  const tool = agent?.tools.find((candidate) => candidate.startOffset === finding.startOffset);
  const manifestPath = finding.related?.[0]?.file;
  const manifestText = manifestPath !== undefined ? workspace.readText(manifestPath) : undefined;
  if (tool?.name && manifestPath && manifestText !== undefined) {
    const manifests = parseManifestText(manifestPath, manifestText, new LineIndex(manifestText)).manifests;
    const manifestName = (manifests.find((manifest) => manifest.name === agent?.name) ?? manifests[0])?.name;
    const edit = addToolEdit(manifestPath, manifestText, manifestName, tool.name);
    if (edit) fixes.push({ ...base, isPreferred: true, title: `Declare tool "${tool.name}" in ${manifestPath}`, edits: [edit], followUp: `Set access and decision for "${tool.name}" in the manifest.` });
  }
  try {
    const removal = fileKind(path) === 'python' ? pythonToolRemoval(text, finding.startOffset, finding.endOffset) : toolElement(parseForFix(path, text), finding.startOffset, finding.endOffset);
    if (removal && tool?.name) fixes.push({ ...base, title: `Remove tool "${tool.name}" from the agent's tools`, edits: [{ path, ...removal, newText: '' }] });
  } catch {
    // no removal for a file that does not parse
  }
  return fixes;
}

