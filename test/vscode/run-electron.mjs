#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suite as `npm run test:vscode` (test/vscode/suite), in desktop
// VS Code downloaded by @vscode/test-electron. For machines that can reach update.code.visualstudio.com (a laptop,
// GitHub Actions); on Linux without a display run it under `xvfb-run -a`. The CI machines of this project cannot
// download VS Code: there `npm run test:vscode` runs the suite in code-server instead.
//
// Windows, as in run-code-server.mjs:
//   main       a trusted window on a copy of examples/ (runTests, which passes --disable-workspace-trust);
//   cold       an empty window: activate() and first-diagnostics timings (runTests);
//   untrusted  workspace trust on and the copy of examples/ untrusted, with a configuration that tries to switch
//              secrets/* and grants/* off. runTests always adds --disable-workspace-trust, so this window is started
//              with the same arguments minus that flag, on the executable that runTests downloaded.
// Each window gets its own --user-data-dir (with quiet settings) and --extensions-dir in a temp dir.
//
// Options: --no-build  --modes=main,cold,untrusted  --version=<VS Code version, default stable; also VSCODE_VERSION>
//          --extension=<dir> (extensionDevelopmentPath; default the repository)

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite, MODES } from './build-suite.mjs';
import { copyExamples, log, makeTempDir, QUIET_SETTINGS, REPO, runCleanups } from './lib.mjs';
import { UNTRUSTED_CONFIG } from './untrusted-config.mjs';

const argv = process.argv.slice(2);
const value = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const modes = (value('modes') ?? MODES.join(',')).split(',').filter(Boolean);
const version = value('version') ?? process.env.VSCODE_VERSION ?? 'stable';
const extensionPath = value('extension') ?? process.env.AG_EXTENSION_PATH ?? REPO;

async function main() {
  for (const mode of modes) if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}; use ${MODES.join(', ')}`);
  const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  if (!argv.includes('--no-build')) {
    const result = spawnSync(process.execPath, [join(REPO, 'test', 'tools', 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  const suites = await buildSuite();
  rmSync(join(REPO, 'test', '.tmp', 'vscode-timings.json'), { force: true });
  const vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(REPO, '.vscode-test') });
  const tmp = makeTempDir('agent-guardrail-electron-');

  const results = [];
  for (const mode of modes) {
    const userDataDir = join(tmp, `${mode}-user-data`);
    const extensionsDir = join(tmp, `${mode}-extensions`);
    const trust = mode === 'untrusted';
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    const settings = { ...QUIET_SETTINGS, ...(trust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {}) };
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

    let folder;
    if (mode !== 'cold') folder = copyExamples(join(tmp, `workspace-${mode}`));
    if (trust) {
      for (const [path, text] of Object.entries(UNTRUSTED_CONFIG)) {
        mkdirSync(join(folder, path, '..'), { recursive: true });
        writeFileSync(join(folder, path), text);
      }
    }
    const launchArgs = [...(folder ? [folder] : []), '--new-window', `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, '--disable-extensions', '--disable-gpu'];
    log(`${mode}: VS Code ${version} on ${folder ?? 'an empty window'}`);
    let code;
    try {
      if (!trust) {
        code = await runTests({ vscodeExecutablePath, extensionDevelopmentPath: extensionPath, extensionTestsPath: suites[mode], launchArgs });
      } else {
        // runTests' own arguments without --disable-workspace-trust.
        const args = [...launchArgs, '--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome', '--skip-release-notes', `--extensionTestsPath=${suites[mode]}`, `--extensionDevelopmentPath=${extensionPath}`];
        code = await runExecutable(vscodeExecutablePath, args);
      }
    } catch (error) {
      log(`${mode}: ${error?.message ?? error}`);
      code = typeof error?.code === 'number' ? error.code : 1;
    }
    results.push({ mode, code });
    log(`${mode}: ${code === 0 ? 'passed' : `FAILED (${code})`}`);
  }
  const failed = results.filter((result) => result.code !== 0);
  log(`test:electron ${failed.length ? 'FAILED' : 'passed'}: ${results.map((r) => `${r.mode} ${r.code === 0 ? 'ok' : 'failed'}`).join(', ')}`);
  return failed.length ? 1 : 0;
}

function runExecutable(executable, args) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(executable, args, { env, stdio: 'inherit' });
    const forward = () => child.kill('SIGINT');
    process.once('SIGINT', forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.removeListener('SIGINT', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  log(`test:electron: ${error?.stack ?? error}`);
} finally {
  await runCleanups();
}
process.exit(exitCode);
