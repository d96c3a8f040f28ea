import { setFlagsFromString } from 'node:v8';

/**
 * V8's optimising compiler tuned for short runs. An audit lasts a few seconds, and V8's defaults are made for pages
 * and servers that run for minutes. Measured on five agent repositories (npm run bench, 2 cores), the optimising
 * compiler's background threads used as much CPU as the audit itself: it inlines widely and optimises functions early,
 * and all of that is redone in every process. Less inlining, and optimising only what has run four times as long,
 * takes 23-30 % of the CPU and 11-19 % of the wall time off whole-tree audits on Node 20, 21 and 22 (vercel/ai, the
 * largest: 8 % of the CPU; Node 24: about 5 %), and makes no difference on a 13-second audit of 10,000 files. On Node 25 (V8 14) it gained nothing: not set.
 *
 * The flags are set for V8 versions they were checked on only: V8 prints "unrecognized flag" on standard output for
 * a flag it does not know, which would spoil JSON output and the language server's stdio. V8 11.3 (Node 20) counts
 * towards optimisation with `--interrupt-budget`; V8 11.8 (Node 21) to 13.6 (Node 24) with
 * `--invocation-count-for-turbofan` instead. A flag the user set (in NODE_OPTIONS or on the command line) is left as
 * it is. Flags are per process: worker threads share them.
 *
 * Memory: the old generation grows by at most half between full collections (`--heap-growing-percent=50`), and
 * a semi-space of the young one is at most 16 MB (`--max-semi-space-size=16`). V8 lets the old generation grow up to
 * fourfold when garbage comes fast, and an audit makes garbage fast (a large Python module's copied tree, a YAML
 * cassette's document); V8 13 and 14 also size the young generation from the machine's memory. pydantic-ai's audit
 * peaked at 314-338 MB on Node 20 (two thirds of the helper thread's heap was garbage waiting for a collection), 480
 * MB on Node 24 and 540-560 MB on Node 25; now at 245 MB on Node 20 and 380 MB on Node 24 and 25, in the same time
 * within noise (there and on openai-agents-js and vercel/ai). The semi-space limit set here reaches the worker threads
 * only: the main thread's young generation is sized when the process starts (with `--max-semi-space-size=16` in
 * NODE_OPTIONS Node 24 and 25 peak at 286 MB too). On Node 20 and 22 it is V8's own limit. Checked on V8 11.3 to 14.1
 * (Node 20 to 25).
 */
export function v8FlagsFor(v8Version: string, userFlags: string, options: ShortRunOptions = {}): string[] {
  const [major = NaN, minor = NaN] = /^(\d+)\.(\d+)\./.exec(v8Version)?.slice(1).map(Number) ?? [];
  const version = major * 1000 + minor;
  const tuned: Record<string, string> = {};
  if (version === 11_003) Object.assign(tuned, { 'max-inlined-bytecode-size-cumulative': '230', 'interrupt-budget': '270000' });
  else if (version >= 11_008 && version < 14_000) Object.assign(tuned, { 'max-inlined-bytecode-size-cumulative': '230', 'invocation-count-for-turbofan': '12000' });
  const checked = version === 11_003 || (version >= 11_008 && version <= 14_001);
  if (checked) Object.assign(tuned, { 'heap-growing-percent': '50', 'max-semi-space-size': '16' });
  const given = userFlags.replace(/_/g, '-');
  const flags = Object.entries(tuned)
    .filter(([name]) => !given.includes(`--${name}`))
    .map(([name, value]) => `--${name}=${value}`);
  if (checked && options.keepBytecode && !/--(?:no-?)?flush-bytecode/.test(given)) flags.push('--no-flush-bytecode');
  return flags;
}

export interface ShortRunOptions {
  /**
   * Keep the bytecode of functions that have not run for a while (`--no-flush-bytecode`). The CLI writes its V8 code
   * cache (src/node/code-cache.ts) when it exits, from the code compiled by then: after a long audit V8 had flushed
   * what ran only at the start, the bundle's top level first, and every later process compiled it again (20 ms of
   * each start; the cache stays until the bundle changes, and the first audit after an install is often the long
   * one). Memory: at most the bytecode of all the code that ran, a few MB.
   */
  keepBytecode?: boolean;
}

/** Apply v8FlagsFor to this process, before the bundles are loaded (the launchers call it first). */
export function tuneV8ForShortRuns(options: ShortRunOptions = {}): void {
  if (process.env.AGENT_GUARDRAIL_V8_DEFAULTS === '1') return;
  const userFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  for (const flag of v8FlagsFor(process.versions.v8, userFlags, options)) setFlagsFromString(flag);
}
