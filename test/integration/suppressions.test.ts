// Suppressions with the real CLI: inline comments in every comment syntax, the reason they need, notes for
// reasonless and unused ones, fingerprint suppressions in the config (for JSON), and how SARIF carries them.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { analyzeSources } from '../../src/node/audit';
import { defaultConfig } from '../../src/core/config';
import { CLI, makeTempDir, writeTree } from '../helpers';

const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);

// Assembled at run time so that this file holds no literal secret.
const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');
const CLIENT_SECRET = k('Zq8vN3xK7pL2', 'mR9tW4yB6cD1fH5jG0sA');
const AWS_KEY_ID = k('AKIA', '2Y2NYRVD7RXINFRP');
const JSON_AWS_KEY_ID = k('AKIA', 'QYLPMN5HHHFPZAM2');
const ALL_SECRETS = [OPENAI_KEY, CLIENT_SECRET, AWS_KEY_ID, JSON_AWS_KEY_ID];
const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** TypeScript: `//` and `/* *\/`, next line and same line, one rule, two rules and a category. */
const AGENT_TS = [
  `import OpenAI from 'openai';`,
  `// agent-guardrail-ignore-next-line secrets/provider-key -- revoked test key, kept for a regression test`,
  `const a = new OpenAI({ apiKey: "${OPENAI_KEY}" });`,
  `const b = { clientSecret: "${CLIENT_SECRET}" }; // agent-guardrail-ignore secrets/generic-secret -- fixture value, never deployed`,
  `/* agent-guardrail-ignore-next-line secrets/* -- block comment, whole category */`,
  `const c = "${OPENAI_KEY}";`,
  `const d = { key: "${OPENAI_KEY}", clientSecret: "${CLIENT_SECRET}" }; /* agent-guardrail-ignore secrets/provider-key, secrets/generic-secret -- two rules */`,
  `// agent-guardrail-ignore-next-line secrets/provider-key`,
  `const e = "${OPENAI_KEY}";`,
  `// agent-guardrail-ignore-next-line secrets/provider-key -- <why this is acceptable>`,
  `const f = "${OPENAI_KEY}";`,
  `// agent-guardrail-ignore-next-line secrets/generic-secret -- the wrong rule for this line`,
  `const g = "${OPENAI_KEY}";`,
  `// agent-guardrail-ignore-next-line secrets/provider-key -- nothing to suppress here`,
  `const h = 1;`,
  `const i = "${OPENAI_KEY}"; // agent-guardrail-ignore secrets/provider-key --   `,
  ``,
].join('\n');

const FILES: Record<string, string> = {
  'src/agent.ts': AGENT_TS,
  'config/settings.yaml': `# agent-guardrail-ignore-next-line secrets/provider-key -- sandbox account key without permissions\naws_access_key_id: ${AWS_KEY_ID}\nbackup_key_id: ${AWS_KEY_ID} # agent-guardrail-ignore secrets/provider-key -- the same sandbox key\n`,
  '.env': `# agent-guardrail-ignore-next-line secrets/provider-key -- local sandbox only\nAWS_ACCESS_KEY_ID=${AWS_KEY_ID}\nAWS_BACKUP_KEY_ID=${AWS_KEY_ID} # agent-guardrail-ignore secrets/provider-key -- same sandbox key\n`,
  'scripts/deploy.sh': `#!/bin/sh\n# agent-guardrail-ignore-next-line secrets/provider-key -- CI sandbox account\nexport AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\n`,
  'README.md': `# Setup\n\n<!-- agent-guardrail-ignore-next-line secrets/provider-key -- documentation example, revoked -->\nSet OPENAI_API_KEY=${OPENAI_KEY} in your shell.\n\n<!-- agent-guardrail-ignore-next-line secrets/provider-key -->\nOr OPENAI_API_KEY=${OPENAI_KEY} here.\n`,
};

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
  suppression?: { kind: string; justification: string };
}
interface JsonReport {
  summary: { errors: number; warnings: number; notes: number; suppressed: number; baselined: number; filesAnalyzed: number };
  findings: JsonFinding[];
}
interface SarifResult {
  ruleId: string;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  suppressions?: { kind: string; justification: string }[];
}

function isolatedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_')) env[name] = value;
  return { ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: CEILING, NO_COLOR: '1' };
}
function cli(args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: isolatedEnv() });
  assert.equal(result.stderr.includes('internal error'), false, result.stderr);
  for (const secret of ALL_SECRETS) assert.equal(result.stdout.includes(secret) || result.stderr.includes(secret), false, `raw secret ${secret.slice(0, 6)}… in the output`);
  return result;
}
function auditJson(cwd: string, args: string[] = []): { status: number | null; report: JsonReport; stderr: string } {
  const result = cli(['audit', '--format', 'json', ...args], cwd);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}
/** `file line:col-endLine:endCol severity rule [suppressed kind: justification]` */
function brief(findings: JsonFinding[]): string[] {
  return findings.map(
    (f) => `${f.file} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId}${f.suppression ? ` [${f.suppression.kind}: ${f.suppression.justification}]` : ''}`,
  );
}

const tempDirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = realpathSync(makeTempDir('agent-guardrail-suppressions-'));
  tempDirs.push(dir);
  writeTree(dir, files);
  return dir;
}

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('suppressions: inline comments', function () {
  this.timeout(120_000);

  it('apply with a reason in //, /* */, # (YAML, .env, shell) and <!-- --> comments; each finding keeps its justification', () => {
    const dir = project(FILES);
    const { status, report } = auditJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report.findings), [
      '.env 2:19-2:39 error secrets/provider-key [inSource: local sandbox only]',
      '.env 3:19-3:39 error secrets/provider-key [inSource: same sandbox key]',
      'README.md 4:20-4:76 error secrets/provider-key [inSource: documentation example, revoked]',
      'README.md 6:6-6:59 note suppression/missing-reason',
      'README.md 7:19-7:75 error secrets/provider-key',
      'config/settings.yaml 2:20-2:40 error secrets/provider-key [inSource: sandbox account key without permissions]',
      'config/settings.yaml 3:16-3:36 error secrets/provider-key [inSource: the same sandbox key]',
      'scripts/deploy.sh 3:26-3:46 error secrets/provider-key [inSource: CI sandbox account]',
      'src/agent.ts 3:33-3:89 error secrets/provider-key [inSource: revoked test key, kept for a regression test]',
      'src/agent.ts 4:28-4:60 error secrets/generic-secret [inSource: fixture value, never deployed]',
      'src/agent.ts 6:12-6:68 error secrets/provider-key [inSource: block comment, whole category]',
      'src/agent.ts 7:19-7:75 error secrets/provider-key [inSource: two rules]',
      'src/agent.ts 7:93-7:125 error secrets/generic-secret [inSource: two rules]',
      'src/agent.ts 8:4-8:57 note suppression/missing-reason',
      'src/agent.ts 9:12-9:68 error secrets/provider-key',
      'src/agent.ts 10:4-10:85 note suppression/missing-reason',
      'src/agent.ts 11:12-11:68 error secrets/provider-key',
      'src/agent.ts 12:4-12:91 note suppression/unused',
      'src/agent.ts 13:12-13:68 error secrets/provider-key',
      'src/agent.ts 14:4-14:85 note suppression/unused',
      'src/agent.ts 16:12-16:68 error secrets/provider-key',
      'src/agent.ts 16:74-16:120 note suppression/missing-reason',
    ]);
    assert.deepEqual(report.summary, { errors: 5, warnings: 0, notes: 6, suppressed: 11, baselined: 0, filesAnalyzed: 5 });
  });

  it('a suppression without a reason is not applied and says so; the quick fix placeholder is not a reason', () => {
    const dir = project({ 'src/agent.ts': AGENT_TS });
    const { report } = auditJson(dir);
    const messages = report.findings.filter((f) => f.ruleId.startsWith('suppression/')).map((f) => `${f.line} ${f.ruleId}: ${f.message}`);
    assert.deepEqual(messages, [
      '8 suppression/missing-reason: This suppression of secrets/provider-key has no reason, so it is not applied. Write why after " -- ": agent-guardrail-ignore… secrets/provider-key -- <reason>.',
      '10 suppression/missing-reason: This suppression of secrets/provider-key has no reason yet, so it is not applied. Replace <why this is acceptable> with why this finding is acceptable.',
      '12 suppression/unused: This suppression of secrets/generic-secret matches no finding on the next line. Remove it, so it cannot hide a future finding.',
      '14 suppression/unused: This suppression of secrets/provider-key matches no finding on the next line. Remove it, so it cannot hide a future finding.',
      '16 suppression/missing-reason: This suppression of secrets/provider-key has no reason, so it is not applied. Write why after " -- ": agent-guardrail-ignore… secrets/provider-key -- <reason>.',
    ]);
  });

  it('suppression notes do not fail the audit at the default --fail-on error, but do at --fail-on note; they can be re-levelled', () => {
    const only = [
      `// agent-guardrail-ignore-next-line secrets/provider-key -- revoked`,
      `const a = "${OPENAI_KEY}";`,
      `// agent-guardrail-ignore-next-line secrets/provider-key -- nothing here`,
      `const b = 1;`,
      ``,
    ].join('\n');
    const dir = project({ 'a.ts': only });
    const text = cli(['audit'], dir);
    assert.equal(text.status, 0);
    assert.equal(
      text.stdout,
      'a.ts\n  3:4  note     suppression/unused  This suppression of secrets/provider-key matches no finding on the next line. Remove it, so it cannot hide a future finding.\n\n✖ 1 problem (0 errors, 0 warnings, 1 note) in 1 file · 1 file analysed · 1 suppressed\n',
    );
    assert.equal(cli(['audit', '--fail-on', 'note'], dir).status, 1);
    const warned = project({ 'a.ts': only, '.agent-guardrail.yaml': 'rules:\n  suppression/unused: warning\n' });
    assert.deepEqual(brief(auditJson(warned, ['--fail-on', 'warning']).report.findings).slice(-1), ['a.ts 3:4-3:73 warning suppression/unused']);
    assert.equal(auditJson(warned, ['--fail-on', 'warning']).status, 1);
    const off = project({ 'a.ts': only, '.agent-guardrail.yaml': 'rules:\n  suppression/*: "off"\n' });
    assert.equal(cli(['audit', '--fail-on', 'note'], off).status, 0);
  });

  it('all findings suppressed: exit 0 and the summary counts them as suppressed', () => {
    const dir = project({ 'scripts/deploy.sh': FILES['scripts/deploy.sh']!, '.env': FILES['.env']! });
    const result = cli(['audit'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '✔ no problems · 2 files analysed · 3 suppressed\n');
  });
});

describe('suppressions: by fingerprint in the config (files without comments)', function () {
  this.timeout(120_000);

  const jsonFiles = {
    'config/agent.json': `{\n  "openai": { "apiKey": "${OPENAI_KEY}" }\n}\n`,
    'fixtures/other.json': `{ "apiKey": "${OPENAI_KEY}" }\n`,
    'fixtures/aws.json': `{ "aws": { "accessKeyId": "${JSON_AWS_KEY_ID}" } }\n`,
    'data/aws-copy.json': `{ "accessKeyId": "${JSON_AWS_KEY_ID}" }\n`,
  };
  const config = [
    'suppressions:',
    '  - rule: secrets/provider-key',
    `    fingerprint: ${sha256(OPENAI_KEY)}`,
    '    reason: revoked key in a JSON fixture',
    '    file: config/agent.json',
    '  - rule: secrets/*',
    `    fingerprint: ${sha256(JSON_AWS_KEY_ID)}`,
    '    reason: sandbox key, everywhere',
    '  - rule: secrets/provider-key',
    `    fingerprint: ${sha256(CLIENT_SECRET)}`,
    '    reason: matches nothing',
    '',
  ].join('\n');

  it('apply to the fingerprint, limited to `file` when given, with the reason as the justification', () => {
    const dir = project({ ...jsonFiles, '.agent-guardrail.yaml': config });
    const { status, report, stderr } = auditJson(dir);
    assert.equal(stderr, '');
    assert.equal(status, 1);
    assert.deepEqual(brief(report.findings), [
      'config/agent.json 2:26-2:82 error secrets/provider-key [external: revoked key in a JSON fixture]',
      'data/aws-copy.json 1:19-1:39 error secrets/provider-key [external: sandbox key, everywhere]',
      'fixtures/aws.json 1:28-1:48 error secrets/provider-key [external: sandbox key, everywhere]',
      'fixtures/other.json 1:14-1:70 error secrets/provider-key',
    ]);
  });

  it('the same file as .agent-guardrail.json works; an entry without a reason is reported and not applied', () => {
    const entries = [
      { rule: 'secrets/provider-key', fingerprint: sha256(OPENAI_KEY), reason: 'revoked key in a JSON fixture', file: 'config/agent.json' },
      { rule: 'secrets/provider-key', fingerprint: sha256(JSON_AWS_KEY_ID), reason: '' },
    ];
    const dir = project({ ...jsonFiles, '.agent-guardrail.json': JSON.stringify({ suppressions: entries }, null, 2) + '\n' });
    const { report, stderr } = auditJson(dir);
    assert.equal(
      stderr,
      'warning: .agent-guardrail.json:12:17: suppressions.1.reason: every suppression needs a reason (why this finding is acceptable). (using the default for it)\n',
    );
    assert.deepEqual(brief(report.findings), [
      'config/agent.json 2:26-2:82 error secrets/provider-key [external: revoked key in a JSON fixture]',
      'data/aws-copy.json 1:19-1:39 error secrets/provider-key',
      'fixtures/aws.json 1:28-1:48 error secrets/provider-key',
      'fixtures/other.json 1:14-1:70 error secrets/provider-key',
    ]);
  });

  it('`file` is relative to the config file, also when the audit runs in a subfolder', () => {
    const dir = project({ ...jsonFiles, '.agent-guardrail.yaml': config });
    const { report } = auditJson(join(dir, 'config'));
    // The folder holding the config is the audited root: paths are relative to it wherever the audit runs.
    assert.deepEqual(brief(report.findings), ['config/agent.json 2:26-2:82 error secrets/provider-key [external: revoked key in a JSON fixture]']);
  });
});

describe('suppressions: SARIF', function () {
  this.timeout(120_000);

  it('suppressed findings stay in the results with `suppressions` (inSource or external) and their justification', () => {
    const dir = project({
      'scripts/deploy.sh': FILES['scripts/deploy.sh']!,
      'README.md': FILES['README.md']!,
      'config/agent.json': `{ "apiKey": "${OPENAI_KEY}" }\n`,
      '.agent-guardrail.yaml': `suppressions:\n  - rule: secrets/provider-key\n    fingerprint: ${sha256(OPENAI_KEY)}\n    reason: revoked key in a JSON fixture\n    file: config/agent.json\n`,
    });
    const result = cli(['audit', '--format', 'sarif'], dir);
    assert.equal(result.status, 1);
    const results = (JSON.parse(result.stdout) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;
    const view = results.map((r) => {
      const location = r.locations[0]!.physicalLocation;
      return { at: `${location.artifactLocation.uri}:${location.region.startLine}:${location.region.startColumn}`, rule: r.ruleId, level: r.level, suppressions: r.suppressions };
    });
    assert.deepEqual(view, [
      { at: 'README.md:4:20', rule: 'secrets/provider-key', level: 'error', suppressions: [{ kind: 'inSource', justification: 'documentation example, revoked' }] },
      { at: 'README.md:6:6', rule: 'suppression/missing-reason', level: 'note', suppressions: undefined },
      { at: 'README.md:7:19', rule: 'secrets/provider-key', level: 'error', suppressions: undefined },
      { at: 'config/agent.json:1:14', rule: 'secrets/provider-key', level: 'error', suppressions: [{ kind: 'external', justification: 'revoked key in a JSON fixture' }] },
      { at: 'scripts/deploy.sh:3:26', rule: 'secrets/provider-key', level: 'error', suppressions: [{ kind: 'inSource', justification: 'CI sandbox account' }] },
    ]);
  });
});

describe('suppressions: Restricted Mode (untrusted workspace)', () => {
  it('inline and config suppressions of secrets/* are not honoured, and the comment is not reported as unused', () => {
    const text = `// agent-guardrail-ignore-next-line secrets/provider-key -- trust me\nconst a = "${OPENAI_KEY}";\n`;
    const source = { path: 'a.ts', read: () => new TextEncoder().encode(text) };
    const external = [{ rule: 'secrets/provider-key', fingerprint: sha256(OPENAI_KEY), reason: 'trust me too', file: 'b.ts' }];
    const json = `{ "apiKey": "${OPENAI_KEY}" }\n`;
    const jsonSource = { path: 'b.ts', read: () => new TextEncoder().encode(json) };
    const trusted = analyzeSources('/nonexistent', [source, jsonSource], { ...defaultConfig(), suppressions: external });
    assert.deepEqual(
      trusted.findings.map((f) => `${f.file} ${f.ruleId} ${f.suppression?.kind ?? '-'}`),
      ['a.ts secrets/provider-key inSource', 'b.ts secrets/provider-key external'],
    );
    const untrusted = analyzeSources('/nonexistent', [source, jsonSource], { ...defaultConfig(), suppressions: external, trusted: false });
    assert.deepEqual(
      untrusted.findings.map((f) => `${f.file} ${f.ruleId} ${f.suppression?.kind ?? '-'}`),
      ['a.ts secrets/provider-key -', 'b.ts secrets/provider-key -'],
    );
  });
});
