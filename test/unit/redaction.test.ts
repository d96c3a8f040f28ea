// The output redactor (src/core/redaction.ts): known secrets whole and in pieces, random tokens, and what it leaves.
import { strict as assert } from 'node:assert';
import { looksRandom, maskRandomTokens, Redactor } from '../../src/core/redaction';

// Assembled at run time: the repository holds no key-shaped literal.
const OPENAI = ['sk', 'proj', 'Lq8Wv3Tx7Kd2Rm9Zn4Bc6Hf1Jg5Ps0Ya-Ue8Io3Pl7Kj2Hg6Fd9Sa4'].join('-');
const ANTHROPIC = ['sk', 'ant', 'api03', 'Qx7Lm2Vr9Tk4Wn8Bz3Hc6Jd1Gf5Ps0Ya'].join('-');

describe('redaction at the output boundary', () => {
  const redactor = new Redactor([
    { value: OPENAI, redacted: 'sk-proj-…dSa4' },
    { value: ANTHROPIC, redacted: 'sk-ant-api03-…s0Ya' },
    { value: 'hunter2!x', redacted: '…' },
  ]);

  it('replaces a known secret by its redacted form, wherever it is quoted', () => {
    assert.equal(redactor.text(`Credential ref "${OPENAI}" is also used by "b".`), 'Credential ref "sk-proj-…dSa4" is also used by "b".');
    assert.equal(redactor.text(`${ANTHROPIC}${ANTHROPIC}`), 'sk-ant-api03-…s0Yask-ant-api03-…s0Ya');
    assert.equal(redactor.text('password hunter2!x here'), 'password … here');
  });

  it('masks a piece of a known secret (a message cut at 80 characters, a value joined to other text)', () => {
    assert.equal(redactor.text(`spec.entrypoint "${OPENAI.slice(0, 30)}`), 'spec.entrypoint "…');
    assert.equal(redactor.text(`tail:${OPENAI.slice(20)}!`), 'tail:…!');
    // The public prefix alone is not secret.
    assert.equal(redactor.text('keys start with sk-proj- or sk-ant-api03-'), 'keys start with sk-proj- or sk-ant-api03-');
  });

  it('masks random tokens it does not know (a key the secret rules did not recognise)', () => {
    assert.equal(redactor.text('metadata.environment must be one of sandbox, staging; got "0HdmHGq8Lx2Vt9Rb4Zn6Jc1Gf5"'), 'metadata.environment must be one of sandbox, staging; got "…1Gf5"');
    assert.equal(maskRandomTokens('Unknown setting "Xk3Lp9Qm2Vr7Tn5Wz8Bc4Hf6Jd1Gs0Ka".'), 'Unknown setting "…s0Ka".');
  });

  it('leaves names, paths, versions, rule ids, URLs, dates and fingerprints as they are', () => {
    const kept = [
      'maxCredentialTtl', 'RetryProviderAdviceStatusAgent', 'packages/agent2/src/index.ts', 'agent-guardrail-ignore-next-line',
      'gpt-4o-mini-2024-07-18', 'claude-3-5-sonnet-20241022', 'OPENAI_API_KEY_2', '@modelcontextprotocol/server-filesystem',
      'https://github.com/agent-guardrail/agent-guardrail/blob/main/src/core/rules/manifest/schema.md', '2026-01-31T00:00:00Z',
      'd241d19f7845b83347d59edd6335ae47befac760ac17e16eeeb820511ff0d644',
    ];
    for (const text of kept) assert.equal(redactor.text(text), text, text);
    assert.ok(!looksRandom('secrets/generic-secret'));
  });

  it('redacts every string of a data structure except the fields it is told to keep', () => {
    const inventory = { generatedAt: '2026-01-31T00:00:00Z', agents: [{ name: 'billing', owner: OPENAI, manifest: 'agents/Qm7vT2xK9pL4wR8nZ3cY6h.yaml', tools: [{ name: ANTHROPIC }] }] };
    assert.deepEqual(redactor.deep(inventory, new Set(['generatedAt', 'manifest'])), {
      generatedAt: '2026-01-31T00:00:00Z',
      agents: [{ name: 'billing', owner: 'sk-proj-…dSa4', manifest: 'agents/Qm7vT2xK9pL4wR8nZ3cY6h.yaml', tools: [{ name: 'sk-ant-api03-…s0Ya' }] }],
    });
  });

  it('redacts finding messages, related messages and suppression justifications', () => {
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } };
    const finding = redactor.finding({
      ruleId: 'credentials/shared', severity: 'warning', message: `ref "${OPENAI}"`, file: 'a.yaml', range, startOffset: 0, endOffset: 1, fingerprint: 'f',
      related: [{ file: 'b.yaml', range, message: `also uses "${OPENAI}"` }],
      suppression: { kind: 'external', justification: ANTHROPIC },
    });
    assert.deepEqual([finding.message, finding.related?.[0]?.message, finding.suppression?.justification], ['ref "sk-proj-…dSa4"', 'also uses "sk-proj-…dSa4"', 'sk-ant-api03-…s0Ya']);
  });
});
