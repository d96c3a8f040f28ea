import { strict as assert } from 'node:assert';
import { base62, crc32, hasValidCrc32Checksum } from '../../src/core/secrets/checksum';
import { characterClasses, shannonEntropy } from '../../src/core/secrets/entropy';
import { KeywordIndex } from '../../src/core/secrets/keyword-index';
import { fingerprintOf, redact } from '../../src/core/secrets/redact';
import { publicPrefixOf } from '../../src/core/secrets/scan';

describe('crc32', () => {
  it('matches the standard CRC-32 (IEEE 802.3) check values', () => {
    assert.equal(crc32(''), 0);
    assert.equal(crc32('a'), 0xe8b7be43);
    assert.equal(crc32('123456789'), 0xcbf43926);
    assert.equal(crc32('The quick brown fox jumps over the lazy dog'), 0x414fa339);
  });

  it('returns an unsigned 32-bit value', () => {
    assert.equal(crc32('a') > 0x7fffffff, true);
    assert.equal(Number.isInteger(crc32('a')), true);
  });
});

describe('base62', () => {
  it('writes digits, then upper case, then lower case, left-padded with 0', () => {
    assert.equal(base62(0, 6), '000000');
    assert.equal(base62(61, 6), '00000z');
    assert.equal(base62(62, 6), '000010');
    assert.equal(base62(3843, 6), '0000zz');
    assert.equal(base62(0xcbf43926, 6), '3jZRME');
    assert.equal(base62(0xffffffff, 6), '4gfFC3');
  });

  it('does not truncate a value wider than the width', () => {
    assert.equal(base62(3844, 2), '100');
  });
});

describe('hasValidCrc32Checksum', () => {
  const random = 'mF4RPAfqoQB7xoFcSvTAxRzmaZsV2G';

  it('accepts 30 characters followed by their CRC32 in 6 base62 characters', () => {
    assert.equal(hasValidCrc32Checksum(`${random}3Svi4C`), true);
  });

  it('rejects a changed checksum, a changed body and a wrong length', () => {
    assert.equal(hasValidCrc32Checksum(`${random}3Svi4D`), false);
    assert.equal(hasValidCrc32Checksum(`x${random.slice(1)}3Svi4C`), false);
    assert.equal(hasValidCrc32Checksum(`${random}3Svi4`), false);
    assert.equal(hasValidCrc32Checksum(`${random}3Svi4Ca`), false);
    assert.equal(hasValidCrc32Checksum(''), false);
  });
});

describe('shannonEntropy', () => {
  it('is 0 for empty and single-symbol strings', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('a'), 0);
    assert.equal(shannonEntropy('aaaaaaaa'), 0);
  });

  it('is log2 of the alphabet size for uniform strings', () => {
    assert.equal(shannonEntropy('ab'), 1);
    assert.equal(shannonEntropy('aabb'), 1);
    assert.equal(shannonEntropy('abcd'), 2);
    assert.equal(shannonEntropy('0123456789abcdef'), 4);
  });

  it('weights symbols by frequency', () => {
    assert.equal(shannonEntropy('aab').toFixed(12), (-(2 / 3) * Math.log2(2 / 3) - (1 / 3) * Math.log2(1 / 3)).toFixed(12));
    assert.equal(shannonEntropy('aab').toFixed(6), '0.918296');
  });
});

describe('characterClasses', () => {
  it('counts lower case, upper case, digits and everything else', () => {
    assert.equal(characterClasses(''), 0);
    assert.equal(characterClasses('abc'), 1);
    assert.equal(characterClasses('ABC'), 1);
    assert.equal(characterClasses('123'), 1);
    assert.equal(characterClasses('___'), 1);
    assert.equal(characterClasses('aB'), 2);
    assert.equal(characterClasses('aB3'), 3);
    assert.equal(characterClasses('aB3-'), 4);
    assert.equal(characterClasses('é'), 1);
  });
});

describe('redact', () => {
  it('keeps the public prefix and the last 4 characters of a long secret', () => {
    assert.equal(redact('sk-proj-abcdefghijklmnopqrstuvwxyz0123', 'sk-proj-'), 'sk-proj-…0123');
    assert.equal(redact('ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'ghp_'), 'ghp_…6789');
  });

  it('keeps 2 characters of a medium secret and none of a short one', () => {
    assert.equal(redact('abcdefghijklmnopqrstuvwx'), '…uvwx'); // 24 characters
    assert.equal(redact('abcdefghijklmnopqrstuvw'), '…vw'); // 23
    assert.equal(redact('abcdefghijklmn'), '…mn'); // 14
    assert.equal(redact('abcdefghijklm'), '…'); // 13
    assert.equal(redact('hunter2'), '…');
    assert.equal(redact(''), '…');
  });

  it('counts the tail length without the prefix', () => {
    // 16 characters after AKIA: medium, 2 characters shown.
    assert.equal(redact('AKIA2Y2NYRVD7RXINFRP', 'AKIA'), 'AKIA…RP');
    // 10 characters after the prefix: nothing but the prefix.
    assert.equal(redact('sk-proj-abcdefghij', 'sk-proj-'), 'sk-proj-…');
  });

  it('ignores a prefix the value does not start with', () => {
    assert.equal(redact('abcdefghijklmnopqrstuvwxyz', 'sk-'), '…wxyz');
  });

  it('never shows more than the prefix and 4 characters', () => {
    for (let length = 0; length <= 200; length++) {
      const value = 'x'.repeat(length);
      const redacted = redact(`pre_${value}`, 'pre_');
      assert.ok(redacted.length <= 'pre_…'.length + 4, redacted);
    }
  });
});

describe('fingerprintOf', () => {
  it('is the SHA-256 hex digest of the value', () => {
    assert.equal(fingerprintOf(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(fingerprintOf('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(fingerprintOf('sk-proj-abc'), 'a87089f003fb18e26d66d60fad6b0e0659149ce742a6f6c3ec9edab07723495d');
  });
});

describe('publicPrefixOf', () => {
  it('returns the longest declared prefix the secret starts with', () => {
    assert.equal(publicPrefixOf('sk-proj-abc', ['sk-', 'sk-proj-']), 'sk-proj-');
    assert.equal(publicPrefixOf('sk-abc', ['sk-', 'sk-proj-']), 'sk-');
    assert.equal(publicPrefixOf('ghp_abc', 'ghp_'), 'ghp_');
    assert.equal(publicPrefixOf('xyz', ['sk-']), '');
    assert.equal(publicPrefixOf('xyz', undefined), '');
  });
});

describe('KeywordIndex', () => {
  const found = (index: KeywordIndex, text: string): number[] => {
    const ids: number[] = [];
    index.scan(text, (id) => void ids.push(id));
    return ids.sort((a, b) => a - b);
  };

  it('finds every keyword that occurs, once each, case-insensitively', () => {
    const index = new KeywordIndex(['sk-', 'sk_live_', 'dapi', 'api_org_', 'T3BlbkFJ']);
    assert.deepEqual(found(index, 'x = SK_LIVE_abc and sk_live_def'), [1]);
    // Overlapping and nested keywords: `dapi` and `api_org_` share characters, `sk-` ends inside nothing else.
    assert.deepEqual(found(index, 'token%3Dapi_org_x sk-1 t3blbkfj'), [0, 2, 3, 4]);
    assert.deepEqual(found(index, 'nothing to see here'), []);
    assert.deepEqual(found(index, ''), []);
  });

  it('treats characters outside keywords, non-ASCII ones included, as breaks', () => {
    const index = new KeywordIndex(['ghp_']);
    assert.deepEqual(found(index, 'gh\u00e9p_ ghé_ ghp\u2028_'), []);
    assert.deepEqual(found(index, 'éghp_'), [0]);
  });

  it('agrees with a naive search on random text', () => {
    const keywords = ['ab', 'abc', 'bca', 'c', 'aab', 'b-a', 'xyz'];
    const index = new KeywordIndex(keywords);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 30 }, () => 'aAbBc-xyz'[Math.floor(random() * 9)]).join('');
      const expected = keywords.map((keyword, id) => (text.toLowerCase().includes(keyword) ? id : -1)).filter((id) => id >= 0);
      assert.deepEqual(found(index, text), expected, text);
    }
  });

  it('reports every occurrence with its end offset, as a naive search does (scanEvery)', () => {
    const keywords = ['ab', 'abc', 'bca', 'c', 'aab', 'b-a', 'xyz', 'ca-b'];
    const index = new KeywordIndex(keywords);
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 40 }, () => 'aAbBc-xyzé'[Math.floor(random() * 10)]).join('');
      const expected: [number, number][] = [];
      for (let end = 1; end <= text.length; end++) {
        keywords.forEach((keyword, id) => {
          if (end >= keyword.length && text.slice(end - keyword.length, end).toLowerCase() === keyword) expected.push([id, end]);
        });
      }
      const actual: [number, number][] = [];
      index.scanEvery(text, (id, end) => void actual.push([id, end]));
      const order = (a: [number, number], b: [number, number]) => a[1] - b[1] || a[0] - b[0];
      assert.deepEqual(actual.sort(order), expected.sort(order), text);
    }
  });

  it('stops when the callback says it has all it needs', () => {
    const index = new KeywordIndex(['a', 'b']);
    const ids: number[] = [];
    index.scan('a b', (id) => {
      ids.push(id);
      return true;
    });
    assert.deepEqual(ids, [0]);
  });

  it('rejects keywords it cannot match', () => {
    assert.throws(() => new KeywordIndex(['']));
    assert.throws(() => new KeywordIndex(['clé']));
  });
});
