// The real CLI gives the same results wherever it runs: the configuration, the baseline and the cross-file step
// (manifest entrypoints) are anchored at the audited root (its git top, or the folder holding the config), not at
// the current directory. Plus the rough edges of everyday use: JSON configs, the README's own examples, wrapping.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { CLI, git, makeTempDir, REPO_ROOT, runCli, writeTree } from '../helpers';

const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);
const run = (args: string[], cwd: string) => runCli(args, cwd, { GIT_CEILING_DIRECTORIES: CEILING });

interface JsonReport {
  summary: { errors: number; warnings: number; notes: number; suppressed: number; baselined: number; filesAnalyzed: number };
  findings: { ruleId: string; file: string; line: number; column: number; suppression?: unknown }[];
}

function auditJson(cwd: string, args: string[]): JsonReport {
  const result = run(['audit', '--format', 'json', ...args], cwd);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout) as JsonReport;
}
const brief = (report: JsonReport) => report.findings.filter((f) => !f.suppression).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  tempDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('CLI: the same findings from any directory', function () {
  this.timeout(180_000);
  let repo: string;
  let elsewhere: string;

  before(() => {
    // A repository holding the example workspace in a subfolder, with its own configuration there.
    repo = realpathSync(tempDir('agent-guardrail-anywhere-'));
    git(repo, 'init', '--quiet');
    git(repo, 'config', 'core.excludesFile', join(repo, '.git', 'no-global-excludes'));
    cpSync(join(REPO_ROOT, 'examples'), join(repo, 'examples'), { recursive: true });
    writeTree(repo, { 'examples/.agent-guardrail.yaml': 'rules:\n  grants/all-mcp-tools: off\n# the agents of examples/ need an owner here, as in this repository (examples need none by default)\nownerOptional: ["**/test/**"]\n', 'README.md': '# app\n' });
    elsewhere = tempDir('agent-guardrail-elsewhere-');
  });

  it('audit <folder> gives the same findings from inside it, from a subfolder, from the repository top and from an unrelated folder', () => {
    const examples = join(repo, 'examples');
    const inside = auditJson(examples, []);
    const fromSubfolder = auditJson(join(examples, 'src', 'agents'), ['../..']);
    const fromTop = auditJson(repo, ['examples']);
    const fromElsewhere = auditJson(elsewhere, [examples]);
    assert.deepEqual(brief(fromSubfolder), brief(inside));
    assert.deepEqual(brief(fromTop), brief(inside));
    assert.deepEqual(brief(fromElsewhere), brief(inside));
    // No entrypoint is resolved against the current directory, and the config next to the examples applies.
    assert.ok(!brief(inside).some((finding) => finding.endsWith('manifest/unknown-entrypoint')), brief(inside).join('\n'));
    assert.ok(!brief(inside).some((finding) => finding.endsWith('grants/all-mcp-tools')), 'the config of examples/ switched this rule off');
    assert.equal(inside.summary.errors + inside.summary.warnings + inside.summary.notes, 14);
    // Paths are relative to the repository root.
    assert.ok(brief(inside).includes('examples/src/agents/triage.ts:8:12 secrets/provider-key'), brief(inside).join('\n'));
  });

  it('the text report shows paths relative to where it runs', () => {
    const result = run(['audit', join(repo, 'examples', 'src', 'agents', 'triage.ts')], elsewhere);
    const shown = result.stdout.split('\n')[0]!;
    assert.equal(join(elsewhere, shown), join(repo, 'examples', 'src', 'agents', 'triage.ts'));
  });

  it('baseline written from one folder is found by audits run from another', () => {
    const examples = join(repo, 'examples');
    const written = run(['baseline', examples], elsewhere);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /^Wrote 14 findings to .*\.agent-guardrail-baseline\.json\./);
    const report = auditJson(join(examples, 'src'), ['..']);
    assert.deepEqual(brief(report), []);
    assert.equal(report.summary.baselined, 14);
    rmSync(join(repo, '.agent-guardrail-baseline.json'));
  });

  it('inventory of a folder is the same from anywhere', () => {
    const inside = run(['inventory', '--format', 'json'], join(repo, 'examples'));
    const outside = run(['inventory', '--format', 'json', join(repo, 'examples')], elsewhere);
    assert.equal(outside.status, 0, outside.stderr);
    const agents = (text: string) => (JSON.parse(text) as { agents: unknown[] }).agents;
    assert.deepEqual(agents(outside.stdout), agents(inside.stdout));
  });
});

describe('CLI: configuration mistakes get a clear message', function () {
  this.timeout(60_000);

  it('a broken .agent-guardrail.json is a JSON syntax error at its position, not a YAML one', () => {
    const dir = tempDir('agent-guardrail-jsonconfig-');
    writeTree(dir, { '.agent-guardrail.json': '{\n  "rules": {\n    "secrets/*": "off",\n  }\n}\n', 'a.ts': 'export const x = 1;\n' });
    const result = run(['audit', 'a.ts'], dir);
    assert.equal(result.stderr, 'warning: .agent-guardrail.json:4:3: JSON syntax error (PropertyNameExpected) (using the default for it)\n');
  });

  it('a typo in a severity, a rule id or a setting gets "did you mean"', () => {
    const dir = tempDir('agent-guardrail-typo-');
    writeTree(dir, { '.agent-guardrail.yaml': 'rules:\n  secrets/generic-secret: offf\n  grant/*: warning\nbrokr: vault\n', 'a.ts': 'export const x = 1;\n' });
    const lines = run(['audit', 'a.ts'], dir).stderr.trimEnd().split('\n');
    assert.deepEqual(lines, [
      'warning: .agent-guardrail.yaml:2:27: rules.secrets/generic-secret: "offf" is not a severity; use off, note, warning or error. Did you mean "off"? (using the default for it)',
      'warning: .agent-guardrail.yaml:3:3: rules: unknown rule "grant/*" (`agent-guardrail rules` lists them; a category is written `secrets/*`). Did you mean "grants/*"? (using the default for it)',
      'warning: .agent-guardrail.yaml:4:1: Unknown setting "brokr". Did you mean "broker"? (using the default for it)',
    ]);
  });
});

describe('CLI: the README examples work as written', function () {
  this.timeout(60_000);

  it('the inline suppression example suppresses both findings and leaves no suppression/unused note', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('**Inline suppressions**'));
    const example = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    const dir = tempDir('agent-guardrail-readme-');
    writeTree(dir, { 'demo.ts': example });
    const result = run(['audit', '--format', 'json', '--fail-on', 'note'], dir);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(report.findings.map((f) => `${f.line} ${f.ruleId} ${f.suppression ? 'suppressed' : 'active'}`), ['2 secrets/generic-secret suppressed', '3 secrets/generic-secret suppressed']);
    assert.equal(result.status, 0);
  });
});

describe('CLI: text output on a terminal', function () {
  this.timeout(60_000);

  it('wraps long messages under themselves, with the rule id on the first line (util-linux script(1) provides the TTY)', () => {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0 || !/util-linux/.test(probe.stdout + probe.stderr)) return; // no way to allocate a pseudo-terminal here
    const dir = tempDir('agent-guardrail-wrap-');
    const key = ['sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H'].join('');
    writeTree(dir, { 'a.ts': `const apiKey = "${key}";\n` });
    const env = { ...process.env, NO_COLOR: '1', GIT_CEILING_DIRECTORIES: CEILING };
    const tty = spawnSync('script', ['-qec', `stty cols 100; '${process.execPath}' '${CLI}' audit`, '/dev/null'], { cwd: dir, encoding: 'utf8', env });
    const lines = tty.stdout.replace(/\r/g, '').trimEnd().split('\n');
    assert.equal(lines[0], 'a.ts');
    assert.match(lines[1]!, /^ {2}1:17 {2}error {4}secrets\/provider-key {2}Hardcoded OpenAI API key/);
    const indent = '  1:17  error    secrets/provider-key  '.length;
    assert.ok(lines[2]!.startsWith(' '.repeat(indent)) && lines[2]![indent] !== ' ', JSON.stringify(lines[2]));
    for (const line of lines) assert.ok(line.length <= 100, `${line.length}: ${line}`);
  });
});
