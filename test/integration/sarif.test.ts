// SARIF 2.1.0 from the real CLI, checked against what GitHub code scanning needs to ingest it.
import { strict as assert } from 'node:assert';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULES } from '../../src/core/rules';
import { git, makeTempDir, REPO_ROOT, runCli, writeTree } from '../helpers';

/** Temp directories are never inside a repository, even if the system temp folder is (git stops below it). */
const CEILING = [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter);
const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runCli(args, cwd, { GIT_CEILING_DIRECTORIES: CEILING, ...env });

// Assembled at run time so that this file holds no literal secret.
const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H');
const CLIENT_SECRET = k('Zq8vN3xK7pL2', 'mR9tW4yB6cD1fH5jG0sA');
const AWS_KEY_ID = k('AKIA', '2Y2NYRVD7RXINFRP');
const DB_PASSWORD = k('S3cr3tP4', 'ssw0rdXyz');
const PRIVATE_KEY = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: Region };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
  properties?: Record<string, unknown>;
}
interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[]; precision?: string; 'security-severity'?: string };
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
    invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations?: SarifLocation[] }[] }[];
  }[];
}

const tempDirs: string[] = [];
function project(files: Record<string, string | Buffer>): string {
  const dir = makeTempDir('agent-guardrail-sarif-');
  tempDirs.push(dir);
  writeTree(dir, files);
  return dir;
}

function sarif(cwd: string, args: string[] = []): { status: number | null; text: string; log: SarifLog } {
  const result = run(['audit', '--format', 'sarif', ...args], cwd);
  assert.equal(result.stderr, '');
  return { status: result.status, text: result.stdout, log: JSON.parse(result.stdout) as SarifLog };
}

/** The text a region covers, with SARIF's 1-based lines and columns and an exclusive end column. */
function regionText(fileText: string, region: Region): string {
  const lines = fileText.split('\n');
  if (region.startLine === region.endLine) return lines[region.startLine - 1]!.slice(region.startColumn - 1, region.endColumn - 1);
  const first = lines[region.startLine - 1]!.slice(region.startColumn - 1);
  const middle = lines.slice(region.startLine, region.endLine - 1);
  const last = lines[region.endLine - 1]!.slice(0, region.endColumn - 1);
  return [first, ...middle, last].join('\n');
}

const AGENT_TS = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\nconst cfg = { clientSecret: "${CLIENT_SECRET}" };\n`;
const DB_TS = `export const url = "postgres://admin:${DB_PASSWORD}@db.example.com:5432/app";\n`;
const DEPLOY_MD = `# Deploy\n\n${PRIVATE_KEY}\n`;

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('CLI integration: --format sarif', function () {
  this.timeout(120_000);

  it('has the SARIF 2.1.0 envelope and a tool.driver with every rule', () => {
    const { status, log } = sarif(project({ 'src/agent.ts': AGENT_TS }));
    assert.equal(status, 1);
    assert.match(log.$schema, /^https:\/\/.*sarif-2\.1\.0.*\.json$/);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0]!.tool.driver;
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(driver.name, 'agent-guardrail');
    assert.equal(driver.version, version);
    assert.equal(driver.informationUri, 'https://github.com/agent-guardrail/agent-guardrail');
    assert.deepEqual(
      driver.rules.map((rule) => rule.id),
      RULES.map((rule) => rule.id),
    );
    for (const rule of driver.rules) {
      const meta = RULES.find((candidate) => candidate.id === rule.id)!;
      assert.equal(rule.shortDescription.text, meta.description);
      assert.ok(rule.fullDescription.text.startsWith(meta.description), rule.id);
      // The documentation page itself, not a link to a web page.
      assert.equal(rule.helpUri, undefined);
      assert.equal(rule.help.markdown, readFileSync(join(REPO_ROOT, meta.docsPath), 'utf8'), rule.id);
      assert.equal(rule.defaultConfiguration.level, meta.defaultSeverity);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      assert.ok(rule.properties.tags.includes('security'), rule.id);
      for (const ref of meta.owasp) assert.ok(rule.properties.tags.includes(`owasp-${ref.id}`), `${rule.id} tagged owasp-${ref.id}`);
      assert.match(rule.properties['security-severity'] ?? '', /^\d+\.\d$/);
    }
    const providerKey = driver.rules.find((rule) => rule.id === 'secrets/provider-key')!;
    assert.ok(providerKey.properties.tags.includes('owasp-NHI2:2025'));
    assert.ok(providerKey.properties.tags.includes('owasp-NHI7:2025'));
    assert.ok(providerKey.fullDescription.text.includes('OWASP NHI2:2025 Secret Leakage'));
  });

  it('gives each result its rule, level, message, one relative location, an exact 1-based region and fingerprints', () => {
    const dir = project({ 'src/agent.ts': AGENT_TS, 'db.ts': DB_TS, 'docs/deploy.md': DEPLOY_MD });
    const { status, log, text } = sarif(dir);
    assert.equal(status, 1);
    const sarifRun = log.runs[0]!;
    assert.deepEqual(sarifRun.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(realpathSync(dir)).href + '/' } });
    assert.ok(sarifRun.originalUriBaseIds['%SRCROOT%']!.uri.startsWith('file:///'));

    const files: Record<string, string> = { 'src/agent.ts': AGENT_TS, 'db.ts': DB_TS, 'docs/deploy.md': DEPLOY_MD };
    const summary = sarifRun.results.map((result) => {
      assert.equal(result.locations.length, 1);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.equal(sarifRun.tool.driver.rules[result.ruleIndex]!.id, result.ruleId, 'ruleIndex points at the rule');
      assert.ok(result.message.text.length > 0);
      assert.ok(Object.keys(result.partialFingerprints).length > 0);
      return { ruleId: result.ruleId, level: result.level, uri: artifactLocation.uri, region: region!, covered: regionText(files[artifactLocation.uri]!, region!), fingerprints: Object.values(result.partialFingerprints) };
    });
    assert.deepEqual(
      summary.map(({ ruleId, level, uri, region }) => ({ ruleId, level, uri, region })),
      [
        { ruleId: 'secrets/connection-string', level: 'error', uri: 'db.ts', region: { startLine: 1, startColumn: 38, endLine: 1, endColumn: 55 } },
        { ruleId: 'secrets/private-key', level: 'error', uri: 'docs/deploy.md', region: { startLine: 3, startColumn: 1, endLine: 7, endColumn: 26 } },
        { ruleId: 'secrets/provider-key', level: 'error', uri: 'src/agent.ts', region: { startLine: 2, startColumn: 38, endLine: 2, endColumn: 94 } },
        { ruleId: 'secrets/generic-secret', level: 'error', uri: 'src/agent.ts', region: { startLine: 3, startColumn: 30, endLine: 3, endColumn: 62 } },
      ].map((expected) => (expected.ruleId === 'secrets/private-key' ? { ...expected, region: { ...expected.region, endLine: 2 + PRIVATE_KEY.trimEnd().split('\n').length } } : expected)),
    );
    // Each region covers exactly the secret.
    assert.deepEqual(
      summary.map((entry) => entry.covered),
      [DB_PASSWORD, PRIVATE_KEY.trimEnd(), OPENAI_KEY, CLIENT_SECRET],
    );
    // Fingerprints: the SHA-256 of the secret value, never the value.
    assert.deepEqual(
      summary.filter((entry) => entry.ruleId !== 'secrets/private-key').map((entry) => entry.fingerprints),
      [[sha256(DB_PASSWORD)], [sha256(OPENAI_KEY)], [sha256(CLIENT_SECRET)]],
    );
    assert.match(sarifRun.results[2]!.message.text, /^Hardcoded OpenAI API key \(sk-proj-…dJ8H\)\. Rotate it/);
    // No raw secret anywhere in the log, not even a piece of the private key body.
    for (const secret of [OPENAI_KEY, CLIENT_SECRET, DB_PASSWORD, PRIVATE_KEY.split('\n')[1]!]) assert.equal(text.includes(secret), false);
  });

  it('keeps the region exact after non-ASCII text on the same line (UTF-16 columns, SARIF default)', () => {
    const source = `const note = "clé 🔑"; const apiKey = "${CLIENT_SECRET}";\n`;
    const { log } = sarif(project({ 'a.ts': source }));
    const region = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region!;
    assert.deepEqual(region, { startLine: 1, startColumn: 40, endLine: 1, endColumn: 72 });
    assert.equal(regionText(source, region), CLIENT_SECRET);
  });

  it('uses the configured severity as the result level, and the default in the rule', () => {
    const { status, log } = sarif(project({ 'a.ts': AGENT_TS, '.agent-guardrail.yaml': 'rules:\n  secrets/generic-secret: note\n' }));
    assert.equal(status, 1);
    const sarifRun = log.runs[0]!;
    assert.deepEqual(
      sarifRun.results.map((result) => `${result.ruleId} ${result.level}`),
      ['secrets/provider-key error', 'secrets/generic-secret note'],
    );
    assert.equal(sarifRun.tool.driver.rules[sarifRun.results[1]!.ruleIndex]!.defaultConfiguration.level, 'error');
  });

  it('keeps suppressed findings with `suppressions` so code scanning shows them as dismissed', () => {
    const dir = project({
      'a.ts': `import OpenAI from 'openai';\n// agent-guardrail-ignore-next-line secrets/provider-key -- test fixture\nconst client = new OpenAI({ apiKey: "${OPENAI_KEY}" });\n`,
    });
    const { status, log } = sarif(dir);
    assert.equal(status, 0);
    const [result] = log.runs[0]!.results;
    assert.equal(log.runs[0]!.results.length, 1);
    assert.equal(result!.ruleId, 'secrets/provider-key');
    assert.deepEqual(result!.suppressions, [{ kind: 'inSource', justification: 'test fixture' }]);
    assert.deepEqual(result!.locations[0]!.physicalLocation.region, { startLine: 3, startColumn: 38, endLine: 3, endColumn: 94 });
  });

  it('percent-encodes paths with spaces, non-ASCII letters, # and %, relative to the scanned root', () => {
    const name = 'config dir/clé ключ #1 100%.env';
    const dir = project({ [name]: `AWS_KEY=${AWS_KEY_ID}\n` });
    const { log } = sarif(dir);
    const sarifRun = log.runs[0]!;
    const uri = sarifRun.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'config%20dir/cl%C3%A9%20%D0%BA%D0%BB%D1%8E%D1%87%20%231%20100%25.env');
    // Resolved against %SRCROOT%, the URI names the file on disk.
    const resolved = new URL(uri, sarifRun.originalUriBaseIds['%SRCROOT%']!.uri);
    assert.equal(resolved.hash, '');
    assert.equal(fileURLToPath(resolved), join(realpathSync(dir), name));
  });

  it('encodes a root directory whose path has spaces in originalUriBaseIds', () => {
    const parent = project({});
    const root = join(parent, 'my project');
    writeTree(root, { 'a.env': `AWS_KEY=${AWS_KEY_ID}\n` });
    const { log } = sarif(root);
    const base = log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri;
    assert.ok(base.endsWith('/my%20project/'), base);
    assert.equal(fileURLToPath(new URL(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, base)), join(realpathSync(root), 'a.env'));
  });

  it('reports URIs relative to the repository root when CI runs it from a subdirectory (GitHub code scanning maps them)', () => {
    const dir = project({ 'packages/app/.env': `AWS_KEY=${AWS_KEY_ID}\n`, 'other/.env': `AWS_KEY=${AWS_KEY_ID}\n` });
    git(dir, 'init', '--quiet');
    git(dir, 'config', 'core.excludesFile', join(dir, '.git', 'no-global-excludes'));
    for (const [cwd, args] of [[join(dir, 'packages'), []], [dir, ['packages']], [join(dir, 'packages', 'app'), ['.']]] as const) {
      const { log } = sarif(cwd, [...args]);
      assert.deepEqual(
        log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri),
        ['packages/app/.env'],
        cwd,
      );
      assert.equal(log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri, pathToFileURL(realpathSync(dir) + '/').href);
    }
  });

  it('lists skipped files as tool execution notifications, and an empty run has results: []', () => {
    const dir = project({ 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 'clean.ts': 'export const x = 1;\n' });
    const { status, log } = sarif(dir);
    assert.equal(status, 0);
    const sarifRun = log.runs[0]!;
    assert.deepEqual(sarifRun.results, []);
    assert.equal(sarifRun.invocations![0]!.executionSuccessful, true);
    assert.deepEqual(sarifRun.invocations![0]!.toolExecutionNotifications, [
      { level: 'note', message: { text: 'logo.png: binary file' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'logo.png', uriBaseId: '%SRCROOT%' } } }] },
    ]);
  });

  it('writes the same log with --output', () => {
    const dir = project({ 'a.ts': AGENT_TS });
    const result = run(['audit', '--format', 'sarif', '--output', 'results.sarif'], dir);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    const log = JSON.parse(readFileSync(join(dir, 'results.sarif'), 'utf8')) as SarifLog;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0]!.results.length, 2);
  });
});
