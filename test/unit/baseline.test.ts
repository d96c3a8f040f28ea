// The baseline core: which findings it records, how it is written and read, and how findings are matched to it.
import { strict as assert } from 'node:assert';
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline, type Baseline } from '../../src/core/baseline';
import type { Finding } from '../../src/core/types';

let line = 0;
/** A finding as the analysis reports it; each gets its own line unless given one. */
function finding(file: string, ruleId: string, fingerprint: string, extra: Partial<Finding> = {}): Finding {
  const at = extra.range?.start.line ?? line++;
  return {
    ruleId,
    severity: 'error',
    message: `Message for ${ruleId}. Second sentence.`,
    file,
    range: { start: { line: at, column: 0 }, end: { line: at, column: 10 } },
    startOffset: 0,
    endOffset: 10,
    fingerprint,
    ...extra,
  };
}
const where = (findings: Finding[]): string[] => findings.map((f) => `${f.file}:${f.range.start.line} ${f.ruleId} ${f.fingerprint}`);
const baselineOf = (...entries: [string, string, string][]): Baseline => ({ version: 1, entries: entries.map(([file, rule, fingerprint]) => ({ file, rule, fingerprint, hint: '' })) });

describe('baseline: createBaseline and serializeBaseline', () => {
  it('records rule, fingerprint, file and hint; sorted by file, rule, fingerprint; the order of findings does not matter', () => {
    const findings = [
      finding('src/b.ts', 'secrets/provider-key', 'f2', { redacted: 'sk-…AAAA' }),
      finding('.env', 'secrets/provider-key', 'f9', { redacted: 'AKIA…RP' }),
      finding('src/b.ts', 'secrets/generic-secret', 'f5', { redacted: '…G0sA' }),
      finding('src/b.ts', 'secrets/provider-key', 'f1', { redacted: 'sk-…BBBB' }),
      finding('agents/a.agent.yaml', 'ownership/missing-owner', 'f3'),
    ];
    const expected = {
      version: 1,
      entries: [
        { rule: 'secrets/provider-key', fingerprint: 'f9', file: '.env', hint: 'AKIA…RP' },
        { rule: 'ownership/missing-owner', fingerprint: 'f3', file: 'agents/a.agent.yaml', hint: 'Message for ownership/missing-owner' },
        { rule: 'secrets/generic-secret', fingerprint: 'f5', file: 'src/b.ts', hint: '…G0sA' },
        { rule: 'secrets/provider-key', fingerprint: 'f1', file: 'src/b.ts', hint: 'sk-…BBBB' },
        { rule: 'secrets/provider-key', fingerprint: 'f2', file: 'src/b.ts', hint: 'sk-…AAAA' },
      ],
    };
    assert.deepEqual(createBaseline(findings), expected);
    assert.deepEqual(createBaseline([...findings].reverse()), expected);
    assert.equal(serializeBaseline(createBaseline(findings)), serializeBaseline(createBaseline([...findings].reverse())));
    assert.equal(serializeBaseline(createBaseline(findings)), JSON.stringify(expected, null, 2) + '\n');
  });

  it('leaves out suppressed findings and the suppression/* notes', () => {
    const findings = [
      finding('a.ts', 'secrets/provider-key', 'f1', { suppression: { kind: 'inSource', justification: 'revoked' } }),
      finding('a.ts', 'suppression/unused', 'f2', { severity: 'note' }),
      finding('a.ts', 'suppression/missing-reason', 'f3', { severity: 'note' }),
      finding('a.ts', 'secrets/provider-key', 'f4'),
    ];
    assert.deepEqual(createBaseline(findings).entries.map((entry) => entry.fingerprint), ['f4']);
  });

  it('a hint without a redacted value is the first sentence of the message, at most 80 characters', () => {
    const long = `${'x'.repeat(100)}. Rest.`;
    const [entry] = createBaseline([finding('a.yaml', 'grants/wildcard-tool', 'f', { message: long })]).entries;
    assert.equal(entry!.hint, `${'x'.repeat(79)}…`);
    assert.equal(entry!.hint.length, 80);
  });

  it('an empty baseline is still a valid file', () => {
    assert.equal(serializeBaseline(createBaseline([])), '{\n  "version": 1,\n  "entries": []\n}\n');
    assert.deepEqual(parseBaseline(serializeBaseline(createBaseline([]))), { version: 1, entries: [] });
  });
});

describe('baseline: parseBaseline', () => {
  it('reads back what serializeBaseline wrote', () => {
    const baseline = createBaseline([finding('a.ts', 'secrets/provider-key', 'f1', { redacted: 'sk-…' }), finding('b.ts', 'grants/wildcard-tool', 'f2')]);
    assert.deepEqual(parseBaseline(serializeBaseline(baseline)), baseline);
  });

  it('drops malformed entries and tolerates a missing hint', () => {
    const text = JSON.stringify({
      version: 1,
      entries: [null, 5, { rule: 'r/x' }, { rule: 'r/x', fingerprint: 'f', file: 'a.ts' }, { rule: 'r/y', fingerprint: 7, file: 'a.ts' }, { rule: 'r/z', fingerprint: 'g', file: 'b.ts', hint: 'h' }],
    });
    assert.deepEqual(parseBaseline(text), {
      version: 1,
      entries: [
        { rule: 'r/x', fingerprint: 'f', file: 'a.ts', hint: '' },
        { rule: 'r/z', fingerprint: 'g', file: 'b.ts', hint: 'h' },
      ],
    });
  });

  it('rejects what is not a baseline, with a message that quotes nothing from the file', () => {
    const regenerate = 'run `agent-guardrail baseline` to write it again, or audit with --no-baseline';
    const cases: [string, string][] = [
      ['', `not valid JSON (the file is empty); ${regenerate}`],
      ['  \n', `not valid JSON (the file is empty); ${regenerate}`],
      ['{"version": 1, "entries": [', `not valid JSON (it ends too early); ${regenerate}`],
      ['{"version": 1,\n "entries": [] } secret-value-here', `not valid JSON at line 2, column 18; ${regenerate}`],
      ["{'version': 1}", `not valid JSON at line 1, column 2; ${regenerate}`],
      ['{"version": 2, "entries": []}', `not an agent-guardrail baseline (expected {"version": 1, "entries": [...]}); ${regenerate}`],
      ['{"version": 1}', `not an agent-guardrail baseline (expected {"version": 1, "entries": [...]}); ${regenerate}`],
      ['{"version": 1, "entries": {}}', `not an agent-guardrail baseline (expected {"version": 1, "entries": [...]}); ${regenerate}`],
      ['[]', `not an agent-guardrail baseline (expected {"version": 1, "entries": [...]}); ${regenerate}`],
      ['null', `not an agent-guardrail baseline (expected {"version": 1, "entries": [...]}); ${regenerate}`],
    ];
    for (const [text, message] of cases) assert.throws(() => parseBaseline(text), { message }, JSON.stringify(text));
  });
});

describe('baseline: applyBaseline', () => {
  const KEY = 'secrets/provider-key';

  it('a finding in the baseline is baselined wherever it moved in its file', () => {
    const baseline = baselineOf(['a.ts', KEY, 'k1']);
    const moved = finding('a.ts', KEY, 'k1', { range: { start: { line: 40, column: 3 }, end: { line: 40, column: 20 } } });
    assert.deepEqual(applyBaseline([moved], baseline), { fresh: [], baselined: [moved] });
  });

  it('the same fingerprint under another rule, or a new fingerprint, is fresh', () => {
    const baseline = baselineOf(['a.ts', KEY, 'k1']);
    const otherRule = finding('a.ts', 'secrets/generic-secret', 'k1');
    const otherValue = finding('a.ts', KEY, 'k2');
    const result = applyBaseline([otherRule, otherValue], baseline);
    assert.deepEqual(where(result.fresh), where([otherRule, otherValue]));
    assert.deepEqual(result.baselined, []);
  });

  it('a renamed file: the entry whose file no longer has the finding matches it in the new file', () => {
    const baseline = baselineOf(['src/old.ts', KEY, 'k1'], ['src/old.ts', 'secrets/generic-secret', 'g1']);
    const findings = [finding('lib/new.ts', KEY, 'k1'), finding('lib/new.ts', 'secrets/generic-secret', 'g1')];
    assert.deepEqual(applyBaseline(findings, baseline), { fresh: [], baselined: findings });
  });

  it('a copy into a new file is fresh while the original is still there; each entry matches one finding', () => {
    const baseline = baselineOf(['a.ts', KEY, 'k1']);
    const copy = finding('b.ts', KEY, 'k1');
    const original = finding('a.ts', KEY, 'k1');
    // Whatever order the files are reported in, the original is baselined and the copy is fresh.
    for (const findings of [[copy, original], [original, copy]]) {
      const result = applyBaseline(findings, baseline);
      assert.deepEqual(where(result.fresh), where([copy]));
      assert.deepEqual(where(result.baselined), where([original]));
    }
  });

  it('a second copy in the same file is fresh; two entries cover two copies', () => {
    const first = finding('a.ts', KEY, 'k1');
    const second = finding('a.ts', KEY, 'k1');
    assert.equal(applyBaseline([first, second], baselineOf(['a.ts', KEY, 'k1'])).fresh.length, 1);
    assert.deepEqual(applyBaseline([first, second], baselineOf(['a.ts', KEY, 'k1'], ['a.ts', KEY, 'k1'])).fresh, []);
  });

  it('renamed and copied at once: one of the two is baselined, the other reported', () => {
    const result = applyBaseline([finding('b.ts', KEY, 'k1'), finding('c.ts', KEY, 'k1')], baselineOf(['a.ts', KEY, 'k1']));
    assert.equal(result.baselined.length, 1);
    assert.equal(result.fresh.length, 1);
  });

  it('suppressed findings and suppression notes are never taken by an entry (they stay visible as they are)', () => {
    const suppressed = finding('a.ts', KEY, 'k1', { suppression: { kind: 'inSource', justification: 'revoked' } });
    const note = finding('a.ts', 'suppression/unused', 'n1', { severity: 'note' });
    const result = applyBaseline([suppressed, note], baselineOf(['a.ts', KEY, 'k1'], ['a.ts', 'suppression/unused', 'n1']));
    assert.deepEqual(where(result.fresh), where([suppressed, note]));
    assert.deepEqual(result.baselined, []);
  });

  it('an entry whose finding is now suppressed in its file does not move on to hide a copy elsewhere', () => {
    const suppressed = finding('a.ts', KEY, 'k1', { suppression: { kind: 'inSource', justification: 'revoked' } });
    const copy = finding('b.ts', KEY, 'k1');
    const result = applyBaseline([suppressed, copy], baselineOf(['a.ts', KEY, 'k1']));
    assert.deepEqual(where(result.fresh), where([suppressed, copy]));
    assert.deepEqual(result.baselined, []);
  });

  it('keeps the order of the findings in both lists, and stale entries are harmless', () => {
    const findings = [finding('a.ts', KEY, 'k1'), finding('a.ts', KEY, 'new'), finding('b.ts', KEY, 'k2'), finding('c.ts', KEY, 'new2')];
    const result = applyBaseline(findings, baselineOf(['b.ts', KEY, 'k2'], ['a.ts', KEY, 'k1'], ['gone.ts', KEY, 'stale']));
    assert.deepEqual(where(result.baselined), where([findings[0]!, findings[2]!]));
    assert.deepEqual(where(result.fresh), where([findings[1]!, findings[3]!]));
  });
});
