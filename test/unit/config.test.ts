// `.agent-guardrail.yaml`: every setting, problems with their offsets while the rest still applies, severities by
// rule and category, sizes and durations, the `init` starter file, and finding the file upward from a subfolder.
import { strict as assert } from 'node:assert';
import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { auditPaths } from '../../src/node/audit';
import { formatBytes } from '../../src/core/analyze';
import { describeConfigProblem, loadConfig } from '../../src/node/config-file';
import { STARTER_CONFIG, writeStarterConfig } from '../../src/cli/init';
import {
  configSchema,
  defaultConfig,
  DEFAULT_MAX_CREDENTIAL_TTL_SECONDS,
  DEFAULT_MAX_FILE_SIZE,
  effectiveSeverity,
  parseConfigText,
  parseDuration,
  parseSize,
  type ConfigProblem,
  type ResolvedConfig,
} from '../../src/core/config';
import { RULES } from '../../src/core/rules';
import { makeTempDir, REPO_ROOT, writeTree } from '../helpers';

/** The resolved config as plain data (regular expressions by source) for deepEqual. */
function plain(config: ResolvedConfig): Record<string, unknown> {
  return { ...config, extraPlaceholders: config.extraPlaceholders.map((regex) => regex.source) };
}
const DEFAULTS = plain(defaultConfig());

/** Problems as `line:column message` (1-based), the way the CLI prints them. */
function located(text: string, problems: ConfigProblem[]): string[] {
  return problems.map((problem) => describeConfigProblem('c.yaml', text, problem).replace(/^c\.yaml:/, ''));
}

const FINGERPRINT = 'a'.repeat(64);

describe('config: every setting', () => {
  it('parses each setting of a complete YAML file into the resolved configuration', () => {
    const text = [
      '# yaml-language-server: $schema=./schemas/agent-guardrail-config.schema.json',
      '$schema: ./schemas/agent-guardrail-config.schema.json',
      'rules:',
      '  secrets/generic-secret: warning',
      '  ownership/*: "off"',
      '  grants/all-mcp-tools: error',
      '  suppression/unused: note',
      'ignore:',
      '  - test/fixtures/**',
      '  - "*.snap"',
      'placeholders:',
      "  - '^local-dev-'",
      '  - EXAMPLE$',
      'secretNames: [ACME_SERVICE_CREDENTIAL, partnerToken]',
      'ownerOptional: ["**/test/**", "sandbox/**"]',
      'broker: aws-secrets-manager',
      'maxCredentialTtl: 15m',
      'maxFileSize: 500KB',
      'suppressions:',
      '  - rule: secrets/provider-key',
      `    fingerprint: ${FINGERPRINT}`,
      '    reason: revoked key kept as a regression fixture',
      '  - rule: secrets/*',
      `    fingerprint: ${'b'.repeat(64)}`,
      '    reason: sandbox account',
      '    file: config/agent.json',
      '',
    ].join('\n');
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(plain(config), {
      severities: { 'secrets/generic-secret': 'warning', 'ownership/*': 'off', 'grants/all-mcp-tools': 'error', 'suppression/unused': 'note' },
      ignore: ['test/fixtures/**', '*.snap'],
      extraPlaceholders: ['^local-dev-', 'EXAMPLE$'],
      extraSecretNames: ['ACME_SERVICE_CREDENTIAL', 'partnerToken'],
      ownerOptional: ['**/test/**', 'sandbox/**'],
      broker: 'aws-secrets-manager',
      maxCredentialTtlSeconds: 900,
      maxFileSize: 500_000,
      suppressions: [
        { rule: 'secrets/provider-key', fingerprint: FINGERPRINT, reason: 'revoked key kept as a regression fixture' },
        { rule: 'secrets/*', fingerprint: 'b'.repeat(64), reason: 'sandbox account', file: 'config/agent.json' },
      ],
      trusted: true,
    });
  });

  it('reads the same settings from JSON (.agent-guardrail.json)', () => {
    const text = JSON.stringify({
      rules: { 'grants/*': 'warning' },
      ignore: ['dist/**'],
      placeholders: ['^test-'],
      secretNames: ['ACME_KEY'],
      ownerOptional: [],
      broker: 'vault',
      maxCredentialTtl: 'PT30M',
      maxFileSize: 1024,
      suppressions: [{ rule: 'secrets/provider-key', fingerprint: FINGERPRINT, reason: 'fixture' }],
    });
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(plain(config), {
      severities: { 'grants/*': 'warning' },
      ignore: ['dist/**'],
      extraPlaceholders: ['^test-'],
      extraSecretNames: ['ACME_KEY'],
      ownerOptional: [],
      broker: 'vault',
      maxCredentialTtlSeconds: 1800,
      maxFileSize: 1024,
      suppressions: [{ rule: 'secrets/provider-key', fingerprint: FINGERPRINT, reason: 'fixture' }],
      trusted: true,
    });
  });

  it('an empty file, a file of comments, and settings left empty mean the defaults, without problems', () => {
    for (const text of ['', '\n', '# nothing yet\n', '{}', 'rules:\n#  secrets/generic-secret: warning\nignore:\nsuppressions:\n']) {
      const { config, problems } = parseConfigText(text);
      assert.deepEqual(problems, [], JSON.stringify(text));
      assert.deepEqual(plain(config), DEFAULTS, JSON.stringify(text));
    }
  });

  it('every setting of the schema is handled (a value for each changes the resolved configuration)', () => {
    const values: Record<string, unknown> = {
      rules: { 'secrets/*': 'note' },
      ignore: ['x'],
      placeholders: ['x'],
      secretNames: ['X'],
      ownerOptional: ['x'],
      broker: 'env',
      maxCredentialTtl: '2h',
      maxFileSize: '1MB',
      suppressions: [{ rule: 'secrets/provider-key', fingerprint: FINGERPRINT, reason: 'r' }],
    };
    const keys = Object.keys(configSchema().shape).filter((key) => key !== '$schema');
    assert.deepEqual(keys.sort(), Object.keys(values).sort());
    for (const key of keys) {
      const { config, problems } = parseConfigText(JSON.stringify({ [key]: values[key] }));
      assert.deepEqual(problems, [], key);
      assert.notDeepEqual(plain(config), DEFAULTS, `${key} has no effect`);
    }
  });
});

describe('config: problems are reported with their offsets, and the rest still applies', () => {
  it('an unknown setting and a bad value: both reported where they are, the good settings applied', () => {
    const text = 'rules:\n  secrets/generic-secret: warnin\n  grants/*: note\nignor: [a.ts]\nbroker: hashicorp-vault\nmaxFileSize: 1MB\n';
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(located(text, problems), [
      '2:27: rules.secrets/generic-secret: "warnin" is not a severity; use off, note, warning or error. Did you mean "warning"?',
      '4:1: Unknown setting "ignor". Did you mean "ignore"?',
      '5:9: broker: "hashicorp-vault" is not one of vault, aws-sts, aws-secrets-manager, gcp-secret-manager, azure-key-vault, azure-managed-identity, 1password, infisical, doppler, github-app, oauth-token-exchange, env.',
    ]);
    assert.equal(problems[0]!.offset, text.indexOf('warnin'));
    assert.equal(problems[1]!.offset, text.indexOf('ignor:'));
    assert.equal(problems[2]!.offset, text.indexOf('hashicorp-vault'));
    // The other rule, and maxFileSize, still apply; the bad ones keep their defaults.
    assert.deepEqual(config.severities, { 'grants/*': 'note' });
    assert.equal(config.maxFileSize, 1_000_000);
    assert.equal(config.broker, undefined);
    assert.deepEqual(config.ignore, []);
  });

  it('a bad item of a list is dropped alone, at its own offset', () => {
    const text = [
      'ignore:',
      '  - build/**',
      '  - 42',
      '  - { path: x }',
      'placeholders: ["^dev-", "(unclosed", "-example$"]',
      'secretNames: [GOOD_NAME, [nested]]',
      'suppressions:',
      '  - rule: secrets/provider-key',
      `    fingerprint: ${FINGERPRINT}`,
      '    reason: kept',
      '  - rule: secrets/provider-key',
      `    fingerprint: ${FINGERPRINT}`,
      '  - rule: secrets/provider-key',
      `    fingerprint: ${FINGERPRINT}`,
      '    reason: ""',
      '  - rule: secrets/provider-key',
      `    fingerprint: ${FINGERPRINT}`,
      '    reason: has an extra key',
      '    expires: 2027-01-01',
      '',
    ].join('\n');
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(located(text, problems), [
      '3:5: ignore.1: Invalid input: expected string, received number',
      '4:5: ignore.2: Invalid input: expected string, received object',
      '5:25: placeholders: "(unclosed" is not a valid regular expression (Unterminated group).',
      '6:26: secretNames.1: Invalid input: expected string, received array',
      '11:5: suppressions.1.reason: every suppression needs a reason (why this finding is acceptable).',
      '15:13: suppressions.2.reason: every suppression needs a reason (why this finding is acceptable).',
      '19:5: suppressions.3: Unrecognized key: "expires"',
    ]);
    assert.deepEqual(config.ignore, ['build/**']);
    assert.deepEqual(config.extraPlaceholders.map((regex) => regex.source), ['^dev-', '-example$']);
    assert.deepEqual(config.extraSecretNames, ['GOOD_NAME']);
    assert.deepEqual(config.suppressions, [{ rule: 'secrets/provider-key', fingerprint: FINGERPRINT, reason: 'kept' }]);
  });

  it('a fingerprint entry under `ignore` (as in older docs) gets a pointer to `suppressions`', () => {
    const text = `ignore:\n  - rule: secrets/provider-key\n    fingerprint: ${FINGERPRINT}\n    reason: fixture\n`;
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(located(text, problems), ['2:5: ignore.0: ignore takes file globs; suppress a finding by fingerprint under "suppressions:" ({ rule, fingerprint, reason }).']);
    assert.deepEqual(config.ignore, []);
  });

  it('with rule knowledge (as the CLI and the language server load it), unknown rule ids and categories are reported', () => {
    const known = new Set(RULES.map((rule) => rule.id));
    const categories = new Set(RULES.map((rule) => rule.category));
    const isKnownRule = (id: string) => known.has(id) || (id.endsWith('/*') && categories.has(id.slice(0, -2) as never));
    const text = 'rules:\n  secrets/provder-key: "off"\n  secret/*: "off"\n  grants/*: warning\n  secrets/provider-key: warning\n';
    const ruleIds = [...known, ...[...categories].map((category) => `${category}/*`)];
    const { config, problems } = parseConfigText(text, { isKnownRule, ruleIds });
    assert.deepEqual(located(text, problems), [
      '2:3: rules: unknown rule "secrets/provder-key" (`agent-guardrail rules` lists them; a category is written `secrets/*`). Did you mean "secrets/provider-key"?',
      '3:3: rules: unknown rule "secret/*" (`agent-guardrail rules` lists them; a category is written `secrets/*`). Did you mean "secrets/*"?',
    ]);
    assert.deepEqual(config.severities, { 'grants/*': 'warning', 'secrets/provider-key': 'warning' });
  });

  it('wrong types for whole settings are reported at the value and fall back to the default', () => {
    const text = 'rules: [secrets/*]\nignore: "dist/**"\nmaxCredentialTtl: 3600\nsecretNames: ACME\nbroker: 7\n';
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(located(text, problems), [
      '1:8: rules: Invalid input: expected record, received array',
      '2:9: ignore: Invalid input: expected array, received string',
      '3:19: maxCredentialTtl: Invalid input: expected string, received number',
      '4:14: secretNames: Invalid input: expected array, received string',
      '5:9: broker: 7 is not one of vault, aws-sts, aws-secrets-manager, gcp-secret-manager, azure-key-vault, azure-managed-identity, 1password, infisical, doppler, github-app, oauth-token-exchange, env.',
    ]);
    assert.deepEqual(plain(config), DEFAULTS);
  });

  it('a YAML syntax error is reported at its position, without quoting the text, and the whole file falls back to defaults', () => {
    const secret = ['sk-proj-', 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H'].join('');
    const text = `rules:\n  secrets/*: "off"\nplaceholders: ["${secret}"\n`;
    const { config, problems } = parseConfigText(text);
    assert.ok(problems.length >= 1);
    for (const problem of problems) {
      assert.match(problem.message, /^YAML syntax error \([a-z ]+\)$/);
      assert.equal(typeof problem.offset, 'number');
      assert.equal(problem.message.includes(secret), false);
    }
    assert.deepEqual(plain(config), DEFAULTS);
  });

  it('a file that is not a mapping is one problem, and the defaults', () => {
    for (const text of ['- rules\n- ignore\n', 'just text\n', '42\n']) {
      const { config, problems } = parseConfigText(text);
      assert.deepEqual(problems, [{ message: 'The configuration must be a mapping of settings.', offset: 0 }], text);
      assert.deepEqual(plain(config), DEFAULTS);
    }
  });

  it('describeConfigProblem prints file:line:column, or just the file when the offset is unknown', () => {
    const text = 'a: 1\nbogus: 2\n';
    assert.equal(describeConfigProblem('.agent-guardrail.yaml', text, { message: 'Unknown setting "bogus".', offset: 5 }), '.agent-guardrail.yaml:2:1: Unknown setting "bogus".');
    assert.equal(describeConfigProblem('.agent-guardrail.yaml', text, { message: 'x' }), '.agent-guardrail.yaml: x');
  });
});

describe('config: rule severities and category wildcards', () => {
  const config = (severities: ResolvedConfig['severities'], trusted = true): ResolvedConfig => ({ ...defaultConfig(), severities, trusted });

  it('an exact rule id wins over its category, a category over the default', () => {
    const c = config({ 'secrets/*': 'note', 'secrets/provider-key': 'warning', 'ownership/*': 'off' });
    assert.equal(effectiveSeverity(c, 'secrets/provider-key', 'error'), 'warning');
    assert.equal(effectiveSeverity(c, 'secrets/generic-secret', 'error'), 'note');
    assert.equal(effectiveSeverity(c, 'ownership/missing-owner', 'error'), 'off');
    assert.equal(effectiveSeverity(c, 'grants/wildcard-tool', 'error'), 'error');
    assert.equal(effectiveSeverity(config({ 'grants/*': 'error' }), 'grants/all-mcp-tools', 'warning'), 'error');
  });

  it('the wildcard is per category: secrets/* does not touch credentials/*', () => {
    const c = config({ 'secrets/*': 'off' });
    assert.equal(effectiveSeverity(c, 'credentials/long-lived', 'warning'), 'warning');
  });

  it('in an untrusted workspace secrets/* and grants/* cannot be lowered or switched off, only raised; others can', () => {
    const c = config({ 'secrets/*': 'off', 'grants/wildcard-tool': 'note', 'grants/all-mcp-tools': 'error', 'ownership/*': 'off' }, false);
    assert.equal(effectiveSeverity(c, 'secrets/provider-key', 'error'), 'error');
    assert.equal(effectiveSeverity(c, 'grants/wildcard-tool', 'error'), 'error');
    assert.equal(effectiveSeverity(c, 'grants/all-mcp-tools', 'warning'), 'error');
    assert.equal(effectiveSeverity(c, 'ownership/missing-owner', 'error'), 'off');
  });
});

describe('config: maxFileSize units', () => {
  const cases: [string, number][] = [
    ['500', 500],
    ['500B', 500],
    ['1KB', 1000],
    ['1kb', 1000],
    ['1KiB', 1024],
    ['500KB', 500_000],
    ['2MB', 2_000_000],
    ['2MiB', 2 * 1024 * 1024],
    ['1.5 MB', 1_500_000],
    ['1GB', 1_000_000_000],
    ['1GiB', 1024 ** 3],
  ];
  for (const [text, bytes] of cases) {
    it(`maxFileSize: ${text} is ${bytes} bytes`, () => {
      assert.equal(parseSize(text), bytes);
      const { config, problems } = parseConfigText(`maxFileSize: "${text}"\n`);
      assert.deepEqual(problems, []);
      assert.equal(config.maxFileSize, bytes);
    });
  }

  it('2MiB is the default (what `init` writes); the reports print 1024-based sizes', () => {
    assert.equal(parseSize('2MiB'), DEFAULT_MAX_FILE_SIZE);
    assert.equal(formatBytes(DEFAULT_MAX_FILE_SIZE), '2 MB');
    assert.equal(formatBytes(parseSize('500KiB')), '500 KB');
  });

  it('a number is bytes', () => {
    assert.equal(parseConfigText('maxFileSize: 4096\n').config.maxFileSize, 4096);
  });

  it('bad sizes are reported and the 2 MB default is kept', () => {
    const cases: [string, string][] = [
      ['lots', 'maxFileSize: "lots" is not a size such as 500KB or 2MB.'],
      ['2 TB', 'maxFileSize: "2 TB" is not a size such as 500KB or 2MB.'],
      ['-1MB', 'maxFileSize: "-1MB" is not a size such as 500KB or 2MB.'],
    ];
    for (const [value, message] of cases) {
      const text = `maxFileSize: "${value}"\n`;
      assert.deepEqual(parseConfigText(text), { config: defaultConfig(), problems: [{ message, offset: 13 }] });
    }
    for (const value of ['0', '-5', '1.5']) {
      const { config, problems } = parseConfigText(`maxFileSize: ${value}\n`);
      assert.equal(problems.length, 1, value);
      assert.equal(problems[0]!.offset, 13);
      assert.equal(config.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    }
  });
});

describe('config: maxCredentialTtl durations', () => {
  const cases: [string, number][] = [
    ['30s', 30],
    ['15m', 900],
    ['1h', 3600],
    ['1.5h', 5400],
    ['90d', 90 * 86400],
    ['2w', 14 * 86400],
    ['2H', 7200],
    ['PT1H', 3600],
    ['PT1H30M', 5400],
    ['PT45S', 45],
    ['P1D', 86400],
    ['P1W', 7 * 86400],
    ['P1DT12H', 129600],
  ];
  for (const [text, seconds] of cases) {
    it(`maxCredentialTtl: ${text} is ${seconds} s`, () => {
      assert.equal(parseDuration(text), seconds);
      const { config, problems } = parseConfigText(`maxCredentialTtl: ${text}\n`);
      assert.deepEqual(problems, []);
      assert.equal(config.maxCredentialTtlSeconds, seconds);
    });
  }

  it('anything else is reported and the 1h default is kept', () => {
    for (const value of ['forever', '1y', 'P', 'PT', '"1 hour"', '"h"']) {
      const text = `maxCredentialTtl: ${value}\n`;
      const { config, problems } = parseConfigText(text);
      const shown = value.replace(/"/g, '');
      assert.deepEqual(problems, [{ message: `maxCredentialTtl: "${shown}" is not a duration such as 15m, 1h or PT1H.`, offset: 18 }], value);
      assert.equal(config.maxCredentialTtlSeconds, DEFAULT_MAX_CREDENTIAL_TTL_SECONDS);
    }
  });
});

describe('config: `agent-guardrail init`', () => {
  /** Top-level setting names in a YAML text, including commented-out ones (`# broker: vault`). */
  function documentedSettings(text: string): string[] {
    return [...new Set([...text.matchAll(/^(?:# )?([$A-Za-z][A-Za-z]*):(?: |$)/gm)].map((match) => match[1]!))];
  }

  it('the starter config parses with no problems and means exactly the defaults', () => {
    const { config, problems } = parseConfigText(STARTER_CONFIG);
    assert.deepEqual(problems, []);
    assert.deepEqual(plain(config), DEFAULTS);
  });

  it('documents every setting of the schema, and only settings that exist', () => {
    const documented = documentedSettings(STARTER_CONFIG).sort();
    const schema = Object.keys(configSchema().shape).filter((key) => key !== '$schema').sort();
    assert.deepEqual(documented, schema);
  });

  it('its commented examples are valid when uncommented', () => {
    const uncommented = STARTER_CONFIG.split('\n')
      .map((line) => line.replace(/^([A-Za-z]+): (?:\{\}|\[\])$/, '$1:').replace(/^# (broker: )/, '$1').replace(/^#( {2}[^ ])/, '$1').replace(/^#( {4}[a-z]+:)/, '$1'))
      .join('\n');
    const { config, problems } = parseConfigText(uncommented);
    assert.deepEqual(problems, [], uncommented);
    assert.equal(config.broker, 'vault');
    assert.deepEqual(config.severities, { 'secrets/generic-secret': 'warning', 'ownership/*': 'warning' });
    assert.deepEqual(config.ignore, ['test/fixtures/**']);
    assert.deepEqual(config.suppressions.map((entry) => entry.rule), ['secrets/provider-key']);
  });

  it('the settings documented in the README and the generated JSON schema exist', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'README has a configuration example');
    const schema = Object.keys(configSchema().shape);
    for (const key of Object.keys(parseYaml(block) as object)) assert.ok(schema.includes(key), `README documents "${key}"`);
    assert.deepEqual(parseConfigText(block).problems, []);
    const json = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/agent-guardrail-config.schema.json'), 'utf8')) as { properties: object };
    assert.deepEqual(Object.keys(json.properties).sort(), schema.sort());
  });

  describe('writeStarterConfig', () => {
    const dirs: string[] = [];
    after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    const dir = () => {
      const created = makeTempDir('agent-guardrail-init-');
      dirs.push(created);
      return created;
    };

    it('writes .agent-guardrail.yaml; refuses to overwrite any existing config without force', () => {
      const target = dir();
      assert.deepEqual(writeStarterConfig(target, false), { message: `Wrote ${join(target, '.agent-guardrail.yaml')}.`, code: 0 });
      assert.equal(readFileSync(join(target, '.agent-guardrail.yaml'), 'utf8'), STARTER_CONFIG);
      writeFileSync(join(target, '.agent-guardrail.yaml'), 'rules: {}\n');
      assert.deepEqual(writeStarterConfig(target, false), { message: '.agent-guardrail.yaml already exists; not overwritten (use --force).', code: 2 });
      assert.equal(readFileSync(join(target, '.agent-guardrail.yaml'), 'utf8'), 'rules: {}\n');
      assert.equal(writeStarterConfig(target, true).code, 0);
      assert.equal(readFileSync(join(target, '.agent-guardrail.yaml'), 'utf8'), STARTER_CONFIG);

      const json = dir();
      writeFileSync(join(json, '.agent-guardrail.json'), '{}\n');
      assert.deepEqual(writeStarterConfig(json, false), { message: '.agent-guardrail.json already exists; not overwritten (use --force).', code: 2 });
    });
  });
});

describe('config: finding the file, and ignore globs relative to it', () => {
  const dirs: string[] = [];
  const saved: NodeJS.ProcessEnv = {};
  before(() => {
    // The discovery below runs git in this process: no inherited repository, no developer configuration.
    for (const name of Object.keys(process.env)) if (name.startsWith('GIT_')) saved[name] = process.env[name];
    for (const name of Object.keys(saved)) delete process.env[name];
    Object.assign(process.env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: [...new Set([tmpdir(), realpathSync(tmpdir())])].join(delimiter) });
  });
  after(() => {
    for (const name of ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_CEILING_DIRECTORIES']) delete process.env[name];
    Object.assign(process.env, saved);
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  const tree = (files: Record<string, string>): string => {
    const dir = realpathSync(makeTempDir('agent-guardrail-config-'));
    dirs.push(dir);
    writeTree(dir, files);
    return dir;
  };

  it('is found in a folder above the audited one, up to the stop folder, nearest first; .yml and .json too', () => {
    const top = tree({ '.agent-guardrail.yaml': 'rules:\n  secrets/*: note\n', 'packages/web/src/app.ts': '', 'packages/api/.agent-guardrail.json': '{"rules": {"grants/*": "off"}}' });
    const fromDeep = loadConfig(join(top, 'packages/web/src'), undefined, top);
    assert.equal(fromDeep.path, join(top, '.agent-guardrail.yaml'));
    assert.equal(fromDeep.directory, top);
    assert.deepEqual(fromDeep.config.severities, { 'secrets/*': 'note' });
    const nearest = loadConfig(join(top, 'packages/api'), undefined, top);
    assert.equal(nearest.path, join(top, 'packages/api/.agent-guardrail.json'));
    assert.deepEqual(nearest.config.severities, { 'grants/*': 'off' });
    // Not above the stop folder (the top of the git work tree).
    const stopped = loadConfig(join(top, 'packages/web/src'), undefined, join(top, 'packages/web'));
    assert.equal(stopped.path, undefined);
    assert.deepEqual(plain(stopped.config), DEFAULTS);
    assert.equal(stopped.directory, join(top, 'packages/web/src'));
    const yml = tree({ '.agent-guardrail.yml': 'maxFileSize: 10KB\n', 'a/b/.keep': '' });
    assert.equal(loadConfig(join(yml, 'a/b'), undefined, yml).config.maxFileSize, 10_000);
  });

  it('an explicit path wins; unknown rule ids in it are reported (with positions) by the loader', () => {
    const top = tree({ '.agent-guardrail.yaml': 'rules:\n  secrets/*: note\n', 'ci/strict.yaml': 'rules:\n  grants/*: error\n  grants/everything: error\n' });
    const loaded = loadConfig(top, join(top, 'ci/strict.yaml'), top);
    assert.equal(loaded.directory, join(top, 'ci'));
    assert.deepEqual(loaded.config.severities, { 'grants/*': 'error' });
    assert.deepEqual(located(readFileSync(join(top, 'ci/strict.yaml'), 'utf8'), loaded.problems), [
      '3:3: rules: unknown rule "grants/everything" (`agent-guardrail rules` lists them; a category is written `secrets/*`).',
    ]);
  });

  it('ignore globs are relative to the config file, whichever folder the audit starts in', async () => {
    const secret = `AWS_KEY=${['AKIA', '2Y2NYRVD7RXINFRP'].join('')}\n`;
    const top = tree({
      '.agent-guardrail.yaml': 'ignore:\n  - packages/web/fixtures/\n  - "*.local"\n',
      'packages/web/fixtures/.env': secret,
      'packages/web/src/.env': secret,
      'packages/web/src/.env.local': secret,
      'fixtures/.env': secret,
    });
    const files = async (cwd: string) => {
      const loaded = loadConfig(cwd, undefined, top);
      return (await auditPaths(cwd, [], loaded.config, new Date(), loaded.directory)).findings.map((finding) => finding.file);
    };
    assert.deepEqual(await files(top), ['fixtures/.env', 'packages/web/src/.env']);
    assert.deepEqual(await files(join(top, 'packages/web')), ['src/.env']);
    assert.deepEqual(await files(join(top, 'packages/web/src')), ['.env']);
  });

  it('a suppression `file` is relative to the config file as well', () => {
    const top = tree({
      '.agent-guardrail.yaml': `suppressions:\n  - rule: secrets/provider-key\n    fingerprint: ${FINGERPRINT}\n    reason: fixture\n    file: packages/api/config.json\n`,
      'packages/api/x.ts': '',
    });
    assert.deepEqual(loadConfig(top, undefined, top).config.suppressions[0]!.file, 'packages/api/config.json');
    assert.deepEqual(loadConfig(join(top, 'packages/api'), undefined, top).config.suppressions[0]!.file, 'config.json');
    assert.deepEqual(loadConfig(join(top, 'packages'), undefined, top).config.suppressions[0]!.file, 'api/config.json');
  });

});
