import { parseDuration, parseSize, type ResolvedConfig } from '../core/config';
import type { SeveritySetting } from '../core/types';

/** The `agentGuardrail.*` settings an editor sends (all optional: other LSP clients may send nothing). */
export interface EditorSettings {
  enable?: boolean;
  run?: 'onType' | 'onSave';
  broker?: string;
  maxCredentialTtl?: string;
  rules?: Record<string, SeveritySetting>;
  ignore?: string[];
  maxFileSize?: string | number;
}

export const DEFAULT_SETTINGS: Required<Pick<EditorSettings, 'enable' | 'run'>> = { enable: true, run: 'onType' };

/**
 * The workspace's `.agent-guardrail.yaml` with the editor settings on top: a rule severity or limit set in the
 * editor wins over the file; ignore globs add up.
 */
export function mergeSettings(fileConfig: ResolvedConfig, settings: EditorSettings, trusted: boolean): ResolvedConfig {
  const config: ResolvedConfig = { ...fileConfig, severities: { ...fileConfig.severities, ...(settings.rules ?? {}) }, ignore: [...fileConfig.ignore, ...(settings.ignore ?? [])], trusted };
  if (settings.maxFileSize !== undefined && settings.maxFileSize !== '') config.maxFileSize = parseSize(settings.maxFileSize);
  const ttl = settings.maxCredentialTtl ? parseDuration(settings.maxCredentialTtl) : undefined;
  if (ttl !== undefined) config.maxCredentialTtlSeconds = ttl;
  if (settings.broker) config.broker = settings.broker as ResolvedConfig['broker'];
  if (!trusted) {
    // Restricted Mode: repository-provided suppressions are not honoured for the rules that guard against it, and
    // the repository's ignore globs (which would hide whole files from them) are not either.
    config.suppressions = config.suppressions.filter((entry) => !entry.rule.startsWith('secrets/') && !entry.rule.startsWith('grants/'));
    config.ignore = [...(settings.ignore ?? [])];
  }
  return config;
}
