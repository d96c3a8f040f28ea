import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../tools/generate';
import { REPO_ROOT } from '../helpers';

describe('generated files', () => {
  for (const [path, expected] of generatedFiles(REPO_ROOT)) {
    it(`${path} is up to date (run npm run generate)`, () => {
      assert.equal(readFileSync(join(REPO_ROOT, path), 'utf8'), expected);
    });
  }
});
