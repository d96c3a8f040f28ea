/**
 * Fixes in agent manifests (YAML or JSON): a literal secret becomes a `broker`/`ref`/`ttl` block, a missing
 * ownership field is inserted with a placeholder, a wildcard tool is replaced by the tools the code uses, and a tool
 * the code uses is added to `spec.tools`. YAML edits are placed with the parser's exact ranges; JSON edits come
 * from jsonc-parser's `modify`. Either way only the lines concerned change.
 */
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { appendJsonItem, formatJson, insertJsonProperty, removeJsonProperty } from './json-edit';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { analyzeFile } from '../analyze';
import type { Broker, ResolvedConfig } from '../config';
import type { CodeAgent } from '../facts';
import { parseManifestText } from '../manifest/parse';
import { LineIndex } from '../position';
import type { Finding } from '../types';
import { entrypointCandidates } from '../workspace';
import { ownersFor } from './codeowners';
import { envNameFor } from './names';
import { ROTATE_FOLLOW_UP, ROTATE_TITLE } from './rotate';
import { addDays, applyEdits, diffEdit, EditSequence, eolOf, indentAt, indentUnit, lineEndOf, lineStartOf } from './text';
import type { FileEdit, Fix } from './types';
import type { FixWorkspace } from './workspace';
import { appendAll } from '../arrays';

type Path = (string | number)[];
type Ranged = { range?: [number, number, number] | null };

const isJson = (path: string) => /\.json$/i.test(path);

function documentAt(text: string, offset: number): Document.Parsed | undefined {
  const documents = parseAllDocuments(text, { prettyErrors: false, strict: false });
  if (!Array.isArray(documents)) return undefined;
  return documents.find((document) => {
    const range = (document.contents as Ranged | null)?.range;
    return !document.errors.length && range && range[0] <= offset && offset <= range[2];
  });
}

/** The pair whose scalar value holds [start, end), with its path. */
function pairAt(document: Document.Parsed, start: number, end: number): { pair: Pair; path: Path; parent: YAMLMap } | undefined {
  let found: { pair: Pair; path: Path; parent: YAMLMap } | undefined;
  const visit = (node: unknown, path: Path, depth: number): void => {
    if (found || depth > 50) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        const value = pair.value as Ranged | null;
        if (isScalar(pair.value) && value?.range && value.range[0] <= start && end <= value.range[1]) {
          found = { pair, path: [...path, key], parent: node };
          return;
        }
        visit(pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index], depth + 1));
    }
  };
  visit(document.contents, [], 0);
  return found;
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as Ranged | null)?.range ?? undefined;
}

function column(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** A YAML scalar: plain when that reads back as the same string, else double-quoted. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_./@+-][A-Za-z0-9_ ./@:+-]*$/.test(value) && !/[ :]$/.test(value) && !/: /.test(value) && !/^(?:true|false|null|yes|no|on|off|~|\d[\d.]*)$/i.test(value) ? value : JSON.stringify(value);
}

/** The reference a credential gets in a broker, from the manifest's names (never from the secret). */
export function brokerRef(broker: Broker, agent: string, credential: string): string {
  const env = envNameFor(undefined, `${agent}_${credential}`);
  switch (broker) {
    case 'env':
      // A provider id (`openai`) gives its conventional variable (OPENAI_API_KEY).
      return envNameFor(credential, undefined);
    case 'vault':
      return `secret/data/agents/${agent}/${credential}`;
    case 'aws-secrets-manager':
      return `agents/${agent}/${credential}`;
    case 'aws-sts':
      return `arn:aws:iam::<account-id>:role/${agent}`;
    case 'gcp-secret-manager':
      return `projects/<project>/secrets/${agent}-${credential}/versions/latest`;
    case 'azure-key-vault':
      return `https://<vault-name>.vault.azure.net/secrets/${agent}-${credential}`;
    case 'azure-managed-identity':
      return `https://<resource>/.default`;
    case '1password':
      return `op://agents/${agent}-${credential}/credential`;
    case 'doppler':
      return `doppler://<project>/<config>/${env}`;
    case 'infisical':
      return `infisical://<project>/<environment>/${env}`;
    case 'github-app':
      return `github-app/${agent}`;
    case 'oauth-token-exchange':
      return `https://<audience>`;
  }
}

function ttlFor(config: ResolvedConfig): string {
  return config.maxCredentialTtlSeconds >= 900 ? '15m' : `${Math.max(1, Math.floor(config.maxCredentialTtlSeconds / 60))}m`;
}

const CREDENTIAL_KEYS = new Set(['name', 'broker', 'ref', 'ttl', 'scopes']);

/** A literal secret in `spec.credentials[i]` → `broker` / `ref` / `ttl`, the secret's key removed. */
export function manifestSecretFixes(path: string, text: string, finding: Finding, config: ResolvedConfig): Fix[] {
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix' as const, safe: false, isPreferred: true };
  if (isJson(path)) return jsonManifestSecretFixes(path, text, finding, config, base);
  const document = documentAt(text, finding.startOffset);
  if (!document) return [];
  const located = pairAt(document, finding.startOffset, finding.endOffset);
  if (!located || located.path[0] !== 'spec' || located.path[1] !== 'credentials' || typeof located.path[2] !== 'number' || located.parent.flow) return [];
  const key = String(located.path[3]);
  if (CREDENTIAL_KEYS.has(key) && key !== 'ref') return [];
  const credential = located.parent.toJSON() as Record<string, unknown>;
  const agent = String((document.toJS() as { metadata?: { name?: unknown } } | null)?.metadata?.name ?? 'agent');
  const name = typeof credential.name === 'string' ? credential.name : 'credential';
  const broker = (typeof credential.broker === 'string' ? credential.broker : config.broker ?? 'env') as Broker;
  const ref = brokerRef(broker, agent, name);
  const keyRange = rangeOf(located.pair.key)!;
  const valueRange = rangeOf(located.pair.value)!;
  const indent = ' '.repeat(column(text, keyRange[0]));
  const eol = eolOf(text);
  let edit: FileEdit;
  if (key === 'ref') {
    edit = { path, startOffset: valueRange[0], endOffset: valueRange[1], newText: yamlScalar(ref) };
  } else {
    const lines: string[] = [];
    if (credential.ref === undefined) lines.push(`ref: ${yamlScalar(ref)}`);
    if (credential.ttl === undefined) lines.push(`ttl: ${ttlFor(config)}`);
    if (credential.broker === undefined) lines.push(`broker: ${broker}`);
    const lineStart = lineStartOf(text, keyRange[0]);
    const onDashLine = text.slice(lineStart, keyRange[0]).trim() !== '';
    if (lines.length) edit = { path, startOffset: keyRange[0], endOffset: valueRange[1], newText: lines.join(eol + indent) };
    else if (onDashLine) return [];
    else {
      const end = lineEndOf(text, valueRange[1]);
      edit = { path, startOffset: lineStart, endOffset: text.startsWith('\r\n', end) ? end + 2 : text[end] === '\n' ? end + 1 : end, newText: '' };
    }
  }
  return [{ ...base, title: `Move credential "${name}" to ${broker} with ref and ttl (${ROTATE_TITLE})`, edits: [edit], followUp: `Store the credential in ${broker} under the ref (fill in any <placeholder>). ${ROTATE_FOLLOW_UP}` }];
}

function jsonManifestSecretFixes(path: string, text: string, finding: Finding, config: ResolvedConfig, base: Omit<Fix, 'title' | 'edits'>): Fix[] {
  const root = parseTree(text);
  if (!root) return [];
  const credentials = findNodeAtLocation(root, ['spec', 'credentials']);
  const index = credentials?.children?.findIndex((child) => child.offset <= finding.startOffset && finding.endOffset <= child.offset + child.length) ?? -1;
  if (!credentials || index < 0) return [];
  const entry = credentials.children![index]!;
  const property = entry.children?.find((child) => child.children?.[1] && child.children[1].offset <= finding.startOffset && finding.endOffset <= child.children[1].offset + child.children[1].length);
  const key = property?.children?.[0]?.value as string | undefined;
  if (!key || (CREDENTIAL_KEYS.has(key) && key !== 'ref')) return [];
  const value = (name: string) => entry.children?.find((child) => child.children?.[0]?.value === name)?.children?.[1]?.value as unknown;
  const manifestName = findNodeAtLocation(root, ['metadata', 'name'])?.value;
  const agent = typeof manifestName === 'string' ? manifestName : 'agent';
  const name = typeof value('name') === 'string' ? (value('name') as string) : 'credential';
  const broker = (typeof value('broker') === 'string' ? value('broker') : config.broker ?? 'env') as Broker;
  const sequence = new EditSequence(text);
  const current = () => findNodeAtLocation(parseTree(sequence.text)!, ['spec', 'credentials', index])!;
  const step = (edit: FileEdit | undefined) => {
    if (edit) sequence.apply([edit]);
  };
  if (key === 'ref') {
    const refNode = current().children?.find((child) => child.children?.[0]?.value === 'ref')?.children?.[1];
    if (refNode) step({ path, startOffset: refNode.offset, endOffset: refNode.offset + refNode.length, newText: JSON.stringify(brokerRef(broker, agent, name)) });
  } else {
    if (value('ref') === undefined) step(insertJsonProperty(path, sequence.text, current(), 'ref', brokerRef(broker, agent, name)));
    step(removeJsonProperty(path, sequence.text, current(), key));
  }
  if (value('ttl') === undefined) step(insertJsonProperty(path, sequence.text, current(), 'ttl', ttlFor(config)));
  if (value('broker') === undefined) step(insertJsonProperty(path, sequence.text, current(), 'broker', broker));
  // Edits of only what changed: one diff over the entry would re-emit its other values (another secret).
  const edits = sequence.edits(path);
  if (!edits.length) return [];
  return [{ ...base, title: `Move credential "${name}" to ${broker} with ref and ttl (${ROTATE_TITLE})`, edits, followUp: `Store the credential in ${broker} under the ref (fill in any <placeholder>). ${ROTATE_FOLLOW_UP}` } as Fix];
}

// ---------------------------------------------------------------------------------------------------------------
// Missing ownership fields

const MISSING_FIELD: Record<string, { key: string; what: string }> = {
  'ownership/missing-owner': { key: 'owner', what: 'owner' },
  'ownership/missing-purpose': { key: 'description', what: 'purpose' },
  'ownership/missing-review-date': { key: 'reviewBy', what: 'review date' },
  'ownership/missing-revocation': { key: 'revocation', what: 'revocation path' },
  'ownership/missing-technical-owner': { key: 'technicalOwner', what: 'technical owner' },
};

export const OWNER_PLACEHOLDER = 'team:change-me';
export const TECHNICAL_OWNER_PLACEHOLDER = 'user:change-me@example.com';

function fieldValue(key: string, path: string, today: string, workspace: FixWorkspace, entrypoints: string[]): { value: string; placeholder: boolean } {
  switch (key) {
    case 'owner': {
      const owner = [path, ...entrypoints].map((file) => ownersFor(workspace, file).find((entry) => entry.startsWith('team:'))).find(Boolean);
      return owner ? { value: owner, placeholder: false } : { value: OWNER_PLACEHOLDER, placeholder: true };
    }
    case 'technicalOwner': {
      const owner = [path, ...entrypoints].map((file) => ownersFor(workspace, file).find((entry) => entry.startsWith('user:'))).find(Boolean);
      return owner ? { value: owner, placeholder: false } : { value: TECHNICAL_OWNER_PLACEHOLDER, placeholder: true };
    }
    case 'reviewBy':
      return { value: addDays(today, 90), placeholder: false };
    case 'description':
      return { value: 'TODO: the business process this agent serves', placeholder: true };
    default:
      return { value: "TODO: runbook URL or the steps that revoke this agent's credentials", placeholder: true };
  }
}

export function missingFieldFixes(path: string, text: string, finding: Finding, today: string, workspace: FixWorkspace): Fix[] {
  const field = MISSING_FIELD[finding.ruleId];
  if (!field) return [];
  const parsed = parseManifestText(path, text, new LineIndex(text));
  const manifest = parsed.manifests.find((candidate) => candidate.startOffset <= finding.startOffset && finding.startOffset <= candidate.endOffset) ?? parsed.manifests[0];
  const { value, placeholder } = fieldValue(field.key, path, today, workspace, manifest ? manifest.entrypoints.map((entry) => entry.value) : []);
  let edit: FileEdit | undefined;
  const replacing = Boolean(manifest?.[field.key as 'owner']);
  if (replacing) {
    // The field holds a placeholder: replace it only with a real value (from CODEOWNERS, or a date).
    if (placeholder) return [];
    const node = isJson(path) ? findNodeAtLocation(parseTree(text) ?? ({} as never), ['metadata', field.key]) : undefined;
    const range: [number, number] | undefined = node
      ? [node.offset, node.offset + node.length]
      : (() => {
          const scalar = documentAt(text, finding.startOffset)?.getIn(['metadata', field.key], true);
          const found = isScalar(scalar) ? rangeOf(scalar) : undefined;
          return found && [found[0], found[1]];
        })();
    if (!range) return [];
    edit = { path, startOffset: range[0], endOffset: range[1], newText: isJson(path) ? JSON.stringify(value) : yamlScalar(value) };
  } else if (isJson(path)) {
    const metadata = findNodeAtLocation(parseTree(text) ?? ({} as never), ['metadata']);
    if (metadata?.type !== 'object') return [];
    edit = insertJsonProperty(path, text, metadata, field.key, value);
  } else {
    const document = documentAt(text, finding.startOffset);
    const metadata = document?.get('metadata', true);
    if (!isMap(metadata) || metadata.flow || !metadata.items.length) return [];
    const first = metadata.items[0]!;
    const last = metadata.items[metadata.items.length - 1]!;
    const indent = ' '.repeat(column(text, rangeOf(first.key)![0]));
    let end = rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1];
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const at = lineEndOf(text, end);
    edit = { path, startOffset: at, endOffset: at, newText: `${eolOf(text)}${indent}${field.key}: ${yamlScalar(value)}` };
  }
  if (!edit) return [];
  return [
    {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: 'quickfix',
      safe: false,
      isPreferred: true,
      title: placeholder ? `Add metadata.${field.key} (placeholder to fill in)` : `${replacing ? 'Set' : 'Add'} metadata.${field.key}: ${value}`,
      edits: [edit],
      ...(placeholder && { followUp: `Replace the placeholder in metadata.${field.key} with the agent's real ${field.what}.` }),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Tools: wildcard → the code's tools; undeclared tool → add to the manifest

/** The agents in code that a manifest covers (its entrypoint files), analysed from the workspace's text. */
export function agentsOfManifest(workspace: FixWorkspace, manifestPath: string, entrypoints: string[], manifestName: string | undefined, config: ResolvedConfig): CodeAgent[] {
  const agents: CodeAgent[] = [];
  for (const entrypoint of entrypoints) {
    for (const candidate of entrypointCandidates(manifestPath, entrypoint)) {
      const source = workspace.readText(candidate);
      if (source === undefined) continue;
      appendAll(agents, analyzeFile({ path: candidate, text: source }, config).facts.agents);
      break;
    }
  }
  const named = agents.filter((agent) => agent.name === manifestName);
  return named.length ? named : agents;
}

export function wildcardToolFixes(path: string, text: string, finding: Finding, config: ResolvedConfig, workspace: FixWorkspace): Fix[] {
  const parsed = parseManifestText(path, text, new LineIndex(text));
  const manifest = parsed.manifests.find((candidate) => candidate.startOffset <= finding.startOffset && finding.startOffset <= candidate.endOffset);
  if (!manifest) return [];
  const toolIndex = manifest.tools.findIndex((tool) => tool.startOffset <= finding.startOffset && finding.endOffset <= tool.endOffset);
  if (toolIndex < 0) return []; // MCP server allow-lists: the code does not say which server tools it calls
  const agents = agentsOfManifest(workspace, path, manifest.entrypoints.map((entry) => entry.value), manifest.name, config);
  if (!agents.length || agents.some((agent) => !agent.toolsComplete)) return [];
  const declared = new Set(manifest.tools.map((tool) => tool.name));
  const used = [...new Set(agents.flatMap((agent) => agent.tools.flatMap((tool) => (tool.name && tool.kind !== 'mcp-all' ? [tool.name] : []))))].filter((name) => !declared.has(name));
  let edit: FileEdit | undefined;
  if (isJson(path)) {
    const tools = findNodeAtLocation(parseTree(text) ?? ({} as never), ['spec', 'tools']);
    const item = tools?.children?.[toolIndex];
    if (!item) return [];
    const eol = eolOf(text);
    const unit = indentUnit(text);
    const multiline = text.slice(lineStartOf(text, item.offset), item.offset).trim() === '';
    const indent = indentAt(text, item.offset);
    const separator = multiline ? `,${eol}${indent}` : ', ';
    if (used.length) edit = { path, startOffset: item.offset, endOffset: item.offset + item.length, newText: used.map((name) => formatJson({ name }, !multiline, unit, indent, eol)).join(separator) };
    else {
      const siblings = tools!.children!;
      const next = siblings[toolIndex + 1];
      const previous = siblings[toolIndex - 1];
      if (next) edit = { path, startOffset: item.offset, endOffset: next.offset, newText: '' };
      else if (previous) edit = { path, startOffset: previous.offset + previous.length, endOffset: item.offset + item.length, newText: '' };
      else return [];
    }
  } else {
    const document = documentAt(text, finding.startOffset);
    const tools = document?.getIn(['spec', 'tools'], true) as YAMLSeq | undefined;
    const item = isSeq(tools) && !tools.flow ? tools.items[toolIndex] : undefined;
    const itemRange = rangeOf(item);
    if (!itemRange || !isMap(item) || item.flow) return [];
    const dashLine = lineStartOf(text, itemRange[0]);
    const dash = text.indexOf('-', dashLine);
    const dashIndent = ' '.repeat(dash - dashLine);
    let end = itemRange[1];
    while (end > itemRange[0] && /\s/.test(text[end - 1]!)) end--;
    const eol = eolOf(text);
    if (used.length) {
      edit = { path, startOffset: itemRange[0], endOffset: end, newText: used.map((name, index) => `${index ? `${eol}${dashIndent}- ` : ''}name: ${yamlScalar(name)}`).join('') };
    } else {
      if (tools!.items.length === 1) return [];
      const lineEnd = lineEndOf(text, end);
      edit = { path, startOffset: dashLine, endOffset: text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : Math.min(text.length, lineEnd + 1), newText: '' };
    }
  }
  if (!edit) return [];
  return [
    {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: 'quickfix',
      safe: false,
      isPreferred: true,
      title: used.length ? `Replace "${manifest.tools[toolIndex]!.name}" with the tools the code uses (${used.join(', ')})` : `Remove "${manifest.tools[toolIndex]!.name}": the tools the code uses are declared`,
      edits: [edit],
      followUp: 'Set access and decision for each tool.',
    },
  ];
}

/** The edit that adds `- name: <tool>` to `spec.tools` of a manifest (creating `tools:` when missing). */
export function addToolEdit(path: string, text: string, manifestName: string | undefined, tool: string): FileEdit | undefined {
  const eol = eolOf(text);
  if (isJson(path)) {
    const root = parseTree(text);
    const tools = root && findNodeAtLocation(root, ['spec', 'tools']);
    if (tools?.type === 'array') return appendJsonItem(path, text, tools, { name: tool });
    const spec = root && findNodeAtLocation(root, ['spec']);
    return spec?.type === 'object' ? insertJsonProperty(path, text, spec, 'tools', [{ name: tool }]) : undefined;
  }
  const documents = parseAllDocuments(text, { prettyErrors: false, strict: false });
  if (!Array.isArray(documents)) return undefined;
  const document = documents.find((candidate) => !candidate.errors.length && (manifestName === undefined || candidate.getIn(['metadata', 'name']) === manifestName)) ?? documents.find((candidate) => !candidate.errors.length);
  if (!document) return undefined;
  const spec = document.get('spec', true);
  if (!isMap(spec) || spec.flow || !spec.items.length) return undefined;
  const tools = spec.get('tools', true);
  const trimEnd = (offset: number) => {
    let end = offset;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    return end;
  };
  if (isSeq(tools) && !tools.flow && tools.items.length) {
    const first = rangeOf(tools.items[0])!;
    const dashLine = lineStartOf(text, first[0]);
    const dashIndent = ' '.repeat(text.indexOf('-', dashLine) - dashLine);
    const at = lineEndOf(text, trimEnd(rangeOf(tools)![1]));
    return { path, startOffset: at, endOffset: at, newText: `${eol}${dashIndent}- name: ${yamlScalar(tool)}` };
  }
  if (tools !== undefined) return undefined;
  const firstKey = rangeOf(spec.items[0]!.key)!;
  const indent = ' '.repeat(column(text, firstKey[0]));
  const last = spec.items[spec.items.length - 1]!;
  const at = lineEndOf(text, trimEnd(rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1]));
  return { path, startOffset: at, endOffset: at, newText: `${eol}${indent}tools:${eol}${indent}  - name: ${yamlScalar(tool)}` };
}


// ---------------------------------------------------------------------------------------------------------------
// High-risk tool without a decision → decision: challenge

/**
 * `decision: challenge` for a high-risk tool: a person approves each call. Safe to apply unattended (fix all, on
 * save): it only adds a check, and the owner can still choose allow or deny deliberately.
 */
export function decisionFixes(path: string, text: string, finding: Finding): Fix[] {
  let edit: FileEdit | undefined;
  if (isJson(path)) {
    const root = parseTree(text);
    const tools = root && findNodeAtLocation(root, ['spec', 'tools']);
    const tool = tools?.children?.find((item) => item.type === 'object' && item.offset <= finding.startOffset && finding.endOffset <= item.offset + item.length);
    if (tool) edit = insertJsonProperty(path, text, tool, 'decision', 'challenge');
  } else {
    const lineStart = lineStartOf(text, finding.startOffset);
    const key = /^(\s*(?:-\s+)?)access\s*:\s*$/.exec(text.slice(lineStart, finding.startOffset));
    if (key) {
      const at = lineEndOf(text, finding.endOffset);
      edit = { path, startOffset: at, endOffset: at, newText: `${eolOf(text)}${' '.repeat(key[1]!.length)}decision: challenge` };
    }
  }
  if (!edit) return [];
  return [{ ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix', safe: true, isPreferred: true, title: 'Add decision: challenge (a person approves each call)', edits: [edit] }];
}
