// memoizeByString (src/core/memo.ts): remembered answers, undefined among them, and a bounded table of short keys.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { memoizeByString } from '../../src/core/memo';

describe('memoizeByString', () => {
  it('computes each string once, remembers undefined answers too, and starts over when the table is full', () => {
    const asked: string[] = [];
    const lengthOrNothing = memoizeByString((key) => {
      asked.push(key);
      return key.length > 1 ? key.length : undefined;
    }, 3);
    assert.equal(lengthOrNothing('ab'), 2);
    assert.equal(lengthOrNothing('ab'), 2);
    assert.equal(lengthOrNothing('a'), undefined);
    assert.equal(lengthOrNothing('a'), undefined);
    assert.deepEqual(asked, ['ab', 'a']);
    lengthOrNothing('abc');
    lengthOrNothing('abcd'); // the table held 3: it starts over with this one
    lengthOrNothing('abcd');
    lengthOrNothing('ab');
    assert.deepEqual(asked, ['ab', 'a', 'abc', 'abcd', 'ab']);
  });

  it('does not keep long keys', () => {
    let calls = 0;
    const length = memoizeByString((key) => ++calls && key.length, 10, 4);
    length('abcde');
    length('abcde');
    length('abcd');
    length('abcd');
    assert.equal(calls, 3);
  });

  it('does not keep the text a key was cut from', () => {
    // Keys sliced from 40 texts of 1 MB each: a table that kept the slices would keep the 40 MB of texts with them.
    // In a process of its own, with a garbage collection we can ask for.
    const script = `
      const { memoizeByString } = require(${JSON.stringify(require.resolve('../../src/core/memo'))});
      const wordsOf = memoizeByString((key) => key.split('_'));
      const before = (global.gc(), process.memoryUsage().heapUsed);
      for (let i = 0; i < 40; i++) {
        const text = 'const ' + 'x'.repeat(1 << 20) + ' = token_name_' + i + ';';
        const start = text.indexOf('token_');
        wordsOf(text.slice(start, text.indexOf(';', start))); // long enough for V8 to make it a slice
      }
      global.gc();
      console.log(process.memoryUsage().heapUsed - before);`;
    const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const grown = Number(run.stdout.trim());
    assert.ok(grown < 8 * 1024 * 1024, `heap grew by ${grown} bytes`);
  });
});
