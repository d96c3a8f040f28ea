import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { defaultConfig, parseConfigText, type ConfigProblem, type ResolvedConfig } from '../core/config';
import { isRuleId, RULES } from '../core/rules/registry';
import { isKnownDetectorSelector } from '../core/secrets/detectors';
import { compileLinearPattern } from './linear-regexp';
import { readRegularText } from './read';

export const CONFIG_FILE_NAMES = ['.agent-guardrail.yaml', '.agent-guardrail.yml', '.agent-guardrail.json'];

export interface LoadedConfig {
  config: ResolvedConfig;
  path?: string;
  /** The folder the config's `ignore` globs are relative to: the config file's own folder. */
  directory: string;
  problems: ConfigProblem[];
}

/**
 * The config file given, or the nearest one in `directory` or a folder above it (up to `stopAt`, the git work
 * tree's top, when given); defaults when there is none.
 */
export function loadConfig(directory: string, explicitPath?: string, stopAt?: string): LoadedConfig {
  const path = explicitPath ?? findConfig(directory, stopAt);
  if (!path) return { config: defaultConfig(), directory, problems: [] };
  // A FIFO named .agent-guardrail.yaml (in a repository someone else wrote) must not block the CLI or the server.
  const text = readRegularText(path);
  const { config, problems } = parseConfigText(text, { isKnownRule, compilePattern: compileLinearPattern, ruleIds: RULE_IDS, json: path.endsWith('.json') });
  // Like the ignore globs, a suppression's `file` is relative to the config file's folder; findings are relative
  // to the audited directory.
  const base = dirname(path);
  if (resolve(base) !== resolve(directory)) {
    config.suppressions = config.suppressions.map((entry) => (entry.file === undefined ? entry : { ...entry, file: relative(directory, join(base, entry.file)).split(sep).join('/') }));
  }
  return { config, path, directory: base, problems };
}

const CATEGORIES = new Set(RULES.map((rule) => rule.category));
const RULE_IDS = [...RULES.map((rule) => rule.id), ...[...CATEGORIES].map((category) => `${category}/*`)];

/** A rule id, a category wildcard (`grants/*`), or one secret detector within a rule (`secrets/provider-key:jwt`). */
function isKnownRule(id: string): boolean {
  if (id.includes(':')) return isKnownDetectorSelector(id);
  return isRuleId(id) || (id.endsWith('/*') && CATEGORIES.has(id.slice(0, -2) as (typeof RULES)[number]['category']));
}

/** The nearest configuration file in `start` or a folder above it (up to `stopAt`, when given). */
export function findConfig(start: string, stopAt?: string): string | undefined {
  for (let directory = start; ; directory = dirname(directory)) {
    const found = CONFIG_FILE_NAMES.map((name) => join(directory, name)).find((candidate) => existsSync(candidate));
    if (found) return found;
    if (directory === stopAt || dirname(directory) === directory) return undefined;
  }
}

/** `file:line:col: message` for config problems. */
export function describeConfigProblem(path: string, text: string, problem: ConfigProblem): string {
  if (problem.offset === undefined) return `${path}: ${problem.message}`;
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  const column = problem.offset - before.lastIndexOf('\n');
  return `${path}:${line}:${column}: ${problem.message}`;
}
