import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { AnalysisContext } from '../context';
import { parseDuration } from '../config';
import type { AgentManifest, Located, ManifestCredential, ManifestMcpServer, ManifestTool } from '../facts';
import type { LineIndex } from '../position';
import { describeYamlError } from '../languages/yaml';
import { manifestSchema } from './schema';
import { appendAll } from '../arrays';
import { closest } from '../suggest';

export interface ManifestProblem {
  startOffset: number;
  endOffset: number;
  message: string;
}

export interface ManifestEntry {
  document: Document.Parsed;
  manifest: AgentManifest;
}

export interface ParsedManifestFile {
  manifests: AgentManifest[];
  /** Each manifest with the YAML document it came from, for rules that need exact positions. */
  entries: ManifestEntry[];
  problems: ManifestProblem[];
}

type Path = (string | number)[];
type Ranged = { range?: [number, number, number] | null };

/** Aliases a manifest may expand before it is treated as hostile (an alias bomb). */
const MAX_ALIAS_COUNT = 100;

/** Parse and validate a manifest file (YAML or JSON, possibly several `---` documents). Memoised per file. */
export function parseManifestFile(context: AnalysisContext): ParsedManifestFile {
  return context.memo('manifest', () => parseManifestText(context.path, context.text, context.lines)) ?? { manifests: [], entries: [], problems: [] };
}

export function parseManifestText(path: string, text: string, lines: LineIndex): ParsedManifestFile {
  const result: ParsedManifestFile = { manifests: [], entries: [], problems: [] };
  const documents = parseAllDocuments(text, { prettyErrors: false, strict: false, uniqueKeys: true });
  if (!Array.isArray(documents)) return result;
  for (const document of documents) {
    if (document.errors.length) {
      for (const error of document.errors) {
        const [start, end] = error.pos;
        // Only the error code: the parser's message quotes the source, which may hold a secret.
        result.problems.push({ startOffset: start, endOffset: Math.max(end, start + 1), message: `Syntax error: ${describeYamlError(error.code)}.` });
      }
      continue;
    }
    if (document.contents === null) continue;
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const [start, end] = rangeOf(document.contents as Ranged) ?? [0, 1];
      result.problems.push({ startOffset: start, endOffset: end, message: `The manifest cannot be read: ${(error as Error).message}` });
      continue;
    }
    const documentRange = rangeOf(document.contents as Ranged) ?? [0, text.length];
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      result.problems.push({ startOffset: documentRange[0], endOffset: firstLineEnd(text, documentRange[0]), message: 'A manifest must be a mapping with apiVersion, kind, metadata and spec.' });
      continue;
    }
    const parsed = manifestSchema().safeParse(data, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) appendAll(result.problems, describeIssue(document, text, issue as unknown as ZodIssue));
    }
    const manifest = manifestFacts(path, document, data as Record<string, unknown>, lines, documentRange);
    result.manifests.push(manifest);
    result.entries.push({ document, manifest });
  }
  return result;
}

interface ZodIssue {
  code: string;
  path: Path;
  message: string;
  input?: unknown;
  values?: unknown[];
  expected?: string;
  keys?: string[];
  minimum?: number;
  origin?: string;
}

function pathText(path: Path): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

function describeIssue(document: Document.Parsed, text: string, issue: ZodIssue): ManifestProblem[] {
  const where = pathText(issue.path);
  const at = (path: Path, message: string): ManifestProblem => {
    const [start, end] = valueRange(document, path) ?? keyRange(document, path) ?? parentRange(document, text, path);
    return { startOffset: start, endOffset: end, message };
  };
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => {
        const siblings = knownKeys(issue.path);
        const suggestion = closest(key, siblings);
        const [start, end] = keyRange(document, [...issue.path, key]) ?? parentRange(document, text, issue.path);
        return {
          startOffset: start,
          endOffset: end,
          message: `Unknown key "${key}" in ${where || 'the manifest'}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}${siblings.length ? ` Allowed: ${siblings.join(', ')}.` : ''}`,
        };
      });
    case 'invalid_value': {
      if (issue.input === undefined) {
        const [start, end] = parentRange(document, text, issue.path);
        return [{ startOffset: start, endOffset: end, message: `${where} is required.` }];
      }
      const values = (issue.values ?? []).map(String);
      const expected = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
      return [at(issue.path, `${where} must be ${expected}; got ${JSON.stringify(issue.input)}`)];
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        const [start, end] = parentRange(document, text, issue.path);
        return [{ startOffset: start, endOffset: end, message: `${where} is required.` }];
      }
      return [at(issue.path, `${where} must be ${article(issue.expected ?? 'value')}; got ${describeValue(issue.input)}`)];
    case 'too_small':
      return [at(issue.path, issue.origin === 'array' ? `${where} must not be an empty list.` : `${where} must not be empty.`)];
    case 'invalid_union':
      return [at(issue.path, `${where} must be a file path or a list of file paths.`)];
    default:
      // Our own messages ("must be …") read as a sentence after the field's path.
      return [at(issue.path, `${where} ${issue.message}${issue.message.endsWith('.') ? '' : '.'}${issue.input !== undefined && typeof issue.input !== 'object' ? ` Got ${JSON.stringify(issue.input)}.` : ''}`)];
  }
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The keys the schema allows at a path (for "did you mean"). */
function knownKeys(path: Path): string[] {
  const structural = path.filter((segment) => typeof segment === 'string');
  const key = structural.join('.');
  const keys: Record<string, string[]> = {
    '': ['apiVersion', 'kind', 'metadata', 'spec'],
    metadata: ['name', 'description', 'owner', 'technicalOwner', 'environment', 'reviewBy', 'expires', 'revocation', 'onBehalfOf', 'labels'],
    spec: ['entrypoint', 'credentials', 'tools', 'mcpServers'],
    'spec.credentials': ['name', 'broker', 'ref', 'ttl', 'scopes'],
    'spec.tools': ['name', 'description', 'access', 'decision', 'scopes'],
    'spec.mcpServers': ['name', 'tools', 'credential'],
  };
  return keys[key] ?? [];
}

function rangeOf(node: Ranged | null | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], Math.max(node.range[1], node.range[0] + 1)] : undefined;
}

/** Range of the value node at a path. */
export function valueRange(document: Document.Parsed, path: Path): [number, number] | undefined {
  const node = document.getIn(path, true) as Ranged | undefined;
  return node && (isScalar(node) || isMap(node) || isSeq(node)) ? rangeOf(node) : undefined;
}

/** Range of the key of the last path segment (a mapping key), if it exists. */
export function keyRange(document: Document.Parsed, path: Path): [number, number] | undefined {
  if (!path.length) return undefined;
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
  return pair ? rangeOf(pair.key as Ranged) : undefined;
}

/** For a missing key: the key of its parent mapping (`metadata:`), or the first line of the document. */
export function parentRange(document: Document.Parsed, text: string, path: Path): [number, number] {
  for (let length = path.length - 1; length >= 1; length--) {
    const parentPath = path.slice(0, length);
    const range = typeof parentPath[parentPath.length - 1] === 'number' ? valueRange(document, parentPath) : keyRange(document, parentPath);
    if (range) return typeof parentPath[parentPath.length - 1] === 'number' ? [range[0], firstLineEnd(text, range[0])] : range;
  }
  const start = rangeOf(document.contents as Ranged)?.[0] ?? 0;
  return [start, firstLineEnd(text, start)];
}

function firstLineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  return Math.max(end, start + 1);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(asString).filter((item): item is string => item !== undefined) : [];
}

function asList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item)) : [];
}

/** Facts for the workspace index, from whatever parts of the manifest are usable. */
function manifestFacts(path: string, document: Document.Parsed, data: Record<string, unknown>, lines: LineIndex, documentRange: [number, number]): AgentManifest {
  const metadata = (typeof data.metadata === 'object' && data.metadata) || {};
  const spec = (typeof data.spec === 'object' && data.spec) || {};
  const meta = metadata as Record<string, unknown>;
  const specData = spec as Record<string, unknown>;
  const located = (nodePath: Path): { range: ReturnType<LineIndex['rangeOf']>; startOffset: number; endOffset: number } => {
    const [start, end] = valueRange(document, nodePath) ?? keyRange(document, nodePath) ?? documentRange;
    return { range: lines.rangeOf(start, end), startOffset: start, endOffset: end };
  };

  const entrypointValue = specData.entrypoint;
  const entrypoints: Located<string>[] =
    typeof entrypointValue === 'string'
      ? [{ value: entrypointValue, ...located(['spec', 'entrypoint']) }]
      : Array.isArray(entrypointValue)
        ? entrypointValue.flatMap((value, index) => (typeof value === 'string' ? [{ value, ...located(['spec', 'entrypoint', index]) }] : []))
        : [];

  const credentials: ManifestCredential[] = asList(specData.credentials).map((credential, index) => {
    const ref = asString(credential.ref);
    const refLocation = ref !== undefined ? located(['spec', 'credentials', index, 'ref']) : undefined;
    const ttl = asString(credential.ttl);
    return {
      name: asString(credential.name) ?? `#${index + 1}`,
      broker: asString(credential.broker),
      ref,
      ttl,
      ttlSeconds: ttl !== undefined ? parseDuration(ttl) : undefined,
      scopes: asStrings(credential.scopes),
      ...located(['spec', 'credentials', index]),
      ...(refLocation && { refRange: refLocation.range, refStartOffset: refLocation.startOffset, refEndOffset: refLocation.endOffset }),
    };
  });

  const tools: ManifestTool[] = asList(specData.tools).map((tool, index) => ({
    name: asString(tool.name) ?? `#${index + 1}`,
    access: asString(tool.access),
    decision: asString(tool.decision),
    scopes: asStrings(tool.scopes),
    ...located(['spec', 'tools', index]),
  }));

  const mcpServers: ManifestMcpServer[] = asList(specData.mcpServers).map((server, index) => ({
    name: asString(server.name) ?? `#${index + 1}`,
    tools: asStrings(server.tools),
    credential: asString(server.credential),
    ...located(['spec', 'mcpServers', index]),
  }));

  const name = asString(meta.name);
  const nameLocation = name !== undefined ? located(['metadata', 'name']) : undefined;
  return {
    file: path,
    name,
    ...(nameLocation && { nameRange: nameLocation.range }),
    description: asString(meta.description),
    owner: asString(meta.owner),
    technicalOwner: asString(meta.technicalOwner),
    environment: asString(meta.environment),
    reviewBy: asString(meta.reviewBy),
    expires: asString(meta.expires),
    revocation: asString(meta.revocation),
    onBehalfOf: asString(meta.onBehalfOf),
    entrypoints,
    credentials,
    tools,
    mcpServers,
    range: lines.rangeOf(documentRange[0], documentRange[1]),
    startOffset: documentRange[0],
    endOffset: documentRange[1],
  };
}
