import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, parseConfigText, type ConfigProblem, type ResolvedConfig } from '../core/config';

export const CONFIG_FILE_NAMES = ['.agent-guardrail.yaml', '.agent-guardrail.yml', '.agent-guardrail.json'];

export interface LoadedConfig {
  config: ResolvedConfig;
  path?: string;
  problems: ConfigProblem[];
}

/** The config file in `directory` (or the one given), parsed; defaults when there is none. */
export function loadConfig(directory: string, explicitPath?: string): LoadedConfig {
  const path = explicitPath ?? CONFIG_FILE_NAMES.map((name) => join(directory, name)).find((candidate) => existsSync(candidate));
  if (!path) return { config: defaultConfig(), problems: [] };
  const text = readFileSync(path, 'utf8');
  const { config, problems } = parseConfigText(text);
  return { config, path, problems };
}

/** `file:line:col: message` for config problems. */
export function describeConfigProblem(path: string, text: string, problem: ConfigProblem): string {
  if (problem.offset === undefined) return `${path}: ${problem.message}`;
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  const column = problem.offset - before.lastIndexOf('\n');
  return `${path}:${line}:${column}: ${problem.message}`;
}
