/**
 * A current Neovim for the editor tests, on a machine whose own Debian release ships an old one (bookworm: 0.7).
 * Debian's newer releases have it (trixie: 0.10, sid: 0.11 and later), built against their newer C library, so the
 * packages of one release (Neovim, its libraries and that release's libc) are unpacked side by side into a cache
 * folder and Neovim runs with that folder's dynamic loader. Nothing is installed on the system, and processes that
 * Neovim starts (the language server) run with the system's own loader and libraries.
 *
 * The packages come through apt from the mirror this machine's apt is configured with (its sources), with the
 * suite name swapped; the result is cached in ~/.cache/agent-guardrail-test/neovim-<suite> (AG_TEST_CACHE).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Neovim {
  /** The command line that runs this Neovim (loader, library path, binary). */
  command: string[];
  /** Environment for it (VIMRUNTIME of the unpacked runtime). */
  env: NodeJS.ProcessEnv;
  version: string;
  suite: string;
}

const CACHE = process.env.AG_TEST_CACHE || join(homedir(), '.cache', 'agent-guardrail-test');

/** The Debian mirror this machine's apt uses (deb822 `URIs:` or a one-line `deb` entry). */
function debianMirror(): string {
  const files = ['/etc/apt/sources.list', ...(existsSync('/etc/apt/sources.list.d') ? readdirSync('/etc/apt/sources.list.d').map((name) => `/etc/apt/sources.list.d/${name}`) : [])];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const deb822 = /^URIs:\s*(\S+)/m.exec(text);
    if (deb822 && !/security/.test(deb822[1]!)) return deb822[1]!;
    const oneLine = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+\S+/m.exec(text);
    if (oneLine && !/security/.test(oneLine[1]!)) return oneLine[1]!;
  }
  throw new Error('no Debian mirror in this machine\'s apt sources');
}

function run(command: string, args: string[], options: { cwd?: string } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

function neovimIn(root: string, suite: string): Neovim {
  const libraries = join(root, 'usr', 'lib', 'x86_64-linux-gnu');
  const command = [join(libraries, 'ld-linux-x86-64.so.2'), '--library-path', libraries, join(root, 'usr', 'bin', 'nvim')];
  const env = { ...process.env, VIMRUNTIME: join(root, 'usr', 'share', 'nvim', 'runtime') };
  const version = spawnSync(command[0]!, [...command.slice(1), '--version'], { encoding: 'utf8', env }).stdout.split('\n')[0] ?? '';
  return { command, env, version, suite };
}

/** Neovim from a Debian suite (`trixie`, `sid`), unpacked into the cache on first use. */
export function ensureNeovim(suite: string): Neovim {
  const final = join(CACHE, `neovim-${suite}`);
  if (existsSync(join(final, 'root', 'usr', 'bin', 'nvim'))) return neovimIn(join(final, 'root'), suite);
  if (process.arch !== 'x64' || process.platform !== 'linux') throw new Error('the Neovim test needs Linux on x86-64');
  const staging = `${final}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const lists = join(staging, 'lists');
    const cache = join(staging, 'cache');
    const debs = join(staging, 'debs');
    for (const dir of [join(lists, 'partial'), join(cache, 'archives', 'partial'), debs, join(staging, 'root')]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(staging, 'sources.list'), `deb ${debianMirror()} ${suite} main\n`);
    const apt = [
      `-oDir::Etc::sourcelist=${join(staging, 'sources.list')}`,
      '-oDir::Etc::sourceparts=/dev/null',
      `-oDir::State::Lists=${lists}`,
      `-oDir::Cache=${cache}`,
      '-oDir::State::status=/dev/null', // as if nothing were installed: every dependency, libc included
      '-oAPT::Architecture=amd64',
      '-oAPT::Sandbox::User=root',
      '-qq',
    ];
    run('apt-get', [...apt, 'update']);
    const depends = run('apt-cache', [...apt, 'depends', '--recurse', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances', 'neovim']);
    const packages = [...new Set(depends.split('\n').filter((line) => /^[a-z0-9]/.test(line)))];
    run('apt-get', [...apt, 'download', ...packages], { cwd: debs });
    for (const deb of readdirSync(debs)) run('dpkg-deb', ['-x', join(debs, deb), join(staging, 'root')]);
    rmSync(debs, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    rmSync(final, { recursive: true, force: true });
    renameSync(staging, final);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return neovimIn(join(final, 'root'), suite);
}
