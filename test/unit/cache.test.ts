import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { AuditCache, type FileStamp } from '../../src/node/cache';
import { contentHash as contentHashOf } from '../../src/node/source';
import { makeTempDir } from '../helpers';

const DAY = new Date('2026-03-10T12:00:00Z');
const BYTES = Buffer.from('export const x = 1;\n');
const result = (path: string) => ({ path, notes: [], hash: contentHashOf(BYTES), cacheable: true });
const stamp = (settled: boolean): FileStamp => ({ size: BYTES.length, mtimeMs: 1_700_000_000_000, ctimeMs: 1_700_000_000_000, seenAt: 1_700_000_000_000 + (settled ? 60_000 : 500) });
/** A read that must not happen: the lookup then fails (a read error is a miss), and so does the assertion. */
const unreadable = (): Uint8Array => {
  throw new Error('the content was read');
};

describe('audit cache', () => {
  let dir: string;
  let location: string;
  beforeEach(() => {
    dir = makeTempDir('agent-guardrail-cache-unit-');
    location = join(dir, 'cache.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function saved(entries: [string, FileStamp][], now = DAY): void {
    const cache = AuditCache.open(location, '/repo', defaultConfig(), now);
    for (const [path, seen] of entries) cache.store(result(path), seen);
    assert.equal(cache.save(() => true), undefined);
  }

  it('trusts unchanged size, mtime and ctime of a file that had settled when it was cached, without reading it', () => {
    saved([['a.ts', stamp(true)]]);
    const cache = AuditCache.open(location, '/repo', defaultConfig(), DAY);
    assert.equal(cache.lookupDisk('a.ts', stamp(true), unreadable)?.path, 'a.ts');
    assert.equal(cache.hits, 1);
  });

  it('compares the content of a file written just before it was cached (a second write could keep its timestamps)', () => {
    saved([['a.ts', stamp(false)]]);
    const cache = AuditCache.open(location, '/repo', defaultConfig(), DAY);
    let reads = 0;
    assert.equal(cache.lookupDisk('a.ts', stamp(false), () => (reads++, BYTES))?.path, 'a.ts');
    assert.equal(reads, 1);
    assert.equal(cache.lookupDisk('a.ts', stamp(false), () => Buffer.from('export const x = 2;\n')), undefined);
  });

  it('reads the content when the timestamps changed, and a different size is a change without reading', () => {
    saved([['a.ts', stamp(true)]]);
    const cache = AuditCache.open(location, '/repo', defaultConfig(), DAY);
    const touched = { ...stamp(true), mtimeMs: stamp(true).mtimeMs + 1 };
    assert.equal(cache.lookupDisk('a.ts', touched, () => BYTES)?.path, 'a.ts');
    assert.equal(cache.lookupDisk('a.ts', { ...touched, size: BYTES.length + 1 }, unreadable), undefined);
  });

  it('is started afresh on another day (review and expiry dates), another root or another configuration', () => {
    saved([['a.ts', stamp(true)]]);
    const lookup = (cache: AuditCache) => cache.lookupDisk('a.ts', stamp(true), unreadable);
    assert.equal(lookup(AuditCache.open(location, '/repo', defaultConfig(), new Date('2026-03-11T00:00:01Z'))), undefined);
    assert.equal(lookup(AuditCache.open(location, '/elsewhere', defaultConfig(), DAY)), undefined);
    assert.equal(lookup(AuditCache.open(location, '/repo', { ...defaultConfig(), extraPlaceholders: [/^dev-/] }, DAY)), undefined);
    assert.equal(lookup(AuditCache.open(location, '/repo', { ...defaultConfig(), severities: { 'secrets/generic-secret': 'off' } }, DAY)), undefined);
    assert.equal(lookup(AuditCache.open(location, '/repo', defaultConfig(), new Date('2026-03-10T23:59:59Z')))?.path, 'a.ts');
  });

  it('ignores a damaged cache file and replaces it', () => {
    writeFileSync(location, '{"header": {"format": 1}, "entr');
    saved([['a.ts', stamp(true)]]);
    assert.equal(Object.keys((JSON.parse(readFileSync(location, 'utf8')) as { entries: object }).entries).length, 1);
  });

  it('keeps entries of files this audit did not look at while they exist, and drops uncacheable results', () => {
    saved([['a.ts', stamp(true)], ['b.ts', stamp(true)], ['c.ts', stamp(true)]]);
    const cache = AuditCache.open(location, '/repo', defaultConfig(), DAY);
    cache.store({ ...result('a.ts'), cacheable: false }, stamp(true));
    cache.save((path) => path !== 'c.ts');
    const next = AuditCache.open(location, '/repo', defaultConfig(), DAY);
    assert.deepEqual(['a.ts', 'b.ts', 'c.ts'].map((path) => next.lookupDisk(path, stamp(true), unreadable)?.path), [undefined, 'b.ts', undefined]);
  });
});
