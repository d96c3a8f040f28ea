#!/usr/bin/env node
// `npm run test:vscode`: the extension-host suite (test/vscode/suite) in a real VS Code — code-server 4.139.1
// (VS Code 1.139.1) driven by headless Chromium — on machines where @vscode/test-electron cannot download VS Code.
//
// 1. installs what is missing, cached outside the repository (see lib.mjs): Node 24, code-server, and with
//    apt-get libkrb5-dev and chromium;
// 2. builds dist/ (unless --no-build) and bundles the suite into test/.tmp/vscode-suite/;
// 3. runs three windows, each in its own code-server with its state in a temp dir:
//      cold       an empty window: activate() and the first diagnostics right after it are measured;
//      main       a trusted window on a copy of examples/: diagnostics across file kinds, edits, commands;
//      untrusted  workspace trust on, the copy of examples/ untrusted, with a configuration that tries to switch
//                 secrets/* and grants/* off (Restricted Mode);
//    each loads the repository as extensionDevelopmentPath and the suite as extensionTestsPath through the
//    smoke-test driver's payload URL, and ends when the workbench calls codeAutomationExit;
// 4. prints the extension host's console, writes test/.tmp/vscode-timings.json (from the suite), and exits with
//    0 when every window's suite passed, 1 otherwise. Processes it started are always ended.
//
// Options: --no-build  --install-only  --modes=cold,main,untrusted  --timeout=<seconds per window, default 300>
//          --extension=<dir> (extensionDevelopmentPath; default the repository; also AG_EXTENSION_PATH)
//          --verbose (also print the workbench's own log lines)
// Environment: see lib.mjs (AG_TEST_CACHE, AG_CHROMIUM, AG_KEEP_TMP=1).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite, MODES } from './build-suite.mjs';
import { UNTRUSTED_CONFIG } from './untrusted-config.mjs';
import { copyExamples, ensureAll, EXTENSION_ID, launchBrowser, log, makeTempDir, REPO, runCleanups, startCodeServer, vscodeRemoteUri } from './lib.mjs';

/** Must match CONSOLE_MARK in suite/harness.ts. */
const CONSOLE_MARK = '[ag-suite] ';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const modes = (value('modes') ?? MODES.join(',')).split(',').filter(Boolean);
const timeoutSeconds = Number(value('timeout') ?? 300);
const verbose = flag('verbose');
// The extension under test (extensionDevelopmentPath): the repository, or an unpacked extension directory.
const extensionPath = value('extension') ?? process.env.AG_EXTENSION_PATH ?? REPO;

async function main() {
  for (const mode of modes) if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}; use ${MODES.join(', ')}`);
  const started = Date.now();
  const prerequisites = ensureAll();
  if (flag('install-only')) return 0;

  if (!flag('no-build')) {
    log('building dist/ (npm run build)');
    const result = spawnSync(process.execPath, [join(REPO, 'test', 'tools', 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  const suites = await buildSuite();
  rmSync(join(REPO, 'test', '.tmp', 'vscode-timings.json'), { force: true });

  const tmp = makeTempDir('agent-guardrail-vscode-');
  const results = [];
  for (const mode of modes) {
    const runStarted = Date.now();
    const code = await runWindow(prerequisites, tmp, mode, suites[mode]);
    results.push({ mode, code, seconds: (Date.now() - runStarted) / 1000 });
    log(`${mode}: ${code === 0 ? 'passed' : `FAILED (${code})`} in ${((Date.now() - runStarted) / 1000).toFixed(1)} s`);
  }
  const failed = results.filter((result) => result.code !== 0);
  log(`test:vscode ${failed.length ? 'FAILED' : 'passed'}: ${results.map((r) => `${r.mode} ${r.code === 0 ? 'ok' : 'failed'} (${r.seconds.toFixed(1)} s)`).join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`timings: ${join('test', '.tmp', 'vscode-timings.json')}`);
  return failed.length ? 1 : 0;
}

async function runWindow(prerequisites, tmp, mode, testsPath) {
  const stateDir = join(tmp, `${mode}-state`);
  let folder;
  if (mode === 'main') folder = copyExamples(join(tmp, 'workspace-main'));
  if (mode === 'untrusted') {
    folder = copyExamples(join(tmp, 'workspace-untrusted'));
    for (const [path, text] of Object.entries(UNTRUSTED_CONFIG)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
  }
  const trust = mode === 'untrusted';
  const server = await startCodeServer(prerequisites, stateDir, {
    trust,
    smokeTestDriver: true,
    settings: trust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {},
  });
  const browser = await launchBrowser(join(stateDir, 'chromium-profile'));
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const prefix = `[${mode}]`;
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code, logs) => settle({ code, logs }));
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      if (verbose) process.stdout.write(`${prefix} workbench ${level}: ${message}\n`);
    });
    page.on('console', (message) => {
      // The extension host's console reaches the page console as workbench log lines; the suite marks its own.
      const text = message.text();
      const marked = text.indexOf(CONSOLE_MARK);
      if (marked >= 0) process.stdout.write(`${prefix} ${text.slice(marked + CONSOLE_MARK.length)}\n`);
      else if (verbose) process.stdout.write(`${prefix} (console) ${text}\n`);
    });
    page.on('pageerror', (error) => process.stdout.write(`${prefix} page error: ${error.message}\n`));

    const payload = [
      ['extensionDevelopmentPath', vscodeRemoteUri(server.port, extensionPath)],
      ['extensionTestsPath', vscodeRemoteUri(server.port, testsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?${folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true'}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`${mode}: opening ${folder ?? 'an empty window'}`);
    await page.goto(url);

    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve({ code: 'timeout' }), timeoutSeconds * 1000)));
    const serverDied = new Promise((resolve) => server.child.once('exit', (code) => resolve({ code: `code-server exited (${code})` })));
    const result = await Promise.race([exited, timedOut, serverDied]);
    clearTimeout(timer);
    if (typeof result.code === 'string') log(`${mode}: ${result.code === 'timeout' ? `no result after ${timeoutSeconds} s (the workbench never called codeAutomationExit)` : result.code}`);
    if (result.logs) saveLogs(stateDir, result.logs);
    if (result.code !== 0) {
      await page.screenshot({ path: join(REPO, 'test', '.tmp', `vscode-${mode}-failure.png`) }).catch(() => {});
      process.stdout.write(`${prefix} code-server output (last lines):\n${server.output.join('').split('\n').slice(-40).join('\n')}\n`);
      printServerLogs(prefix, server.userDataDir);
    }
    return result.code === 0 ? 0 : typeof result.code === 'number' ? result.code : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

function saveLogs(stateDir, logs) {
  for (const { relativePath, contents } of logs ?? []) {
    const target = join(stateDir, 'workbench-logs', relativePath);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, contents);
  }
}

/** The extension's output channel and the extension host's errors, from code-server's log folder. */
function printServerLogs(prefix, userDataDir) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return;
  for (const session of readdirSync(logs)) {
    const dir = join(logs, session);
    for (const host of readdirSync(dir).filter((name) => name.startsWith('exthost'))) {
      const output = join(dir, host, `${EXTENSION_ID}`, 'Agent Guardrail.log');
      if (existsSync(output)) process.stdout.write(`${prefix} --- Agent Guardrail output (${host}) ---\n${tail(readFileSync(output, 'utf8'), 40)}\n`);
      const hostLog = join(dir, host, 'remoteexthost.log');
      if (existsSync(hostLog)) {
        const errors = readFileSync(hostLog, 'utf8').split('\n').filter((line) => /\[error\]/.test(line));
        if (errors.length) process.stdout.write(`${prefix} --- extension host errors (${host}) ---\n${errors.slice(-20).join('\n')}\n`);
      }
    }
  }
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  log(`test:vscode: ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  await runCleanups();
}
process.exit(exitCode);
