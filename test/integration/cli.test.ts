// Integration tests of the real bundled CLI (dist/cli.js) on real files in temporary directories.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { RULES } from '../../src/core/rules';
import { CLI, makeTempDir, REPO_ROOT, runCli, writeTree } from '../helpers';

/** Temp directories are never inside a repository, even if the system temp folder is (git stops below it). */
const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);
const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runCli(args, cwd, { GIT_CEILING_DIRECTORIES: CEILING, ...env });

// Secrets are assembled at run time so that this file holds no literal secret (the repository audits itself).
const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');
const CLIENT_SECRET = k('Zq8vN3xK7pL2', 'mR9tW4yB6cD1fH5jG0sA');
const AWS_KEY_ID = k('AKIA', '2Y2NYRVD7RXINFRP');
const ALL_SECRETS = [OPENAI_KEY, CLIENT_SECRET, AWS_KEY_ID];

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const ROTATE = 'Rotate it: removing it from the file does not revoke it, and it may already be in git history. Then get it from a credential broker at run time.';
const DOCS = 'https://github.com/agent-guardrail/agent-guardrail/blob/main/src/core/rules/secrets';
const ANSI = /\u001b\[\d+m/;

/** a.ts: an OpenAI key at 2:38-2:94 and a generic secret at 3:30-3:62. */
const AGENT_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\nconst cfg = { clientSecret: "${CLIENT_SECRET}" };\n`;
/** .env: an AWS access key id at 1:9-1:29. */
const DOT_ENV = `AWS_KEY=${AWS_KEY_ID}\n`;

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
  redacted?: string;
  provider?: string;
  docsUrl: string;
  suppression?: { kind: string; justification: string };
}
interface JsonReport {
  tool: { name: string; version: string };
  summary: { errors: number; warnings: number; notes: number; suppressed: number; baselined: number; filesAnalyzed: number };
  findings: JsonFinding[];
  notes: { file: string; kind: string; reason: string }[];
}

const tempDirs: string[] = [];
function project(files: Record<string, string | Buffer>): string {
  const dir = makeTempDir();
  tempDirs.push(dir);
  writeTree(dir, files);
  return dir;
}

function auditJson(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): { status: number | null; report: JsonReport; stderr: string } {
  const result = run(['audit', '--format', 'json', ...args], cwd, env);
  assert.equal(result.stderr.includes('internal error'), false, result.stderr);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

/** `file line:col-endLine:endColumn severity ruleId` for compact exact assertions. */
function brief(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.file} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId}`);
}

function assertNoRawSecret(output: string): void {
  for (const secret of ALL_SECRETS) assert.equal(output.includes(secret), false, `raw secret ${secret.slice(0, 6)}… in output`);
}

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('CLI integration: audit paths', function () {
  this.timeout(120_000);

  it('audits the current directory by default, with paths relative to it', () => {
    const dir = project({ 'a.ts': AGENT_TS, 'sub/.env': DOT_ENV, 'sub/clean.ts': 'export const x = 1;\n' });
    const { status, report } = auditJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), [
      'a.ts 2:38-2:94 error secrets/provider-key',
      'a.ts 3:30-3:62 error secrets/generic-secret',
      'sub/.env 1:9-1:29 error secrets/provider-key',
    ]);
    assert.equal(report.summary.filesAnalyzed, 3);
    // `audit .` is the same report.
    assert.deepEqual(auditJson(dir, ['.']).report.findings, report.findings);
  });

  it('audits only the explicit files and directories given, several at once, without duplicates', () => {
    const dir = project({ 'a.ts': AGENT_TS, 'sub/.env': DOT_ENV, 'other/.env': DOT_ENV });
    assert.deepEqual(brief(auditJson(dir, ['a.ts']).report), ['a.ts 2:38-2:94 error secrets/provider-key', 'a.ts 3:30-3:62 error secrets/generic-secret']);
    // Outside git and without a config, the audited folder is the root: paths are relative to it, wherever the
    // command runs (the text format shows them relative to the current directory).
    assert.deepEqual(brief(auditJson(dir, ['sub']).report), ['.env 1:9-1:29 error secrets/provider-key']);
    assert.match(run(['audit', 'sub'], dir).stdout, /^sub\/\.env$/m);
    const several = auditJson(dir, ['sub/.env', 'other', 'sub', 'sub/.env']).report;
    assert.deepEqual(brief(several), ['other/.env 1:9-1:29 error secrets/provider-key', 'sub/.env 1:9-1:29 error secrets/provider-key']);
    assert.equal(several.summary.filesAnalyzed, 2);
  });

  it('exits 0 with a clean summary when there is nothing to report', () => {
    const dir = project({ 'clean.ts': 'const apiKey = process.env.OPENAI_API_KEY;\nexport { apiKey };\n' });
    const result = run(['audit'], dir);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '✔ no problems · 1 file analysed\n');
    assert.equal(result.stderr, '');
  });
});

describe('CLI integration: --format text', function () {
  this.timeout(120_000);

  it('groups findings by file with `line:col  severity  rule-id  message` rows and a summary line', () => {
    const dir = project({ 'a.ts': AGENT_TS, 'sub/.env': DOT_ENV });
    const result = run(['audit'], dir);
    assert.equal(result.status, 1);
    assert.equal(
      result.stdout,
      [
        'a.ts',
        `  2:38  error    secrets/provider-key    Hardcoded OpenAI API key (sk-proj-…dJ8H). ${ROTATE}`,
        `  3:30  error    secrets/generic-secret  Hardcoded secret in \`clientSecret\` (…G0sA). ${ROTATE}`,
        '',
        'sub/.env',
        `  1:9  error    secrets/provider-key  Hardcoded AWS access key ID (AKIA…RP). ${ROTATE}`,
        '',
        '✖ 3 problems (3 errors, 0 warnings, 0 notes) in 2 files · 2 files analysed',
        '',
      ].join('\n'),
    );
    assertNoRawSecret(result.stdout + result.stderr);
  });

  it('has no ANSI colour when stdout is not a TTY, or with NO_COLOR, or with --no-color', () => {
    const dir = project({ 'a.ts': AGENT_TS });
    const plain = run(['audit'], dir, { NO_COLOR: undefined, FORCE_COLOR: undefined });
    assert.equal(plain.status, 1);
    assert.doesNotMatch(plain.stdout, ANSI);
    assert.doesNotMatch(run(['audit'], dir, { NO_COLOR: '1', FORCE_COLOR: undefined }).stdout, ANSI);
    assert.doesNotMatch(run(['audit', '--no-color'], dir, { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout, ANSI);
    assert.doesNotMatch(run(['audit'], dir, { NO_COLOR: undefined, FORCE_COLOR: '0' }).stdout, ANSI);
  });

  it('colours on a TTY, but not in a file written with --output (util-linux script(1) provides the TTY)', () => {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0 || !/util-linux/.test(probe.stdout + probe.stderr)) return; // no way to allocate a pseudo-terminal here
    const dir = project({ 'a.ts': AGENT_TS });
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, GIT_CEILING_DIRECTORIES: CEILING };
    const command = (args: string) => `'${process.execPath}' '${CLI}' audit ${args}`;
    const tty = spawnSync('script', ['-qec', command(''), '/dev/null'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(tty.status, 1);
    assert.ok(tty.stdout.includes('\u001b[31merror  \u001b[0m'), JSON.stringify(tty.stdout.slice(0, 200)));
    const toFile = spawnSync('script', ['-qec', command('--output report.txt'), '/dev/null'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(toFile.status, 1);
    assert.doesNotMatch(readFileSync(join(dir, 'report.txt'), 'utf8'), ANSI);
    const noColor = spawnSync('script', ['-qec', command(''), '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
    assert.doesNotMatch(noColor.stdout, ANSI);
  });

  it('colours with --color (which overrides NO_COLOR) and with FORCE_COLOR', () => {
    const dir = project({ 'a.ts': AGENT_TS });
    for (const env of [{ NO_COLOR: undefined, FORCE_COLOR: undefined }, { NO_COLOR: '1', FORCE_COLOR: undefined }]) {
      const coloured = run(['audit', '--color'], dir, env);
      assert.equal(coloured.status, 1);
      assert.ok(coloured.stdout.includes('\u001b[31merror  \u001b[0m'), 'error severity in red');
      assert.ok(coloured.stdout.includes('\u001b[4ma.ts\u001b[0m'), 'file name underlined');
      // Stripped of colour, it is exactly the plain report.
      assert.equal(coloured.stdout.replace(/\u001b\[\d+m/g, ''), run(['audit'], dir).stdout);
    }
    assert.match(run(['audit'], dir, { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout, ANSI);
  });
});

describe('CLI integration: --format json', function () {
  this.timeout(120_000);

  it('reports every finding field exactly, with 1-based positions, the SHA-256 fingerprint and the redacted value', () => {
    const dir = project({ 'a.ts': AGENT_TS, 'sub/.env': DOT_ENV });
    const result = run(['audit', '--format', 'json'], dir);
    assert.equal(result.status, 1);
    assertNoRawSecret(result.stdout + result.stderr);
    const report = JSON.parse(result.stdout) as JsonReport;
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.deepEqual(report, {
      tool: { name: 'agent-guardrail', version },
      root: realpathSync(dir),
      summary: { errors: 3, warnings: 0, notes: 0, suppressed: 0, baselined: 0, filesAnalyzed: 2 },
      findings: [
        {
          ruleId: 'secrets/provider-key',
          severity: 'error',
          message: `Hardcoded OpenAI API key (sk-proj-…dJ8H). ${ROTATE}`,
          file: 'a.ts',
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 94,
          fingerprint: sha256(OPENAI_KEY),
          redacted: 'sk-proj-…dJ8H',
          provider: 'openai',
          docsUrl: `${DOCS}/provider-key.md`,
        },
        {
          ruleId: 'secrets/generic-secret',
          severity: 'error',
          message: `Hardcoded secret in \`clientSecret\` (…G0sA). ${ROTATE}`,
          file: 'a.ts',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 62,
          fingerprint: sha256(CLIENT_SECRET),
          redacted: '…G0sA',
          provider: 'generic',
          docsUrl: `${DOCS}/generic-secret.md`,
        },
        {
          ruleId: 'secrets/provider-key',
          severity: 'error',
          message: `Hardcoded AWS access key ID (AKIA…RP). ${ROTATE}`,
          file: 'sub/.env',
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 29,
          fingerprint: sha256(AWS_KEY_ID),
          redacted: 'AKIA…RP',
          provider: 'aws-access-key-id',
          docsUrl: `${DOCS}/provider-key.md`,
        },
      ],
      notes: [],
    });
    // The positions cover exactly the secret text (endColumn is exclusive, like SARIF).
    const lines = AGENT_TS.split('\n');
    assert.equal(lines[1]!.slice(37, 93), OPENAI_KEY);
    assert.equal(lines[2]!.slice(29, 61), CLIENT_SECRET);
  });
});

describe('CLI integration: --format markdown', function () {
  this.timeout(120_000);

  it('writes a heading, a summary and one table per file', () => {
    const dir = project({ 'a.ts': AGENT_TS, 'sub/.env': DOT_ENV });
    const result = run(['audit', '--format', 'markdown'], dir);
    assert.equal(result.status, 1);
    assertNoRawSecret(result.stdout);
    assert.equal(
      result.stdout,
      [
        '# Agent Guardrail audit',
        '',
        '**3 problems** (3 errors, 0 warnings, 0 notes) in 2 files; 2 files analysed.',
        '',
        '## `a.ts`',
        '',
        '| Line | Severity | Rule | Message |',
        '| ---: | --- | --- | --- |',
        `| 2:38 | error | [secrets/provider-key](${DOCS}/provider-key.md) | Hardcoded OpenAI API key (sk-proj-…dJ8H). ${ROTATE} |`,
        `| 3:30 | error | [secrets/generic-secret](${DOCS}/generic-secret.md) | Hardcoded secret in \`clientSecret\` (…G0sA). ${ROTATE} |`,
        '',
        '## `sub/.env`',
        '',
        '| Line | Severity | Rule | Message |',
        '| ---: | --- | --- | --- |',
        `| 1:9 | error | [secrets/provider-key](${DOCS}/provider-key.md) | Hardcoded AWS access key ID (AKIA…RP). ${ROTATE} |`,
        '',
      ].join('\n'),
    );
  });
});

describe('CLI integration: --output', function () {
  this.timeout(120_000);

  it('writes the report to the file, nothing to stdout, and keeps the exit code', () => {
    const dir = project({ 'a.ts': AGENT_TS });
    const result = run(['audit', '--format', 'json', '--output', 'report.json'], dir);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonReport;
    assert.deepEqual(brief(report), ['a.ts 2:38-2:94 error secrets/provider-key', 'a.ts 3:30-3:62 error secrets/generic-secret']);
  });

  it('writes uncoloured text to a file even when FORCE_COLOR is unset and -o is used', () => {
    const dir = project({ 'a.ts': AGENT_TS });
    const result = run(['audit', '-o', 'report.txt'], dir, { NO_COLOR: undefined, FORCE_COLOR: undefined });
    assert.equal(result.status, 1);
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');
    assert.doesNotMatch(text, ANSI);
    assert.ok(text.endsWith('✖ 2 problems (2 errors, 0 warnings, 0 notes) in 1 file · 1 file analysed\n'));
  });

  it('exits 2 with a clear message when the file cannot be written', () => {
    const dir = project({ 'a.ts': AGENT_TS });
    const result = run(['audit', '--output', 'no/such/dir/report.txt'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^agent-guardrail: cannot write the report to no\/such\/dir\/report\.txt \(ENOENT\)$/m);
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
  });
});

describe('CLI integration: --fail-on and exit codes', function () {
  this.timeout(120_000);

  const config = (severity: string) => `rules:\n  secrets/generic-secret: ${severity}\n`;
  const GENERIC_ONLY = `const cfg = { clientSecret: "${CLIENT_SECRET}" };\n`;

  it('exits 1 for errors at the default --fail-on error, 0 when only warnings and notes remain', () => {
    const errors = project({ 'a.ts': GENERIC_ONLY });
    assert.equal(run(['audit'], errors).status, 1);
    for (const failOn of ['error', 'warning', 'note']) assert.equal(run(['audit', '--fail-on', failOn], errors).status, 1, failOn);

    const warnings = project({ 'a.ts': GENERIC_ONLY, '.agent-guardrail.yaml': config('warning') });
    assert.deepEqual(brief(auditJson(warnings).report), ['a.ts 1:30-1:62 warning secrets/generic-secret']);
    assert.equal(run(['audit'], warnings).status, 0);
    assert.equal(run(['audit', '--fail-on', 'error'], warnings).status, 0);
    assert.equal(run(['audit', '--fail-on', 'warning'], warnings).status, 1);
    assert.equal(run(['audit', '--fail-on=note'], warnings).status, 1);

    const notes = project({ 'a.ts': GENERIC_ONLY, '.agent-guardrail.yaml': config('note') });
    assert.deepEqual(brief(auditJson(notes).report), ['a.ts 1:30-1:62 note secrets/generic-secret']);
    assert.equal(run(['audit', '--fail-on', 'warning'], notes).status, 0);
    assert.equal(run(['audit', '--fail-on', 'note'], notes).status, 1);
    const text = run(['audit'], notes).stdout;
    assert.ok(text.includes('  1:30  note     secrets/generic-secret  Hardcoded secret in `clientSecret`'), text);
    assert.ok(text.endsWith('✖ 1 problem (0 errors, 0 warnings, 1 note) in 1 file · 2 files analysed\n'), text); // a.ts and the config
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /^agent-guardrail: unknown command "frobnicate"$/m],
    ['a bad --format', ['audit', '--format', 'xml'], /^agent-guardrail: --format must be one of text, json, sarif, markdown; got "xml"$/m],
    ['a bad --fail-on', ['audit', '--fail-on', 'critical'], /^agent-guardrail: --fail-on must be one of error, warning, note; got "critical"$/m],
    ['an inherited property name as --fail-on', ['audit', '--fail-on', 'toString'], /^agent-guardrail: --fail-on must be one of error, warning, note; got "toString"$/m],
    ['a bad --concurrency', ['audit', '--concurrency', 'many'], /^agent-guardrail: --concurrency must be auto, off or a number of threads \(1 or more\); got "many"$/m],
    ['no threads as --concurrency', ['audit', '--concurrency', '0'], /^agent-guardrail: --concurrency must be auto, off or a number of threads \(1 or more\); got "0"$/m],
    ['a value that starts with a dash', ['audit', '--concurrency', '-1'], /^agent-guardrail: option --concurrency needs a value \(one that starts with "-" is written --concurrency=-…\)$/m],
    ['a bad --concurrency with --staged', ['audit', '--staged', '--concurrency=-1'], /^agent-guardrail: --concurrency must be auto, off or a number of threads \(1 or more\); got "-1"$/m],
    ['a bad --concurrency for inventory', ['inventory', '--concurrency', '2.5'], /^agent-guardrail: --concurrency must be auto, off or a number of threads \(1 or more\); got "2\.5"$/m],
    ['an unknown flag', ['audit', '--frmat', 'json'], /^agent-guardrail: unknown option --frmat; did you mean --format\?$/m],
    ['an unknown flag with nothing close', ['audit', '--zzzzzzzz'], /^agent-guardrail: unknown option --zzzzzzzz$/m],
    ['a flag without its value', ['audit', '--format'], /^agent-guardrail: option --format needs a value$/m],
    ['a value for a boolean flag', ['audit', '--staged=yes'], /^agent-guardrail: option --staged takes no value$/m],
    ['an unknown rule to explain', ['explain', 'secrets/provider-ky'], /^agent-guardrail: unknown rule "secrets\/provider-ky"; did you mean secrets\/provider-key\? \(agent-guardrail rules lists them\)$/m],
    ['a missing --config file', ['audit', '--config', 'nope.yaml'], /^agent-guardrail: cannot read the configuration file nope\.yaml \(ENOENT\)$/m],
    ['a bad rules --format', ['rules', '--format', 'sarif'], /^agent-guardrail: rules --format must be text or json; got "sarif"$/m],
    ['arguments to rules', ['rules', 'secrets'], /^agent-guardrail: rules takes no arguments; got "secrets" \(agent-guardrail explain <rule-id> prints one rule's documentation\)$/m],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`exits 2 with a clear message on stderr for ${what}`, () => {
      const dir = project({ 'a.ts': AGENT_TS });
      const result = run(args, dir);
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
      assert.match(result.stderr, /Run agent-guardrail --help for usage\.\n$/);
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
    });
  }

  it('exits 2 and prints the usage on stderr when no command is given', () => {
    const result = run([], project({}));
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Usage:$/m);
  });
});

describe('CLI integration: --version, --help, rules', function () {
  this.timeout(120_000);

  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const result = run(['--version'], project({}));
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${version}\n`);
  });

  it('--help, -h and help print the usage on stdout and exit 0', () => {
    const dir = project({});
    for (const args of [['--help'], ['-h'], ['help'], ['audit', '--help']]) {
      const result = run(args, dir);
      assert.equal(result.status, 0, args.join(' '));
      assert.equal(result.stderr, '');
      for (const expected of ['agent-guardrail audit [paths…]', 'agent-guardrail audit --staged', 'agent-guardrail rules', '--format text|json|sarif|markdown', '--output FILE', '--fail-on error|warning|note', 'Exit codes: 0']) {
        assert.ok(result.stdout.includes(expected), `help mentions ${expected}`);
      }
    }
  });

  it('rules lists every rule with its severity, and how to read its documentation', () => {
    const result = run(['rules'], project({}));
    assert.equal(result.status, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, RULES.length + 2);
    RULES.forEach((rule, index) => {
      assert.match(lines[index]!, new RegExp(`^${rule.id.replace('/', '\\/')}\\s+${rule.defaultSeverity}\\s+(?:fix|   )  ${rule.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    });
    assert.deepEqual(lines.slice(-2), ['', "agent-guardrail explain <rule-id> prints a rule's documentation."]);
  });

  it('explain <rule-id> and rules --explain <rule-id> print the documentation page shipped with the CLI', () => {
    for (const rule of RULES) {
      const result = run(['explain', rule.id], project({}));
      assert.equal(result.status, 0, rule.id);
      assert.equal(result.stdout, readFileSync(join(REPO_ROOT, rule.docsPath), 'utf8'), rule.id);
    }
    const other = run(['rules', '--explain', 'grants/undeclared-tool'], project({}));
    assert.equal(other.status, 0);
    assert.match(other.stdout, /^# grants\/undeclared-tool\n/);
    // The page is read from dist/docs (bundled), not from the source tree.
    assert.equal(readFileSync(join(REPO_ROOT, 'dist/docs/rules/grants/undeclared-tool.md'), 'utf8'), other.stdout);
  });

  it('rules --format json | head: a reader that stops early is not an error (no EPIPE stack trace)', () => {
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" rules --format json | head -c 1 >/dev/null; echo "status=$?"`], { encoding: 'utf8' });
    assert.equal(piped.stderr, '');
    assert.equal(piped.stdout.trim(), 'status=0');
    const closed = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" rules --format json | true; echo "status=$?"`], { encoding: 'utf8' });
    assert.equal(closed.stderr, '');
    assert.equal(closed.stdout.trim(), 'status=0');
  });

  it('rules --format json lists every rule as data', () => {
    const result = run(['rules', '--format', 'json'], project({}));
    assert.equal(result.status, 0);
    const rules = JSON.parse(result.stdout) as { id: string; category: string; defaultSeverity: string; docsUrl: string; owasp: string[]; fixable: boolean; description: string }[];
    assert.deepEqual(
      rules.map((rule) => rule.id),
      RULES.map((rule) => rule.id),
    );
    const provider = rules.find((rule) => rule.id === 'secrets/provider-key')!;
    const meta = RULES.find((rule) => rule.id === 'secrets/provider-key')!;
    assert.deepEqual(provider, {
      id: 'secrets/provider-key',
      category: 'secrets',
      description: meta.description,
      defaultSeverity: 'error',
      fixable: meta.fixable,
      owasp: ['NHI2:2025', 'NHI7:2025'],
      docsUrl: `${DOCS}/provider-key.md`,
      docsFile: join(REPO_ROOT, 'dist/docs/rules/secrets/provider-key.md'),
    });
    // Every docs link points into this repository (the rule-parity test checks that each page exists).
    for (const rule of rules) assert.equal(rule.docsUrl, RULES.find((meta) => meta.id === rule.id)!.docsUrl);
  });
});

describe('CLI integration: .agent-guardrail.yaml', function () {
  this.timeout(120_000);

  it('re-levels a rule, and `off` removes its findings', () => {
    const relevelled = project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'rules:\n  secrets/generic-secret: warning\n' });
    assert.deepEqual(brief(auditJson(relevelled).report), ['a.ts 2:38-2:94 error secrets/provider-key', 'a.ts 3:30-3:62 warning secrets/generic-secret']);

    const off = project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'rules:\n  secrets/provider-key: "off"\n' });
    const { status, report } = auditJson(off);
    assert.deepEqual(brief(report), ['a.ts 3:30-3:62 error secrets/generic-secret']);
    assert.equal(status, 1);

    const allOff = project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'rules:\n  secrets/*: off\n' });
    const result = run(['audit'], allOff);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '✔ no problems · 2 files analysed\n');
  });

  it('applies a category wildcard, and an exact rule id before it', () => {
    const dir = project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'rules:\n  secrets/*: note\n  secrets/provider-key: warning\n' });
    assert.deepEqual(brief(auditJson(dir).report), ['a.ts 2:38-2:94 warning secrets/provider-key', 'a.ts 3:30-3:62 note secrets/generic-secret']);
  });

  it('skips files matching the ignore globs', () => {
    const dir = project({
      'a.ts': AGENT_TS,
      'fixtures/keys.ts': AGENT_TS,
      'sub/.env': DOT_ENV,
      'sub/deep/.env.local': DOT_ENV,
      '.agent-guardrail.yaml': 'ignore:\n  - fixtures/\n  - "**/.env*"\n',
    });
    const { report } = auditJson(dir);
    assert.deepEqual(brief(report), ['a.ts 2:38-2:94 error secrets/provider-key', 'a.ts 3:30-3:62 error secrets/generic-secret']);
    assert.equal(report.summary.filesAnalyzed, 2); // a.ts and the config file itself
  });

  it('skips files larger than maxFileSize with a note', () => {
    const dir = project({ 'a.ts': AGENT_TS, '.env': DOT_ENV, '.agent-guardrail.yaml': 'maxFileSize: 100\n' });
    const { status, report } = auditJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), ['.env 1:9-1:29 error secrets/provider-key']);
    assert.deepEqual(report.notes, [{ file: 'a.ts', kind: 'skipped', reason: 'larger than the 100 B limit (maxFileSize)' }]);
    const text = run(['audit'], dir).stdout;
    assert.ok(text.endsWith('✖ 1 problem (1 error, 0 warnings, 0 notes) in 1 file · 2 files analysed · 1 skipped (--verbose lists them)\n'), text);
    const verbose = run(['audit', '--verbose'], dir).stdout;
    assert.ok(verbose.includes('Notes\n  a.ts  skipped  larger than the 100 B limit (maxFileSize)\n'), verbose);

    const withUnit = project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'maxFileSize: 1KB\n' });
    assert.equal(auditJson(withUnit).report.findings.length, 2);
  });

  it('reads the file given with --config instead of the one in the current directory', () => {
    const dir = project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'rules:\n  secrets/*: off\n', 'ci/strict.yaml': 'rules:\n  secrets/generic-secret: warning\n' });
    assert.deepEqual(brief(auditJson(dir, ['--config', 'ci/strict.yaml']).report), ['a.ts 2:38-2:94 error secrets/provider-key', 'a.ts 3:30-3:62 warning secrets/generic-secret']);
  });

  it('warns about a bad setting with file:line:col on stderr and uses the default for it', () => {
    const dir = project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'rules:\n  secrets/generic-secret: warnin\nignor: [a.ts]\n' });
    const { status, report, stderr } = auditJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(brief(report), ['a.ts 2:38-2:94 error secrets/provider-key', 'a.ts 3:30-3:62 error secrets/generic-secret']);
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, stderr);
    assert.equal(lines[0], 'warning: .agent-guardrail.yaml:2:27: rules.secrets/generic-secret: "warnin" is not a severity; use off, note, warning or error. Did you mean "warning"? (using the default for it)');
    assert.equal(lines[1], 'warning: .agent-guardrail.yaml:3:1: Unknown setting "ignor". Did you mean "ignore"? (using the default for it)');
  });

  it('warns about a YAML syntax error with its position and audits with the defaults', () => {
    const dir = project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'rules:\n  secrets/*: off\nignore: [a.ts\n' });
    const { status, report, stderr } = auditJson(dir);
    assert.equal(status, 1);
    assert.equal(report.findings.length, 2);
    assert.match(stderr, /^warning: \.agent-guardrail\.yaml:\d+:\d+: .+$/m);
  });
});

describe('CLI integration: inline suppressions', function () {
  this.timeout(120_000);

  const fixture = (comment: string) => `import OpenAI from 'openai';\n${comment}\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\n`;

  it('a comment with a rule id and a reason suppresses the next line', () => {
    const dir = project({ 'a.ts': fixture('// agent-guardrail-ignore-next-line secrets/provider-key -- test fixture') });
    const text = run(['audit'], dir);
    assert.equal(text.status, 0);
    assert.equal(text.stdout, '✔ no problems · 1 file analysed · 1 suppressed\n');
    const { status, report } = auditJson(dir);
    assert.equal(status, 0);
    assert.equal(report.summary.suppressed, 1);
    assert.equal(report.findings.length, 1);
    assert.deepEqual(report.findings[0]!.suppression, { kind: 'inSource', justification: 'test fixture' });
    assert.deepEqual(brief(report), ['a.ts 3:38-3:94 error secrets/provider-key']);
    assert.equal(run(['audit', '--format', 'markdown'], dir).stdout.includes('1 suppressed finding not listed.'), true);
  });

  it('a comment without a reason, or for another rule, does not suppress (and is itself reported as a note)', () => {
    const cases: [string, string][] = [
      ['// agent-guardrail-ignore-next-line secrets/provider-key', 'a.ts 2:4-2:57 note suppression/missing-reason'],
      ['// agent-guardrail-ignore-next-line secrets/generic-secret -- wrong rule', 'a.ts 2:4-2:73 note suppression/unused'],
    ];
    for (const [comment, note] of cases) {
      const dir = project({ 'a.ts': fixture(comment) });
      const { status, report } = auditJson(dir);
      assert.equal(status, 1, comment);
      assert.deepEqual(brief(report), [note, 'a.ts 3:38-3:94 error secrets/provider-key'], comment);
      assert.equal(report.findings.find((finding) => finding.ruleId === 'secrets/provider-key')!.suppression, undefined);
    }
  });

  it('a same-line comment with a reason suppresses that line', () => {
    const dir = project({ '.env': `AWS_KEY=${AWS_KEY_ID} # agent-guardrail-ignore secrets/provider-key -- documented sample\n` });
    const { status, report } = auditJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(report.findings[0]!.suppression, { kind: 'inSource', justification: 'documented sample' });
  });
});

describe('CLI integration: no raw secret in any format', function () {
  this.timeout(120_000);

  it('text, json, sarif and markdown never contain the secret values', () => {
    const dir = project({ 'a.ts': AGENT_TS, 'sub/.env': DOT_ENV });
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const result = run(['audit', '--format', format, '--verbose'], dir);
      assert.equal(result.status, 1, format);
      assertNoRawSecret(result.stdout + result.stderr);
    }
  });
});
