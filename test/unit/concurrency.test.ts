// How many threads an audit uses (src/node/parallel.ts): `--concurrency auto|off|N`.
import { strict as assert } from 'node:assert';
import { parseConcurrency, threadsFor } from '../../src/node/parallel';

describe('audit --concurrency', () => {
  it('reads auto, off and whole numbers of threads; nothing else', () => {
    assert.equal(parseConcurrency('auto'), 'auto');
    assert.equal(parseConcurrency('off'), 'off');
    assert.equal(parseConcurrency('1'), 1);
    assert.equal(parseConcurrency('16'), 16);
    for (const bad of ['0', '-1', '2.5', '1e3', ' 2', '02', 'AUTO', '', '99999']) assert.equal(parseConcurrency(bad), undefined, bad);
  });

  it('auto: workers only for 10,000 files or more, on three cores or more, four threads at most', () => {
    assert.equal(threadsFor(9_999, 8), 1);
    assert.equal(threadsFor(10_000, 2), 1);
    assert.equal(threadsFor(10_000, 3), 3);
    assert.equal(threadsFor(50_000, 16), 4);
    assert.equal(threadsFor(50_000, 16, 'auto'), 4);
  });

  it('off and 1 keep one thread; a number is honoured on any machine, but not beyond the batches there are', () => {
    assert.equal(threadsFor(50_000, 16, 'off'), 1);
    assert.equal(threadsFor(50_000, 16, 1), 1);
    assert.equal(threadsFor(300, 2, 8), 8);
    assert.equal(threadsFor(12, 2, 8), 3);
    assert.equal(threadsFor(3, 2, 8), 1);
    assert.equal(threadsFor(0, 2, 8), 1);
  });
});
