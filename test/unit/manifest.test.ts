import { strict as assert } from 'node:assert';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config';
import { isManifestFile, isManifestPath } from '../../src/core/manifest/schema';
import { analyze, describe1 } from '../helpers';

const NOW = new Date('2026-11-23T12:00:00Z');

function run(text: string, path = 'agents/triage.agent.yaml', config: Partial<ResolvedConfig> = {}) {
  return analyzeFile({ path, text }, { ...defaultConfig(), ...config }, { now: NOW });
}

/** `rule line:col-line:col message` for manifest rules only (secrets are tested elsewhere). */
function findings(text: string, path?: string, config?: Partial<ResolvedConfig>): string[] {
  return run(text, path, config)
    .findings.filter((finding) => !finding.ruleId.startsWith('secrets/'))
    .sort((a, b) => a.startOffset - b.startOffset || (a.ruleId < b.ruleId ? -1 : 1))
    .map((finding) => `${describe1(finding)} ${finding.severity}: ${finding.message}`);
}

const GOOD = `apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: support-triage
  description: Triages inbound tickets
  owner: team:support-platform
  technicalOwner: user:dana@acmecorp.io
  environment: production
  reviewBy: 2027-01-31
  expires: 2027-06-30
  revocation: https://runbooks.example.com/agents/support-triage#revoke
  onBehalfOf: group:support-leads
  labels: { tier: "1" }
spec:
  entrypoint: src/agents/triage.ts
  credentials:
    - name: openai
      broker: vault
      ref: secret/data/agents/support-triage/openai
      ttl: 15m
      scopes: [chat.completions]
  tools:
    - name: search_tickets
      access: read
      scopes: [tickets:read]
    - name: issue_refund
      access: write
      decision: challenge
  mcpServers:
    - name: github
      tools: [get_issue, list_issues]
      credential: github
`;

describe('agent manifests', () => {
  it('recognises manifests by their name, and other YAML/JSON files only when they declare agent-guardrail/v1', () => {
    for (const path of ['a/b.agent.yaml', 'x.agent.yml', 'deep/x.agent.json']) assert.ok(isManifestPath(path) && isManifestFile(path, ''), path);
    for (const path of ['agent.yaml', 'svc/agent.yml', 'agent.json', 'agents.yaml', 'x.agent.ts', 'myagent.yaml']) assert.ok(!isManifestPath(path), path);
    assert.ok(isManifestFile('agent.yaml', GOOD));
    assert.ok(isManifestFile('svc/agent.yml', '# the ops agent\n"apiVersion": agent-guardrail/v1\nkind: Agent\n'));
    assert.ok(isManifestFile('agents/support.json', '{\n"apiVersion": "agent-guardrail/v1", "kind": "Agent"\n}'));
    // Continue's config format uses the same file name.
    const continueAgent = 'name: this agent\nversion: 0.0.1\nschema: v1\nmodels:\n  - uses: anthropic/claude-sonnet\n';
    assert.ok(!isManifestFile('packages/config-yaml/src/__tests__/packages/test-org/agent.yaml', continueAgent));
    assert.ok(!isManifestFile('agent.ts', GOOD));
    assert.deepEqual(analyze('.continue/agent.yaml', continueAgent), []);
  });

  it('reports nothing for the complete example from the specification', () => {
    assert.deepEqual(findings(GOOD), []);
  });

  it('turns a manifest into facts for the workspace index', () => {
    const [manifest] = run(GOOD).facts.manifests;
    assert.ok(manifest);
    assert.equal(manifest.name, 'support-triage');
    assert.equal(manifest.environment, 'production');
    assert.deepEqual(manifest.entrypoints.map((entry) => [entry.value, entry.range.start.line]), [['src/agents/triage.ts', 14]]);
    assert.deepEqual(manifest.credentials.map((c) => [c.name, c.broker, c.ref, c.ttlSeconds]), [['openai', 'vault', 'secret/data/agents/support-triage/openai', 900]]);
    assert.deepEqual(manifest.tools.map((t) => [t.name, t.access, t.decision]), [['search_tickets', 'read', undefined], ['issue_refund', 'write', 'challenge']]);
    assert.deepEqual(manifest.mcpServers.map((s) => [s.name, s.tools]), [['github', ['get_issue', 'list_issues']]]);
  });

  describe('manifest/schema', () => {
    it('reports a bad enum value at the value, with the allowed values', () => {
      const text = GOOD.replace('environment: production', 'environment: prod');
      assert.deepEqual(findings(text).filter((f) => f.startsWith('manifest/schema')), [
        'manifest/schema 8:16-8:20 error: metadata.environment must be one of sandbox, development, staging, production; got "prod"',
      ]);
    });

    it('reports an unknown key (a typo) at the key, suggesting the right one', () => {
      const text = GOOD.replace('  owner: team:support-platform', '  ownr: team:support-platform');
      const schema = findings(text).filter((f) => f.startsWith('manifest/schema'));
      assert.equal(schema.length, 1);
      assert.match(schema[0]!, /^manifest\/schema 6:3-6:7 error: Unknown key "ownr" in metadata\. Did you mean "owner"\?/);
    });

    it('reports an unknown key inside a list item with its path', () => {
      const text = GOOD.replace('      access: read\n', '      acess: read\n');
      assert.match(findings(text).find((f) => f.startsWith('manifest/schema'))!, /^manifest\/schema 24:7-24:12 error: Unknown key "acess" in spec\.tools\[0\]\. Did you mean "access"\?/);
    });

    it('reports a missing required key at its parent mapping', () => {
      const text = GOOD.replace('  name: support-triage\n', '');
      assert.deepEqual(findings(text).filter((f) => f.startsWith('manifest/schema')), ['manifest/schema 3:1-3:9 error: metadata.name is required.']);
    });

    it('reports missing apiVersion and kind at the start of the document', () => {
      const text = GOOD.replace('apiVersion: agent-guardrail/v1\nkind: Agent\n', '');
      assert.deepEqual(findings(text).filter((f) => f.startsWith('manifest/schema')), [
        'manifest/schema 1:1-1:10 error: apiVersion is required.',
        'manifest/schema 1:1-1:10 error: kind is required.',
      ]);
    });

    it('reports wrong apiVersion, wrong types, bad dates, bad durations and bad owners with human messages', () => {
      const text = GOOD.replace('agent-guardrail/v1', 'agent-guardrail/v2')
        .replace('reviewBy: 2027-01-31', 'reviewBy: 2027-02-30')
        .replace('ttl: 15m', 'ttl: soon')
        .replace('owner: team:support-platform', 'owner: support platform')
        .replace('scopes: [chat.completions]', 'scopes: chat.completions');
      assert.deepEqual(findings(text).filter((f) => f.startsWith('manifest/schema')), [
        'manifest/schema 1:13-1:31 error: apiVersion must be agent-guardrail/v1; got "agent-guardrail/v2"',
        'manifest/schema 6:10-6:26 error: metadata.owner must be an entity reference: team:<name>, group:<name> or user:<email>. Got "support platform".',
        'manifest/schema 9:13-9:23 error: metadata.reviewBy must be a real date in the form YYYY-MM-DD. Got "2027-02-30".',
        'manifest/schema 20:12-20:16 error: spec.credentials[0].ttl must be a duration such as 15m, 1h, 90d or PT1H. Got "soon".',
        'manifest/schema 21:15-21:31 error: spec.credentials[0].scopes must be a list; got string "chat.completions"',
      ]);
    });

    it('reports YAML syntax errors at their position', () => {
      const text = 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: [unclosed\n';
      const schema = findings(text).filter((f) => f.startsWith('manifest/schema'));
      assert.deepEqual(schema, ['manifest/schema 5:1-5:2 error: Syntax error: bad indent.']);
    });

    it('validates JSON manifests with the same positions', () => {
      const text = '{\n  "apiVersion": "agent-guardrail/v1",\n  "kind": "Agent",\n  "metadata": { "name": "x", "owner": "team:a", "description": "d", "reviewBy": "2027-01-01", "enviroment": "staging" }\n}\n';
      assert.deepEqual(findings(text, 'agents/x.agent.json'), [
        'manifest/schema 4:95-4:107 error: Unknown key "enviroment" in metadata. Did you mean "environment"? Allowed: name, description, owner, technicalOwner, environment, reviewBy, expires, revocation, onBehalfOf, labels.',
      ]);
    });

    it('reports a non-mapping document and does not expand alias bombs', () => {
      assert.deepEqual(findings('- just\n- a list\n'), ['manifest/schema 1:1-1:7 error: A manifest must be a mapping with apiVersion, kind, metadata and spec.']);
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
      const result = findings(bomb.join('\n') + '\n');
      assert.equal(result.length, 1);
      assert.match(result[0]!, /^manifest\/schema 1:1-\d+:\d+ error: The manifest cannot be read: /);
    });

    it('checks every document of a multi-document file', () => {
      const text = GOOD + '---\n' + GOOD.replace('support-triage', 'Support_Triage');
      const schema = findings(text).filter((f) => f.startsWith('manifest/schema'));
      assert.deepEqual(schema, ['manifest/schema 37:9-37:23 error: metadata.name must be a lowercase DNS label: a-z, 0-9 and -, at most 63 characters. Got "Support_Triage".']);
      assert.equal(run(text).facts.manifests.length, 2);
    });
  });

  describe('ownership rules', () => {
    it('ownership/missing-owner, missing-purpose and missing-review-date point at metadata', () => {
      const text = GOOD.replace('  description: Triages inbound tickets\n', '').replace('  owner: team:support-platform\n', '').replace('  reviewBy: 2027-01-31\n', '');
      assert.deepEqual(findings(text), [
        'ownership/missing-owner 3:1-3:9 error: Agent "support-triage" has no accountable owner. Add metadata.owner (team:<name>, group:<name> or user:<email>): someone must answer for what the agent does and approve its access.',
        'ownership/missing-purpose 3:1-3:9 warning: Agent "support-triage" has no stated purpose. Add metadata.description with the business process it serves, so reviewers can judge whether its access fits the task.',
        'ownership/missing-review-date 3:1-3:9 warning: Agent "support-triage" has no access review date. Add metadata.reviewBy (YYYY-MM-DD) so its access is re-approved on a schedule.',
      ]);
    });

    it('ownership/missing-technical-owner and missing-revocation apply to production only', () => {
      const text = GOOD.replace('  technicalOwner: user:dana@acmecorp.io\n', '').replace(/  revocation: .*\n/, '');
      assert.deepEqual(findings(text).map((f) => f.split(' ').slice(0, 3).join(' ')), [
        'ownership/missing-revocation 3:1-3:9 warning:',
        'ownership/missing-technical-owner 3:1-3:9 warning:',
      ]);
      assert.deepEqual(findings(text.replace('environment: production', 'environment: staging')), []);
    });

    it('ownership/review-overdue and ownership/expired compare with the injected clock', () => {
      const text = GOOD.replace('reviewBy: 2027-01-31', 'reviewBy: 2026-11-22').replace('expires: 2027-06-30', 'expires: 2026-11-01');
      assert.deepEqual(findings(text), [
        'ownership/review-overdue 9:13-9:23 warning: The access review of agent "support-triage" was due on 2026-11-22. Review its owner, tools and credentials, then set the next reviewBy date.',
        'ownership/expired 10:12-10:22 error: Agent "support-triage" expired on 2026-11-01. Revoke its credentials and remove it, or extend expires after a review.',
      ]);
      assert.deepEqual(findings(GOOD.replace('reviewBy: 2027-01-31', 'reviewBy: 2026-11-23')), [], 'due today is not overdue');
    });
  });

  describe('credentials/long-lived', () => {
    it('reports a ttl above the policy maximum and a production credential without a broker', () => {
      const text = GOOD.replace('ttl: 15m', 'ttl: 90d').replace('      broker: vault\n', '');
      assert.deepEqual(findings(text), [
        'credentials/long-lived 17:13-17:19 warning: Production credential "openai" has no broker, so nothing issues or expires it. Set broker (vault, aws-sts, gcp-secret-manager, azure-managed-identity …) and a short ttl.',
        'credentials/long-lived 19:12-19:15 warning: Credential "openai" lives 90d, longer than the 1h maximum. Ask the broker for task-scoped credentials that expire in 1h or less.',
      ]);
    });

    it('accepts ISO 8601 durations and a configured maximum', () => {
      assert.deepEqual(findings(GOOD.replace('ttl: 15m', 'ttl: PT1H')), []);
      assert.equal(findings(GOOD.replace('ttl: 15m', 'ttl: PT2H')).length, 1);
      assert.deepEqual(findings(GOOD.replace('ttl: 15m', 'ttl: 4h'), undefined, { maxCredentialTtlSeconds: 4 * 3600 }), []);
    });
  });

  describe('grants in manifests', () => {
    it('grants/wildcard-tool in spec.tools and MCP server allow-lists', () => {
      const text = GOOD.replace('    - name: search_tickets', '    - name: "*"').replace('tools: [get_issue, list_issues]', 'tools: [get_issue, all]');
      assert.deepEqual(findings(text), [
        'grants/wildcard-tool 23:13-23:16 error: Agent "support-triage" may call any tool ("*"). List the tools its task needs instead.',
        'grants/wildcard-tool 31:26-31:29 error: Agent "support-triage" may call every tool of MCP server "github" ("all"), including ones added later. List the server tools it needs.',
      ]);
    });

    it('grants/wildcard-scope on credential and tool scopes', () => {
      const text = GOOD.replace('scopes: [chat.completions]', 'scopes: ["*:*"]').replace('scopes: [tickets:read]', 'scopes: [tickets:*, admin]');
      assert.deepEqual(findings(text), [
        'grants/wildcard-scope 21:16-21:21 error: Credential "openai" has the scope "*:*", which grants everything. Use the narrowest scopes the task needs.',
        'grants/wildcard-scope 25:16-25:25 error: Tool "search_tickets" has the scope "tickets:*", which grants everything. Use the narrowest scopes the task needs.',
        'grants/wildcard-scope 25:27-25:32 error: Tool "search_tickets" has the scope "admin", which grants everything. Use the narrowest scopes the task needs.',
      ]);
    });

    it('grants/high-risk-without-decision is a warning, and an error in production', () => {
      const text = GOOD.replace('      decision: challenge\n', '');
      assert.deepEqual(findings(text), [
        'grants/high-risk-without-decision 27:15-27:20 error: Tool "issue_refund" has write access but no decision in a production agent. Add decision: challenge to have a person approve each call, or allow/deny to make the choice explicit.',
      ]);
      assert.deepEqual(findings(text.replace('environment: production', 'environment: staging')), [
        'grants/high-risk-without-decision 27:15-27:20 warning: Tool "issue_refund" has write access but no decision. Add decision: challenge to have a person approve each call, or allow/deny to make the choice explicit.',
      ]);
    });

    it('a configured severity applies in every environment', () => {
      const text = GOOD.replace('      decision: challenge\n', '');
      const result = run(text, undefined, { severities: { 'grants/high-risk-without-decision': 'note' } }).findings;
      assert.deepEqual(result.map((f) => [f.ruleId, f.severity]), [['grants/high-risk-without-decision', 'note']]);
    });
  });

  it('reports a literal secret in a manifest as a secret', () => {
    const text = GOOD.replace('      ref: secret/data/agents/support-triage/openai\n', '      ref: secret/data/agents/support-triage/openai\n      apiKey: sk-ant-api03-DktXP-tKsf2rcDkdfrUnW5gcF_Ha6ili8GjHEAD6-Wj9KfzjsQGMrb9h_ImB_LK777pzNk8cL6j5IXAAjlsHUqJoUD-_YAA\n');
    const result = run(text).findings;
    assert.deepEqual(result.map((f) => describe1(f)).sort(), ['manifest/schema 20:7-20:13', 'secrets/provider-key 20:15-20:123']);
  });

  it('does not treat other YAML files as manifests', () => {
    assert.deepEqual(findings('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', 'deploy/config.yaml'), []);
  });
});
