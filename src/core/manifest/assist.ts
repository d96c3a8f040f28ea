/**
 * Completion and hover for agent manifests (`*.agent.yaml`, `*.agent.json`), from the zod schema itself, so that
 * every LSP client gets them from the language server (no YAML extension needed). Pure: text and an offset in,
 * items out; the server converts offsets to positions.
 *
 * YAML is usually incomplete while it is typed (`    acc` is not valid YAML yet), so the place in the document is
 * found from indentation, line by line upwards, not from a parse. JSON uses jsonc-parser's tolerant locator.
 */
import { findNodeAtLocation, getLocation, parseTree, type JSONPath } from 'jsonc-parser';
import * as z from 'zod';
import { BROKERS } from '../config';
import { once } from '../once';
import { ACCESS_LEVELS, DECISIONS, ENVIRONMENTS, manifestSchema } from './schema';

export interface AssistItem {
  label: string;
  kind: 'key' | 'value' | 'snippet';
  /** One line shown next to the label (the field's title, or the value's meaning). */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** What replaces [replaceStart, replaceEnd): LSP snippet syntax when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  replaceStart: number;
  replaceEnd: number;
  /** Order in the list (required keys first). */
  sortText: string;
}

export interface AssistOptions {
  /** The client understands snippet syntax (`${1:name}`); without it, plain text is inserted. */
  snippets: boolean;
  /** Today (YYYY-MM-DD), for the suggested review date. */
  today?: string;
}

export interface HoverInfo {
  markdown: string;
  startOffset: number;
  endOffset: number;
}

interface SchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  additionalProperties?: SchemaNode | boolean;
}

const schema = once(() => z.toJSONSchema(manifestSchema(), { target: 'draft-7', io: 'input' }) as SchemaNode);

/** What each enum value means, for the completion list and hover. */
const VALUE_DOCS: Record<string, Record<string, string>> = {
  access: {
    read: 'Reads data; changes nothing.',
    write: 'Creates or changes data (a refund, a ticket update, a message sent).',
    delete: 'Deletes data.',
    admin: 'Changes who may do what (roles, permissions, users).',
    execute: 'Runs code or commands.',
  } satisfies Record<(typeof ACCESS_LEVELS)[number], string>,
  decision: {
    allow: 'Every call runs without asking.',
    challenge: 'A human approves each call before it runs.',
    deny: 'The tool is declared but never runs.',
  } satisfies Record<(typeof DECISIONS)[number], string>,
  environment: {
    sandbox: 'Experiments with no real data.',
    development: 'Developer machines and shared dev systems.',
    staging: 'Pre-production, production-like data.',
    production: 'Real users and data: technicalOwner and revocation are required.',
  } satisfies Record<(typeof ENVIRONMENTS)[number], string>,
  broker: {
    vault: 'HashiCorp Vault (dynamic secrets, KV).',
    'aws-sts': 'AWS STS AssumeRole: temporary AWS credentials.',
    'aws-secrets-manager': 'AWS Secrets Manager.',
    'gcp-secret-manager': 'Google Cloud Secret Manager.',
    'azure-key-vault': 'Azure Key Vault.',
    'azure-managed-identity': 'Azure Managed Identity: tokens without a stored secret.',
    '1password': '1Password (service accounts, Connect).',
    infisical: 'Infisical.',
    doppler: 'Doppler.',
    'github-app': 'GitHub App installation tokens (one hour).',
    'oauth-token-exchange': 'OAuth 2.0 token exchange (RFC 8693): short-lived, narrowly scoped tokens.',
    env: 'Environment variables set by the platform (no broker).',
  } satisfies Record<(typeof BROKERS)[number], string>,
};

type Segment = string | number;

/** The schema node at a path (numbers step into arrays; `labels` keys into additionalProperties). */
function nodeAt(path: readonly Segment[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema();
  for (const segment of path) {
    if (!node) return undefined;
    const options: SchemaNode[] = node.anyOf ?? [node];
    let next: SchemaNode | undefined;
    for (const option of options) {
      if (typeof segment === 'number') next ??= option.items;
      else next ??= option.properties?.[segment] ?? (typeof option.additionalProperties === 'object' ? option.additionalProperties : undefined);
    }
    node = next;
  }
  return node;
}

function objectOf(node: SchemaNode | undefined): SchemaNode | undefined {
  return (node?.anyOf ?? (node ? [node] : [])).find((option) => option.properties || option.type === 'object');
}

function arrayOf(node: SchemaNode | undefined): SchemaNode | undefined {
  return (node?.anyOf ?? (node ? [node] : [])).find((option) => option.items);
}

function valuesOf(node: SchemaNode | undefined): string[] {
  if (!node) return [];
  if (node.const !== undefined) return [String(node.const)];
  if (node.enum) return node.enum.map(String);
  return (node.anyOf ?? []).flatMap(valuesOf);
}

function describe(node: SchemaNode | undefined, key?: string): string {
  if (!node) return '';
  const lines = [node.title ? `**${node.title}**${key ? ` (\`${key}\`)` : ''}` : key ? `\`${key}\`` : '', node.description ?? ''];
  const values = valuesOf(node);
  const docs = key ? VALUE_DOCS[key] : undefined;
  if (values.length > 1) lines.push(values.map((value) => `- \`${value}\`${docs?.[value] ? `: ${docs[value]}` : ''}`).join('\n'));
  return lines.filter(Boolean).join('\n\n');
}

// ---------------------------------------------------------------------------------------------------------------
// YAML: where the cursor is, from indentation

interface YamlPlace {
  /** Path of the mapping the cursor is in (numbers for list items). */
  path: Segment[];
  /** `key` when a key is being typed, `value` after `key:`, `item` for a new `- ` entry of a scalar list. */
  mode: 'key' | 'value';
  key?: string;
  /** The word being typed, and where it starts. */
  word: string;
  wordStart: number;
  /** Column where keys of the mapping start (for snippets that span lines). */
  column: number;
  /** Keys already present in the mapping (not offered again). */
  siblings: Set<string>;
  /** The cursor is right after `- ` (a new list item). */
  newItem: boolean;
}

const KEY_LINE = /^(\s*)(?:(-)\s+)?([A-Za-z_$][\w$-]*)\s*:(?:\s|$)/;

function splitLines(text: string): { start: number; text: string }[] {
  const lines: { start: number; text: string }[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    lines.push({ start, text: text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '') });
    if (end < 0) return lines;
    start = end + 1;
  }
}

function yamlPlace(text: string, offset: number): YamlPlace | undefined {
  const lines = splitLines(text);
  let lineIndex = lines.findIndex((line, index) => offset >= line.start && (index === lines.length - 1 || offset < lines[index + 1]!.start));
  if (lineIndex < 0) lineIndex = lines.length - 1;
  const line = lines[lineIndex]!;
  const prefix = line.text.slice(0, offset - line.start);
  if (/#/.test(prefix.replace(/"[^"]*"|'[^']*'/g, ''))) return undefined; // in a comment
  if (/^---|^\.\.\./.test(prefix)) return undefined;

  let column: number;
  let newItem = false;
  let mode: 'key' | 'value';
  let key: string | undefined;
  let word: string;
  const valueMatch = /^(\s*)(?:(-)\s+)?([A-Za-z_$][\w$-]*)\s*:\s*(?:"|')?([^"'#]*)$/.exec(prefix);
  const keyMatch = /^(\s*)(?:(-)(\s+))?([\w$-]*)$/.exec(prefix);
  if (valueMatch) {
    mode = 'value';
    key = valueMatch[3]!;
    word = valueMatch[4]!.trimStart();
    column = valueMatch[1]!.length + (valueMatch[2] ? 2 : 0);
    newItem = Boolean(valueMatch[2]);
  } else if (keyMatch) {
    mode = 'key';
    word = keyMatch[4]!;
    column = keyMatch[1]!.length + (keyMatch[2] ? 1 + keyMatch[3]!.length : 0);
    newItem = Boolean(keyMatch[2]);
  } else return undefined;
  const wordStart = offset - word.length;

  // Walk upwards to the root: the keys (and list items) that hold the cursor's mapping.
  const reversed: Segment[] = [];
  const siblings = new Set<string>();
  let current = column; // where the keys of the mapping being looked at start
  let owner = false; // looking for the key that owns a list whose dashes are at `current`
  if (newItem) {
    reversed.push(0);
    current = prefix.indexOf('-');
    owner = true;
  }
  for (let index = lineIndex - 1; index >= 0; index--) {
    const candidate = lines[index]!.text;
    if (!candidate.trim() || /^\s*#/.test(candidate)) continue;
    if (/^(?:---|\.\.\.)/.test(candidate)) break;
    const indent = candidate.length - candidate.trimStart().length;
    const match = KEY_LINE.exec(candidate);
    const dash = /^(\s*)-(\s+)/.exec(candidate);
    const contentColumn = dash ? dash[0].length : indent;
    const blockKey = match && /:\s*(?:#.*)?$/.test(candidate) ? match[3]! : undefined;
    if (!owner) {
      if (indent >= current) {
        if (indent === current && !dash && match && !reversed.length) siblings.add(match[3]!);
        continue;
      }
      if (dash && contentColumn === current) {
        // The list item whose mapping holds the cursor (its first key is on the dash line).
        if (match && !reversed.length) siblings.add(match[3]!);
        reversed.push(0);
        current = indent;
        owner = true;
        continue;
      }
      if (!dash && blockKey !== undefined && indent < current) {
        reversed.push(blockKey);
        current = indent;
        if (indent === 0) break;
        continue;
      }
      return undefined;
    }
    // Looking for the owner of a list whose items start at `current`.
    if (indent > current || (dash && indent === current)) continue;
    if (!dash && blockKey !== undefined) {
      reversed.push(blockKey);
      current = indent;
      owner = false;
      if (indent === 0) break;
      continue;
    }
    if (dash && blockKey !== undefined && indent < current) {
      // `- tools:` then the list below it: an item of an outer list owns this list.
      reversed.push(blockKey, 0);
      current = indent;
      continue;
    }
    return undefined;
  }
  if (owner || current !== 0) return undefined; // no key at the left margin holds it: not a place the schema describes
  // Keys below the cursor in the same mapping count as present too.
  for (let index = lineIndex + 1; index < lines.length; index++) {
    const candidate = lines[index]!.text;
    if (!candidate.trim() || /^\s*#/.test(candidate)) continue;
    const indent = candidate.length - candidate.trimStart().length;
    if (indent < column || (indent === column - 2 && /^\s*-/.test(candidate))) break;
    const match = KEY_LINE.exec(candidate);
    if (match && indent === column && !match[2]) siblings.add(match[3]!);
  }
  return { path: reversed.reverse(), mode, ...(key !== undefined && { key }), word, wordStart, column, siblings, newItem };
}

// ---------------------------------------------------------------------------------------------------------------
// Completion

function keyInsert(name: string, node: SchemaNode | undefined, column: number, options: AssistOptions): { text: string; snippet: boolean } {
  const pad = ' '.repeat(column + 2);
  const values = valuesOf(node);
  if (!options.snippets) return { text: `${name}: `, snippet: false };
  if (values.length === 1) return { text: `${name}: ${values[0]}`, snippet: false };
  if (values.length > 1) return { text: `${name}: \${1|${values.join(',')}|}`, snippet: true };
  if (objectOf(node) && !arrayOf(node)) return { text: `${name}:\n${pad}$0`, snippet: true };
  const list = arrayOf(node);
  if (list && !objectOf(node)) return objectOf(list.items) ? { text: `${name}:\n${pad}- $0`, snippet: true } : { text: `${name}: [$0]`, snippet: true };
  if (name === 'reviewBy' || name === 'expires') return { text: `${name}: \${1:${options.today ? addDays(options.today, name === 'reviewBy' ? 90 : 365) : 'YYYY-MM-DD'}}`, snippet: true };
  return { text: `${name}: $0`, snippet: true };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

/** Snippets for whole list entries: a credential and a tool. */
function entrySnippets(listKey: string, column: number, options: AssistOptions, replaceStart: number, replaceEnd: number, withDash: boolean): AssistItem[] {
  const pad = ' '.repeat(column);
  const dash = withDash ? '- ' : '';
  const make = (label: string, detail: string, snippet: string, plain: string): AssistItem => ({
    label,
    kind: 'snippet',
    detail,
    documentation: detail,
    insertText: options.snippets ? snippet : plain,
    snippet: options.snippets,
    replaceStart,
    replaceEnd,
    sortText: '0',
  });
  if (listKey === 'credentials') {
    return [
      make(
        'credential (broker-issued)',
        'A credential issued by a broker at run time, short-lived.',
        `${dash}name: \${1:openai}\n${pad}broker: \${2|${BROKERS.join(',')}|}\n${pad}ref: \${3:secret/data/agents/\${1}}\n${pad}ttl: \${4:15m}`,
        `${dash}name: openai\n${pad}broker: vault\n${pad}ref: secret/data/agents/openai\n${pad}ttl: 15m`,
      ),
    ];
  }
  if (listKey === 'tools') {
    return [
      make(
        'tool (with access and decision)',
        'A tool the agent may call, what it may do, and the run-time decision.',
        `${dash}name: \${1:tool_name}\n${pad}access: \${2|${ACCESS_LEVELS.join(',')}|}\n${pad}decision: \${3|${DECISIONS.join(',')}|}`,
        `${dash}name: tool_name\n${pad}access: read\n${pad}decision: allow`,
      ),
    ];
  }
  if (listKey === 'mcpServers') {
    return [make('MCP server (with allowed tools)', 'An MCP server and the tools the agent may call on it.', `${dash}name: \${1:server}\n${pad}tools: [\${2}]`, `${dash}name: server\n${pad}tools: []`)];
  }
  return [];
}

/** A whole manifest, for an empty file. */
function manifestSnippet(options: AssistOptions, offset: number): AssistItem {
  const review = options.today ? addDays(options.today, 90) : 'YYYY-MM-DD';
  const plain = `apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: my-agent\n  description: What business process this agent serves\n  owner: team:my-team\n  environment: development\n  reviewBy: ${review}\nspec:\n  entrypoint: src/agent.ts\n  tools:\n    - name: tool_name\n      access: read\n`;
  const snippet = `apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: \${1:my-agent}\n  description: \${2:What business process this agent serves}\n  owner: \${3:team:my-team}\n  environment: \${4|${ENVIRONMENTS.join(',')}|}\n  reviewBy: \${5:${review}}\nspec:\n  entrypoint: \${6:src/agent.ts}\n  tools:\n    - name: \${7:tool_name}\n      access: \${8|${ACCESS_LEVELS.join(',')}|}\n`;
  return { label: 'agent manifest', kind: 'snippet', detail: 'A complete agent-guardrail/v1 manifest', documentation: 'Owner, purpose, review date, entrypoint and tools of one agent.', insertText: options.snippets ? snippet : plain, snippet: options.snippets, replaceStart: offset, replaceEnd: offset, sortText: '0' };
}

function keyItems(mapping: SchemaNode | undefined, present: Set<string>, column: number, options: AssistOptions, replaceStart: number, replaceEnd: number, quote: string): AssistItem[] {
  const object = objectOf(mapping);
  if (!object?.properties) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties)
    .filter(([name]) => !present.has(name) && name !== '$schema')
    .map(([name, node], index) => {
      const insert = quote ? { text: `${name}${quote}`, snippet: false } : keyInsert(name, node, column, options);
      return {
        label: name,
        kind: 'key' as const,
        ...(node.title && { detail: node.title }),
        documentation: describe(node, name),
        insertText: insert.text,
        snippet: insert.snippet,
        replaceStart,
        replaceEnd,
        sortText: `${required.has(name) ? 1 : 2}${String(index).padStart(2, '0')}`,
      };
    });
}

function valueItems(node: SchemaNode | undefined, key: string, replaceStart: number, replaceEnd: number, quote: string): AssistItem[] {
  const docs = VALUE_DOCS[key];
  return valuesOf(node).map((value, index) => ({
    label: value,
    kind: 'value' as const,
    ...(docs?.[value] && { detail: docs[value] }),
    documentation: describe(node, key),
    insertText: quote ? `${quote}${value}${quote}` : value,
    snippet: false,
    replaceStart,
    replaceEnd,
    sortText: String(index).padStart(2, '0'),
  }));
}

/** Completion items at `offset` in a manifest (YAML or JSON by the file name). */
export function manifestCompletions(path: string, text: string, offset: number, options: AssistOptions): AssistItem[] {
  if (/\.json$/i.test(path)) return jsonCompletions(text, offset, options);
  if (!text.trim()) return [manifestSnippet(options, offset)];
  const place = yamlPlace(text, offset);
  if (!place) return [];
  const end = offset + (/^[\w$-]*/.exec(text.slice(offset))?.[0].length ?? 0);
  if (place.mode === 'value') {
    const node = nodeAt([...place.path, place.key!]);
    return valueItems(node, place.key!, place.wordStart, end, '');
  }
  const mapping = nodeAt(place.path);
  const keys = keyItems(mapping, place.siblings, place.column, options, place.wordStart, end, '');
  // A new entry of a list of objects: offer whole-entry snippets too, first.
  const listKey = place.path.length >= 2 && typeof place.path[place.path.length - 1] === 'number' ? String(place.path[place.path.length - 2]) : undefined;
  const items = place.newItem && listKey && place.siblings.size === 0 ? [...entrySnippets(listKey, place.column, options, place.wordStart, end, false), ...keys] : keys;
  // Directly under `tools:` without a dash yet.
  const parent = nodeAt(place.path);
  if (!place.newItem && !objectOf(parent) && arrayOf(parent) && typeof place.path[place.path.length - 1] === 'string') {
    return entrySnippets(String(place.path[place.path.length - 1]), place.column + 2, options, place.wordStart, end, true);
  }
  return items;
}

function jsonCompletions(text: string, offset: number, options: AssistOptions): AssistItem[] {
  if (!text.trim()) return [];
  const location = getLocation(text, offset);
  const path = location.path.map((segment) => (typeof segment === 'number' ? 0 : segment)) as Segment[];
  const previous = location.previousNode;
  const replaceStart = previous && offset >= previous.offset && offset <= previous.offset + previous.length ? previous.offset : offset;
  const replaceEnd = previous && replaceStart === previous.offset ? previous.offset + previous.length : offset;
  if (location.isAtPropertyKey) {
    const mappingPath = path.slice(0, -1);
    const present = new Set(presentJsonKeys(text, location.path.slice(0, -1)));
    const colon = /^\s*:/.test(text.slice(replaceEnd)) ? '' : ': ';
    return keyItems(nodeAt(mappingPath), present, 0, { ...options, snippets: false }, replaceStart, replaceEnd, '').map((item) => ({ ...item, insertText: `${JSON.stringify(item.label)}${colon}`, snippet: false }));
  }
  const key = path[path.length - 1];
  if (typeof key !== 'string') return [];
  return valueItems(nodeAt(path), key, replaceStart, replaceEnd, '"');
}

/** Keys present in the JSON object at a path (the tolerant parse also reads JSON being typed). */
function presentJsonKeys(text: string, path: JSONPath): string[] {
  const root = parseTree(text);
  const node = root && (path.length ? findNodeAtLocation(root, path) : root);
  return (node?.type === 'object' ? (node.children ?? []) : []).flatMap((property) => (typeof property.children?.[0]?.value === 'string' ? [property.children[0].value as string] : []));
}

// ---------------------------------------------------------------------------------------------------------------
// Hover

/** What the key (or enum value) under `offset` means. */
export function manifestHover(path: string, text: string, offset: number): HoverInfo | undefined {
  if (/\.json$/i.test(path)) {
    const location = getLocation(text, offset);
    const node = location.previousNode;
    if (!node) return undefined;
    const keyPath = location.path.map((segment) => (typeof segment === 'number' ? 0 : segment)) as Segment[];
    const key = keyPath[keyPath.length - 1];
    if (typeof key !== 'string') return undefined;
    const markdown = describe(nodeAt(keyPath), key);
    return markdown ? { markdown, startOffset: node.offset, endOffset: node.offset + node.length } : undefined;
  }
  const lines = splitLines(text);
  const line = lines.find((candidate, index) => offset >= candidate.start && (index === lines.length - 1 || offset < lines[index + 1]!.start));
  if (!line) return undefined;
  const match = KEY_LINE.exec(line.text);
  if (!match) return undefined;
  const keyStart = line.start + match[1]!.length + (match[2] ? line.text.slice(match[1]!.length).indexOf(match[3]!) : 0);
  const keyEnd = keyStart + match[3]!.length;
  const place = yamlPlace(text, keyStart);
  if (!place) return undefined;
  const node = nodeAt([...place.path, match[3]!]);
  if (!node) return undefined;
  if (offset >= keyStart && offset <= keyEnd) {
    return { markdown: describe(node, match[3]!), startOffset: keyStart, endOffset: keyEnd };
  }
  // On the value: the value's own meaning first, then the field.
  const valueText = line.text.slice(match[0].length).replace(/(?:^|\s)#.*$/, '').trim().replace(/^["']|["']$/g, '');
  const valueStart = line.start + line.text.indexOf(valueText, match[0].length);
  if (!valueText || offset < valueStart || offset > valueStart + valueText.length) return undefined;
  const meaning = VALUE_DOCS[match[3]!]?.[valueText];
  const markdown = [meaning ? `\`${valueText}\`: ${meaning}` : '', describe(node, match[3]!)].filter(Boolean).join('\n\n---\n\n');
  return { markdown, startOffset: valueStart, endOffset: valueStart + valueText.length };
}
