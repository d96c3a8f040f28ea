// Reading git's own files for `audit --staged` (src/node/git-objects.ts) on real temporary repositories: the work
// tree's top and loose blobs where the layout is plain, and undefined (git's turn) everywhere else.
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findPlainRepository, readLooseBlob } from '../../src/node/git-objects';
import { readBlobs } from '../../src/node/staged';
import { git, makeTempDir, writeTree } from '../helpers';

const tempDirs: string[] = [];
function repo(files: Record<string, string>): string {
  const dir = realpathSync(makeTempDir('agent-guardrail-objects-'));
  tempDirs.push(dir);
  git(dir, 'init', '--quiet');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeTree(dir, files);
  git(dir, 'add', '.');
  return dir;
}

/** The blob id of a staged path. */
const stagedBlob = (dir: string, path: string): string => git(dir, 'rev-parse', `:${path}`).trim();

/** Runs `body` with environment variables set, then restores them. */
function withEnv(values: Record<string, string>, body: () => void): void {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  try {
    body();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('git objects: findPlainRepository', () => {
  it('finds the top of the work tree from a folder inside it, with its objects folder', () => {
    const dir = repo({ 'src/deep/a.ts': 'export {};\n' });
    assert.deepEqual(findPlainRepository(join(dir, 'src/deep')), { top: dir, objects: join(dir, '.git', 'objects') });
    assert.deepEqual(findPlainRepository(dir), { top: dir, objects: join(dir, '.git', 'objects') });
  });

  it('leaves a linked work tree (its .git is a file) to git', () => {
    const dir = repo({ 'a.ts': 'export {};\n' });
    git(dir, 'commit', '--quiet', '-m', 'initial');
    const linked = join(dir, '..', `${dir.split('/').at(-1)}-linked`);
    tempDirs.push(linked);
    git(dir, 'worktree', 'add', '--quiet', linked);
    assert.equal(findPlainRepository(linked), undefined);
  });

  it('leaves it to git when the environment points git elsewhere', () => {
    const dir = repo({ 'a.ts': 'export {};\n' });
    withEnv({ GIT_DIR: join(dir, '.git') }, () => assert.equal(findPlainRepository(dir), undefined));
    withEnv({ GIT_OBJECT_DIRECTORY: join(dir, '.git', 'objects') }, () => assert.equal(findPlainRepository(dir), undefined));
  });

  it('does not look above a ceiling directory, as git does not', () => {
    const dir = repo({ 'sub/inner/a.ts': 'export {};\n' });
    withEnv({ GIT_CEILING_DIRECTORIES: [join(dir, 'sub')].join(delimiter) }, () => assert.equal(findPlainRepository(join(dir, 'sub', 'inner')), undefined));
    withEnv({ GIT_CEILING_DIRECTORIES: [tmpdir(), join(dir, 'elsewhere')].join(delimiter) }, () => assert.equal(findPlainRepository(join(dir, 'sub'))?.top, dir));
  });

  it('does not take a .git that is not a repository folder', () => {
    const dir = realpathSync(makeTempDir('agent-guardrail-objects-'));
    tempDirs.push(dir);
    mkdirSync(join(dir, '.git'));
    assert.equal(findPlainRepository(dir), undefined);
  });
});

describe('git objects: readLooseBlob', () => {
  const TEXT = 'const greeting = "hello";\n'.repeat(40);

  it('reads a staged blob from its loose object', () => {
    const dir = repo({ 'a.ts': TEXT });
    const blob = readLooseBlob(join(dir, '.git', 'objects'), stagedBlob(dir, 'a.ts'), 1 << 20);
    assert.equal(blob?.toString('utf8'), TEXT);
  });

  it('gives undefined for a packed object, and readBlobs reads it through git instead', () => {
    const dir = repo({ 'a.ts': TEXT });
    const id = stagedBlob(dir, 'a.ts');
    git(dir, 'commit', '--quiet', '-m', 'initial');
    git(dir, 'repack', '-a', '-d', '--quiet');
    git(dir, 'prune-packed');
    assert.equal(readLooseBlob(join(dir, '.git', 'objects'), id, 1 << 20), undefined);
    assert.equal(readBlobs(dir, [id]).get(id)?.toString('utf8'), TEXT);
  });

  it('gives undefined for a damaged object, one over the size limit, or an id that is not an object id', () => {
    const dir = repo({ 'a.ts': TEXT, 'b.ts': `${TEXT}// b\n` });
    const objects = join(dir, '.git', 'objects');
    const big = stagedBlob(dir, 'a.ts');
    assert.equal(readLooseBlob(objects, big, 100), undefined);
    assert.equal(readLooseBlob(objects, '../../config', 1 << 20), undefined);
    const damaged = stagedBlob(dir, 'b.ts');
    const file = join(objects, damaged.slice(0, 2), damaged.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'not zlib data');
    assert.equal(readLooseBlob(objects, damaged, 1 << 20), undefined);
  });

  it('gives undefined for an object whose header is not a blob of its size', () => {
    const dir = repo({ 'a.ts': TEXT });
    git(dir, 'commit', '--quiet', '-m', 'initial');
    const objects = join(dir, '.git', 'objects');
    const tree = git(dir, 'rev-parse', 'HEAD^{tree}').trim();
    assert.ok(readdirSync(join(objects, tree.slice(0, 2))).includes(tree.slice(2)));
    assert.equal(readLooseBlob(objects, tree, 1 << 20), undefined);
  });
});
