import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fingerprintOf } from '../core/secrets/redact';
import type { Finding } from '../core/types';
import { readRegularText } from './read';

export interface HistoryExposure {
  /** Commits (short ids, newest first) whose diff adds or removes the secret. */
  commits: string[];
  /** True when the search stopped at its limits before reading all history. */
  truncated: boolean;
}

const MAX_COMMITS = 5000;
const TIMEOUT_MS = 20_000;

/**
 * For each secret finding, whether the same value appears in earlier commits: a secret that is in history must be
 * rotated even once it is removed. The values never leave this process (no command-line arguments, no output):
 * git prints the patches of recent history and the search runs here, bounded in commits and time.
 */
export function findInHistory(root: string, findings: Finding[], readText: (file: string) => string | undefined = (file) => safeRead(join(root, file))): Map<Finding, HistoryExposure> {
  const values = new Map<Finding, string>();
  for (const finding of findings) {
    if (!finding.ruleId.startsWith('secrets/')) continue;
    const value = readText(finding.file)?.slice(finding.startOffset, finding.endOffset);
    if (value && fingerprintOf(value) === finding.fingerprint) values.set(finding, value);
  }
  const result = new Map<Finding, HistoryExposure>();
  if (!values.size) return result;
  const log = spawnSync('git', ['log', '--all', '-p', '--no-color', '--no-ext-diff', '--no-textconv', `--max-count=${MAX_COMMITS}`, '--format=%x00commit %h'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: TIMEOUT_MS,
  });
  const output = log.stdout ?? '';
  const truncated = log.error !== undefined || log.status !== 0;
  const commits = output.split('\0commit ').slice(1);
  for (const [finding, value] of values) {
    const hits = commits.filter((patch) => patch.includes(value)).map((patch) => patch.slice(0, patch.indexOf('\n')).trim());
    result.set(finding, { commits: hits, truncated });
  }
  return result;
}

function safeRead(path: string): string | undefined {
  try {
    return readRegularText(path);
  } catch {
    return undefined;
  }
}
