// memoizeByString (src/core/memo.ts): remembered answers, undefined among them, and a bounded table of short keys.
import { strict as assert } from 'node:assert';
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
});
