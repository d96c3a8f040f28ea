// `agent-guardrail baseline` and audits against it, with the real CLI in real temporary git repositories: a stable
// file without values, nothing reported afterwards, moves/reformatting/renames that do not resurrect a finding, copies
// that do, --no-baseline, --baseline FILE, a corrupt baseline, and `audit --staged`.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { CLI, makeTempDir, writeTree } from '../helpers';

const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);

// Assembled at run time so that this file holds no literal secret.
const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');
const CLIENT_SECRET = k('Zq8vN3xK7pL2', 'mR9tW4yB6cD1fH5jG0sA');
const AWS_KEY_ID = k('AKIA', '2Y2NYRVD7RXINFRP');
const NEW_AWS_KEY_ID = k('AKIA', 'QYLPMN5HHHFPZAM2');
const ALL_SECRETS = [OPENAI_KEY, CLIENT_SECRET, AWS_KEY_ID, NEW_AWS_KEY_ID];
const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** An OpenAI key at 2:38-2:94 and a generic secret at 3:30-3:62. */
const AGENT_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\nconst cfg = { clientSecret: "${CLIENT_SECRET}" };\n`;
/** The same two secrets, moved down, reformatted (quotes, indentation, line breaks) and with code around them. */
const AGENT_TS_REFORMATTED = [
  `import OpenAI from 'openai';`,
  ``,
  `// Configuration for the triage agent.`,
  `const cfg = {`,
  `  clientSecret:`,
  `    '${CLIENT_SECRET}',`,
  `};`,
  ``,
  `export function makeClient() {`,
  `  return new OpenAI({`,
  `    apiKey: \`${OPENAI_KEY}\`,`,
  `  });`,
  `}`,
  ``,
].join('\n');
const DOT_ENV = `AWS_KEY=${AWS_KEY_ID}\n`;
/** A manifest whose MCP server grants every tool: grants/wildcard-tool at 11:15-11:18 (not a secret). */
const MANIFEST = `apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: research-assistant
  description: Answers product questions
  owner: team:research
  reviewBy: 2099-01-01
spec:
  mcpServers:
    - name: github
      tools: ["*"]
`;

const EXPECTED_BASELINE =
  JSON.stringify(
    {
      version: 1,
      entries: [
        { rule: 'secrets/provider-key', fingerprint: sha256(AWS_KEY_ID), file: '.env', hint: 'AKIA…RP' },
        {
          rule: 'grants/wildcard-tool',
          fingerprint: sha256('grants/wildcard-tool\0"*"'),
          file: 'agents/research.agent.yaml',
          hint: 'Agent "research-assistant" may call every tool of MCP server "github" ("*"), in…',
        },
        { rule: 'secrets/generic-secret', fingerprint: sha256(CLIENT_SECRET), file: 'src/agent.ts', hint: '…G0sA' },
        { rule: 'secrets/provider-key', fingerprint: sha256(OPENAI_KEY), file: 'src/agent.ts', hint: 'sk-proj-…dJ8H' },
      ],
    },
    null,
    2,
  ) + '\n';
const WROTE_4 = 'Wrote 4 findings to .agent-guardrail-baseline.json. Audits now report only new findings (--no-baseline shows all).\n';

interface JsonReport {
  summary: { errors: number; warnings: number; notes: number; suppressed: number; baselined: number; filesAnalyzed: number };
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; fingerprint: string }[];
}

function isolatedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_')) env[name] = value;
  return { ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: CEILING, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com', NO_COLOR: '1' };
}
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: isolatedEnv() });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}
function cli(args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: isolatedEnv() });
  assert.equal(result.stderr.includes('internal error'), false, result.stderr);
  for (const secret of ALL_SECRETS) assert.equal(result.stdout.includes(secret) || result.stderr.includes(secret), false, `raw secret ${secret.slice(0, 6)}… in the output`);
  return result;
}
function auditJson(cwd: string, args: string[] = []): { status: number | null; report: JsonReport } {
  const result = cli(['audit', '--format', 'json', ...args], cwd);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport };
}
function brief(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.file} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId}`);
}

const tempDirs: string[] = [];
/** A git repository with the three files committed (as an existing project adopting the tool would be). */
function project(extra: Record<string, string> = {}): string {
  const dir = realpathSync(makeTempDir('agent-guardrail-baseline-'));
  tempDirs.push(dir);
  git(dir, 'init', '--quiet');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeTree(dir, { 'src/agent.ts': AGENT_TS, '.env': DOT_ENV, 'agents/research.agent.yaml': MANIFEST, ...extra });
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '--no-verify', '-m', 'existing project');
  return dir;
}
/** A project with its baseline written and checked. */
function baselined(extra: Record<string, string> = {}): string {
  const dir = project(extra);
  const result = cli(['baseline'], dir);
  assert.equal(result.status, 0, result.stderr);
  return dir;
}
const baselineText = (dir: string): string => readFileSync(join(dir, '.agent-guardrail-baseline.json'), 'utf8');

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('baseline: the file', function () {
  this.timeout(120_000);

  it('records rule, fingerprint (SHA-256), file and a redacted hint per finding, sorted, and never a value', () => {
    const dir = project();
    const result = cli(['baseline'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, WROTE_4);
    assert.equal(result.stderr, '');
    const text = baselineText(dir);
    assert.equal(text, EXPECTED_BASELINE);
    for (const secret of ALL_SECRETS) assert.equal(text.includes(secret), false);
  });

  it('is byte-identical when written again, including after the baseline file itself exists and files were touched', () => {
    const dir = baselined();
    const first = baselineText(dir);
    assert.equal(cli(['baseline'], dir).stdout, WROTE_4);
    assert.equal(baselineText(dir), first);
    // New files that sort before and after the others, created in another order, then removed: same bytes.
    writeTree(dir, { 'zz/late.ts': '// nothing\n', '0-early.md': '# nothing\n' });
    assert.equal(cli(['baseline'], dir).stdout, WROTE_4);
    assert.equal(baselineText(dir), first);
  });

  it('leaves out suppressed findings and suppression notes', () => {
    const dir = project({
      'lib/fixture.ts': `// agent-guardrail-ignore-next-line secrets/provider-key -- revoked key kept as a fixture\nexport const key = "${NEW_AWS_KEY_ID}";\n// agent-guardrail-ignore-next-line secrets/generic-secret\nexport const x = 1;\n`,
    });
    assert.equal(cli(['baseline'], dir).stdout, WROTE_4);
    assert.equal(baselineText(dir), EXPECTED_BASELINE);
  });

  it('--output FILE writes elsewhere; `baseline paths` records only the findings under those paths', () => {
    const dir = project();
    mkdirSync(join(dir, 'ci'));
    const result = cli(['baseline', 'src', '--output', 'ci/accepted.json'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'Wrote 2 findings to ci/accepted.json. Audits now report only new findings (--no-baseline shows all).\n');
    const baseline = JSON.parse(readFileSync(join(dir, 'ci/accepted.json'), 'utf8')) as { entries: { file: string; rule: string }[] };
    assert.deepEqual(baseline.entries.map((entry) => `${entry.file} ${entry.rule}`), ['src/agent.ts secrets/generic-secret', 'src/agent.ts secrets/provider-key']);
  });
});

describe('baseline: audits against it', function () {
  this.timeout(120_000);

  it('reports nothing (exit 0) and says how many findings are in the baseline', () => {
    const dir = baselined();
    const text = cli(['audit'], dir);
    assert.equal(text.status, 0);
    assert.equal(text.stdout, '✔ no problems · 4 files analysed · 4 in the baseline\n');
    const { status, report } = auditJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.baselined, 4);
  });

  it('--no-baseline shows every finding again', () => {
    const dir = baselined();
    const { status, report } = auditJson(dir, ['--no-baseline']);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), [
      '.env 1:9-1:29 error secrets/provider-key',
      'agents/research.agent.yaml 11:15-11:18 error grants/wildcard-tool',
      'src/agent.ts 2:38-2:94 error secrets/provider-key',
      'src/agent.ts 3:30-3:62 error secrets/generic-secret',
    ]);
    assert.equal(report.summary.baselined, 0);
  });

  it('moving the secrets to other lines and reformatting the code does not resurrect them', () => {
    const dir = baselined();
    writeFileSync(join(dir, 'src/agent.ts'), AGENT_TS_REFORMATTED);
    writeFileSync(join(dir, '.env'), `# local settings\n\nLOG_LEVEL=debug\nexport AWS_KEY='${AWS_KEY_ID}'\n`);
    writeFileSync(join(dir, 'agents/research.agent.yaml'), MANIFEST.replace('spec:\n', '# Reviewed by security.\nspec:\n  # Servers.\n'));
    // The move is real: without the baseline the findings are at their new places.
    assert.deepEqual(brief(auditJson(dir, ['--no-baseline']).report), [
      '.env 4:17-4:37 error secrets/provider-key',
      'agents/research.agent.yaml 13:15-13:18 error grants/wildcard-tool',
      'src/agent.ts 6:6-6:38 error secrets/generic-secret',
      'src/agent.ts 11:14-11:70 error secrets/provider-key',
    ]);
    const { status, report } = auditJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.baselined, 4);
  });

  it('renaming the files (git mv) does not resurrect them, in audit and in audit --staged', () => {
    const dir = baselined();
    git(dir, 'add', '.agent-guardrail-baseline.json');
    git(dir, 'commit', '--quiet', '--no-verify', '-m', 'baseline');
    mkdirSync(join(dir, 'lib/agents'), { recursive: true });
    mkdirSync(join(dir, 'config'));
    git(dir, 'mv', 'src/agent.ts', 'lib/agents/triage-agent.ts');
    git(dir, 'mv', '.env', 'config/.env.production');
    git(dir, 'mv', 'agents/research.agent.yaml', 'research.agent.yaml');
    const { status, report } = auditJson(dir);
    assert.equal(status, 0, JSON.stringify(report.findings));
    assert.equal(report.summary.baselined, 4);
    const staged = cli(['audit', '--staged', '--format', 'json'], dir);
    assert.equal(staged.status, 0);
    const stagedReport = JSON.parse(staged.stdout) as JsonReport;
    assert.deepEqual(stagedReport.findings, []);
    assert.equal(stagedReport.summary.baselined, 4);
  });

  it('a baselined secret copied into a new file is reported there, and only there', () => {
    const dir = baselined();
    writeTree(dir, { 'lib/copy.ts': `export const key = "${OPENAI_KEY}";\n` });
    const { status, report } = auditJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), ['lib/copy.ts 1:21-1:77 error secrets/provider-key']);
    assert.equal(report.findings[0]!.fingerprint, sha256(OPENAI_KEY));
    assert.equal(report.summary.baselined, 4);
  });

  it('a second copy in the same file is reported once; a new secret is reported; a fixed one just leaves a stale entry', () => {
    const dir = baselined();
    writeFileSync(join(dir, 'src/agent.ts'), AGENT_TS + `export const again = "${OPENAI_KEY}";\n`);
    writeFileSync(join(dir, '.env'), `AWS_KEY=${NEW_AWS_KEY_ID}\n`); // the old key was rotated: a new one is new
    const { status, report } = auditJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), ['.env 1:9-1:29 error secrets/provider-key', 'src/agent.ts 4:23-4:79 error secrets/provider-key']);
    assert.equal(report.summary.baselined, 3);
  });

  it('--baseline FILE uses that file (the default file is then not needed)', () => {
    const dir = project();
    mkdirSync(join(dir, 'ci'));
    assert.equal(cli(['baseline', '--output', 'ci/accepted.json'], dir).status, 0);
    assert.equal(auditJson(dir).status, 1); // no .agent-guardrail-baseline.json: everything is reported
    const { status, report } = auditJson(dir, ['--baseline', 'ci/accepted.json']);
    assert.equal(status, 0);
    assert.equal(report.summary.baselined, 4);
    // From a subfolder, the path is relative to the current directory.
    const fromSub = cli(['audit', '--staged', '--baseline', '../ci/accepted.json'], join(dir, 'src'));
    assert.equal(fromSub.status, 0, fromSub.stdout);

    const missing = cli(['audit', '--baseline', 'ci/missing.json'], dir);
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'agent-guardrail: baseline file ci/missing.json does not exist\nRun agent-guardrail --help for usage.\n');
  });

  it('a corrupt baseline is a usage error (exit 2) with a clear message that quotes nothing from the file', () => {
    const dir = project();
    const cases: [string, string][] = [
      [`{"version": 1, "entries": [{"rule": "secrets/provider-key", ${OPENAI_KEY}`, 'not valid JSON at line 1, column 61'],
      [`{"version": 1,\n  "entries": [] } ${AWS_KEY_ID}`, 'not valid JSON at line 2, column 19'],
      [`{"version": 1, "entries": [`, 'not valid JSON (it ends too early)'],
      ['', 'not valid JSON (the file is empty)'],
      [`{"version": 2, "entries": []}`, 'not an agent-guardrail baseline (expected {"version": 1, "entries": [...]})'],
      [`[]`, 'not an agent-guardrail baseline (expected {"version": 1, "entries": [...]})'],
    ];
    for (const [content, problem] of cases) {
      writeFileSync(join(dir, '.agent-guardrail-baseline.json'), content);
      for (const args of [['audit'], ['audit', '--staged']]) {
        const result = cli(args, dir);
        assert.equal(result.status, 2, content);
        assert.equal(result.stdout, '');
        assert.equal(
          result.stderr,
          `agent-guardrail: cannot read the baseline .agent-guardrail-baseline.json: ${problem}; run \`agent-guardrail baseline\` to write it again, or audit with --no-baseline\nRun agent-guardrail --help for usage.\n`,
        );
      }
    }
    // --no-baseline still audits.
    assert.equal(cli(['audit', '--no-baseline'], dir).status, 1);
  });
});

describe('baseline: audit --staged (pre-commit)', function () {
  this.timeout(120_000);

  it('honours the baseline at the repository root, also when run from a subfolder, and reports new secrets', () => {
    const dir = baselined();
    // Baselined secrets staged again (the files changed around them): nothing to report.
    writeFileSync(join(dir, 'src/agent.ts'), AGENT_TS_REFORMATTED);
    writeFileSync(join(dir, '.env'), `${DOT_ENV}LOG_LEVEL=debug\n`);
    git(dir, 'add', 'src/agent.ts', '.env');
    for (const cwd of [dir, join(dir, 'src')]) {
      const result = cli(['audit', '--staged'], cwd);
      assert.equal(result.status, 0, result.stdout);
      assert.equal(result.stdout, '✔ no problems · 2 files analysed · 3 in the baseline\n');
    }
    // A new secret in the same commit is reported; the baselined ones are still not.
    writeTree(dir, { 'src/deploy.sh': `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${NEW_AWS_KEY_ID}\n` });
    git(dir, 'add', 'src/deploy.sh');
    const staged = cli(['audit', '--staged', '--format', 'json'], join(dir, 'src'));
    assert.equal(staged.status, 1);
    const report = JSON.parse(staged.stdout) as JsonReport;
    assert.deepEqual(brief(report), ['src/deploy.sh 2:26-2:46 error secrets/provider-key']);
    assert.equal(report.summary.baselined, 3);
    assert.equal(cli(['audit', '--staged', '--no-baseline'], dir).status, 1);
  });
});
