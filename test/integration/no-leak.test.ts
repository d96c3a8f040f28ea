// PRODUCT.md §9: no raw secret in any output format, log line, or diagnostic. A tree with one secret per
// provider example (plus generic secrets, private keys and connection strings) goes through every output
// format of the real CLI; no output may contain any 12-character piece of a secret beyond its public prefix.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config';
import { PROVIDERS_WITH_EXAMPLES as PROVIDERS } from '../../src/core/secrets/provider-examples';
import { publicPrefixOf } from '../../src/core/secrets/scan';
import { CLI, makeTempDir, writeTree } from '../helpers';
import { LspClient } from '../lsp-client';

const WATCHDOG_MS = 45_000;
/** No output may contain a piece of a secret this long (beyond the secret's public prefix). */
const WINDOW = 12;

interface Planted {
  /** What to report when it leaks (never the value itself). */
  label: string;
  /** The value whose fingerprint the finding carries. */
  value: string;
  /** The parts that must never be shown, each with the length of its public prefix. */
  pieces: { text: string; publicPrefix: number }[];
}

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The secret inside a provider example: the whole example, or the `secret…` group of a bounded pattern. */
function secretOfExample(pattern: string, ignoreCase: boolean | undefined, bounded: boolean | undefined, example: string): string {
  if (!bounded) return example;
  const match = new RegExp(pattern, ignoreCase ? 'i' : '').exec(example);
  assert.ok(match, `a bounded example does not match its own pattern`);
  const group = Object.entries(match.groups ?? {}).find(([name, value]) => name.startsWith('secret') && value !== undefined);
  return group?.[1] ?? match[0];
}

/**
 * The parts of a secret that no output may show: the secret itself, or, when it holds a character that an output
 * format escapes (a Convex deploy key's `|`), each run between such characters that is long enough to spot.
 */
function piecesOf(secret: string, publicPrefix: number): { text: string; publicPrefix: number }[] {
  if (!/["\\|<>`]/.test(secret)) return [{ text: secret, publicPrefix }];
  return secret
    .slice(publicPrefix)
    .split(/["\\|<>`]/)
    .filter((part) => part.length >= WINDOW)
    .map((text) => ({ text, publicPrefix: 0 }));
}

interface Tree {
  files: Record<string, string>;
  planted: Planted[];
  /**
   * Random values the secret rules do not report (no secret-like name, no provider format) that messages, warnings
   * and the inventory quote: the output redactor masks them as random tokens.
   */
  unrecognised: Planted[];
  /** A configuration that quotes keys in every warning it causes and suppresses two findings with keys as reasons. */
  hostileConfig: string;
}

/** Deterministic random letters and digits (a fixed seed per value, so failures reproduce). */
/** `items` in consecutive runs of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}

function randomToken(seed: number, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let state = seed;
  let token = '';
  while (token.length < length) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    token += alphabet[(state >>> 16) % alphabet.length];
  }
  return token;
}

/** One file per kind of context, each secret in a different file kind in turn. */
function buildTree(): Tree {
  const planted: Planted[] = [];
  const ts: string[] = ['// Provider keys, hardcoded (test fixture).'];
  const json: Record<string, string> = {};
  const yaml: string[] = ['agent: leak-test', 'keys:'];
  const env: string[] = ['# leak test'];
  const markdown: string[] = ['# Setup', ''];
  const python: string[] = ['from client import Client', ''];
  const bounded: string[] = ['[default]'];
  let index = 0;
  for (const detector of PROVIDERS) {
    for (const example of detector.examples.match) {
      const secret = secretOfExample(detector.pattern, detector.ignoreCase, detector.bounded, example);
      const prefix = publicPrefixOf(secret, detector.publicPrefix);
      planted.push({ label: `${detector.id} example ${detector.examples.match.indexOf(example) + 1}`, value: secret, pieces: piecesOf(secret, prefix.length) });
      if (detector.bounded) {
        bounded.push(example);
        continue;
      }
      switch (index++ % 6) {
        case 0:
          ts.push(`export const providerKey${index} = '${secret}';`);
          break;
        case 1:
          json[`KEY_${index}`] = secret;
          break;
        case 2:
          yaml.push(`  key_${index}: "${secret}"`);
          break;
        case 3:
          env.push(`PROVIDER_${index}_TOKEN=${secret}`);
          break;
        case 4:
          markdown.push(`Paste \`${secret}\` into the settings.`, '');
          break;
        case 5:
          python.push(`client${index} = Client(api_key="${secret}")`);
          break;
      }
    }
  }

  const generic = (label: string, value: string): string => {
    planted.push({ label, value, pieces: [{ text: value, publicPrefix: 0 }] });
    return value;
  };
  ts.push(
    `const clientSecret = '${generic('clientSecret in TS', 'Qm7vT2xK9pL4wR8nZ3cY6hJ1bF5dS0gA')}';`,
    `await fetch('https://api.example.com/v1/run', { headers: { 'x-api-key': '${generic('x-api-key header', 'Zr4Tq8Wm2Kx7Vn3Bp9Lc5Hd1Jf6Gs0Ya')}' } });`,
    `const headers = { Authorization: 'Bearer ${generic('Authorization Bearer header', 'Xk3Lp9Qm2Vr7Tn5Wz8Bc4Hf6Jd1Gs0Ka')}' };`,
  );
  env.push(
    `JWT_SECRET=${generic('JWT_SECRET in .env', 'Pw6Ng2Rk8Vt4Lx9Qb3Zm7Hc1Jf5Ds0Ea')}`,
    `MISTRAL_API_KEY=${generic('MISTRAL_API_KEY in .env', 'Mx8Tr3Wq6Kp2Vn9Lz5Bc7Hd4Jg1Fs0Ya')}`,
    `COHERE_API_KEY="${generic('COHERE_API_KEY in .env', 'Co7Hx2Rq9Wt4Kn8Lp3Vz6Bm1Jd5Gs0Fa')}"`,
  );
  yaml.push('database:', `  password: "${generic('password in YAML', 'Tr0ub4dor&3xK9#mQ2vLp')}"`);
  json.webhookSecret = generic('webhookSecret in JSON', 'Yt5Kp8Rn2Wq7Lx3Vz9Bm4Hc6Jd1Gs0Fa');
  const connection = (label: string, url: string, password: string): string => {
    planted.push({ label, value: password, pieces: [{ text: password, publicPrefix: 0 }] });
    return url.replace('PASSWORD', password);
  };
  yaml.push(
    `  url: ${connection('postgres password', 'postgres://agent:PASSWORD@db.internal:5432/app', 'N8f2Kq7Lm4Vx9Rt3Wc6Z')}`,
    `  mongo: "${connection('mongodb password', 'mongodb+srv://svc:PASSWORD@cluster0.internal.net/db', 'Hq7Zp2Lk9Wr4Tx8Vb3Nm')}"`,
  );
  env.push(`REDIS_URL=${connection('redis password', 'rediss://cache:PASSWORD@cache.internal:6380', 'Rd5Kq8Wz2Lp7Vx3Tn9Bm')}`);

  // Private keys: a PKCS#1 RSA block in a .pem file, and a PKCS#8 block JSON-escaped as in a service account file.
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const body = (pem: string): string => pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('\n');
  const pemValue = rsa.trimEnd();
  planted.push({ label: 'RSA private key', value: pemValue, pieces: [{ text: body(rsa), publicPrefix: 0 }, { text: body(rsa).replace(/\n/g, ''), publicPrefix: 0 }] });
  const escaped = JSON.stringify(ec.trimEnd()).slice(1, -1);
  planted.push({ label: 'EC private key (escaped)', value: escaped, pieces: [{ text: body(ec).replace(/\n/g, ''), publicPrefix: 0 }] });

  // Agent configurations whose own rules read these values: an MCP config, Claude Code settings, a manifest
  // whose credential `ref` is a raw key instead of a broker reference.
  const mcpBearer = generic('Bearer header in .vscode/mcp.json', 'Hd8Kq3Wm7Lx2Vt9Rb4Zn6Jc1Gf5Ps0Ye');
  const mcpToken = generic('API_TOKEN in .vscode/mcp.json env', 'Ev2Lq9Tm4Wx7Kr3Vb8Zn5Hc1Jd6Gs0Pa');
  const claudeKey = 'sk-ant-api03-' + 'Qx7Lm2Vr9Tk4Wn8Bz3Hc6Jd1Gf5Ps0Ya-Rt7Yu2Io9Pl4Kj8Hg3Fd6Sa1Zx5Cv0Bn_Mq7Wt2Ep9Ry4Uk8Ia3Od6Lf1Sh5Gj0K'.slice(0, 93) + 'AA';
  planted.push({ label: 'Anthropic key in .claude/settings.json', value: claudeKey, pieces: [{ text: claudeKey, publicPrefix: 'sk-ant-api03-'.length }] });
  // A key pasted where a credential entry goes: the manifest schema message quotes the value it got.
  const manifestEntry = 'sk-proj-Lq8Wv3Tx7Kd2Rm9Zn4Bc6HfT3BlbkFJa-Ue8Io3Pl7Kj2Hg6Fd9Sa4';
  planted.push({ label: 'OpenAI key as a manifest credential entry', value: manifestEntry, pieces: [{ text: manifestEntry, publicPrefix: 'sk-proj-'.length }] });
  const manifestRef = 'gsk_' + 'Wq4Rt8Yp2Ls6Kd9Fg3Hj7Zx1Cv5Bn0Mm4Qa8Ws2Ed6Rf9Tg3Yh7Uj1Ik5Ol0Pz'.slice(0, 52);
  planted.push({ label: 'Groq key as a manifest credential ref', value: manifestRef, pieces: [{ text: manifestRef, publicPrefix: 'gsk_'.length }] });

  // Files with syntax errors around secrets: parser messages must not quote them (YAML's do, unless filtered).
  const brokenYamlSecret = 'sk-proj-R7vK2mQ9xL4tW8nB3cZ6T3BlbkFJ0gAeY2uT7iO9qP4wE6rN';
  planted.push({ label: 'OpenAI key in a YAML block scalar header', value: brokenYamlSecret, pieces: [{ text: brokenYamlSecret, publicPrefix: 'sk-proj-'.length }] });
  const taggedSecret = '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';
  planted.push({ label: 'GitHub token as a YAML tag', value: taggedSecret, pieces: [{ text: taggedSecret, publicPrefix: 'ghp_'.length }] });

  // Cross-file messages and the inventory: a second manifest shares the Groq ref (credentials/shared quotes it on
  // both sides and in related information), names a key as its entrypoint (manifest/unknown-entrypoint), its owner
  // and a tool; a code agent has a key as its name and its @owner tag.
  const openai = (label: string, seed: number): string => {
    // An issued key's shape: two random halves of equal length around the T3BlbkFJ marker.
    const key = `sk-proj-${randomToken(seed, 28)}T3BlbkFJ${randomToken(seed + 1, 28)}`;
    planted.push({ label, value: key, pieces: [{ text: key, publicPrefix: 'sk-proj-'.length }] });
    return key;
  };
  const entrypointKey = openai('OpenAI key as spec.entrypoint', 101);
  const ownerKey = openai('OpenAI key as metadata.owner', 102);
  const toolKey = openai('OpenAI key as a tool name', 103);
  const codeNameKey = openai('OpenAI key as a code agent name', 104);
  const codeOwnerKey = openai('OpenAI key as an @owner tag', 105);
  const unrecognised: Planted[] = [];
  const random = (label: string, seed: number): string => {
    const value = randomToken(seed, 32);
    unrecognised.push({ label, value, pieces: [{ text: value, publicPrefix: 0 }] });
    return value;
  };
  const billing = [
    'apiVersion: agent-guardrail/v1',
    'kind: Agent',
    'metadata:',
    '  name: billing',
    `  owner: ${ownerKey}`,
    `  environment: ${random('random metadata.environment (schema error)', 201)}`,
    `  reviewBy: ${random('random metadata.reviewBy (schema error)', 202)}`,
    'spec:',
    `  entrypoint: ${entrypointKey}`,
    '  tools:',
    `    - name: ${toolKey}`,
    '      access: read',
    `    - name: refunds`,
    `      access: ${random('random tool access (schema error)', 203)}`,
    '  credentials:',
    '    - name: groq',
    `      ref: ${manifestRef}`,
    '      ttl: 1h',
    '',
  ].join('\n');
  const codeAgent = [
    "import { Agent } from '@openai/agents';",
    '',
    `/** @owner ${codeOwnerKey} */`,
    `export const agent = new Agent({ name: '${codeNameKey}', instructions: 'Answer billing questions' });`,
    '',
    `// agent-guardrail-ignore-next-line secrets/generic-secret -- ${random('random inline suppression reason', 211)}`,
    "const webhookSecret = 'Yt5Kp8Rn2Wq7Lx3Vz9Bm4Hc6Jd1Gs0Fa';",
    '',
  ].join('\n');
  const hostileConfig = [
    `${manifestEntry}: 1`,
    `${random('random unknown setting', 204)}: true`,
    'rules:',
    `  ${random('random rule id', 205)}: off`,
    `  grants/*: ${random('random severity', 206)}`,
    `maxFileSize: ${random('random maxFileSize', 207)}`,
    `maxCredentialTtl: ${random('random maxCredentialTtl', 208)}`,
    `placeholders: ["(${random('random broken placeholder pattern', 209)}"]`,
    'suppressions:',
    '  - rule: secrets/generic-secret',
    `    fingerprint: ${sha256('Qm7vT2xK9pL4wR8nZ3cY6hJ1bF5dS0gA')}`,
    `    reason: ${mcpToken}`,
    '  - rule: secrets/generic-secret',
    `    fingerprint: ${sha256('Pw6Ng2Rk8Vt4Lx9Qb3Zm7Hc1Jf5Ds0Ea')}`,
    `    reason: ${random('random suppression reason', 210)}`,
    '',
  ].join('\n');

  return {
    planted,
    unrecognised,
    hostileConfig,
    files: {
      'agents/billing.agent.yaml': billing,
      'src/billing-agent.ts': codeAgent,
      'config/hostile-config.yaml': hostileConfig,
      'src/keys.ts': ts.join('\n') + '\n',
      'config/mcp.json': JSON.stringify({ mcpServers: { tools: { command: 'npx', env: json } } }, null, 2) + '\n',
      'config/agent.yaml': yaml.join('\n') + '\n',
      '.env': env.join('\n') + '\n',
      'docs/setup.md': markdown.join('\n'),
      'scripts/run.py': python.join('\n') + '\n',
      // Several files: at most MAX_FINDINGS_PER_RULE findings of a rule are listed per file.
      ...Object.fromEntries(chunks(bounded, 100).map((lines, index) => [`config/credentials-${index + 1}.ini`, lines.join('\n') + '\n'])),
      'keys/deploy.pem': rsa,
      'config/service-account.json': `{\n  "type": "service_account",\n  "private_key": "${escaped}"\n}\n`,
      'config/broken.yaml': `api_key: >${brokenYamlSecret}\ntoken: !${taggedSecret}\nother: [unclosed\n`,
      'config/broken.json': `{\n  "apiKey": "${brokenYamlSecret}",\n  "oops": \n`,
      'src/broken.ts': `export function ( {\n  const token = '${brokenYamlSecret}'\n`,
      '.vscode/mcp.json': JSON.stringify(
        {
          servers: {
            search: { type: 'http', url: 'https://mcp.internal/search', headers: { Authorization: `Bearer ${mcpBearer}` } },
            shell: { command: 'bash', args: ['-c', 'run-tools'], env: { API_TOKEN: mcpToken } },
          },
        },
        null,
        2,
      ) + '\n',
      '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_API_KEY: claudeKey }, permissions: { allow: ['Bash(*)', 'Read(//**)'] } }, null, 2) + '\n',
      'agents/support.agent.yaml': [
        'apiVersion: agent-guardrail/v1',
        'kind: Agent',
        'metadata:',
        '  name: support',
        '  owner: team:support',
        'spec:',
        '  entrypoint: src/keys.ts',
        '  credentials:',
        '    - name: groq',
        `      ref: ${manifestRef}`,
        '      ttl: 90d',
        `    - ${manifestEntry}`,
        '',
      ].join('\n'),
      // Permission rules that embed credentials in the allowed command (Claude Code writes these as you approve).
      '.claude/settings.local.json': JSON.stringify(
        {
          permissions: {
            allow: [
              `Bash(curl -H "x-api-key: ${generic('x-api-key in a permission rule', 'Pm3Kx8Wq2Lv7Tr9Zb4Nh6Jc1Gd5Fs0Ya')}" https://api.internal/*)`,
              'Bash(*)',
            ],
          },
        },
        null,
        2,
      ) + '\n',
    },
  };
}

/** Every planted secret with a piece in `text`, as `label: count` (never the piece itself). */
function leaksIn(text: string, planted: readonly Planted[]): string[] {
  const windows = new Map<string, string>();
  for (const secret of planted) {
    for (const piece of secret.pieces) {
      for (let i = 0; i + WINDOW <= piece.text.length; i++) {
        if (i + WINDOW <= piece.publicPrefix) continue; // entirely inside the public prefix
        windows.set(piece.text.slice(i, i + WINDOW), secret.label);
      }
    }
  }
  const leaks = new Map<string, number>();
  for (let i = 0; i + WINDOW <= text.length; i++) {
    const label = windows.get(text.slice(i, i + WINDOW));
    if (label) leaks.set(label, (leaks.get(label) ?? 0) + 1);
  }
  return [...leaks].map(([label, count]) => `${label}: ${count} pieces of ${WINDOW} characters`);
}

/** Every value that must not be shown: the secrets found and the random values only the redactor's masking catches. */
function everything(tree: Tree): Planted[] {
  return [...tree.planted, ...tree.unrecognised];
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: WATCHDOG_MS,
    killSignal: 'SIGKILL',
  });
  assert.equal(result.error, undefined, `spawn failed or the watchdog fired: ${result.error?.message}`);
  assert.equal(result.signal, null);
  return result;
}

describe('no leak: no raw secret in any output (real CLI)', function () {
  this.timeout(120_000);
  let dir: string;
  let tree: Tree;
  let json: SpawnSyncReturns<string>;
  /** The redacted forms the JSON report gives; every other format must show them too (a normal report). */
  let redactedForms: string[];

  before(function () {
    dir = makeTempDir('agent-guardrail-no-leak-');
    tree = buildTree();
    writeTree(join(dir, 'tree'), tree.files);
    json = run(['audit', '--format', 'json'], join(dir, 'tree'));
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; redacted?: string }[] };
    // (A private key's message names its kind only, so its redacted form is in JSON and SARIF but not in text.)
    const shown = report.findings.filter((finding) => finding.ruleId.startsWith('secrets/') && finding.ruleId !== 'secrets/private-key');
    redactedForms = [...new Set(shown.map((finding) => finding.redacted ?? ''))];
  });

  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('plants secrets that JSON, SARIF and Markdown would print verbatim (so a leak cannot hide in escaping)', function () {
    assert.ok(tree.planted.length >= 60, `only ${tree.planted.length} secrets planted`);
    for (const secret of tree.planted) {
      for (const piece of secret.pieces) {
        assert.ok(piece.text.length >= WINDOW, `${secret.label} is shorter than the window`);
        assert.doesNotMatch(piece.text, /["\\|<>`]/, `${secret.label} has a character an output format escapes`);
      }
    }
  });

  it('reports every planted secret (by fingerprint) and shows none of them in json', function () {
    assert.equal(json.status, 1);
    assert.equal(json.stderr, '');
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; file: string; line: number; fingerprint: string; redacted?: string }[] };
    const secrets = report.findings.filter((finding) => finding.ruleId.startsWith('secrets/'));
    const expected = [...new Set(tree.planted.map((secret) => sha256(secret.value)))].sort();
    const reported = new Set(secrets.map((finding) => finding.fingerprint));
    // Labels and places, not values, so that a failure names the planted secret without printing it.
    const missed = tree.planted.filter((secret) => !reported.has(sha256(secret.value))).map((secret) => secret.label);
    const unplanted = secrets.filter((finding) => !expected.includes(finding.fingerprint)).map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.redacted ?? ''}`);
    assert.deepEqual({ missed, unplanted }, { missed: [], unplanted: [] });
    assert.deepEqual([...reported].sort(), expected);
    assert.ok(secrets.every((finding) => typeof finding.redacted === 'string' && finding.redacted.includes('…')));
    assert.deepEqual(leaksIn(json.stdout, everything(tree)), []);
  });

  const runs: { name: string; args: string[]; env?: NodeJS.ProcessEnv; output?: string }[] = [
    { name: 'text', args: ['audit'] },
    { name: 'text --verbose --color', args: ['audit', '--verbose', '--color'] },
    { name: 'sarif', args: ['audit', '--format', 'sarif'] },
    { name: 'markdown', args: ['audit', '--format', 'markdown'] },
    { name: 'markdown --verbose --output FILE', args: ['audit', '--format', 'markdown', '--verbose'], output: 'report.md' },
    { name: 'text --verbose --output FILE', args: ['audit', '--verbose'], output: 'report.txt' },
    { name: 'json --output FILE (FORCE_COLOR)', args: ['audit', '--format', 'json'], env: { FORCE_COLOR: '1' }, output: 'report.json' },
  ];
  for (const variant of runs) {
    it(`shows no secret in ${variant.name} (stdout, stderr and the output file)`, function () {
      const outputFile = variant.output ? join(dir, variant.output) : undefined;
      const result = run([...variant.args, ...(outputFile ? ['--output', outputFile] : [])], join(dir, 'tree'), variant.env);
      assert.equal(result.status, 1);
      assert.equal(result.stderr, '');
      const written = outputFile ? readFileSync(outputFile, 'utf8') : '';
      if (outputFile) assert.equal(result.stdout, '');
      const report = outputFile ? written : result.stdout;
      assert.deepEqual(redactedForms.filter((redacted) => !report.includes(redacted)), [], 'the report lists every finding (redacted)');
      assert.deepEqual(leaksIn(result.stdout, everything(tree)), []);
      assert.deepEqual(leaksIn(result.stderr, everything(tree)), []);
      assert.deepEqual(leaksIn(written, everything(tree)), []);
    });
  }

  it('analyzeFile: messages, redacted values and notes carry no secret', function () {
    const shown: string[] = [];
    let findings = 0;
    for (const [path, text] of Object.entries(tree.files)) {
      const analysis = analyzeFile({ path, text }, defaultConfig());
      for (const finding of analysis.findings) {
        findings++;
        shown.push(finding.message, finding.redacted ?? '', finding.fingerprint, finding.ruleId, finding.provider ?? '');
        for (const related of finding.related ?? []) shown.push(related.message);
      }
      for (const note of analysis.notes) shown.push(note.reason);
    }
    assert.ok(findings >= tree.planted.length);
    assert.deepEqual(leaksIn(shown.join('\n'), everything(tree)), []);
  });

  it('cross-file messages quote no secret: credentials/shared (with related information) and manifest/unknown-entrypoint', function () {
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; file: string; message: string; related?: { message: string }[] }[] };
    const crossFile = report.findings.filter((finding) => finding.ruleId === 'credentials/shared' || finding.ruleId === 'manifest/unknown-entrypoint');
    assert.deepEqual(crossFile.map((finding) => `${finding.ruleId} ${finding.file} ${finding.related?.length ?? 0}`).sort(), [
      'credentials/shared agents/billing.agent.yaml 1',
      'credentials/shared agents/support.agent.yaml 1',
      'manifest/unknown-entrypoint agents/billing.agent.yaml 0',
    ]);
    // They still say which value: by its redacted form.
    assert.ok(crossFile.every((finding) => /"(?:gsk_|sk-proj-)…\w{4}"/.test(finding.message)), JSON.stringify(crossFile.map((finding) => finding.message)));
    assert.deepEqual(leaksIn(JSON.stringify(crossFile), everything(tree)), []);
  });

  for (const format of ['markdown', 'json', 'csv', 'html']) {
    it(`inventory --format ${format}: owners, entrypoints, tools, credential refs, code agent names and @owner tags show no secret`, function () {
      const result = run(['inventory', '--format', format], join(dir, 'tree'));
      assert.equal(result.status, 0);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, /billing/);
      assert.match(result.stdout, /sk-proj-…/, 'the redacted owner, tool and agent name are listed');
      assert.deepEqual(leaksIn(result.stdout, everything(tree)), []);
    });
  }

  it('baseline: the hints of the baseline file show no secret', function () {
    const file = join(dir, 'baseline.json');
    const result = run(['baseline', '--output', file], join(dir, 'tree'));
    assert.equal(result.status, 0);
    const baseline = JSON.parse(readFileSync(file, 'utf8')) as { entries: { rule: string; hint: string }[] };
    assert.ok(baseline.entries.some((entry) => entry.rule === 'credentials/shared'));
    assert.deepEqual(leaksIn(readFileSync(file, 'utf8') + result.stdout + result.stderr, everything(tree)), []);
  });

  for (const format of ['json', 'sarif', 'text']) {
    it(`a hostile configuration (--format ${format}): its warnings on stderr and the suppression justifications show no secret`, function () {
      const result = run(['audit', '--config', 'config/hostile-config.yaml', '--format', format, '--verbose'], join(dir, 'tree'));
      assert.equal(result.status, 1);
      const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
      assert.equal(warnings.length, 7, result.stderr);
      if (format === 'json') {
        const report = JSON.parse(result.stdout) as { findings: { suppression?: { justification: string } }[] };
        assert.equal(report.findings.filter((finding) => finding.suppression?.justification).length, 3);
      }
      if (format === 'sarif') assert.equal((result.stdout.match(/"justification"/g) ?? []).length, 3);
      assert.deepEqual(leaksIn(result.stdout, everything(tree)), []);
      assert.deepEqual(leaksIn(result.stderr, everything(tree)), []);
    });
  }

  it('language server: diagnostics, related information, logs, and the inventory and audit commands show no secret', async function () {
    const root = join(dir, 'lsp');
    writeTree(root, { ...tree.files, '.agent-guardrail.yaml': tree.hostileConfig });
    const client = new LspClient();
    try {
      await client.initialize(root);
      const uri = (path: string) => pathToFileURL(join(root, path)).href;
      const open = ['agents/billing.agent.yaml', 'agents/support.agent.yaml', '.vscode/mcp.json', 'src/billing-agent.ts', 'src/keys.ts'];
      for (const path of open) await client.open(uri(path), path.endsWith('.ts') ? 'typescript' : path.endsWith('.json') ? 'json' : 'yaml', tree.files[path]!);
      const billing = await client.diagnostics(uri('agents/billing.agent.yaml'), (published) => published.diagnostics.some((diagnostic) => diagnostic.code === 'credentials/shared'));
      assert.ok(billing.diagnostics.some((diagnostic) => diagnostic.relatedInformation?.length));
      const inventory = await client.request<{ agents: { name: string }[] }>('workspace/executeCommand', { command: 'agent-guardrail.inventory', arguments: [] });
      assert.ok(inventory.agents.some((agent) => agent.name === 'billing'));
      await client.request('workspace/executeCommand', { command: 'agent-guardrail.auditWorkspace', arguments: [] });
    } finally {
      await client.shutdown();
    }
    assert.match(client.output, /window\/logMessage/, 'the config warnings were logged');
    assert.match(client.output, /Unknown setting/);
    assert.deepEqual(leaksIn(client.output, everything(tree)), []);
    assert.deepEqual(leaksIn(client.errors, everything(tree)), []);
  });

  it('a YAML parser message that quotes the source is not passed on into the note', function () {
    const secret = 'sk-proj-R7vK2mQ9xL4tW8nB3cZ6T3BlbkFJ0gAeY2uT7iO9qP4wE6rN';
    const path = 'config/settings.yaml';
    const analysis = analyzeFile({ path, text: `api_key: >${secret}\n` }, defaultConfig());
    assert.deepEqual(analysis.notes, [{ file: path, kind: 'partial', reason: 'YAML syntax error (unexpected token); analysed what parsed' }]);
    assert.deepEqual(
      analysis.findings.map((finding) => [finding.ruleId, finding.redacted, finding.startOffset, finding.endOffset]),
      [['secrets/provider-key', 'sk-proj-…E6rN', 10, 10 + secret.length]],
    );
  });
});
