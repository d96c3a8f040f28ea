import { defaultConfig, parseDuration, parseSize, type ResolvedConfig } from '../core/config';
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
  const repository = trusted ? fileConfig : restricted(fileConfig);
  const config: ResolvedConfig = { ...repository, severities: { ...repository.severities, ...(settings.rules ?? {}) }, ignore: [...repository.ignore, ...(settings.ignore ?? [])], trusted };
  if (settings.maxFileSize !== undefined && settings.maxFileSize !== '') config.maxFileSize = parseSize(settings.maxFileSize);
  const ttl = settings.maxCredentialTtl ? parseDuration(settings.maxCredentialTtl) : undefined;
  if (ttl !== undefined) config.maxCredentialTtlSeconds = ttl;
  if (settings.broker) config.broker = settings.broker as ResolvedConfig['broker'];
  return config;
}

/**
 * Restricted Mode: what an untrusted repository's configuration may not do is hide a secrets/* or grants/* finding.
 * Its placeholder patterns (`"."` matches every value), size limit (`1` skips every file), ignore globs and
 * suppressions of those rules are dropped; lowering or switching off those rules is refused in effectiveSeverity.
 * Settings that only add findings (secretNames, higher severities) still apply.
 */
function restricted(fileConfig: ResolvedConfig): ResolvedConfig {
  const defaults = defaultConfig();
  return {
    ...fileConfig,
    extraPlaceholders: defaults.extraPlaceholders,
    maxFileSize: defaults.maxFileSize,
    ignore: defaults.ignore,
    suppressions: fileConfig.suppressions.filter((entry) => !entry.rule.startsWith('secrets/') && !entry.rule.startsWith('grants/')),
  };
}
