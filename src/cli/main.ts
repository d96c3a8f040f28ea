import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from '../core/rules';
import type { Severity } from '../core/types';
import { auditPaths, auditStaged, type AuditReport } from './audit';
import { describeConfigProblem, loadConfig } from './config-file';
import { gitTopLevel } from './discover';
import { activeFindings, SEVERITY_ORDER, TOOL_VERSION } from './format/common';
import { formatJson } from './format/json';
import { formatMarkdown } from './format/markdown';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';

const HELP = `agent-guardrail ${TOOL_VERSION}: find hardcoded secrets, over-broad grants and unowned agents.

Usage:
  agent-guardrail audit [paths…] [options]   Audit files and directories (default: .)
  agent-guardrail audit --staged [options]    Audit the staged content of staged files (pre-commit)
  agent-guardrail rules [--format text|json]  List every rule with its severity and documentation
  agent-guardrail --version | --help

Audit options:
  --format text|json|sarif|markdown   Output format (default: text)
  --output FILE                       Write the report to FILE instead of standard output
  --fail-on error|warning|note        Lowest severity that makes the exit code 1 (default: error)
  --config FILE                       Configuration file (default: .agent-guardrail.yaml in the current directory)
  --verbose                           List skipped files and other notes
  --no-color                          No colours in text output (also NO_COLOR=1)

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above --fail-on, 2 usage or internal error.
Docs: https://github.com/agent-guardrail/agent-guardrail#readme
`;

class UsageError extends Error {}

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export function main(argv: string[]): number {
  try {
    return run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`agent-guardrail: ${error.message}\nRun agent-guardrail --help for usage.\n`);
      return 2;
    }
    process.stderr.write(`agent-guardrail: internal error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}

function run(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        staged: { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'audit':
      return runAudit(rest, values);
    case 'rules':
      return runRules(values.format ?? 'text');
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
}

function runAudit(paths: string[], flags: AuditFlags): number {
  const format = (flags.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${flags.format}"`);
  const failOn = (flags['fail-on'] ?? 'error') as Severity;
  if (!(failOn in SEVERITY_ORDER)) throw new UsageError(`--fail-on must be one of error, warning, note; got "${flags['fail-on']}"`);

  const cwd = process.cwd();
  let root = cwd;
  if (flags.staged) {
    if (paths.length) throw new UsageError('--staged audits the staged files; it takes no paths');
    const top = gitTopLevel(cwd);
    if (!top) throw new UsageError('--staged needs a git repository');
    root = top;
  }
  const loaded = loadConfig(root, flags.config ? resolve(cwd, flags.config) : undefined);
  if (loaded.path && loaded.problems.length) {
    const text = readFileSync(loaded.path, 'utf8');
    for (const problem of loaded.problems) process.stderr.write(`warning: ${describeConfigProblem(relative(cwd, loaded.path), text, problem)} (using the default for it)\n`);
  }
  const report: AuditReport = flags.staged ? auditStaged(root, loaded.config) : auditPaths(root, paths, loaded.config);

  const color = flags['no-color'] || process.env.NO_COLOR ? false : flags.color || (!flags.output && process.stdout.isTTY === true) || Boolean(process.env.FORCE_COLOR);
  const output =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report)
        : format === 'markdown'
          ? formatMarkdown(report)
          : formatText(report, { color, verbose: Boolean(flags.verbose) });
  if (flags.output) writeFileSync(resolve(cwd, flags.output), output);
  else process.stdout.write(output);

  const failing = activeFindings(report).some((finding) => SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER[failOn]);
  return failing ? 1 : 0;
}

function runRules(format: string): number {
  if (format === 'json') {
    const rules = RULES.map(({ id, category, description, defaultSeverity, fixable, owasp, docsUrl }) => ({ id, category, description, defaultSeverity, fixable, owasp: owasp.map((ref) => ref.id), docsUrl }));
    process.stdout.write(JSON.stringify(rules, null, 2) + '\n');
    return 0;
  }
  if (format !== 'text') throw new UsageError(`rules --format must be text or json; got "${format}"`);
  const idWidth = Math.max(...RULES.map((rule) => rule.id.length));
  for (const rule of RULES) {
    process.stdout.write(`${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fix' : '   '}  ${rule.description}\n${' '.repeat(idWidth + 2)}${rule.docsUrl}\n`);
  }
  return 0;
}
