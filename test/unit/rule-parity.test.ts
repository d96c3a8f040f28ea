import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core/rules';
import { REPO_ROOT } from '../helpers';

function testSources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'corpus' || name === 'fixtures' ? [] : testSources(path);
    return name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('rule parity: every rule has a rule file, a docs page and tests', () => {
  const tests = testSources(join(REPO_ROOT, 'test')).join('\n');

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has declarative meta', () => {
        assert.match(rule.id, /^(secrets|credentials|grants|supply-chain|ownership|manifest|suppression)\/[a-z0-9-]+$/);
        assert.equal(rule.id.split('/')[0], rule.category);
        assert.ok(rule.description.length > 20 && rule.description.endsWith('.'), 'one-sentence description');
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultSeverity));
        assert.ok(rule.docsUrl.endsWith(rule.docsPath));
      });
      it('has a rule file', () => {
        assert.ok(existsSync(join(REPO_ROOT, rule.docsPath.replace(/\.md$/, '.ts'))), `missing ${rule.docsPath.replace(/\.md$/, '.ts')}`);
      });
      it('has a docs page that names it', () => {
        const docs = join(REPO_ROOT, rule.docsPath);
        assert.ok(existsSync(docs), `missing ${rule.docsPath}`);
        assert.ok(readFileSync(docs, 'utf8').startsWith(`# ${rule.id}\n`), 'docs page starts with "# <rule id>"');
      });
      it('is asserted by a test', () => {
        // An assertion names the rule as a string of its own or at the start of an expected `rule line:col` string.
        const quoted = new RegExp(`['"\`]${rule.id.replace(/[/-]/g, '\\$&')}['"\` ]`);
        assert.ok(quoted.test(tests), `no test mentions '${rule.id}'`);
      });
    });
  }

  it('has no docs page without a rule', () => {
    const ids = new Set(RULES.map((rule) => rule.docsPath));
    const rulesDir = join(REPO_ROOT, 'src', 'core', 'rules');
    const pages = readdirSync(rulesDir).flatMap((category) =>
      statSync(join(rulesDir, category)).isDirectory() ? readdirSync(join(rulesDir, category)).filter((f) => f.endsWith('.md')).map((f) => `src/core/rules/${category}/${f}`) : [],
    );
    assert.deepEqual(pages.filter((page) => !ids.has(page)), []);
  });
});
