/**
 * A bounded fuzz test of the whole pipeline (issue 11). Seed files of every kind the tool reads (TypeScript agent
 * code, a JSONC MCP config, Claude Code settings, YAML manifests, `.env`, Markdown, the tool's own config) carry
 * secrets made at run time. Each round mutates every seed (deleting, duplicating, swapping and truncating ranges,
 * inserting structure, control characters, line endings, aliases, modifier runs …), audits the mutated workspace
 * in memory and writes it through every output path: text, JSON, SARIF and Markdown reports, the inventory in three
 * formats, a baseline, LSP diagnostics and config warnings. It checks that nothing throws, that no round hangs, and
 * that no secret shows: a secret the run found (intact in the input) in no 12-character piece, any other intact
 * secret never whole.
 *
 * Deterministic (a seeded generator): a failure names its round and reproduces. The rounds run in a worker under a
 * watchdog that fires only if one round makes no progress for a long time: a hang detector, not a timing assertion.
 */
import { strict as assert } from 'node:assert';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createBaseline, serializeBaseline } from '../../src/core/baseline';
import { parseConfigText } from '../../src/core/config';
import { defaultConfig } from '../../src/core/config';
import { buildInventory } from '../../src/core/inventory';
import { looksRandom } from '../../src/core/redaction';
import { fingerprintOf } from '../../src/core/secrets/redact';
import { analyzeSources } from '../../src/node/audit';
import { describeConfigProblem } from '../../src/node/config-file';
import { redactReport } from '../../src/node/format/common';
import { formatInventoryCsv, formatInventoryJson, formatInventoryMarkdown } from '../../src/node/format/inventory';
import { formatJson } from '../../src/node/format/json';
import { formatMarkdown } from '../../src/node/format/markdown';
import { formatSarif } from '../../src/node/format/sarif';
import { formatText } from '../../src/node/format/text';
import { toDiagnostic } from '../../src/server/convert';

const ROUNDS = 160;
/** No progress for this long means a hang (a round normally takes well under a second). */
const WATCHDOG_MS = 60_000;
const WINDOW = 12;
const ROOT = '/fuzz-workspace-that-does-not-exist';

/** mulberry32: small, fast, seedable. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface Secret {
  label: string;
  value: string;
  publicPrefix: number;
}

/** Secrets made for this run (random, so the repository holds none); generic ones look random to the redactor. */
function makeSecrets(random: () => number): Record<string, Secret> {
  const token = (length: number, alphabet = ALPHANUMERIC): string => {
    for (;;) {
      let value = '';
      while (value.length < length) value += alphabet[Math.floor(random() * alphabet.length)];
      if (alphabet !== ALPHANUMERIC || looksRandom(value)) return value;
    }
  };
  const secret = (label: string, prefix: string, body: string): Secret => ({ label, value: prefix + body, publicPrefix: prefix.length });
  return {
    OPENAI: secret('OpenAI key', 'sk-proj-', `${token(30)}_${token(20)}`),
    ANTHROPIC: secret('Anthropic key', 'sk-ant-api03-', `${token(93)}AA`),
    SLACK: secret('Slack bot token', 'xoxb-', `${token(12, '0123456789')}-${token(13, '0123456789')}-${token(24)}`),
    GENERIC1: secret('generic x-api-key', '', token(32)),
    GENERIC2: secret('generic bearer token', '', token(36)),
    GENERIC3: secret('generic JWT secret', '', token(40)),
    PASSWORD: secret('database password', '', token(20)),
  };
}

/** The seed workspace: one file of every kind, each holding some of the secrets. */
function seeds(s: Record<string, Secret>): Record<string, string> {
  const v = (name: string) => s[name]!.value;
  return {
    'src/agent.ts': [
      "import { Agent, tool } from '@openai/agents';",
      "import OpenAI from 'openai';",
      "import { z } from 'zod';",
      '',
      `const client = new OpenAI({ apiKey: '${v('OPENAI')}' });`,
      "const search = tool({ name: 'search', description: 'Search', parameters: z.object({ q: z.string() }), execute: async ({ q }) => q });",
      "const shell = tool({ name: 'shell', description: 'Run', parameters: z.object({ cmd: z.string() }), execute: async ({ cmd }) => cmd });",
      '/** @owner team:support */',
      "export const triage = new Agent({ name: 'support', instructions: 'Route tickets', tools: [search, shell] });",
      `const headers = { 'x-api-key': '${v('GENERIC1')}' };`,
      `export const db = 'postgres://app:${v('PASSWORD')}@db.internal:5432/app';`,
      '',
    ].join('\n'),
    '.vscode/mcp.json': [
      '{',
      '  // MCP servers for this workspace',
      '  "servers": {',
      `    "search": { "type": "http", "url": "https://mcp.internal/search", "headers": { "Authorization": "Bearer ${v('GENERIC2')}" } },`,
      `    "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"], "env": { "ANTHROPIC_API_KEY": "${v('ANTHROPIC')}" } },`,
      '  },',
      '}',
      '',
    ].join('\n'),
    '.claude/settings.json': JSON.stringify(
      { env: { SLACK_BOT_TOKEN: v('SLACK') }, permissions: { allow: ['Bash(*)', `Bash(curl -H "Authorization: Bearer ${v('GENERIC2')}" https://api.internal/*)`, 'Read(//**)'] } },
      null,
      2,
    ) + '\n',
    'agents/support.agent.yaml': [
      'apiVersion: agent-guardrail/v1',
      'kind: Agent',
      'metadata:',
      '  name: support',
      '  owner: team:support',
      '  environment: production',
      '  reviewBy: 2020-01-01',
      'spec:',
      '  entrypoint: src/agent.ts',
      '  tools:',
      '    - name: search',
      '      access: read',
      '    - &shell { name: shell, access: admin }',
      '  credentials:',
      '    - name: openai',
      `      ref: ${v('OPENAI')}`,
      '      ttl: 90d',
      '    - name: slack',
      '      ref: vault://slack/bot',
      '',
    ].join('\n'),
    'agents/billing.agent.yaml': [
      'apiVersion: agent-guardrail/v1',
      'kind: Agent',
      'metadata:',
      '  name: billing',
      `  owner: ${v('GENERIC3')}`,
      '  environment: sandbox',
      'spec:',
      `  entrypoint: ${v('ANTHROPIC')}`,
      '  credentials:',
      '    - name: slack',
      '      ref: vault://slack/bot',
      '',
    ].join('\n'),
    '.env': [`OPENAI_API_KEY=${v('OPENAI')}`, `JWT_SECRET=${v('GENERIC3')}`, `SLACK_BOT_TOKEN="${v('SLACK')}"`, 'DEBUG=1', ''].join('\n'),
    'docs/setup.md': [
      '# Setup',
      '',
      `Export \`ANTHROPIC_API_KEY=${v('ANTHROPIC')}\`, then:`,
      '',
      '```sh',
      `curl -H "x-api-key: ${v('GENERIC1')}" https://api.internal/run`,
      '```',
      '',
    ].join('\n'),
    '.agent-guardrail.yaml': [`${v('GENERIC1')}: 1`, 'rules:', `  ${v('GENERIC2')}: off`, `maxFileSize: ${v('GENERIC3')}`, `placeholders: ["(${v('PASSWORD')}"]`, 'suppressions:', '  - rule: secrets/generic-secret', `    fingerprint: ${fingerprintOf(v('GENERIC1'))}`, `    reason: ${v('SLACK')}`, ''].join('\n'),
  };
}

/** Fragments mutations insert: structure of every format, and what broke the tool before. */
const INSERTS = [
  '{', '}', '[', ']', '"', "'", '`', ':', ',', '\n', '\r', '\r\n', '\t', '\u0000', '\u001b[31m', '\u202e', '\ud800', '…', '#',
  '---\n', '- ', '&a ', '*a ', '!!binary ', '? ', '|\n', '${', '{{', '<<: *a\n', '//', '/*', '*/', '<!--',
  'export export export export ', 'static static static ', '@a @a @a ', '((((((((', '[[[[[[[[', 'x'.repeat(5000),
  'agent-guardrail-ignore-next-line secrets/generic-secret -- ', 'apiKey: ', 'password=', 'Bearer ', 'ref: ', 'name: ',
];

function mutate(text: string, random: () => number): string {
  const at = () => Math.floor(random() * (text.length + 1));
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const a = at();
    const b = Math.min(text.length, a + Math.floor(random() * 80));
    switch (Math.floor(random() * 8)) {
      case 0: // delete a range
        text = text.slice(0, a) + text.slice(b);
        break;
      case 1: // duplicate a range, maybe many times
        text = text.slice(0, b) + text.slice(a, b).repeat(1 + Math.floor(random() * (random() < 0.1 ? 500 : 3))) + text.slice(b);
        break;
      case 2: // insert a fragment
        text = text.slice(0, a) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(a);
        break;
      case 3: // swap a range with the text after it
        text = text.slice(0, a) + text.slice(b, b + (b - a)) + text.slice(a, b) + text.slice(b + (b - a));
        break;
      case 4: // truncate
        text = text.slice(0, a);
        break;
      case 5: // change line endings
        text = random() < 0.5 ? text.replace(/\n/g, '\r') : text.replace(/\n/g, '\r\n');
        break;
      case 6: // replace one character
        text = text.slice(0, a) + String.fromCharCode(Math.floor(random() * 0x300)) + text.slice(a + 1);
        break;
      default: // repeat a line
        {
          const start = text.lastIndexOf('\n', a - 1) + 1;
          const end = text.indexOf('\n', a);
          const line = text.slice(start, end < 0 ? text.length : end + 1);
          text = text.slice(0, start) + line.repeat(2 + Math.floor(random() * 200)) + text.slice(start);
        }
    }
  }
  return text;
}

interface RoundResult {
  round: number;
  inputs: number;
  /** Output path → secrets checked there (detected ones by pieces, the others whole). */
  checked: Record<string, number>;
  leaks: string[];
  error?: string;
}

/** Every output path for one mutated workspace, by name. */
function outputs(files: Record<string, string>): Record<string, string> {
  const config = defaultConfig();
  const sources = Object.entries(files).map(([path, text]) => ({ path, read: () => new TextEncoder().encode(text) }));
  const report = analyzeSources(ROOT, sources, config, [], new Date('2026-01-15T00:00:00Z'));
  const { redactor } = report;
  const inventory = buildInventory(report.index, report.findings, new Date('2026-01-15T00:00:00Z'));
  const configText = files['.agent-guardrail.yaml'] ?? '';
  const warnings = parseConfigText(configText).problems.map((problem) => redactor.text(`warning: ${describeConfigProblem('.agent-guardrail.yaml', configText, problem)}`));
  return {
    text: formatText(report, { color: true, verbose: true }),
    json: formatJson(report),
    sarif: formatSarif(report),
    markdown: formatMarkdown(report),
    'inventory markdown': formatInventoryMarkdown(inventory, redactor),
    'inventory json': formatInventoryJson(inventory, redactor),
    'inventory csv': formatInventoryCsv(inventory, redactor),
    baseline: serializeBaseline(createBaseline(redactReport(report).findings)),
    'lsp diagnostics': JSON.stringify(report.findings.map((finding) => toDiagnostic(finding, ROOT, redactor))),
    'config warnings': warnings.join('\n'),
  };
}

function runRound(round: number): RoundResult {
  const random = generator(0x5eed + round * 7919);
  const secrets = makeSecrets(random);
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(seeds(secrets))) files[path] = random() < 0.15 ? text : mutate(text, random);
  const result: RoundResult = { round, inputs: Object.keys(files).length, checked: {}, leaks: [] };
  let written: Record<string, string>;
  try {
    written = outputs(files);
  } catch (error) {
    return { ...result, error: (error as Error).stack ?? String(error) };
  }
  const input = Object.values(files).join('\n');
  const found = new Set((JSON.parse(written.json!) as { findings: { ruleId: string; fingerprint: string }[] }).findings.filter((finding) => finding.ruleId.startsWith('secrets/')).map((finding) => finding.fingerprint));
  for (const secret of Object.values(secrets)) {
    if (!input.includes(secret.value)) continue;
    const detected = found.has(fingerprintOf(secret.value));
    for (const [path, output] of Object.entries(written)) {
      result.checked[path] = (result.checked[path] ?? 0) + 1;
      if (detected) {
        for (let i = Math.max(0, secret.publicPrefix - WINDOW + 1); i + WINDOW <= secret.value.length; i++) {
          if (output.includes(secret.value.slice(i, i + WINDOW))) {
            result.leaks.push(`round ${round}: a piece of the ${secret.label} (found) in ${path}`);
            break;
          }
        }
      } else if (output.includes(secret.value)) {
        result.leaks.push(`round ${round}: the ${secret.label} (not found) in ${path}`);
      }
    }
  }
  return result;
}

function workerMain(): void {
  for (let round = 0; round < ROUNDS; round++) parentPort!.postMessage(runRound(round));
  parentPort!.postMessage('done');
}

function defineTests(): void {
  describe('fuzz: mutated workspaces through every output path', function () {
    this.timeout(0); // the watchdog below decides

    it(`${ROUNDS} rounds of every seed kind: no exception, no hang, no secret in any output`, async function () {
      const results: RoundResult[] = [];
      await new Promise<void>((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: { fuzzWorker: true } });
        let watchdog: NodeJS.Timeout;
        const arm = (round: number) => {
          clearTimeout(watchdog);
          watchdog = setTimeout(() => {
            void worker.terminate();
            reject(new Error(`round ${round} made no progress for ${WATCHDOG_MS / 1000} s: a hang`));
          }, WATCHDOG_MS);
        };
        arm(0);
        worker.on('message', (message: RoundResult | 'done') => {
          if (message === 'done') {
            clearTimeout(watchdog);
            void worker.terminate().then(() => resolve());
            return;
          }
          results.push(message);
          arm(message.round + 1);
        });
        worker.on('error', (error) => {
          clearTimeout(watchdog);
          reject(error);
        });
      });
      assert.equal(results.length, ROUNDS);
      assert.deepEqual(results.filter((result) => result.error).map((result) => `round ${result.round}: ${result.error}`), []);
      assert.deepEqual(results.flatMap((result) => result.leaks), []);
      const checked: Record<string, number> = {};
      for (const result of results) for (const [path, count] of Object.entries(result.checked)) checked[path] = (checked[path] ?? 0) + count;
      const inputs = results.reduce((sum, result) => sum + result.inputs, 0);
      // Every output path saw secrets to hide (the mutations leave most of them intact).
      assert.equal(Object.keys(checked).length, 10);
      for (const [path, count] of Object.entries(checked)) assert.ok(count >= ROUNDS, `${path}: only ${count} secrets checked`);
      console.log(`      ${inputs} fuzzed inputs in ${ROUNDS} workspaces; secrets checked per output path: ${Object.entries(checked).map(([path, count]) => `${path} ${count}`).join(', ')}`);
    });
  });
}

if (!isMainThread && (workerData as { fuzzWorker?: boolean } | undefined)?.fuzzWorker) workerMain();
else defineTests();
