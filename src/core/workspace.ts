import ignore from 'ignore';
import { effectiveSeverity, type ResolvedConfig } from './config';
import { unapprovedHighRiskTools, unenforcedDecisions, type CrossFileFinding } from './decisions';
import type { AgentManifest, CodeAgent, FileFacts } from './facts';
import { getRule } from './rules';
import { fingerprintOf } from './secrets/redact';
import type { InlineSuppression } from './suppressions';
import type { Finding, Range, RelatedLocation } from './types';

export interface IndexedFile {
  facts: FileFacts;
  /** The file's inline suppressions, so cross-file findings in it honour them too. */
  suppressions: readonly InlineSuppression[];
}

export interface Coverage {
  manifest?: AgentManifest;
  via: 'entrypoint' | 'name' | 'owner-tag' | 'none';
}

export interface WorkspaceIndexOptions {
  /** Does a workspace-relative path exist? Defaults to "has the index seen it". */
  fileExists?: (path: string) => boolean;
}

const ownerOptionalMatchers = new WeakMap<readonly string[], (path: string) => boolean>();

/** Does a path match the `ownerOptional` globs (gitignore syntax)? One matcher per configured list. */
function ownerOptionalMatcher(globs: readonly string[]): (path: string) => boolean {
  let matcher = ownerOptionalMatchers.get(globs);
  if (!matcher) {
    const ignored = ignore().add([...globs]);
    matcher = (path: string) => globs.length > 0 && path !== '' && !path.startsWith('..') && !path.startsWith('/') && ignored.ignores(path);
    ownerOptionalMatchers.set(globs, matcher);
  }
  return matcher;
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Normalise `a/./b/../c` to `a/c`; undefined when it climbs above the root. */
function normalize(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Candidate workspace paths for a manifest entrypoint: relative to the manifest's folder first, then to each
 * folder above it (so `agents/x.agent.yaml` can name `src/agents/x.ts` from the project root).
 */
export function entrypointCandidates(manifestFile: string, entrypoint: string): string[] {
  const cleaned = entrypoint.replace(/\\/g, '/').replace(/^\.\//, '');
  if (cleaned.startsWith('/')) return [];
  const candidates: string[] = [];
  let folder = dirname(manifestFile);
  for (;;) {
    const candidate = normalize(folder ? `${folder}/${cleaned}` : cleaned);
    if (candidate !== undefined && !candidates.includes(candidate)) candidates.push(candidate);
    if (!folder) break;
    folder = dirname(folder);
  }
  return candidates;
}

/**
 * Links manifests and code across the workspace. Files are added, replaced and removed one at a time (the
 * language server re-indexes only the file that changed); cross-file findings for any file are then derived from
 * the stored facts, so a whole-tree audit and an editor that re-analyses one file reach the same result.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** Resolved entrypoints per manifest; cleared whenever a file is added or removed (existence may change). */
  private entrypointCache = new WeakMap<AgentManifest, string[]>();

  constructor(private readonly options: WorkspaceIndexOptions = {}) {}

  set(path: string, facts: FileFacts, suppressions: readonly InlineSuppression[] = []): void {
    if (!this.files.has(path)) this.entrypointCache = new WeakMap();
    this.files.set(path, { facts, suppressions });
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.entrypointCache = new WeakMap();
  }

  /** The facts stored for one file. */
  factsOf(path: string): FileFacts | undefined {
    return this.files.get(path)?.facts;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  manifests(): AgentManifest[] {
    return [...this.files.values()].flatMap((file) => file.facts.manifests);
  }

  agents(): CodeAgent[] {
    return [...this.files.values()].flatMap((file) => file.facts.agents);
  }

  private exists(path: string): boolean {
    return this.files.has(path) || (this.options.fileExists?.(path) ?? false);
  }

  /** The workspace paths a manifest's entrypoints resolve to (existing files only). */
  resolvedEntrypoints(manifest: AgentManifest): string[] {
    let resolved = this.entrypointCache.get(manifest);
    if (!resolved) {
      resolved = manifest.entrypoints.flatMap((entry) => entrypointCandidates(manifest.file, entry.value).filter((candidate) => this.exists(candidate)).slice(0, 1));
      this.entrypointCache.set(manifest, resolved);
    }
    return resolved;
  }

  /** How an agent in code is covered: a manifest by entrypoint (preferring one whose name matches), by name, or an @owner tag. */
  coverage(agent: CodeAgent, manifests = this.manifests()): Coverage {
    const byEntrypoint = manifests.filter((manifest) => this.resolvedEntrypoints(manifest).includes(agent.file));
    const named = agent.name ? manifests.find((manifest) => manifest.name === agent.name) : undefined;
    if (byEntrypoint.length) return { manifest: byEntrypoint.find((manifest) => manifest.name === agent.name) ?? named ?? byEntrypoint[0], via: 'entrypoint' };
    if (named && agent.kind === 'definition') return { manifest: named, via: 'name' };
    if (agent.ownerTag) return { via: 'owner-tag' };
    return { via: 'none' };
  }

  /**
   * Files whose cross-file findings can change when `path` changes: the file itself, every code file with
   * agents (coverage may move), and every manifest (entrypoints may start or stop resolving, refs may collide).
   */
  dependents(path: string): string[] {
    const related = new Set([path]);
    for (const [file, indexed] of this.files) {
      if (indexed.facts.manifests.length || indexed.facts.agents.length) related.add(file);
    }
    return [...related];
  }

  /** Cross-file findings in one file. */
  findingsFor(path: string, config: ResolvedConfig, manifests?: AgentManifest[]): Finding[] {
    const indexed = this.files.get(path);
    if (!indexed || (!indexed.facts.agents.length && !indexed.facts.manifests.length)) return [];
    manifests ??= this.manifests();
    const findings: Finding[] = [];
    const add = (finding: Finding | undefined) => {
      if (finding) findings.push(finding);
    };
    // A tool definition shared by several agents of the file is reported once.
    const reportedDefinitions = new Set<string>();
    const addOnce = (finding: CrossFileFinding) => {
      const key = `${finding.ruleId}:${finding.startOffset}`;
      if (reportedDefinitions.has(key)) return;
      reportedDefinitions.add(key);
      add(crossFileFinding(config, finding));
    };

    const ownerRequired = !ownerOptionalMatcher(config.ownerOptional)(path);
    for (const agent of indexed.facts.agents) {
      const coverage = this.coverage(agent, manifests);
      if (coverage.via === 'none' && agent.kind === 'definition' && ownerRequired) {
        const label = agent.name ? `Agent "${agent.name}"` : 'This agent';
        add(
          makeFinding(config, 'ownership/unowned-agent', path, agent.range, agent.startOffset, agent.endOffset,
            `${label} has no owner: no manifest covers it (by spec.entrypoint or metadata.name) and it has no @owner tag. Add an agent manifest with its owner, purpose, tools and credentials.`,
            `unowned:${agent.name ?? agent.startOffset}`),
        );
      }
      if (coverage.manifest && (coverage.via === 'entrypoint' || coverage.via === 'name')) {
        for (const finding of undeclaredTools(config, agent, coverage.manifest)) add(finding);
        for (const finding of unenforcedDecisions(agent, coverage.manifest)) addOnce(finding);
      } else if (!coverage.manifest) {
        for (const finding of unapprovedHighRiskTools(agent)) addOnce(finding);
      }
    }

    for (const manifest of indexed.facts.manifests) {
      for (const entry of manifest.entrypoints) {
        if (entrypointCandidates(manifest.file, entry.value).some((candidate) => this.exists(candidate))) continue;
        add(
          makeFinding(config, 'manifest/unknown-entrypoint', path, entry.range, entry.startOffset, entry.endOffset,
            `spec.entrypoint "${entry.value}" does not exist (looked next to the manifest and in the folders above it), so this manifest covers no code.`,
            `entrypoint:${entry.value}`),
        );
      }
      for (const finding of sharedCredentials(config, manifest, manifests)) add(finding);
    }
    return findings;
  }

  suppressionsOf(path: string): readonly InlineSuppression[] {
    return this.files.get(path)?.suppressions ?? [];
  }

  /** Cross-file findings for every indexed file. */
  allFindings(config: ResolvedConfig): Finding[] {
    const manifests = this.manifests();
    return this.paths().flatMap((path) => this.findingsFor(path, config, manifests));
  }
}

function makeFinding(config: ResolvedConfig, ruleId: string, file: string, range: Range, startOffset: number, endOffset: number, message: string, basis: string, related?: RelatedLocation[]): Finding | undefined {
  const rule = getRule(ruleId);
  const severity = effectiveSeverity(config, rule.id, rule.defaultSeverity);
  if (severity === 'off') return undefined;
  return {
    ruleId,
    severity,
    message,
    file,
    range,
    startOffset,
    endOffset,
    fingerprint: fingerprintOf(`${ruleId}\0${basis}`),
    ...(related && { related }),
  };
}

function crossFileFinding(config: ResolvedConfig, finding: CrossFileFinding): Finding | undefined {
  return makeFinding(config, finding.ruleId, finding.file, finding.range, finding.startOffset, finding.endOffset, finding.message, finding.basis, finding.related);
}

function declaredToolNames(manifest: AgentManifest): { names: Set<string>; everything: boolean } {
  const names = new Set<string>();
  let everything = false;
  for (const tool of manifest.tools) {
    if (tool.name === '*' || tool.name.toLowerCase() === 'all') everything = true;
    names.add(tool.name);
  }
  for (const server of manifest.mcpServers) for (const tool of server.tools) names.add(tool);
  return { names, everything };
}

function undeclaredTools(config: ResolvedConfig, agent: CodeAgent, manifest: AgentManifest): Finding[] {
  const { names, everything } = declaredToolNames(manifest);
  if (everything) return [];
  const findings: Finding[] = [];
  const servers = new Set(manifest.mcpServers.map((server) => server.name));
  for (const tool of agent.tools) {
    if (!tool.name || tool.kind === 'mcp-all') continue;
    // A hosted MCP tool is named after its server: it is declared under spec.mcpServers, not spec.tools.
    if (tool.kind === 'hosted' ? servers.has(tool.name) || names.has(tool.name) : names.has(tool.name)) continue;
    // Mastra: the manifest may name the tool by its `id` rather than the record key the model sees.
    if (tool.aliases?.some((alias) => names.has(alias))) continue;
    const finding = makeFinding(
      config,
      'grants/undeclared-tool',
      agent.file,
      tool.range,
      tool.startOffset,
      tool.endOffset,
      `Tool "${tool.name}" is not declared in the manifest of agent "${manifest.name ?? agent.name ?? 'unnamed'}" (${manifest.file}). Add it to spec.tools with its access and decision, or remove it from the code.`,
      `undeclared:${agent.name ?? ''}:${tool.name}`,
      [{ file: manifest.file, range: manifest.nameRange ?? manifest.range, message: `manifest of "${manifest.name ?? 'agent'}" does not declare "${tool.name}"` }],
    );
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Others named in a credentials/shared message, and related locations, at most: thousands of manifests can share one ref. */
const MAX_SHARING_NAMED = 5;
const MAX_SHARING_RELATED = 20;

/** Manifests by credential ref, built once per list of manifests (a full audit asks for every manifest in turn). */
const manifestsByRef = new WeakMap<readonly AgentManifest[], Map<string, AgentManifest[]>>();

function byRef(all: readonly AgentManifest[]): Map<string, AgentManifest[]> {
  let index = manifestsByRef.get(all);
  if (!index) {
    index = new Map();
    for (const manifest of all) {
      for (const ref of new Set(manifest.credentials.map((credential) => credential.ref))) {
        if (!ref) continue;
        const list = index.get(ref);
        if (list) list.push(manifest);
        else index.set(ref, [manifest]);
      }
    }
    manifestsByRef.set(all, index);
  }
  return index;
}

function sharedCredentials(config: ResolvedConfig, manifest: AgentManifest, all: readonly AgentManifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const credential of manifest.credentials) {
    if (!credential.ref || !credential.refRange || credential.refStartOffset === undefined || credential.refEndOffset === undefined) continue;
    const others = (byRef(all).get(credential.ref) ?? []).flatMap((other) => {
      if (other === manifest) return [];
      const match = other.credentials.find((candidate) => candidate.ref === credential.ref)!;
      const differentAgent = other.name !== manifest.name || other.file !== manifest.file;
      const crossesIsolation = new Set([manifest.environment, other.environment]).has('production') && new Set([manifest.environment, other.environment]).has('sandbox');
      return differentAgent || crossesIsolation ? [{ other, match, crossesIsolation }] : [];
    });
    if (!others.length) continue;
    const named = others.slice(0, MAX_SHARING_NAMED).map(({ other }) => `"${other.name ?? other.file}"${other.environment ? ` (${other.environment})` : ''}`);
    const names = named.join(', ') + (others.length > named.length ? ` and ${others.length - named.length} more` : '');
    const isolation = others.some((entry) => entry.crossesIsolation) ? ' A sandbox agent holding a production credential breaks environment isolation.' : '';
    const finding = makeFinding(
      config,
      'credentials/shared',
      manifest.file,
      credential.refRange,
      credential.refStartOffset,
      credential.refEndOffset,
      `Credential ref "${credential.ref}" is also used by ${names}. Shared credentials lose attribution and cannot be revoked for one agent alone.${isolation} Issue one credential per agent.`,
      `shared:${credential.ref}`,
      others.slice(0, MAX_SHARING_RELATED).map(({ other, match }) => ({ file: other.file, range: match.refRange ?? match.range, message: `also uses "${credential.ref}"` })),
    );
    if (finding) findings.push(finding);
  }
  return findings;
}
