import { existsSync, lstatSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { applyBaseline, BASELINE_FILE, createBaseline, parseBaseline, serializeBaseline } from '../core/baseline';
import { buildInventory } from '../core/inventory';
import type { Redactor } from '../core/redaction';
import { loadTypeScript } from '../core/languages/typescript';
import { isRuleId, RULES } from '../core/rules';
import { closest } from '../core/suggest';
import type { Severity } from '../core/types';
import { auditStaged, type AuditReport } from '../node/audit';
import { AuditCache, CACHE_FILE_NAME, defaultCacheLocation } from '../node/cache';
import { describeConfigProblem, loadConfig, type LoadedConfig } from '../node/config-file';
import { gitTopLevel, rememberTopLevel } from '../node/discover';
import { readRuleDocs, ruleDocsFile } from '../node/docs';
import { resolveAuditRoot, type AuditRoot } from '../node/root';
import { activeFindings, redactReport, SEVERITY_ORDER, TOOL_VERSION } from '../node/format/common';
import { formatJson } from '../node/format/json';
import { formatMarkdown } from '../node/format/markdown';
import { formatInventoryCsv, formatInventoryJson, formatInventoryMarkdown, redactInventory } from '../node/format/inventory';
import { formatInventoryHtml } from '../node/format/inventory-html';
import { formatSarif } from '../node/format/sarif';
import { findInHistory } from '../node/history';
import { auditPathsInParallel, parseConcurrency, type Concurrency } from '../node/parallel';
import { startStagedGit, type StagedGit } from '../node/staged';
import { readRegularText } from '../node/read';
import { installHook, uninstallHook } from './hook';
import { askDaemon } from './daemon-client';
import { serveDaemon, type CliStreams } from './daemon';
import { daemonSocketPath } from '../node/daemon-protocol';
import { writeStarterConfig } from './init';
import { formatText } from '../node/format/text';

const HELP = `agent-guardrail ${TOOL_VERSION}: find hardcoded secrets, over-broad grants and unowned agents.

Usage:
  agent-guardrail audit [paths…] [options]   Audit files and directories (default: .)
  agent-guardrail audit --staged [options]    Audit the staged content of staged files (pre-commit)
  agent-guardrail inventory [paths…] [--format markdown|json|csv|html] [--output FILE]
                                              List every agent (manifests and code) for an access review
  agent-guardrail rules [--format text|json]  List every rule with its severity
  agent-guardrail explain <rule-id>           Print a rule's documentation (also: rules --explain <rule-id>)
  agent-guardrail baseline [paths…] [--output FILE]
                                              Record current findings in .agent-guardrail-baseline.json
  agent-guardrail init [--force]              Write a commented starter .agent-guardrail.yaml
  agent-guardrail hook install|uninstall      Install (chaining any existing hook) or remove the pre-commit hook
  agent-guardrail daemon status|stop          Show or stop the warm audit process that audit --daemon starts
  agent-guardrail --version | --help

Audit options:
  --format text|json|sarif|markdown   Output format (default: text)
  --output FILE                       Write the report to FILE instead of standard output
  --fail-on error|warning|note        Lowest severity that makes the exit code 1 (default: error)
  --config FILE                       Configuration file (default: the nearest .agent-guardrail.yaml above the audited paths)
  --verbose                           List skipped files and other notes
  --baseline FILE                     Report only findings not in FILE (default: .agent-guardrail-baseline.json if present)
  --no-baseline                       Report every finding, ignoring any baseline
  --history                           Say for each secret whether it is already in git history
  --cache                             Reuse results of earlier audits for unchanged files (also inventory, baseline)
  --cache-location PATH               Cache file or directory (implies --cache; default: in your user cache directory)
  --concurrency auto|off|N            Threads to analyse on (default: auto, which uses worker threads for trees of 10,000
                                      files or more on machines with three cores or more; also inventory, baseline)
  --color, --no-color                 Force colours on or off in text output (default: on a TTY; NO_COLOR=1 turns them off)
  --daemon                            Run in a warm background process, started by the first such audit, that exits after
                                      15 idle minutes: for pre-commit hooks. Not on Windows or in CI (AGENT_GUARDRAIL_DAEMON=0: never)

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above --fail-on, 2 usage or internal error.
Docs: https://github.com/agent-guardrail/agent-guardrail#readme
`;

class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  config: { type: 'string', short: 'c' },
  staged: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  baseline: { type: 'string' },
  'no-baseline': { type: 'boolean' },
  history: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  force: { type: 'boolean' },
  daemon: { type: 'boolean' },
  'no-daemon': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  explain: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Node's parseArgs messages, as a sentence with a "did you mean" instead of its advice about `--`. */
function describeArgumentError(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  const names = Object.keys(OPTIONS).map((name) => `--${name}`);
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const suggestion = closest(option.replace(/=.*$/, ''), names);
      return `unknown option ${option}${suggestion ? `; did you mean ${suggestion}?` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(error.message)) return `option ${option} needs a value`;
      // `--output -report.json`: parseArgs takes a value that starts with a dash for the next option.
      if (/ambiguous/.test(error.message)) return `option ${option} needs a value (one that starts with "-" is written ${option}=-…)`;
      return `option ${option} takes no value`;
    default:
      return error.message;
  }
}

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** The running command's streams (the warm process runs one command at a time). */
let streams: CliStreams = process;

export async function main(argv: string[], io: CliStreams = process): Promise<number> {
  streams = io;
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(`agent-guardrail: ${error.message}\nRun agent-guardrail --help for usage.\n`);
      return 2;
    }
    streams.stderr.write(`agent-guardrail: internal error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(describeArgumentError(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (values.version) {
    streams.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    streams.stdout.write(HELP);
    return 0;
  }
  if (!command) {
    // No command is a usage error: the help goes to stderr so that nothing is mistaken for a report.
    streams.stderr.write(HELP);
    return 2;
  }
  switch (command) {
    case 'audit':
      return runAudit(rest, values);
    case 'inventory':
      return runInventory(rest, values);
    case 'baseline':
      return runBaseline(rest, values);
    case 'init':
      if (rest.length) throw new UsageError(`init takes no arguments; got "${rest.join(' ')}"`);
      return finish(writeStarterConfig(process.cwd(), Boolean(values.force)));
    case 'hook':
      if (rest.length !== 1 || (rest[0] !== 'install' && rest[0] !== 'uninstall')) throw new UsageError('usage: agent-guardrail hook install|uninstall');
      if (!gitTopLevel(process.cwd())) throw new UsageError('hook needs a git repository');
      return finish(rest[0] === 'install' ? installHook(process.cwd(), resolve(process.argv[1] ?? 'agent-guardrail')) : uninstallHook(process.cwd()));
    case 'daemon':
      return runDaemonCommand(rest);
    case 'rules':
      if (rest.length) throw new UsageError(`rules takes no arguments; got "${rest.join(' ')}" (agent-guardrail explain <rule-id> prints one rule's documentation)`);
      return values.explain !== undefined ? explainRule(values.explain) : runRules(values.format ?? 'text');
    case 'explain':
      if (rest.length !== 1) throw new UsageError('usage: agent-guardrail explain <rule-id>   (agent-guardrail rules lists the rule ids)');
      return explainRule(rest[0]!);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

interface AuditFlags {
  format?: string;
  output?: string;
  'fail-on'?: string;
  config?: string;
  staged?: boolean;
  verbose?: boolean;
  color?: boolean;
  'no-color'?: boolean;
  baseline?: string;
  'no-baseline'?: boolean;
  history?: boolean;
  cache?: boolean;
  'cache-location'?: string;
  concurrency?: string;
  force?: boolean;
}

async function runAudit(paths: string[], flags: AuditFlags): Promise<number> {
  const format = (flags.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${flags.format}"`);
  const failOn = (flags['fail-on'] ?? 'error') as Severity;
  if (!Object.hasOwn(SEVERITY_ORDER, failOn)) throw new UsageError(`--fail-on must be one of error, warning, note; got "${flags['fail-on']}"`);
  // A staged audit is a handful of files: it stays on one thread whatever is asked (checked all the same).
  const concurrency = concurrencyOf(flags);

  const cwd = process.cwd();
  let anchor: AuditRoot;
  let git: StagedGit | undefined;
  if (flags.staged) {
    if (paths.length) throw new UsageError('--staged audits the staged files; it takes no paths');
    git = startStagedGit(cwd);
    if (git) preloadParser();
    // Where git could not list the staged files (no commit yet, or a repository git refuses to work in), git is also
    // asked where the top is.
    const top = (git && (await git.files) && (await git.topLevel)) || gitTopLevel(cwd);
    if (!top) throw new UsageError('--staged needs a git repository');
    rememberTopLevel(cwd, top);
    anchor = resolveAuditRoot(top, [], flags.config && resolve(cwd, flags.config));
  } else {
    checkPathsExist(paths, cwd);
    anchor = resolveAuditRoot(cwd, paths, flags.config);
  }
  const { root } = anchor;
  const loaded = loadConfigOrFail(anchor, cwd, flags);
  const now = new Date();
  const cache = openCache(flags, root, cwd, loaded, now);
  const report: AuditReport = flags.staged ? await auditStaged(root, loaded.config, { cache, git }) : await auditPathsInParallel(root, anchor.targets, loaded.config, now, loaded.directory, { cache, concurrency });
  saveCache(cache, report, flags);
  warnAboutConfig(loaded, cwd, report.redactor);
  applyBaselineFile(report, root, cwd, flags);
  if (flags.history) markHistoryExposure(report);

  const color = useColor(flags);
  const output =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report)
        : format === 'markdown'
          ? formatMarkdown(report)
          : formatText(report, {
              color,
              verbose: Boolean(flags.verbose),
              displayPath: (file) => relative(cwd, join(root, file)) || file,
              ...(!flags.output && streams.stdout.isTTY && streams.stdout.columns && { columns: streams.stdout.columns }),
            });
  emit(output, flags, cwd);

  const failing = activeFindings(report).some((finding) => SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER[failOn]);
  return failing ? 1 : 0;
}

/**
 * Load TypeScript while git lists the staged files (a pre-commit audit's commit nearly always holds code; loading it
 * is the larger part of the wait, and git runs in processes of its own meanwhile).
 */
function preloadParser(): void {
  try {
    loadTypeScript();
  } catch {
    // the first file that needs it reports the problem
  }
}

/** --concurrency, checked. */
function concurrencyOf(flags: AuditFlags): Concurrency | undefined {
  if (flags.concurrency === undefined) return undefined;
  const concurrency = parseConcurrency(flags.concurrency);
  if (concurrency === undefined) throw new UsageError(`--concurrency must be auto, off or a number of threads (1 or more); got "${flags.concurrency}"`);
  return concurrency;
}

/** The audit cache for --cache / --cache-location (a directory gets our file inside it), else none. */
function openCache(flags: AuditFlags, root: string, cwd: string, loaded: LoadedConfig, now: Date): AuditCache | undefined {
  if (!flags.cache && flags['cache-location'] === undefined) return undefined;
  let location = flags['cache-location'] === undefined ? defaultCacheLocation(root) : resolve(cwd, flags['cache-location']);
  if (!location) {
    streams.stderr.write('warning: no private cache directory is available; auditing without a cache (use --cache-location)\n');
    return undefined;
  }
  if (flags['cache-location'] !== undefined && (/[\\/]$/.test(flags['cache-location']) || isDirectory(location))) location = join(location, CACHE_FILE_NAME);
  return AuditCache.open(location, root, loaded.config, now);
}

function saveCache(cache: AuditCache | undefined, report: AuditReport, flags: AuditFlags): void {
  if (!cache) return;
  const problem = cache.save((path) => existsSync(join(report.root, path)));
  if (problem) streams.stderr.write(`warning: ${problem}\n`);
  if (flags.verbose) streams.stderr.write(`agent-guardrail: ${cache.hits} of ${cache.looked} files from the cache ${cache.location}\n`);
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Colour in text output: an explicit --color / --no-color wins (command-line flags override NO_COLOR, as
 * no-color.org asks), then NO_COLOR, then FORCE_COLOR (0 or false turn it off), then whether stdout is a TTY.
 */
function useColor(flags: AuditFlags): boolean {
  if (flags['no-color']) return false;
  if (flags.color) return true;
  if (process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return !flags.output && streams.stdout.isTTY === true;
}

function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function finish(result: { message: string; code: number }): number {
  (result.code === 0 ? streams.stdout : streams.stderr).write(result.message.endsWith('\n') ? result.message : `${result.message}\n`);
  return result.code;
}

/** Drop findings recorded in the baseline (--baseline FILE, or .agent-guardrail-baseline.json at the root). */
function applyBaselineFile(report: AuditReport, root: string, cwd: string, flags: AuditFlags): void {
  if (flags['no-baseline']) return;
  const path = flags.baseline ? resolve(cwd, flags.baseline) : join(root, BASELINE_FILE);
  if (!existsSync(path)) {
    if (flags.baseline) throw new UsageError(`baseline file ${flags.baseline} does not exist`);
    return;
  }
  let baseline;
  try {
    baseline = parseBaseline(readRegularText(path));
  } catch (error) {
    throw new UsageError(`cannot read the baseline ${relative(cwd, path)}: ${(error as Error).message}`);
  }
  const { fresh, baselined } = applyBaseline(report.findings, baseline);
  report.findings = fresh;
  report.baselined = baselined.length;
}

/** --history: say for each secret whether it is already in git history (so it must be rotated even once removed). */
function markHistoryExposure(report: AuditReport): void {
  if (!gitTopLevel(report.root)) return;
  for (const [finding, exposure] of findInHistory(report.root, report.findings, report.readText)) {
    if (exposure.commits.length) {
      const first = exposure.commits[exposure.commits.length - 1];
      finding.message += ` It is already in git history (${exposure.commits.length} commit${exposure.commits.length === 1 ? '' : 's'}, first ${first}${exposure.truncated ? '; search stopped early' : ''}), so rotating it is the only fix.`;
    } else if (!exposure.truncated) {
      finding.message += ' It is not in earlier commits yet.';
    }
  }
}

/** A path given explicitly that does not exist is a usage error (as in ESLint), not a silently clean audit. */
function checkPathsExist(paths: string[], cwd: string): void {
  const missing = paths.filter((path) => !pathExists(resolve(cwd, path)));
  if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
}

/** The configuration (--config, or the nearest one above the audited paths); an unreadable file is a usage error. */
function loadConfigOrFail(anchor: AuditRoot, cwd: string, flags: AuditFlags): LoadedConfig {
  try {
    return loadConfig(anchor.root, anchor.configPath, anchor.gitTop);
  } catch (error) {
    throw new UsageError(`cannot read the configuration file ${flags.config ?? anchor.configPath ?? anchor.root} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/**
 * Configuration problems as warnings on stderr, once the audit has run: they quote the config file (an unknown key
 * may be a pasted key), so they pass through the redactor that knows every secret found.
 */
function warnAboutConfig(loaded: LoadedConfig, cwd: string, redactor: Redactor): void {
  if (!loaded.path || !loaded.problems.length) return;
  const text = readRegularText(loaded.path);
  for (const problem of loaded.problems) streams.stderr.write(redactor.text(`warning: ${describeConfigProblem(relative(cwd, loaded.path) || loaded.path, text, problem)} (using the default for it)`) + '\n');
}

/** Write a report to --output, or standard output. */
function emit(output: string, flags: AuditFlags, cwd: string): void {
  if (!flags.output) {
    streams.stdout.write(output);
    return;
  }
  try {
    writeFileSync(resolve(cwd, flags.output), output);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${flags.output} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The audit behind `baseline` and `inventory`: anchored at the targets' root, with the cache when asked. */
async function auditTargets(paths: string[], flags: AuditFlags, cwd: string): Promise<{ anchor: AuditRoot; loaded: LoadedConfig; now: Date; report: AuditReport }> {
  const concurrency = concurrencyOf(flags);
  const anchor = resolveAuditRoot(cwd, paths, flags.config);
  const loaded = loadConfigOrFail(anchor, cwd, flags);
  const now = new Date();
  const cache = openCache(flags, anchor.root, cwd, loaded, now);
  const report = await auditPathsInParallel(anchor.root, anchor.targets, loaded.config, now, loaded.directory, { cache, concurrency });
  saveCache(cache, report, flags);
  warnAboutConfig(loaded, cwd, report.redactor);
  return { anchor, loaded, now, report };
}

/** `baseline [paths]`: record today's findings so later audits report only new ones. */
async function runBaseline(paths: string[], flags: AuditFlags): Promise<number> {
  const cwd = process.cwd();
  checkPathsExist(paths, cwd);
  const { anchor, report } = await auditTargets(paths, flags, cwd);
  // A hint quotes the start of a message: from the redacted report, like every other output.
  const baseline = createBaseline(redactReport(report).findings);
  const explicit = flags.output ?? flags.baseline;
  const path = explicit ? resolve(cwd, explicit) : join(anchor.root, BASELINE_FILE);
  try {
    writeFileSync(path, serializeBaseline(baseline));
  } catch (error) {
    throw new UsageError(`cannot write the baseline to ${relative(cwd, path)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  streams.stdout.write(`Wrote ${baseline.entries.length} finding${baseline.entries.length === 1 ? '' : 's'} to ${relative(cwd, path) || path}. Audits now report only new findings (--no-baseline shows all).\n`);
  return 0;
}

const INVENTORY_FORMATS = ['markdown', 'json', 'csv', 'html'] as const;

/** The agent inventory: the same analysis as `audit`, reported per agent. */
async function runInventory(paths: string[], flags: AuditFlags): Promise<number> {
  const format = flags.format ?? 'markdown';
  if (!(INVENTORY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`inventory --format must be one of ${INVENTORY_FORMATS.join(', ')}; got "${format}"`);
  const cwd = process.cwd();
  checkPathsExist(paths, cwd);
  const { anchor, loaded, now, report } = await auditTargets(paths, flags, cwd);
  const inventory = buildInventory(report.index, report.findings, now);
  const output =
    format === 'json'
      ? formatInventoryJson(inventory, report.redactor)
      : format === 'csv'
        ? formatInventoryCsv(inventory, report.redactor)
        : format === 'html'
          ? formatInventoryHtml(redactInventory(inventory, report.redactor), { maxCredentialTtlSeconds: loaded.config.maxCredentialTtlSeconds, subtitle: basename(anchor.root) })
          : formatInventoryMarkdown(inventory, report.redactor);
  emit(output, flags, cwd);
  return 0;
}

/** `daemon status|stop` (and `daemon serve`, which `audit --daemon` starts): the warm audit process of this installation. */
async function runDaemonCommand(rest: string[]): Promise<number> {
  const action = rest.length === 1 ? rest[0] : undefined;
  if (action !== 'status' && action !== 'stop' && action !== 'serve') throw new UsageError('usage: agent-guardrail daemon status|stop');
  const socket = daemonSocketPath(__filename);
  if (!socket) throw new UsageError(process.platform === 'win32' ? 'the warm audit process is not available on Windows' : 'the warm audit process needs a private cache directory');
  if (action === 'serve') return serveDaemon(socket, main, __filename);
  const answer = await askDaemon(socket, { kind: action });
  if (answer === 'absent') {
    streams.stdout.write('No warm audit process is running.\n');
    return 0;
  }
  if (answer === 'failed') throw new UsageError(`the warm audit process on ${socket} did not answer`);
  if (answer.kind === 'status') streams.stdout.write(`A warm audit process (pid ${answer.pid}) is running since ${answer.startedAt}; it has run ${answer.served} audit${answer.served === 1 ? '' : 's'}.\n`);
  else if (answer.kind === 'stopping') streams.stdout.write(`Stopped the warm audit process (pid ${answer.pid}).\n`);
  return 0;
}

function runRules(format: string): number {
  if (format === 'json') {
    const rules = RULES.map(({ id, category, description, defaultSeverity, fixable, owasp, docsUrl }) => ({ id, category, description, defaultSeverity, fixable, owasp: owasp.map((ref) => ref.id), docsUrl, docsFile: ruleDocsFile(id) }));
    streams.stdout.write(JSON.stringify(rules, null, 2) + '\n');
    return 0;
  }
  if (format !== 'text') throw new UsageError(`rules --format must be text or json; got "${format}"`);
  const idWidth = RULES.reduce((width, rule) => Math.max(width, rule.id.length), 0);
  for (const rule of RULES) {
    streams.stdout.write(`${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fix' : '   '}  ${rule.description}\n`);
  }
  streams.stdout.write(`\nagent-guardrail explain <rule-id> prints a rule's documentation.\n`);
  return 0;
}

/** `explain <rule-id>` (or `rules --explain <rule-id>`): the rule's documentation page, shipped with the tool. */
function explainRule(id: string): number {
  if (!isRuleId(id)) {
    const suggestion = closest(id, RULES.map((rule) => rule.id));
    throw new UsageError(`unknown rule "${id}"${suggestion ? `; did you mean ${suggestion}?` : ''} (agent-guardrail rules lists them)`);
  }
  const page = readRuleDocs(id);
  if (page === undefined) throw new UsageError(`the documentation of ${id} is not installed with this copy of agent-guardrail`);
  streams.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
  return 0;
}
