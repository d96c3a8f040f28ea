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
 */
export function v8FlagsFor(v8Version: string, userFlags: string): string[] {
  const [major = NaN, minor = NaN] = /^(\d+)\.(\d+)\./.exec(v8Version)?.slice(1).map(Number) ?? [];
  const version = major * 1000 + minor;
  const tuned: Record<string, string> = {};
  if (version === 11_003) Object.assign(tuned, { 'max-inlined-bytecode-size-cumulative': '230', 'interrupt-budget': '270000' });
  else if (version >= 11_008 && version < 14_000) Object.assign(tuned, { 'max-inlined-bytecode-size-cumulative': '230', 'invocation-count-for-turbofan': '12000' });
  const given = userFlags.replace(/_/g, '-');
  return Object.entries(tuned)
    .filter(([name]) => !given.includes(`--${name}`))
    .map(([name, value]) => `--${name}=${value}`);
}

/** Apply v8FlagsFor to this process, before the bundles are loaded (the launchers call it first). */
export function tuneV8ForShortRuns(): void {
  if (process.env.AGENT_GUARDRAIL_V8_DEFAULTS === '1') return;
  const userFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  for (const flag of v8FlagsFor(process.versions.v8, userFlags)) setFlagsFromString(flag);
}
