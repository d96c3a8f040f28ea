import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRule } from '../core/rules';

/**
 * The rule documentation pages ship with the tool (`dist/docs/rules/<category>/<name>.md`, copied by the build), so
 * they can be read offline: by `agent-guardrail explain`, and by editors through the language server.
 */
const DOCS_FOLDERS = [
  join(__dirname, 'docs', 'rules'), // the bundles in dist/
  join(__dirname, '..', '..', '..', 'src', 'core', 'rules'), // compiled by tsc into out/src/node/
];

/** The absolute path of a rule's bundled documentation page, or undefined when the docs were not shipped. */
export function ruleDocsFile(ruleId: string): string | undefined {
  const relative = getRule(ruleId).docsPath.replace(/^src\/core\/rules\//, '');
  return DOCS_FOLDERS.map((folder) => join(folder, relative)).find((path) => existsSync(path));
}

/** A rule's documentation page (Markdown). */
export function readRuleDocs(ruleId: string): string | undefined {
  const path = ruleDocsFile(ruleId);
  return path === undefined ? undefined : readFileSync(path, 'utf8');
}
