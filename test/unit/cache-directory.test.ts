// The private cache directory stays bounded (src/node/code-cache.ts, sweepCacheDirectory): compiled code of installs
// that are gone, and audit results nobody asked for in a month, are removed; above 200 MB, the least recently used.
import { strict as assert } from 'node:assert';
import { readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sweepCacheDirectory } from '../../src/node/code-cache';
import { makeTempDir } from '../helpers';

const DAY = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

describe('the cache directory sweep', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('agent-guardrail-sweep-');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const now = Date.parse('2026-12-07T12:00:00Z');
  /** A file last used `daysAgo` days before `now`, `size` bytes long (sparse: nothing is written to disk). */
  function file(name: string, daysAgo: number, size = 1000): string {
    const path = join(dir, name);
    writeFileSync(path, '');
    truncateSync(path, size);
    const when = new Date(now - daysAgo * DAY);
    utimesSync(path, when, when);
    return path;
  }

  it('removes our files unused for 30 days, keeps newer ones, the file just written and anything not ours', () => {
    const kept = file('v8-cli-main-aaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb.bin', 60);
    file('v8-typescript-aaaaaaaaaaaaaaaa-cccccccccccccccc.bin', 31);
    file('audit-0123456789abcdef.json', 45);
    file('v8-server-main-dddddddddddddddd-eeeeeeeeeeeeeeee.bin', 29);
    file('audit-fedcba9876543210.json', 2);
    file('notes.txt', 400);
    file('audit-report.json', 400);
    sweepCacheDirectory(dir, kept, now);
    assert.deepEqual(readdirSync(dir).sort(), [
      'audit-fedcba9876543210.json',
      'audit-report.json',
      'notes.txt',
      'v8-cli-main-aaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb.bin',
      'v8-server-main-dddddddddddddddd-eeeeeeeeeeeeeeee.bin',
    ]);
  });

  it('above 200 MB in all, removes the least recently used first until the rest fits', () => {
    file('v8-typescript-1111111111111111-1111111111111111.bin', 20, 90 * MB);
    file('v8-typescript-2222222222222222-2222222222222222.bin', 10, 90 * MB);
    file('v8-typescript-3333333333333333-3333333333333333.bin', 5, 90 * MB);
    file('audit-0123456789abcdef.json', 1, 10 * MB);
    const kept = file('v8-cli-main-4444444444444444-4444444444444444.bin', 0, 1 * MB);
    sweepCacheDirectory(dir, kept, now);
    assert.deepEqual(readdirSync(dir).sort(), [
      'audit-0123456789abcdef.json',
      'v8-cli-main-4444444444444444-4444444444444444.bin',
      'v8-typescript-2222222222222222-2222222222222222.bin',
      'v8-typescript-3333333333333333-3333333333333333.bin',
    ]);
  });

  it('does nothing to a directory that is missing', () => {
    assert.doesNotThrow(() => sweepCacheDirectory(join(dir, 'missing'), join(dir, 'missing', 'x.bin'), now));
  });
});
