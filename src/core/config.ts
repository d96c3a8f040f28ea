import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { describeYamlError } from './languages/yaml';
import { closest } from './suggest';
import type { Severity, SeveritySetting } from './types';
import { compileBacktrackingSafePattern, type PatternCompiler } from './user-patterns';
import { appendAll } from './arrays';
import { once } from './once';

export const BROKERS = [
  'vault', 'aws-sts', 'aws-secrets-manager', 'gcp-secret-manager', 'azure-key-vault', 'azure-managed-identity',
  '1password', 'infisical', 'doppler', 'github-app', 'oauth-token-exchange', 'env',
] as const;
export type Broker = (typeof BROKERS)[number];

/**
 * Where a code agent needs no owner by default: tests, examples and cookbooks, documentation, fixtures and benchmarks (SDK
 * repositories define hundreds of sample agents that nobody deploys).
 */
export const DEFAULT_OWNER_OPTIONAL: readonly string[] = [
  '**/test/**', '**/tests/**', '**/__tests__/**', '**/spec/**', '**/e2e/**', '**/*-tests/**', '**/*_tests/**',
  '**/*.test.*', '**/*.test-d.*', '**/*.spec.*', '**/test_*.py', '**/*_test.py', '**/conftest.py', '**/examples/**',
  '**/example/**', '**/example.*', '**/samples/**', '**/sample/**', '**/demo/**', '**/demos/**', '**/cookbook/**',
  '**/cookbooks/**', '**/tutorial/**', '**/tutorials/**', '**/notebooks/**', '**/*.ipynb', '**/templates/**',
  '**/docs/**', '**/doc/**', '**/fixtures/**', '**/__fixtures__/**', '**/testdata/**', '**/__mocks__/**', '**/bench/**',
  '**/benchmark/**', '**/benchmarks/**',
];

/**
 * The configuration schemas, built when first asked for (building zod schemas costs every process start several
 * milliseconds, and many runs read no configuration file).
 */
const configSchemas = once(() => {
  const severitySetting = z.enum(['off', 'note', 'warning', 'error']).describe('off, note, warning or error');
  const sizeSetting = z
    .union([z.number().int().positive(), z.string().regex(/^\d+(?:\.\d+)?\s*(?:B|KB|MB|GB|KiB|MiB|GiB)?$/i)])
    .describe('A size in bytes, or with a unit: 500KB, 2MB');

  const suppressionEntry = z
    .object({
      rule: z.string().describe('Rule id the suppression applies to.'),
      fingerprint: z.string().describe('Fingerprint of the finding, as printed by `audit --format json`.'),
      reason: z.string().min(1).describe('Why this finding is acceptable.'),
      file: z.string().optional().describe('Limit the suppression to one file (workspace-relative).'),
    })
    .strict();

  /** The settings that are lists, with the schema of one item: a bad item is dropped and the rest apply. */
  const listItems: Record<string, z.ZodType> = { ignore: z.string(), placeholders: z.string(), secretNames: z.string(), suppressions: suppressionEntry, ownerOptional: z.string() };

  const config = z
    .object({
      $schema: z.string().optional(),
      rules: z
        .record(z.string(), severitySetting)
        .optional()
        .describe(
          'Rule severities by rule id (`secrets/generic-secret`) or category wildcard (`grants/*`); one secret detector within a rule as `<rule>:<detector>` (`secrets/provider-key:jwt`, `secrets/*:url-query-token`).',
        ),
      ignore: z.array(z.string()).optional().describe('Glob patterns (gitignore syntax) of files not to analyse.'),
      placeholders: z
        .array(z.string())
        .optional()
        .describe('Extra regular expressions for values that are placeholders, never secrets (e.g. `^dev-local-`).'),
      secretNames: z.array(z.string()).optional().describe('Extra variable or key names whose values are credentials.'),
      ownerOptional: z
        .array(z.string())
        .optional()
        .describe(
          'Glob patterns (gitignore syntax) of files whose code agents need no owner (ownership/unowned-agent). Replaces the default (tests, examples, cookbooks, tutorials, notebooks, Jupyter notebooks anywhere, templates, docs, fixtures, benchmarks); [] requires an owner everywhere.',
        ),
      broker: z.enum(BROKERS).optional().describe('The credential broker quick fixes scaffold code for.'),
      maxCredentialTtl: z.string().optional().describe('Longest acceptable credential TTL in a manifest (`1h`, `15m`, `PT1H`).'),
      maxFileSize: sizeSetting.optional().describe('Files larger than this are skipped with a note. Default 2MB.'),
      suppressions: z
        .array(suppressionEntry)
        .optional()
        .describe('Findings to suppress by fingerprint (for files without comments, such as JSON).'),
    })
    .strict();
  return { config, severity: severitySetting, listItems };
});

/** `.agent-guardrail.yaml` / `.agent-guardrail.json`. The JSON schema in `schemas/` is generated from this. */
export const configSchema = () => configSchemas().config;

export type ConfigFile = z.infer<ReturnType<typeof configSchema>>;

/** What the analysis core needs, with every default applied. */
export interface ResolvedConfig {
  severities: Record<string, SeveritySetting>;
  ignore: string[];
  extraPlaceholders: RegExp[];
  extraSecretNames: string[];
  /** Globs of files whose code agents need no owner. */
  ownerOptional: readonly string[];
  broker?: Broker;
  maxCredentialTtlSeconds: number;
  maxFileSize: number;
  suppressions: { rule: string; fingerprint: string; reason: string; file?: string }[];
  /** False in an untrusted workspace: repository suppressions and disables of secrets/*, grants/* and supply-chain/* are ignored. */
  trusted: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const DEFAULT_MAX_CREDENTIAL_TTL_SECONDS = 3600;

export function defaultConfig(): ResolvedConfig {
  return {
    severities: {},
    ignore: [],
    extraPlaceholders: [],
    extraSecretNames: [],
    ownerOptional: DEFAULT_OWNER_OPTIONAL,
    maxCredentialTtlSeconds: DEFAULT_MAX_CREDENTIAL_TTL_SECONDS,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    suppressions: [],
    trusted: true,
  };
}

export interface ConfigProblem {
  message: string;
  /** Offset in the config text, when known. */
  offset?: number;
}

/** Bytes for a size setting: KB, MB, GB are 1000-based; KiB, MiB, GiB 1024-based (the default is 2 MiB). */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(value.trim());
  if (!match) return DEFAULT_MAX_FILE_SIZE;
  const units: Record<string, number> = { '': 1, b: 1, kb: 1000, mb: 1000 ** 2, gb: 1000 ** 3, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
  return Math.round(Number(match[1]) * (units[match[2]!.toLowerCase()] ?? 1));
}

/** `15m`, `1h`, `90d`, `30s`, `2w`, or ISO 8601 (`PT1H`, `P1D`). Undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const simple = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$/i.exec(text);
  if (simple) {
    const factor = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[simple[2]!.toLowerCase() as 's']!;
    return Math.round(Number(simple[1]) * factor);
  }
  const iso = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (iso && text.trim().length > 1 && !/T$/i.test(text.trim())) {
    const [, w, d, h, m, s] = iso;
    return (Number(w ?? 0) * 7 + Number(d ?? 0)) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  }
  return undefined;
}

export interface ParseConfigOptions {
  /** Whether a rule id or `category/*` names a real rule; unknown ones are reported. Default: accept all. */
  isKnownRule?: (id: string) => boolean;
  /** Compiles `placeholders` patterns in linear time (src/node/config-file.ts); default: backtracking-safe shapes only. */
  compilePattern?: PatternCompiler;
  /** Rule ids and `category/*` wildcards to suggest for an unknown one ("did you mean"). */
  ruleIds?: readonly string[];
  /** The file is JSON (`.agent-guardrail.json`): syntax errors are JSON's, not YAML's. */
  json?: boolean;
}

const SEVERITY_SETTINGS = ['off', 'note', 'warning', 'error'];

/** ` Did you mean "x"?` when `word` looks like a typo of one of `candidates`, else nothing. */
function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, [...candidates]);
  return suggestion ? ` Did you mean "${suggestion}"?` : '';
}

/** JSON syntax errors, with the JSON parser's error names (strict JSON: no comments, no trailing commas). */
function jsonSyntaxProblems(text: string): ConfigProblem[] {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  const problems = errors.map((error) => ({ message: `JSON syntax error (${printParseErrorCode(error.error)})`, offset: error.offset }));
  return problems.filter((problem, index) => problems.findIndex((other) => other.offset === problem.offset) === index); // one per position
}

type YamlPath = (string | number)[];
interface NodeLike {
  range?: [number, number, number];
  items?: { key?: { value?: unknown; range?: [number, number, number] } }[];
}

/**
 * Parse and validate config text (YAML or JSON; JSON is YAML). Bad parts are reported with their offsets and
 * replaced by defaults; the rest of the file still applies. A bad entry in a list or in `rules` drops only that
 * entry. A setting left empty (`rules:` with every entry commented out) means its default.
 */
export function parseConfigText(text: string, options: ParseConfigOptions = {}): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  if (options.json) {
    appendAll(problems, jsonSyntaxProblems(text));
    if (problems.length) return { config, problems };
  }
  const document = parseDocument(text, { prettyErrors: false, strict: false });
  // The parser's own message quotes the source (which may hold a secret): report only the error code.
  for (const error of document.errors) problems.push({ message: `${options.json ? 'JSON' : 'YAML'} syntax error (${describeYamlError(error.code)})`, offset: error.pos[0] });
  if (document.errors.length) return { config, problems };
  const raw: unknown = document.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ message: 'The configuration must be a mapping of settings.', offset: (document.contents as NodeLike | null)?.range?.[0] });
    return { config, problems };
  }
  /** Where the node at `path` starts; with `key`, where that key of the mapping at `path` starts. */
  const offsetOf = (path: YamlPath, key?: string): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = (depth ? document.getIn(path.slice(0, depth), true) : document.contents) as NodeLike | null | undefined;
      if (!node) continue;
      if (key !== undefined && depth === path.length) {
        const keyNode = node.items?.find((item) => item.key?.value === key)?.key;
        if (keyNode?.range) return keyNode.range[0];
      }
      if (node.range) return node.range[0];
    }
    return undefined;
  };
  const report = (path: YamlPath, issue: z.core.$ZodIssue, value: unknown) => {
    const where = [...path, ...issue.path].join('.');
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    problems.push({ message: `${where}: ${describeIssue(path[0] as string, issue, value)}`, offset: offsetOf([...path, ...(issue.path as YamlPath)], unknownKey) });
  };

  const schemas = configSchemas();
  const shape = schemas.config.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = shape[key];
    if (!field) {
      problems.push({ message: `Unknown setting "${key}".${didYouMean(key, Object.keys(shape).filter((name) => name !== '$schema'))}`, offset: offsetOf([], key) });
      continue;
    }
    if (value === null) continue; // `key:` with nothing after it
    let accepted: unknown;
    if (key === 'rules' && typeof value === 'object' && !Array.isArray(value)) {
      // One entry at a time, so that one bad severity or unknown rule does not discard the others.
      const rules: Record<string, SeveritySetting> = {};
      for (const [rule, severity] of Object.entries(value as Record<string, unknown>)) {
        if (options.isKnownRule && !options.isKnownRule(rule)) {
          const message = rule.includes(':')
            ? `rules: unknown secret detector "${rule}" (written \`<rule>:<detector>\` with the \`provider\` of a finding, e.g. \`secrets/provider-key:jwt\`; docs/secret-detectors.md lists them).`
            : `rules: unknown rule "${rule}" (\`agent-guardrail rules\` lists them; a category is written \`secrets/*\`).${didYouMean(rule, options.ruleIds ?? [])}`;
          problems.push({ message, offset: offsetOf([key], rule) });
          continue;
        }
        const result = schemas.severity.safeParse(severity);
        if (result.success) rules[rule] = result.data;
        else problems.push({ message: `rules.${rule}: ${JSON.stringify(severity)} is not a severity; use off, note, warning or error.${typeof severity === 'string' ? didYouMean(severity, SEVERITY_SETTINGS) : ''}`, offset: offsetOf([key, rule]) });
      }
      accepted = rules;
    } else if (Array.isArray(value) && schemas.listItems[key]) {
      const item = schemas.listItems[key]!;
      accepted = value.flatMap((entry, index) => {
        const result = item.safeParse(entry);
        if (result.success) return [result.data];
        report([key, index], result.error.issues[0]!, entry);
        return [];
      });
    } else {
      const result = field.safeParse(value);
      if (!result.success) {
        report([key], result.error.issues[0]!, value);
        continue;
      }
      accepted = result.data;
    }
    applySetting(config, key as keyof ConfigFile, accepted, problems, (index) => offsetOf(index === undefined ? [key] : [key, index]), options.compilePattern ?? compileBacktrackingSafePattern);
  }
  return { config, problems };
}

/** zod's message, except where it would be unhelpful (a regular expression, a type mix-up with an obvious fix). */
function describeIssue(key: string, issue: z.core.$ZodIssue, value: unknown): string {
  if (key === 'maxFileSize' && (issue.code === 'invalid_format' || issue.code === 'invalid_union')) {
    return `${JSON.stringify(value)} is not a size such as 500KB or 2MB.`;
  }
  if (key === 'ignore' && issue.path.length === 0 && typeof value === 'object' && value !== null && 'fingerprint' in value) {
    return 'ignore takes file globs; suppress a finding by fingerprint under "suppressions:" ({ rule, fingerprint, reason }).';
  }
  if (key === 'suppressions' && issue.path[0] === 'reason') return 'every suppression needs a reason (why this finding is acceptable).';
  if (issue.code === 'invalid_value' && issue.values.length > 1) {
    const allowed = issue.values.map(String);
    return `${JSON.stringify(value)} is not one of ${allowed.join(', ')}.${typeof value === 'string' ? didYouMean(value, allowed) : ''}`;
  }
  return issue.message;
}

function applySetting(config: ResolvedConfig, key: keyof ConfigFile, value: unknown, problems: ConfigProblem[], offsetOf: (index?: number) => number | undefined, compilePattern: PatternCompiler): void {
  switch (key) {
    case 'rules':
      config.severities = { ...(value as Record<string, SeveritySetting>) };
      break;
    case 'ignore':
      config.ignore = value as string[];
      break;
    case 'placeholders':
      (value as string[]).forEach((source, index) => {
        try {
          config.extraPlaceholders.push(compilePattern(source));
        } catch (error) {
          // The engine's message repeats the pattern: it is quoted once, here (the output redactor masks keys in it).
          const why = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
          const message = error instanceof SyntaxError ? `is not a valid regular expression (${why})` : `is not accepted: ${why}`;
          problems.push({ message: `placeholders: "${source}" ${message}.`, offset: offsetOf(index) });
        }
      });
      break;
    case 'secretNames':
      config.extraSecretNames = value as string[];
      break;
    case 'ownerOptional':
      config.ownerOptional = value as string[];
      break;
    case 'broker':
      config.broker = value as ResolvedConfig['broker'];
      break;
    case 'maxCredentialTtl': {
      const seconds = parseDuration(value as string);
      if (seconds === undefined) problems.push({ message: `maxCredentialTtl: "${value}" is not a duration such as 15m, 1h or PT1H.`, offset: offsetOf() });
      else config.maxCredentialTtlSeconds = seconds;
      break;
    }
    case 'maxFileSize':
      config.maxFileSize = parseSize(value as number | string);
      break;
    case 'suppressions':
      config.suppressions = value as ResolvedConfig['suppressions'];
      break;
    case '$schema':
      break;
  }
}

/**
 * Categories that protect against the repository itself (leaked keys, broad grants, poisoned or unpinned tools): in
 * an untrusted workspace the repository can neither lower nor suppress them.
 */
export const PROTECTED_CATEGORIES: ReadonlySet<string> = new Set(['secrets', 'grants', 'supply-chain']);

/**
 * The severity of a rule's findings, or of one detector's findings within it: the most specific setting wins
 * (`secrets/provider-key:jwt`, then `secrets/*:jwt`, then `secrets/provider-key`, then `secrets/*`).
 */
export function effectiveSeverity(config: ResolvedConfig, ruleId: string, defaultSeverity: Severity, detector?: string): SeveritySetting {
  const wildcard = wildcardOf(ruleId);
  const configured =
    (detector !== undefined ? config.severities[`${ruleId}:${detector}`] ?? config.severities[`${wildcard}:${detector}`] : undefined) ??
    config.severities[ruleId] ??
    config.severities[wildcard];
  if (!configured) return defaultSeverity;
  const category = ruleId.slice(0, ruleId.indexOf('/'));
  // Restricted Mode: a repository cannot switch off or downgrade the rules that protect against it.
  if (!config.trusted && PROTECTED_CATEGORIES.has(category) && rank(configured) < rank(defaultSeverity)) {
    return defaultSeverity;
  }
  return configured;
}

/** `secrets/*` for `secrets/provider-key`; memoised (called for every rule on every file). */
const wildcards = new Map<string, string>();
function wildcardOf(ruleId: string): string {
  let wildcard = wildcards.get(ruleId);
  if (wildcard === undefined) {
    wildcard = `${ruleId.slice(0, ruleId.indexOf('/'))}/*`;
    if (wildcards.size < 1000) wildcards.set(ruleId, wildcard);
  }
  return wildcard;
}

function rank(severity: SeveritySetting): number {
  return { off: 0, note: 1, warning: 2, error: 3 }[severity];
}
