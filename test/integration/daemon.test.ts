// The warm audit process (`audit --daemon`, src/cli/daemon.ts), for real: the bundled CLI starts it, later audits are
// served by it in their own directory and environment with the same output as a fresh process, and it goes away when
// stopped, killed, idle or turned off. Each test group has its own cache directory, hence its own process.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { git, initTestRepository, makeTempDir, runCli, writeTree } from '../helpers';

const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');
const SECRET_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\n`;
const CLEAN_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`;
const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);

const skipOnWindows = process.platform === 'win32' ? describe.skip : describe;

/** One cache directory, hence one warm process: the environment every command of a group runs with. */
function daemonEnv(cache: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { XDG_CACHE_HOME: cache, GIT_CEILING_DIRECTORIES: CEILING, AGENT_GUARDRAIL_DAEMON: undefined, CI: undefined, ...extra };
}

function repo(files: Record<string, string>): string {
  const dir = makeTempDir('agent-guardrail-daemon-repo-');
  initTestRepository(dir);
  writeTree(dir, files);
  git(dir, 'add', '.');
  return dir;
}

interface Status {
  pid: number;
  served: number;
}

function status(cache: string): Status | undefined {
  const result = runCli(['daemon', 'status'], tmpdir(), daemonEnv(cache));
  assert.equal(result.status, 0, result.stderr);
  const match = /\(pid (\d+)\).*it has run (\d+) audits?\./.exec(result.stdout);
  if (!match) {
    assert.equal(result.stdout, 'No warm audit process is running.\n');
    return undefined;
  }
  return { pid: Number(match[1]), served: Number(match[2]) };
}

/** The warm process, once it listens (it is started as the first audit exits). */
async function waitForDaemon(cache: string, timeoutMs = 20_000): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = status(cache);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no warm audit process started');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForExit(pid: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} is still running`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function socketIn(cache: string): string {
  const directory = join(cache, 'agent-guardrail');
  const sockets = readdirSync(directory).filter((name) => /^daemon-[0-9a-f]{16}\.sock$/.test(name));
  assert.equal(sockets.length, 1, sockets.join(', '));
  return join(directory, sockets[0]!);
}

/** Send raw bytes to the socket and collect the answer until it closes. */
function exchange(socket: string, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = connect(socket);
    let answer = '';
    connection.on('connect', () => connection.end(payload));
    connection.on('data', (chunk) => (answer += chunk.toString('utf8')));
    connection.on('close', () => resolve(answer));
    connection.on('error', reject);
  });
}

skipOnWindows('CLI integration: audit --daemon (the warm audit process)', function () {
  this.timeout(120_000);
  const caches: string[] = [];
  const dirs: string[] = [];
  const cacheDir = () => {
    const dir = makeTempDir('agent-guardrail-daemon-cache-');
    caches.push(dir);
    return dir;
  };

  after(() => {
    for (const cache of caches) {
      const found = status(cache);
      if (found) runCli(['daemon', 'stop'], tmpdir(), daemonEnv(cache));
      if (found && isRunning(found.pid)) process.kill(found.pid, 'SIGKILL');
    }
    for (const dir of [...caches, ...dirs]) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the first audit, then serves later ones with the output and exit code of a fresh process', async () => {
    const cache = cacheDir();
    const dir = repo({ 'agent.ts': SECRET_TS, 'ok.ts': CLEAN_TS });
    dirs.push(dir);
    const env = daemonEnv(cache);
    assert.equal(status(cache), undefined);
    const fresh = runCli(['audit', '--staged'], dir, env);
    assert.equal(fresh.status, 1, fresh.stderr);
    assert.match(fresh.stdout, /Hardcoded OpenAI API key \(sk-proj-…dJ8H\)/);

    const first = runCli(['audit', '--staged', '--daemon'], dir, env);
    assert.deepEqual([first.status, first.stdout, first.stderr], [fresh.status, fresh.stdout, fresh.stderr]);
    const started = await waitForDaemon(cache);
    assert.equal(started.served, 0);

    for (const args of [['--staged'], ['--staged', '--format', 'json'], ['.', '--fail-on', 'warning'], ['ok.ts']]) {
      const expected = runCli(['audit', ...args], dir, env);
      const served = runCli(['audit', ...args, '--daemon'], dir, env);
      assert.deepEqual([served.status, served.stdout, served.stderr], [expected.status, expected.stdout, expected.stderr], args.join(' '));
    }
    assert.deepEqual(status(cache), { pid: started.pid, served: 4 });

    // Private: the socket is the user's own, in the user's private cache directory.
    const socket = socketIn(cache);
    assert.ok(lstatSync(socket).isSocket());
    assert.equal(statSync(socket).mode & 0o077, 0);
    assert.equal(statSync(join(cache, 'agent-guardrail')).mode & 0o077, 0);
  });

  it("runs each audit in the client's directory and environment, and forgets what it learnt about the last one", async () => {
    const cache = cacheDir();
    const env = daemonEnv(cache);
    const first = repo({ 'pkg/agent.ts': SECRET_TS });
    const second = repo({ 'deep/er/other.ts': SECRET_TS, 'deep/er/ok.ts': CLEAN_TS });
    dirs.push(first, second);
    runCli(['audit', '--staged', '--daemon'], first, env);
    await waitForDaemon(cache);

    // Paths relative to a subdirectory, and colours as the client's environment asks.
    const inSub = runCli(['audit', '--staged', '--daemon'], join(first, 'pkg'), env);
    assert.equal(inSub.status, 1);
    assert.match(inSub.stdout, /^agent\.ts\n/);
    assert.doesNotMatch(inSub.stdout, /\x1b\[/);
    const colored = runCli(['audit', '--staged', '--daemon'], join(first, 'pkg'), { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' });
    assert.match(colored.stdout, /\x1b\[4magent\.ts\x1b\[0m/);

    // Another repository, from a subdirectory of its own: its files, nothing of the first.
    const other = runCli(['audit', '--staged', '--daemon', '--format', 'json'], join(second, 'deep', 'er'), env);
    const report = JSON.parse(other.stdout) as { root: string; findings: { file: string }[] };
    assert.equal(report.root, realpathSync(second));
    assert.deepEqual(report.findings.map((finding) => finding.file), ['deep/er/other.ts']);
    assert.equal(status(cache)!.served, 3);
  });

  it('commits through the installed hook: the second commit is audited by the warm process and blocked alike', async () => {
    const cache = cacheDir();
    const env = daemonEnv(cache, { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' });
    const dir = repo({ 'ok.ts': CLEAN_TS });
    dirs.push(dir);
    assert.equal(runCli(['hook', 'install'], dir, env).status, 0);
    const commit = (message: string) => spawnSync('git', ['commit', '--quiet', '-m', message], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } as NodeJS.ProcessEnv });
    const clean = commit('clean');
    assert.equal(clean.status, 0, clean.stderr);
    await waitForDaemon(cache);

    writeTree(dir, { 'agent.ts': SECRET_TS });
    git(dir, 'add', 'agent.ts');
    const blocked = commit('secret');
    assert.equal(blocked.status, 1);
    assert.match(blocked.stdout + blocked.stderr, /Hardcoded OpenAI API key \(sk-proj-…dJ8H\)/);
    assert.match(blocked.stderr, /agent-guardrail blocked this commit/);
    assert.equal(status(cache)!.served, 1);
  });

  it('replaces a killed process, and stops on `daemon stop`', async () => {
    const cache = cacheDir();
    const env = daemonEnv(cache);
    const dir = repo({ 'agent.ts': SECRET_TS });
    dirs.push(dir);
    const expected = runCli(['audit', '--staged'], dir, env);
    runCli(['audit', '--staged', '--daemon'], dir, env);
    const killed = await waitForDaemon(cache);
    process.kill(killed.pid, 'SIGKILL');
    await waitForExit(killed.pid);
    // Its socket file is left behind: the next audit runs in its own process and starts a new warm one.
    const afterKill = runCli(['audit', '--staged', '--daemon'], dir, env);
    assert.deepEqual([afterKill.status, afterKill.stdout], [expected.status, expected.stdout]);
    const replacement = await waitForDaemon(cache);
    assert.notEqual(replacement.pid, killed.pid);

    const stopped = runCli(['daemon', 'stop'], tmpdir(), env);
    assert.equal(stopped.stdout, `Stopped the warm audit process (pid ${replacement.pid}).\n`);
    await waitForExit(replacement.pid);
    assert.equal(status(cache), undefined);
    assert.deepEqual(readdirSync(join(cache, 'agent-guardrail')).filter((name) => name.endsWith('.sock')), []);
  });

  it('exits by itself after AGENT_GUARDRAIL_DAEMON_IDLE seconds without an audit', async () => {
    const cache = cacheDir();
    const dir = repo({ 'ok.ts': CLEAN_TS });
    dirs.push(dir);
    runCli(['audit', '--staged', '--daemon'], dir, daemonEnv(cache, { AGENT_GUARDRAIL_DAEMON_IDLE: '1' }));
    const started = await waitForDaemon(cache);
    await waitForExit(started.pid);
    assert.equal(status(cache), undefined);
  });

  it('is not used or started with AGENT_GUARDRAIL_DAEMON=0, on a CI service, after --no-daemon or for other commands', async () => {
    const cache = cacheDir();
    const dir = repo({ 'agent.ts': SECRET_TS });
    dirs.push(dir);
    for (const [args, extra] of [
      [['audit', '--staged', '--daemon'], { AGENT_GUARDRAIL_DAEMON: '0' }],
      [['audit', '--staged', '--daemon'], { CI: 'true' }],
      [['audit', '--staged', '--daemon', '--no-daemon'], {}],
      [['inventory', '--daemon'], {}],
    ] as [string[], NodeJS.ProcessEnv][]) {
      const result = runCli(args, dir, daemonEnv(cache, extra));
      assert.notEqual(result.status, 2, result.stderr);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(status(cache), undefined);
  });

  it('answers nothing to what is not a request of ours, and keeps serving', async () => {
    const cache = cacheDir();
    const env = daemonEnv(cache);
    const dir = repo({ 'agent.ts': SECRET_TS });
    dirs.push(dir);
    runCli(['audit', '--staged', '--daemon'], dir, env);
    const started = await waitForDaemon(cache);
    const socket = socketIn(cache);
    assert.equal(await exchange(socket, 'not json\n'), '');
    assert.equal(await exchange(socket, '{"kind":"run","argv":"audit"}\n'), '');
    assert.equal(await exchange(socket, '{"kind":"run","argv":["audit"],"cwd":"/","env":{"A":1}}\n'), '');
    // Only audits run there; a directory that is gone is the client's to report.
    const declined = JSON.parse(await exchange(socket, `${JSON.stringify({ kind: 'run', argv: ['rules'], cwd: dir, env: {}, stdoutIsTTY: false })}\n`));
    assert.deepEqual(declined, { kind: 'declined', reason: 'only audit runs in the warm process' });
    const gone = JSON.parse(await exchange(socket, `${JSON.stringify({ kind: 'run', argv: ['audit'], cwd: join(dir, 'missing'), env: {}, stdoutIsTTY: false })}\n`));
    assert.equal(gone.kind, 'declined');
    const served = runCli(['audit', '--staged', '--daemon'], dir, env);
    assert.equal(served.status, 1);
    assert.deepEqual(status(cache), { pid: started.pid, served: 1 });
  });
});
