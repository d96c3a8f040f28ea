/**
 * supply-chain/unpinned-mcp-server: pin the package to one exact version. The version is filled in only where the
 * workspace says which release the project already uses (an npm lockfile or an exact dependency, uv.lock, a
 * requirements file with `==`), so applying the fix changes nothing that runs. Otherwise the fix writes a
 * placeholder (`@<exact-version>`, `@sha256:<digest>`) that the runner rejects until someone fills in the release
 * they reviewed: a marked gap that fails closed, never a guessed version.
 */
import { createAnalysisContext } from '../analyze';
import type { ResolvedConfig } from '../config';
import { readMcpConfig } from '../configs/mcp';
import type { PackageReference } from '../configs/pinning';
import { unpinnedReferences } from '../rules/supply-chain/unpinned-mcp-server';
import type { Finding } from '../types';
import type { Fix } from './types';
import type { FixWorkspace } from './workspace';

export const VERSION_PLACEHOLDER = '<exact-version>';
export const DIGEST_PLACEHOLDER = '<digest>';

export function pinVersionFixes(path: string, text: string, finding: Finding, config: ResolvedConfig, workspace: FixWorkspace): Fix[] {
  const mcp = readMcpConfig(createAnalysisContext(path, text, config, new Date()));
  const reference = mcp?.servers.flatMap((server) => unpinnedReferences(text, server)).find((candidate) => candidate.token.start === finding.startOffset);
  if (!reference) return [];
  const raw = text.slice(reference.token.start, reference.token.end);
  const at = raw.indexOf(reference.token.value);
  if (at < 0) return [];
  const known = reference.ecosystem === 'container' ? undefined : lockedVersion(reference, path, workspace);
  const spec = pinnedSpec(reference, known?.version);
  const start = reference.token.start + at;
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix' as const, isPreferred: true };
  const edits = [{ path, startOffset: start, endOffset: start + reference.token.value.length, newText: spec }];
  if (known) {
    return [{ ...base, title: `Pin ${reference.name} to ${known.version} (the version in ${known.source})`, safe: true, edits }];
  }
  const placeholder = reference.ecosystem === 'container' ? DIGEST_PLACEHOLDER : VERSION_PLACEHOLDER;
  const lookUp =
    reference.ecosystem === 'container'
      ? `docker buildx imagetools inspect ${reference.name}${reference.version ? `:${reference.version}` : ''} shows the digest`
      : reference.ecosystem === 'npm'
        ? `npm view ${reference.name} version shows the newest`
        : `pip index versions ${reference.name} lists the releases`;
  return [
    {
      ...base,
      title: `Pin ${reference.name} to an exact ${reference.ecosystem === 'container' ? 'digest' : 'version'} (fill in ${placeholder})`,
      safe: false,
      edits,
      followUp: `Replace ${placeholder} with the ${reference.ecosystem === 'container' ? 'digest' : 'version'} you reviewed (${lookUp}); until then the server does not start.`,
      remains: `The placeholder ${placeholder} must be replaced before the server starts again.`,
    },
  ];
}

function pinnedSpec(reference: PackageReference, version: string | undefined): string {
  const { ecosystem, name, runner } = reference;
  if (ecosystem === 'container') return `${name}${reference.version && reference.version !== 'latest' ? `:${reference.version}` : ''}@sha256:${DIGEST_PLACEHOLDER}`;
  const exact = version ?? VERSION_PLACEHOLDER;
  if (ecosystem === 'pypi' && runner !== 'uvx') return `${name}==${exact}`;
  return `${name}@${exact}`;
}

/** The version the workspace already resolves the package to, searched from the config's folder up to the root. */
function lockedVersion(reference: PackageReference, path: string, workspace: FixWorkspace): { version: string; source: string } | undefined {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const at = (name: string) => (folder ? `${folder}/${name}` : name);
    const found = reference.ecosystem === 'npm' ? npmVersion(reference.name, workspace, at) : pythonVersion(reference.name, workspace, at);
    if (found) return found;
    if (!folder) return undefined;
  }
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

const EXACT = /^\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]{1,100})?$/;

function npmVersion(name: string, workspace: FixWorkspace, at: (file: string) => string): { version: string; source: string } | undefined {
  const lock = parseJson(workspace.readText(at('package-lock.json')));
  const locked = (lock?.packages as Record<string, { version?: unknown }> | undefined)?.[`node_modules/${name}`]?.version;
  if (typeof locked === 'string' && EXACT.test(locked)) return { version: locked, source: at('package-lock.json') };
  const manifest = parseJson(workspace.readText(at('package.json')));
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const declared = (manifest?.[field] as Record<string, unknown> | undefined)?.[name];
    if (typeof declared === 'string' && EXACT.test(declared)) return { version: declared, source: at('package.json') };
  }
  return undefined;
}

function pythonVersion(name: string, workspace: FixWorkspace, at: (file: string) => string): { version: string; source: string } | undefined {
  const normalized = name.toLowerCase().replace(/[-_.]+/g, '-');
  const lock = workspace.readText(at('uv.lock'));
  if (lock) {
    // [[package]] blocks: `name = "mcp-server-fetch"` followed by `version = "0.6.2"`.
    for (const block of lock.split('[[package]]')) {
      const declared = /^name = "([^"\n]{1,200})"$/m.exec(block)?.[1];
      const version = /^version = "([^"\n]{1,100})"$/m.exec(block)?.[1];
      if (declared && version && declared.toLowerCase().replace(/[-_.]+/g, '-') === normalized) return { version, source: at('uv.lock') };
    }
  }
  for (const file of ['requirements.txt', 'requirements.lock']) {
    const text = workspace.readText(at(file));
    if (!text) continue;
    for (const line of text.split('\n')) {
      const match = /^\s*([A-Za-z0-9][\w.-]{0,200})(?:\[[^\]\n]{0,200}\])?\s*==\s*([\w.!+-]{1,100})\s*(?:#.*|;.*)?$/.exec(line);
      if (match && match[1]!.toLowerCase().replace(/[-_.]+/g, '-') === normalized) return { version: match[2]!, source: at(file) };
    }
  }
  return undefined;
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
