/**
 * What an MCP server's command line downloads and runs, and whether the config pins it to one exact release:
 * package runners (`npx`, `pnpm dlx`, `yarn dlx`, `bunx`, `npm exec`, `deno run npm:`), Python tool runners
 * (`uvx`, `uv tool run`, `pipx run`) and container images (`docker run`, `podman run`). Pure: words in, findings out.
 */
import { programName, type CommandToken } from './mcp';

export type Ecosystem = 'npm' | 'pypi' | 'container';

export interface PackageReference {
  ecosystem: Ecosystem;
  /** The word that names the package or image (what is reported and what the fix rewrites). */
  token: CommandToken;
  /** The package or image name without version, tag or digest. */
  name: string;
  /** The version, range or tag as written (`latest`, `^1.2`, `1.2.3`); undefined when none is given. */
  version?: string;
  /** Exactly one release: an exact version, a git commit, or an image digest. */
  pinned: boolean;
  /** The runner, for messages: `npx`, `uvx`, `docker run` … */
  runner: string;
}

/** `1.2.3`, `1.2.3-rc.1`, `1.2.3+build`: one release. Ranges (`^1`, `1.x`, `>=1`) and tags are not. */
const EXACT_SEMVER = /^v?\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]{1,100})?(?:\+[0-9A-Za-z.-]{1,100})?$/;
/** PEP 440 release (`1.2`, `1.2.3`, `2024.1.0.post1`) after `==` / `===`. */
const EXACT_PEP440 = /^\d{1,9}(?:\.\d{1,9}){0,4}(?:(?:a|b|rc|\.post|\.dev)\d{1,9})*$/;
const GIT_COMMIT = /^[0-9a-f]{40}$/i;

/** Options of the npm-family runners that take a value (the value is not the package). */
const NPM_VALUE_OPTIONS = new Set(['-p', '--package', '-c', '--call', '--cache', '--registry', '--userconfig', '-w', '--workspace', '--prefix']);
/** Options of uvx / uv tool run / pipx run that take a value. */
const PY_VALUE_OPTIONS = new Set(['--from', '--spec', '--with', '-w', '--python', '-p', '--index', '--index-url', '-i', '--extra-index-url', '--default-index', '--pip-args', '--with-requirements', '--constraint', '-c', '--directory', '--env-file']);
/** `docker run` options that take a value as the next word (flags without a value are skipped on their own). */
const DOCKER_VALUE_OPTIONS = new Set([
  '-e', '--env', '--env-file', '-v', '--volume', '--mount', '-p', '--publish', '--name', '--network', '--net', '-w', '--workdir', '-u', '--user',
  '--entrypoint', '--platform', '-l', '--label', '--label-file', '--add-host', '--cpus', '-m', '--memory', '--pull', '--cap-add', '--cap-drop',
  '--device', '--dns', '-h', '--hostname', '--ipc', '--runtime', '--security-opt', '--shm-size', '--tmpfs', '--ulimit', '--log-driver',
  '--log-opt', '--restart', '--gpus', '--cidfile', '--expose', '--group-add', '--link', '--pid', '--stop-signal', '--stop-timeout',
  '--storage-opt', '--sysctl', '--userns', '--uts', '--volumes-from', '--memory-swap', '--cpu-shares', '-c', '--cpuset-cpus', '--attach', '-a',
]);

/** Every package or image the command line fetches and runs, pinned or not. */
export function packageReferences(tokens: readonly CommandToken[]): PackageReference[] {
  const references: PackageReference[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const program = programName(tokens[i]!.value);
    const next = tokens[i + 1]?.value;
    let found: PackageReference | undefined;
    if (program === 'npx' || program === 'bunx' || program === 'pnpx') found = npmPackage(tokens, i + 1, program);
    else if ((program === 'pnpm' || program === 'yarn') && next === 'dlx') found = npmPackage(tokens, i + 2, `${program} dlx`);
    else if (program === 'npm' && (next === 'exec' || next === 'x')) found = npmPackage(tokens, i + 2, `npm ${next}`);
    else if (program === 'bun' && next === 'x') found = npmPackage(tokens, i + 2, 'bun x');
    else if (program === 'deno' && next === 'run') found = denoPackage(tokens, i + 2);
    else if (program === 'uvx') found = pythonPackage(tokens, i + 1, 'uvx');
    else if (program === 'uv' && next === 'tool' && tokens[i + 2]?.value === 'run') found = pythonPackage(tokens, i + 3, 'uv tool run');
    else if (program === 'pipx' && next === 'run') found = pythonPackage(tokens, i + 2, 'pipx run');
    else if ((program === 'docker' || program === 'podman' || program === 'nerdctl') && next === 'run') found = containerImage(tokens, i + 2, `${program} run`);
    if (found) {
      references.push(found);
      // The rest of the line is the server's own arguments.
      break;
    }
  }
  return references;
}

function npmPackage(tokens: readonly CommandToken[], from: number, runner: string): PackageReference | undefined {
  let explicit: CommandToken | undefined;
  for (let i = from; i < tokens.length; i++) {
    const word = tokens[i]!.value;
    // `npx --no` / `--no-install` / `--offline` run only what is installed (and locked) in the project.
    if (word === '--no' || word === '--no-install' || word === '--offline') return undefined;
    if (word === '--') continue;
    const [flag, inline] = splitOption(word);
    if (flag === '-p' || flag === '--package') {
      const value = inline ?? tokens[i + 1]?.value;
      const token = inline !== undefined ? tokens[i]! : tokens[i + 1];
      if (value !== undefined && token) explicit ??= inline !== undefined ? { ...token, value } : token;
      if (inline === undefined) i++;
      continue;
    }
    if (word.startsWith('-')) {
      if (inline === undefined && NPM_VALUE_OPTIONS.has(flag)) i++;
      continue;
    }
    return npmSpec(explicit ?? tokens[i]!, runner);
  }
  return explicit && npmSpec(explicit, runner);
}

/** `pkg`, `pkg@1.2.3`, `@scope/pkg@latest`; local paths, URLs and variables are not registry packages. */
function npmSpec(token: CommandToken, runner: string): PackageReference | undefined {
  const spec = token.value.trim();
  if (!spec || /^[.~/$%{]|^[a-z]:[\\/]|:\/\//i.test(spec) || /^(?:file|link|git|github|workspace):/i.test(spec)) return undefined;
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  const name = at < 0 ? spec : spec.slice(0, at);
  const version = at < 0 ? undefined : spec.slice(at + 1);
  if (!/^(?:@[\w.-]{1,214}\/)?[\w.-]{1,214}$/.test(name)) return undefined;
  return { ecosystem: 'npm', token, name, ...(version !== undefined && { version }), pinned: version !== undefined && EXACT_SEMVER.test(version), runner };
}

function denoPackage(tokens: readonly CommandToken[], from: number): PackageReference | undefined {
  for (let i = from; i < tokens.length; i++) {
    const word = tokens[i]!.value;
    if (word.startsWith('-')) continue;
    const match = /^(npm|jsr):(.+)$/.exec(word);
    if (!match) return undefined;
    const reference = npmSpec({ ...tokens[i]!, value: match[2]! }, 'deno run');
    return reference && { ...reference, token: tokens[i]! };
  }
  return undefined;
}

function pythonPackage(tokens: readonly CommandToken[], from: number, runner: string): PackageReference | undefined {
  let explicit: CommandToken | undefined;
  for (let i = from; i < tokens.length; i++) {
    const word = tokens[i]!.value;
    const [flag, inline] = splitOption(word);
    if (flag === '--from' || flag === '--spec') {
      const token = inline !== undefined ? { ...tokens[i]!, value: inline } : tokens[i + 1];
      if (token) explicit ??= token;
      if (inline === undefined) i++;
      continue;
    }
    if (word === '--offline') return undefined;
    if (word.startsWith('-')) {
      if (inline === undefined && PY_VALUE_OPTIONS.has(flag)) i++;
      continue;
    }
    return pythonSpec(explicit ?? tokens[i]!, runner);
  }
  return explicit && pythonSpec(explicit, runner);
}

/** `pkg`, `pkg==1.2.3`, `pkg@1.2.3` (uvx), `pkg>=1`, `pkg[extra]==1`, `git+https://…@<commit>`. */
function pythonSpec(token: CommandToken, runner: string): PackageReference | undefined {
  const spec = token.value.trim();
  if (!spec || /^[.~/$%{]|^[a-z]:[\\/]/i.test(spec)) return undefined;
  if (/^git\+/i.test(spec)) {
    const at = spec.lastIndexOf('@');
    const ref = at > spec.indexOf('://') ? spec.slice(at + 1).replace(/#.*$/, '') : undefined;
    return { ecosystem: 'pypi', token, name: at > 0 && ref !== undefined ? spec.slice(0, at) : spec, ...(ref !== undefined && { version: ref }), pinned: !!ref && GIT_COMMIT.test(ref), runner };
  }
  if (/:\/\//.test(spec)) return undefined;
  const match = /^([A-Za-z0-9][\w.-]{0,200})(\[[\w,.\s-]{0,200}\])?\s*(?:(===?|@)\s*([^\s;]{1,100})|([<>~!]=?|~=)\s*[^\s;]{1,100})?$/.exec(spec);
  if (!match) return undefined;
  const [, name, , operator, exact, range] = match;
  const version = exact ?? (range ? spec.slice(spec.indexOf(range)) : undefined);
  const pinned = !!operator && !!exact && (operator === '@' ? EXACT_SEMVER.test(exact) || EXACT_PEP440.test(exact) : EXACT_PEP440.test(exact));
  return { ecosystem: 'pypi', token, name: name!, ...(version !== undefined && { version }), pinned, runner };
}

function containerImage(tokens: readonly CommandToken[], from: number, runner: string): PackageReference | undefined {
  for (let i = from; i < tokens.length; i++) {
    const word = tokens[i]!.value;
    if (word === '--') continue;
    if (word.startsWith('-')) {
      const [flag, inline] = splitOption(word);
      if (inline === undefined && DOCKER_VALUE_OPTIONS.has(flag)) i++;
      continue;
    }
    if (/^[$%{]/.test(word)) return undefined;
    const digest = word.indexOf('@');
    const withoutDigest = digest < 0 ? word : word.slice(0, digest);
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.indexOf(':', slash + 1);
    const name = colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
    const tag = colon < 0 ? undefined : withoutDigest.slice(colon + 1);
    if (!/^[\w.-]{1,255}(?::\d{1,5})?(?:\/[\w.-]{1,255}){0,10}$/.test(name)) return undefined;
    const pinned = digest >= 0 && /^sha256:[0-9a-f]{64}$/.test(word.slice(digest + 1));
    return { ecosystem: 'container', token: tokens[i]!, name, ...(tag !== undefined && { version: tag }), pinned, runner };
  }
  return undefined;
}

/** `--from=x` → [`--from`, `x`]; `-y` → [`-y`, undefined]. */
function splitOption(word: string): [string, string | undefined] {
  if (!word.startsWith('-')) return [word, undefined];
  const equals = word.indexOf('=');
  return equals < 0 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}
