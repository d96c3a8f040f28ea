// Control over one secret detector: `<rule>:<detector>` in the configuration's `rules` and in suppression comments
// switches off or re-levels one provider or format (the `provider` of a finding) and leaves the rest of secrets/*.
import { strict as assert } from 'node:assert';
import { defaultConfig, effectiveSeverity, parseConfigText, type ResolvedConfig } from '../../src/core/config';
import { SECRET_DETECTORS } from '../../src/core/secrets/detectors';
import { auditPaths } from '../../src/node/audit';
import { loadConfig } from '../../src/node/config-file';
import { describe1, makeTempDir, writeTree } from '../helpers';

/** Key-shaped values, assembled at run time so that the repository holds none. */
const random = (alphabet: string, length: number, seed: number): string =>
  Array.from({ length }, (_, index) => alphabet[(seed * 7919 + index * 104729 + index * index * 31) % alphabet.length]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const OPENAI_KEY = `sk-proj-${random(ALNUM, 20, 3)}${'T3Blbk'}FJ${random(ALNUM, 20, 5)}`;
const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: 'svc-reports', aud: 'agent-gateway', exp: 1798761600 })}.${random(ALNUM, 43, 11)}`;
const QUERY_TOKEN = random(ALNUM, 32, 13);

const FILES = {
  'src/agent.ts': [
    `const openai = '${OPENAI_KEY}'; const session = '${JWT}';`,
    `const exportUrl = 'https://api.acme.dev/v1/export?access_token=${QUERY_TOKEN}';`,
    '',
  ].join('\n'),
};

async function audit(config: string, files: Record<string, string> = FILES): Promise<string[]> {
  const root = makeTempDir();
  writeTree(root, { ...files, '.agent-guardrail.yaml': config });
  const loaded = loadConfig(root, undefined, root);
  assert.deepEqual(loaded.problems, []);
  return (await auditPaths(root, [], loaded.config, new Date(), loaded.directory)).findings
    .filter((finding) => !finding.suppression)
    .map((finding) => `${describe1(finding)} ${finding.severity} ${finding.provider ?? ''}`.trim());
}

describe('secret detector control', () => {
  it('every detector id names the rule that reports it', () => {
    assert.equal(SECRET_DETECTORS.get('jwt')?.rule, 'secrets/provider-key');
    assert.equal(SECRET_DETECTORS.get('url-query-token')?.rule, 'secrets/generic-secret');
    assert.equal(SECRET_DETECTORS.get('url-password')?.rule, 'secrets/connection-string');
    assert.equal(SECRET_DETECTORS.get('private-key')?.rule, 'secrets/private-key');
    assert.equal(SECRET_DETECTORS.get('generic')?.rule, 'secrets/generic-secret');
  });

  it('the most specific setting wins: rule:detector, then category:detector, then the rule, then the category', () => {
    const config = (severities: ResolvedConfig['severities'], trusted = true): ResolvedConfig => ({ ...defaultConfig(), severities, trusted });
    const c = config({ 'secrets/*': 'note', 'secrets/provider-key': 'warning', 'secrets/*:jwt': 'off', 'secrets/provider-key:openai': 'error' });
    assert.equal(effectiveSeverity(c, 'secrets/provider-key', 'error', 'openai'), 'error');
    assert.equal(effectiveSeverity(c, 'secrets/provider-key', 'error', 'jwt'), 'off');
    assert.equal(effectiveSeverity(c, 'secrets/provider-key', 'error', 'github'), 'warning');
    assert.equal(effectiveSeverity(c, 'secrets/generic-secret', 'error', 'url-query-token'), 'note');
    // Restricted Mode: a repository cannot switch off or lower one detector either.
    assert.equal(effectiveSeverity(config({ 'secrets/provider-key:jwt': 'off' }, false), 'secrets/provider-key', 'error', 'jwt'), 'error');
  });

  it('the loader accepts known detectors under their own rule or secrets/*, and reports the others where they are', () => {
    const root = makeTempDir();
    const text = [
      'rules:',
      '  secrets/provider-key:jwt: off',
      '  secrets/*:url-query-token: warning',
      '  secrets/provider-key:no-such-detector: off',
      '  secrets/generic-secret:jwt: off',
      '',
    ].join('\n');
    writeTree(root, { '.agent-guardrail.yaml': text });
    const loaded = loadConfig(root, undefined, root);
    assert.deepEqual(loaded.config.severities, { 'secrets/provider-key:jwt': 'off', 'secrets/*:url-query-token': 'warning' });
    assert.deepEqual(
      loaded.problems.map((problem) => problem.message.split(' (')[0]),
      ['rules: unknown secret detector "secrets/provider-key:no-such-detector"', 'rules: unknown secret detector "secrets/generic-secret:jwt"'],
    );
    // Without rule knowledge (the core alone) the selector is kept as written.
    assert.equal(parseConfigText('rules:\n  secrets/provider-key:jwt: note\n').config.severities['secrets/provider-key:jwt'], 'note');
  });

  it('switches off one detector and re-levels another, leaving the rest of secrets/* as it was', async () => {
    assert.deepEqual(await audit('rules: {}\n'), [
      'secrets/provider-key 1:17-1:73 error openai',
      'secrets/provider-key 1:93-1:254 error jwt',
      'secrets/generic-secret 2:64-2:96 error url-query-token',
    ]);
    assert.deepEqual(await audit('rules:\n  secrets/provider-key:jwt: off\n  secrets/*:url-query-token: warning\n'), [
      'secrets/provider-key 1:17-1:73 error openai',
      'secrets/generic-secret 2:64-2:96 warning url-query-token',
    ]);
    // The rule off, one detector back on.
    assert.deepEqual(await audit('rules:\n  secrets/*: off\n  secrets/provider-key:jwt: warning\n'), ['secrets/provider-key 1:93-1:254 warning jwt']);
  });

  it('a suppression comment naming one detector hides that detector only, and is unused when it matches nothing', async () => {
    const files = {
      'src/agent.ts': [
        '// agent-guardrail-ignore-next-line secrets/provider-key:jwt -- signed test session, expired in staging',
        `const openai = '${OPENAI_KEY}'; const session = '${JWT}';`,
        '// agent-guardrail-ignore-next-line secrets/provider-key:github -- no GitHub token here',
        `const again = '${JWT}';`,
        '',
      ].join('\n'),
    };
    assert.deepEqual(await audit('rules: {}\n', files), [
      'secrets/provider-key 2:17-2:73 error openai',
      'secrets/provider-key 4:16-4:177 error jwt',
      'suppression/unused 3:4-3:88 note',
    ]);
  });
});
