// V8 tuned for short runs (src/node/v8-flags.ts): which flags for which V8, and none that V8 would not know.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { v8FlagsFor } from '../../src/node/v8-flags';

describe('V8 flags for short runs', () => {
  it('sets the compiler flags each V8 knows (checked on Node 20 to 24; Node 25 gained nothing) and the memory flags on Node 20 to 25, none outside that range', () => {
    const memory = ['--heap-growing-percent=50', '--max-semi-space-size=16'];
    const interruptBudget = ['--max-inlined-bytecode-size-cumulative=230', '--interrupt-budget=270000', ...memory];
    const invocationCount = ['--max-inlined-bytecode-size-cumulative=230', '--invocation-count-for-turbofan=12000', ...memory];
    assert.deepEqual(v8FlagsFor('11.3.244.8-node.38', ''), interruptBudget); // Node 20
    // --interrupt-budget is gone by V8 11.8 (Node 21): the count of invocations took its place.
    for (const version of ['11.8.172.17-node.20', '12.4.254.21-node.33', '12.9.202.28-node.14', '13.6.233.17-node.41']) {
      assert.deepEqual(v8FlagsFor(version, ''), invocationCount, version);
    }
    // V8 14 (Node 25): the memory flags only.
    assert.deepEqual(v8FlagsFor('14.1.146.11-node.25', ''), memory);
    for (const version of ['11.5.0', '10.2.154.26-node.26', '14.2.0', '15.0.1', '', 'x']) assert.deepEqual(v8FlagsFor(version, ''), [], version);
  });

  it('keeps bytecode for the CLI, whose code cache is written at exit (on the V8 versions checked, unless the user decided)', () => {
    const node20 = v8FlagsFor('11.3.244.8-node.38', '', { keepBytecode: true });
    assert.equal(node20.at(-1), '--no-flush-bytecode');
    assert.deepEqual(node20.slice(0, -1), v8FlagsFor('11.3.244.8-node.38', ''));
    assert.ok(v8FlagsFor('14.1.146.11-node.25', '', { keepBytecode: true }).includes('--no-flush-bytecode'));
    assert.deepEqual(v8FlagsFor('15.0.1', '', { keepBytecode: true }), []);
    for (const given of ['--flush-bytecode', '--no-flush-bytecode', '--noflush_bytecode']) {
      assert.ok(!v8FlagsFor('12.4.254.21-node.33', given, { keepBytecode: true }).includes('--no-flush-bytecode'), given);
    }
  });

  it('leaves a flag the user set alone, in either spelling', () => {
    assert.deepEqual(v8FlagsFor('11.3.244.8-node.38', '--max-old-space-size=4096 --interrupt-budget=1000'), ['--max-inlined-bytecode-size-cumulative=230', '--heap-growing-percent=50', '--max-semi-space-size=16']);
    assert.deepEqual(v8FlagsFor('12.4.254.21-node.33', '--max_inlined_bytecode_size_cumulative=920 --heap_growing_percent=80'), ['--invocation-count-for-turbofan=12000', '--max-semi-space-size=16']);
  });

  it('on the Node running the tests, applying them prints nothing (V8 reports an unknown flag on standard output)', () => {
    const module = join(__dirname, '../../src/node/v8-flags.js');
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(module)}).tuneV8ForShortRuns({ keepBytecode: true }); process.stdout.write('ok')`], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'ok');
    assert.equal(run.stderr, '');
  });
});
