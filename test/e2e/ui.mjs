#!/usr/bin/env node
// `npm run test:e2e`: what a user sees, end to end. Headless Chromium drives code-server (VS Code 1.139.1) with the
// packaged VSIX installed (`--install-extension`), on a copy of examples/:
//   1. the VSIX: under 6 MB, its file list printed, installed with code-server --install-extension;
//   2. Quick Open src/agents/triage.ts; the hardcoded OpenAI key shows up in the Problems panel (rows read from the DOM);
//   3. the hover on the key shows the message and the rule's documentation link;
//   4. the light-bulb menu: when it offers "Use broker-issued credential", apply it, save, and check the file on disk
//      and that the diagnostic is gone (until the quick-fix work lands, the menu is recorded and the step is skipped);
//   5. "Agent Guardrail: Audit Workspace" from the Command Palette: the summary notification, and Problems rows for
//      files that were never opened.
// Screenshots go to test/.tmp/screenshots/. With --update-media, the README screenshots in src/extension/media/ are
// replaced by this run's.
//
// Options: --vsix=<path> (test this VSIX instead of packaging one)  --no-build  --update-media  --keep-open-on-failure
// Installs what it needs like test:vscode (see test/vscode/lib.mjs).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { copyExamples, ensureAll, installExtension, launchBrowser, log, makeTempDir, REPO, runCleanups, startCodeServer } from '../vscode/lib.mjs';
import { listZip } from './zip.mjs';

const argv = process.argv.slice(2);
const value = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name) => argv.includes(`--${name}`);

const SHOTS = join(REPO, 'test', '.tmp', 'screenshots');
const MEDIA = join(REPO, 'src', 'extension', 'media');
const MAX_VSIX_BYTES = 6 * 1024 * 1024;
const WAIT = 45_000;

/** Quiet, readable screenshots: no secondary side bar; TypeScript's own errors about the example's uninstalled
 * dependencies (Cannot find module 'openai'…) would crowd the Problems panel, so TS/JS validation is off. */
const E2E_SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
};

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok, detail });
  log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (!ok) throw new Error(`${name}${detail ? `: ${detail}` : ''}`);
}
function note(name, detail) {
  results.push({ name, ok: true, detail, note: true });
  log(`note ${name}${detail ? ` — ${detail}` : ''}`);
}

async function packageVsix(tmp) {
  const given = value('vsix');
  if (given) return given;
  if (!flag('no-build')) {
    const result = spawnSync(process.execPath, [join(REPO, 'test', 'tools', 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  const out = join(tmp, 'agent-guardrail.vsix');
  const vsce = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

async function main() {
  const prerequisites = ensureAll();
  const tmp = makeTempDir('agent-guardrail-e2e-');
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });

  // 1. The VSIX.
  const vsix = await packageVsix(tmp);
  const size = statSync(vsix).size;
  const entries = listZip(readFileSync(vsix));
  log(`VSIX ${vsix}: ${(size / 1024 / 1024).toFixed(2)} MB, ${entries.length} entries:\n${entries.map((e) => `  ${e.name}  ${(e.size / 1024).toFixed(1)} KB`).join('\n')}`);
  check('VSIX is under 6 MB', size < MAX_VSIX_BYTES, `${(size / 1024 / 1024).toFixed(2)} MB`);
  for (const required of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/server-main.js', 'extension/dist/typescript.js', 'extension/schemas/agent-manifest.schema.json', 'extension/src/extension/media/icon.png']) {
    check(`VSIX contains ${required}`, entries.some((entry) => entry.name === required));
  }
  check('VSIX ships no source maps, tests or node_modules', !entries.some((entry) => /\.map$|^extension\/(test|node_modules|examples|out)\//.test(entry.name)));

  const stateDir = join(tmp, 'state');
  const installed = installExtension(prerequisites, stateDir, vsix);
  check('code-server --install-extension installs the VSIX', /successfully installed/i.test(installed), installed.trim().split('\n').pop());

  // 2. code-server on a copy of examples/, the VSIX installed, a browser.
  const workspace = copyExamples(join(tmp, 'workspace'));
  const server = await startCodeServer(prerequisites, stateDir, { settings: E2E_SETTINGS });
  const browser = await launchBrowser(join(stateDir, 'chromium-profile'), { viewport: { width: 1440, height: 900 } });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const shot = async (name) => {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path });
    log(`screenshot ${path}`);
    return path;
  };
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: WAIT });
    await dismissNotifications(page);

    // Quick Open the file with the key.
    await quickOpen(page, 'triage.ts');
    await page.locator('.tab.active', { hasText: 'triage.ts' }).waitFor({ timeout: WAIT });
    await page.locator('.monaco-editor .view-lines', { hasText: 'apiKey' }).first().waitFor({ timeout: WAIT });

    // Problems panel rows.
    await page.keyboard.press('Control+Shift+M');
    const keyRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'Hardcoded OpenAI API key' });
    await keyRow.first().waitFor({ timeout: WAIT });
    const rows = await problemRows(page);
    log(`Problems rows:\n${rows.map((row) => `  ${row}`).join('\n')}`);
    const row = (await keyRow.first().innerText()).replace(/\s+/g, ' ');
    check('Problems shows the key with rule, source and position', row.includes('secrets/provider-key') && row.includes('Agent Guardrail') && /\[Ln 8, Col 12\]/.test(row), row);
    check('the Problems row never shows the raw key', !row.includes(keyFromDisk(workspace)));
    await shot('problems-panel');

    // Hover on the key.
    await goToLine(page, '8:40');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Hardcoded OpenAI API key' }).first();
    await hover.waitFor({ timeout: WAIT });
    const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
    const link = hover.locator('a', { hasText: 'secrets/provider-key' }).first();
    const href = (await link.count()) ? (await link.getAttribute('data-href')) ?? (await link.getAttribute('href')) : undefined;
    check('the hover shows the message', /Hardcoded OpenAI API key \(sk-proj-…\w{4}\)\. Rotate it/.test(hoverText), hoverText.slice(0, 200));
    check('the hover links the rule documentation', href === 'https://github.com/agent-guardrail/agent-guardrail/blob/main/src/core/rules/secrets/provider-key.md', String(href));
    // Let the hover settle ("Checking for quick fixes…" is replaced by the quick-fix link) before the screenshot.
    await hover.locator(':text("Checking for quick fixes")').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
    await shot('hover');
    await page.keyboard.press('Escape');

    // The light-bulb menu.
    await goToLine(page, '8:40');
    const menu = page.locator('.action-widget').first();
    // The code actions are computed on request; press again if the first press found the editor not ready.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      const shown = await menu.waitFor({ timeout: attempt < 3 ? 10_000 : WAIT }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 3) throw new Error('the light-bulb menu did not open (Ctrl+.)');
      await page.keyboard.press('Escape');
    }
    const actions = (await menu.locator('.monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    log(`quick fixes offered: ${actions.join(' | ') || '(none)'}`);
    await shot('quick-fix-menu');
    const broker = actions.findIndex((text) => text.includes('Use broker-issued credential'));
    if (broker < 0) {
      note('broker quick fix', 'not offered yet (arrives with the quick-fix work); hover checked instead');
      await page.keyboard.press('Escape');
    } else {
      // A failure here is recorded and the run goes on to the audit step, so one report shows both.
      await applyBrokerFix(page, menu, actions, workspace, keyRow, shot).catch(async (error) => {
        results.push({ name: 'broker quick fix', ok: false, detail: error.message.split('\n')[0] });
        log(`FAIL broker quick fix — ${error.message.split('\n')[0]}`);
        await shot('broker-fix-failure').catch(() => {});
        for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
      });
    }

    // Audit Workspace from the Command Palette.
    await runCommand(page, 'Agent Guardrail: Audit Workspace');
    const toast = page.locator('.notification-toast', { hasText: /Agent Guardrail: \d+ findings? in \d+ files/ }).first();
    await toast.waitFor({ timeout: WAIT });
    const summary = (await toast.innerText()).replace(/\s+/g, ' ');
    check('Audit Workspace shows a summary with counts per category', /Agent Guardrail: \d+ findings? in \d+ files \(.*secrets \d+/.test(summary), summary);
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'mcp.json' }).first().waitFor({ timeout: WAIT });
    await page.locator('.notification-toast', { hasText: 'auditing the workspace' }).waitFor({ state: 'detached', timeout: WAIT });
    await shot('audit-workspace');
    // The Problems list is virtual (only visible rows are in the DOM): collapse it to one row per file to read them all.
    await page.locator('.panel .action-label.codicon-collapse-all, .panel [aria-label="Collapse All"]').first().click();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'billing.ts' }).first().waitFor({ timeout: WAIT });
    const files = await problemRows(page);
    log(`Problems after the audit (one row per file):\n${files.map((row) => `  ${row}`).join('\n')}`);
    check('Problems lists files that were never opened', ['billing.ts', 'notifier.yaml', 'agent-runner-policy.json', 'research.agent.yaml'].every((name) => files.some((text) => text.includes(name))), `${files.length} files`);

    const failed = results.filter((r) => !r.ok);
    log(`e2e ${failed.length ? 'FAILED' : 'passed'}: ${results.filter((r) => !r.note && r.ok).length} checks passed${failed.length ? `, failed: ${failed.map((r) => r.name).join(', ')}` : ''}${results.some((r) => r.note) ? `; notes: ${results.filter((r) => r.note).map((r) => `${r.name} (${r.detail})`).join(', ')}` : ''}`);
    if (flag('update-media')) updateMedia();
    return failed.length ? 1 : 0;
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Light bulb → "Use broker-issued credential" (→ the broker, when asked) → save; checks the file on disk and Problems. */
async function applyBrokerFix(page, menu, actions, workspace, keyRow, shot) {
  // Keyboard, as a user would: move the focus to the action, Enter.
  const focused = () => menu.locator('.monaco-list-row.focused').first().innerText().catch(() => '');
  for (let i = 0; i < actions.length && !(await focused()).includes('Use broker-issued credential'); i++) await page.keyboard.press('ArrowDown');
  check('the broker quick fix can be selected in the light-bulb menu', (await focused()).includes('Use broker-issued credential'));
  await page.keyboard.press('Enter');
  const fixed = page.locator('.monaco-editor .view-lines', { hasText: 'credentials' }).first();
  const chooser = page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').first();
  await Promise.race([fixed.waitFor({ timeout: WAIT }), chooser.waitFor({ timeout: WAIT })]).catch(() => {});
  const isFixed = await fixed.isVisible().catch(() => false);
  const asks = !isFixed && (await chooser.isVisible().catch(() => false));
  if (!isFixed && !asks) {
    const toasts = (await page.locator('.notification-toast').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    throw new Error(`the fix changed nothing and asked nothing within ${WAIT / 1000} s${toasts.length ? `; notifications: ${toasts.join(' | ')}` : ''}`);
  }
  if (asks) {
    const choices = (await page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    log(`the fix asks for a broker: ${choices.join(' | ')}`);
    await shot('broker-choice');
    await page.keyboard.press('Enter'); // the first (suggested) broker
  }
  await fixed.waitFor({ timeout: WAIT });
  await shot('after-broker-fix-unsaved');
  await page.keyboard.press('Control+S');
  const path = join(workspace, 'src', 'agents', 'triage.ts');
  const saved = await waitFor(() => {
    const text = readFileSync(path, 'utf8');
    return !text.includes('sk-proj-') ? text : undefined;
  }, 'the fixed file on disk');
  const apiKeyLine = saved.split('\n').find((line) => line.includes('apiKey'));
  check('the broker fix replaced the key on disk with a broker call', !saved.includes('sk-proj-') && /credentials/.test(saved), apiKeyLine?.trim());
  await keyRow.first().waitFor({ state: 'detached', timeout: WAIT });
  check('the key diagnostic is gone after the fix', (await keyRow.count()) === 0);
  await shot('after-broker-fix');

  // The scaffolded credentials module the fix imports: created by the same edit, saved with File: Save All.
  const imported = /import \{ credentials \} from '(\.[^']+)\.js'/.exec(saved)?.[1];
  check('the fixed file imports the scaffolded credentials module', Boolean(imported), saved.split('\n').find((line) => line.includes('credentials')));
  const modulePath = join(path, '..', `${imported}.ts`);
  const onDisk = () => {
    try {
      return readFileSync(modulePath, 'utf8');
    } catch {
      return '';
    }
  };
  if (!onDisk().includes('credentials')) note('credentials module after Ctrl+S', `${modulePath.slice(workspace.length + 1)} is created but unsaved until File: Save All`);
  await runCommand(page, 'File: Save All');
  const module = await waitFor(() => (onDisk().includes('credentials') ? onDisk() : undefined), 'the credentials module on disk');
  check('the credentials module is on disk after Save All', /export (const|function|async function) credentials|export \{[^}]*credentials/.test(module), `${modulePath.slice(workspace.length + 1)}, ${module.split('\n').length} lines`);
}

async function runCommand(page, label) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: WAIT });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: WAIT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: WAIT });
}

function keyFromDisk(workspace) {
  const text = readFileSync(join(workspace, 'src', 'agents', 'triage.ts'), 'utf8');
  return /'(sk-proj-[^']+)'/.exec(text)?.[1] ?? 'sk-proj-';
}

async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: WAIT });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: WAIT });
  await page.keyboard.press('Enter');
}

async function goToLine(page, position) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: WAIT });
  await input.fill(`:${position}`);
  await page.keyboard.press('Enter');
  // Keys pressed before the quick input has closed and handed the focus back to the editor would be lost.
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: WAIT });
  await page.locator('.monaco-editor.focused').first().waitFor({ timeout: WAIT });
}

async function problemRows(page) {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function dismissNotifications(page) {
  const clear = page.locator('.notifications-toasts .codicon-notifications-clear-all, .notification-toast .codicon-close');
  for (let i = 0; i < 5 && (await clear.count()); i++) await clear.first().click().catch(() => {});
}

async function waitFor(probe, what, timeoutMs = WAIT) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function updateMedia() {
  const chosen = { 'quick-fix-menu': 'screenshot-quick-fix.png', 'after-broker-fix': 'screenshot-broker-fix.png', 'audit-workspace': 'screenshot-audit.png' };
  if (!existsSync(join(SHOTS, 'after-broker-fix.png'))) chosen.hover = 'screenshot-hover.png';
  for (const [shotName, target] of Object.entries(chosen)) {
    copyFileSync(join(SHOTS, `${shotName}.png`), join(MEDIA, target));
    log(`updated ${join('src', 'extension', 'media', target)}`);
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  log(`test:e2e FAILED: ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  await runCleanups();
}
process.exit(exitCode);
