// Manifest editing in the core: completion and hover from the schema (src/core/manifest/assist.ts), placeholder
// values that count as missing, access levels guessed for a generated manifest, and fixes for placeholders.
import { strict as assert } from 'node:assert';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config';
import { fixesFor, applyEdits } from '../../src/core/fixes';
import { guessToolAccess } from '../../src/core/fixes/tool-access';
import { manifestCompletions, manifestHover } from '../../src/core/manifest/assist';
import { isPlaceholderValue } from '../../src/core/manifest/placeholders';

/** Completion labels at the `|` of a YAML manifest. */
function labels(marked: string, path = 'agents/a.agent.yaml'): string[] {
  const offset = marked.indexOf('|');
  return manifestCompletions(path, marked.replace('|', ''), offset, { snippets: true, today: '2026-12-06' }).map((item) => item.label);
}

describe('manifest completion from the schema', () => {
  it('offers the keys of the mapping the cursor is in, without those already there (above or below)', () => {
    assert.deepEqual(labels('|'), ['agent manifest']);
    assert.deepEqual(labels('apiVersion: agent-guardrail/v1\n|\nspec:\n  tools: []\n'), ['kind', 'metadata']);
    assert.deepEqual(labels('metadata:\n  name: a\n  |\n  owner: team:x\n'), ['description', 'technicalOwner', 'environment', 'reviewBy', 'expires', 'revocation', 'onBehalfOf', 'labels']);
    assert.deepEqual(labels('spec:\n  tools:\n    - name: a\n  |\n'), ['entrypoint', 'credentials', 'mcpServers']);
  });

  it('finds the place inside list items, in indented and compact lists, and after nested lists', () => {
    assert.deepEqual(labels('spec:\n  tools:\n    - name: a\n      access: read\n      |\n'), ['description', 'decision', 'scopes']);
    assert.deepEqual(labels('spec:\n  tools:\n  - name: a\n    |\n'), ['description', 'access', 'decision', 'scopes']);
    assert.deepEqual(labels('spec:\n  credentials:\n    - name: a\n      scopes:\n        - read\n      |\n'), ['broker', 'ref', 'ttl']);
    assert.deepEqual(labels('spec:\n  mcpServers:\n    - name: github\n      tools: [get_issue]\n    - |\n'), ['MCP server (with allowed tools)', 'name', 'tools', 'credential']);
  });

  it('completes enum values and constants, and nothing in comments or unknown places', () => {
    assert.deepEqual(labels('apiVersion: |'), ['agent-guardrail/v1']);
    assert.deepEqual(labels('metadata:\n  environment: prod|'), ['sandbox', 'development', 'staging', 'production']);
    assert.deepEqual(labels('spec:\n  tools:\n    - name: a\n      decision: |\n'), ['allow', 'challenge', 'deny']);
    assert.deepEqual(labels('metadata:\n  name: a # |\n'), []);
    assert.deepEqual(labels('unknown:\n  deeper:\n    |\n'), []);
  });

  it('inserts snippets with the values to choose from; plain text without snippet support', () => {
    const text = 'metadata:\n  name: a\n  ';
    const snippet = manifestCompletions('a.agent.yaml', text, text.length, { snippets: true, today: '2026-12-06' });
    assert.equal(snippet.find((item) => item.label === 'reviewBy')!.insertText, 'reviewBy: ${1:2027-03-06}');
    assert.equal(snippet.find((item) => item.label === 'labels')!.insertText, 'labels:\n    $0');
    const plain = manifestCompletions('a.agent.yaml', text, text.length, { snippets: false });
    assert.ok(plain.every((item) => !item.snippet && !item.insertText.includes('$')));
  });

  it('JSON manifests: keys (quoted, with the colon) and values', () => {
    const text = '{ "spec": { "tools": [ { "name": "a", "" } ] } }';
    const offset = text.indexOf('""') + 1;
    const items = manifestCompletions('a.agent.json', text, offset, { snippets: true });
    assert.deepEqual(items.map((item) => item.insertText), ['"description": ', '"access": ', '"decision": ', '"scopes": ']);
    assert.deepEqual([items[0]!.replaceStart, items[0]!.replaceEnd], [offset - 1, offset + 1]);
  });
});

describe('manifest hover from the schema', () => {
  const text = 'metadata:\n  environment: production\nspec:\n  credentials:\n    - name: a\n      broker: vault\n';
  it('describes a key, with its allowed values', () => {
    const hover = manifestHover('a.agent.yaml', text, text.indexOf('environment') + 3)!;
    assert.equal(hover.startOffset, text.indexOf('environment'));
    assert.match(hover.markdown, /^\*\*Environment\*\* \(`environment`\)\n\nsandbox, development, staging or production\.\n\n- `sandbox`: /);
  });
  it('describes a value by its meaning', () => {
    assert.match(manifestHover('a.agent.yaml', text, text.indexOf('vault') + 1)!.markdown, /^`vault`: HashiCorp Vault/);
    assert.equal(manifestHover('a.agent.yaml', text, text.indexOf('- name') + 1), undefined);
  });
});

describe('placeholder values count as missing', () => {
  it('recognises template placeholders and example.com owners', () => {
    for (const [field, value] of [['owner', 'team:your-team'], ['owner', 'team:change-me'], ['owner', 'user:you@example.com'], ['technicalOwner', 'user:dana@mail.example.org'], ['description', 'TODO: what it does'], ['revocation', '<runbook url>'], ['description', 'TBD']] as const) {
      assert.ok(isPlaceholderValue(field, value), `${field}: ${value}`);
    }
    for (const [field, value] of [['owner', 'team:support-platform'], ['owner', 'user:dana@acmecorp.io'], ['description', 'Triages tickets, then todos'], ['revocation', 'https://runbooks.example.com/revoke']] as const) {
      assert.ok(!isPlaceholderValue(field, value), `${field}: ${value}`);
    }
  });

  it('the ownership rules report a placeholder at its value, and the fix replaces it with the CODEOWNERS team', () => {
    const path = 'agents/triage.agent.yaml';
    const text = 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: triage\n  description: Routes tickets\n  owner: team:your-team\n  reviewBy: 2099-01-01\n';
    const findings = analyzeFile({ path, text }, defaultConfig()).findings;
    const owner = findings.find((finding) => finding.ruleId === 'ownership/missing-owner')!;
    assert.equal(text.slice(owner.startOffset, owner.endOffset), 'team:your-team');
    assert.match(owner.message, /^Agent "triage" has no accountable owner \("team:your-team" is a placeholder\)\. Add metadata\.owner/);
    const workspace = { files: [path, '.github/CODEOWNERS'], readText: (file: string) => (file === '.github/CODEOWNERS' ? '* @acme/support\n' : file === path ? text : undefined) };
    const fix = fixesFor({ path, text, finding: owner, config: defaultConfig(), workspace, today: '2026-12-06' })[0]!;
    assert.equal(fix.title, 'Set metadata.owner: team:support');
    assert.equal(applyEdits(text, fix.edits), text.replace('team:your-team', 'team:support'));
    // Without CODEOWNERS there is nothing better than the placeholder: no fix replaces it with another one.
    const none = fixesFor({ path, text, finding: owner, config: defaultConfig(), today: '2026-12-06' });
    assert.ok(!none.some((candidate) => candidate.title.startsWith('Set metadata.owner')));
  });
});

describe('access level guessed from a tool name', () => {
  it('takes the first verb, and the cautious write when there is none', () => {
    const cases: [string, string][] = [
      ['search_tickets', 'read'],
      ['getRefundStatus', 'read'],
      ['issue_refund', 'write'],
      ['send-email', 'write'],
      ['delete_user', 'delete'],
      ['revoke_token', 'admin'],
      ['run_sql', 'execute'],
      ['weather', 'read'],
      ['HTTPGet', 'read'], // an acronym is a word of its own
      ['frobnicate', 'write'],
    ];
    assert.deepEqual(cases.map(([name]) => [name, guessToolAccess({ name })]), cases);
    assert.equal(guessToolAccess({ name: 'anything', kind: 'shell' }), 'execute');
  });
});
