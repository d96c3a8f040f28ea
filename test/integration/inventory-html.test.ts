/**
 * `agent-guardrail inventory --format html` from the real CLI in a real git repository, opened in a real browser
 * (Debian's headless Chromium driven by playwright-core): one self-contained file that loads nothing, a graph of
 * agents → credentials / MCP servers / tools coloured by risk, a section per agent, escaped user text, and printable.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ensureDebianPackage, git, makeTempDir, REPO_ROOT, runCli, writeTree } from '../helpers';

const CHROMIUM = process.env.AG_CHROMIUM || '/usr/bin/chromium';


describe('inventory --format html in headless Chromium', function () {
  this.timeout(300_000);
  let repo: string;
  let report: string;
  let html: string;
  let browser: Browser;

  before(async () => {
    repo = makeTempDir('agent-guardrail-inventory-html-');
    git(repo, 'init', '--quiet');
    cpSync(join(REPO_ROOT, 'examples'), repo, { recursive: true });
    // An agent whose name is markup: it must show as text, never become an element.
    writeTree(repo, { 'src/agents/markup.ts': "import { Agent } from '@openai/agents';\n\nexport const odd = new Agent({ name: '<img src=x onerror=alert(1)>', instructions: 'x' });\n" });
    const result = runCli(['inventory', '--format', 'html', '--output', 'inventory.html'], repo);
    assert.equal(result.status, 0, result.stderr);
    report = join(repo, 'inventory.html');
    html = readFileSync(report, 'utf8');
    if (!existsSync(CHROMIUM)) ensureDebianPackage('chromium', 'chromium');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('is one self-contained file: no script, no external reference, and a policy that forbids loading anything', () => {
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /(?:src|href)="(?!#)/);
  });

  it('renders in the browser without a single network request, with the expected graph nodes and risk colours', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);
    assert.deepEqual(requests, [pathToFileURL(report).href], 'only the file itself');
    assert.equal(await page.title(), 'Agent inventory');
    const nodes = await page.$$eval('svg.graph g.node', (elements) => elements.map((element) => `${element.getAttribute('data-kind')} ${element.getAttribute('data-name')} ${element.getAttribute('data-risk')}`));
    const agents = nodes.filter((node) => node.startsWith('agent ')).sort();
    assert.deepEqual(agents, ['agent <img src=x onerror=alert(1)> high', 'agent billing-assistant high', 'agent research-assistant high', 'agent support-triage high']);
    for (const expected of ['tool search_tickets ok', 'tool assign_ticket ok', 'tool issue_refund medium', 'mcp-server github ok', 'credential github ok', 'tool summarize ok']) assert.ok(nodes.includes(expected), `${expected}\n${nodes.join('\n')}`);
    assert.ok(nodes.some((node) => /^credential stripe sk_live_…\w{4} high$/.test(node)), nodes.join('\n'));
    assert.ok(nodes.some((node) => /^credential openai sk-proj-…\w{4} high$/.test(node)), 'the hardcoded key in triage.ts');
    // Every edge leaves an agent and ends at one of the nodes; the graph is drawn (boxes have a size).
    const edges = await page.$$eval('svg.graph path.edge', (paths) => paths.map((path) => [path.getAttribute('data-from'), path.getAttribute('data-to')]));
    const ids = await page.$$eval('svg.graph g.node', (elements) => elements.map((element) => element.id));
    assert.ok(edges.length >= 12, `${edges.length} edges`);
    for (const [from, to] of edges) assert.ok(ids.includes(from!) && ids.includes(to!) && /^a\d+$/.test(from!), `${from} → ${to}`);
    const box = await page.locator('svg.graph g.node.agent').first().boundingBox();
    assert.ok(box && box.width > 100 && box.height > 10, JSON.stringify(box));
    const red = await page.$eval('svg.graph g.node.risk-high rect', (rect) => (globalThis as unknown as { getComputedStyle(element: unknown): { stroke: string } }).getComputedStyle(rect).stroke);
    assert.equal(red, 'rgb(198, 40, 40)');
    // A section per agent; markup from the code is text.
    assert.equal(await page.locator('section.agent').count(), 4);
    assert.equal(await page.locator('img').count(), 0);
    assert.ok((await page.locator('section.agent h2').allTextContents()).some((text) => text.startsWith('<img src=x onerror=alert(1)>')));
    assert.match((await page.locator('section[data-agent="billing-assistant"]').textContent())!, /Ownernone/);
    mkdirSync(join(REPO_ROOT, 'test', '.tmp'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'test', '.tmp', 'inventory-report.png') });
    await page.close();
  });

  it('prints: a PDF with the graph and every section', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.$eval('body', (body) => (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(body).backgroundColor), 'rgb(255, 255, 255)');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000, `${pdf.length} bytes`);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    writeFileSync(join(REPO_ROOT, 'test', '.tmp', 'inventory-report.pdf'), pdf);
    await page.close();
  });
});
