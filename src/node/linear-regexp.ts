import { setFlagsFromString } from 'node:v8';
import { compileBacktrackingSafePattern, type PatternCompiler } from '../core/user-patterns';

let linearEngine: boolean | undefined;

/**
 * V8's linear-time regular expression engine (the `l` flag, behind a flag that can be set at run time): it matches
 * any pattern without back-references or lookaround in time linear in the input, so no configured pattern can hang
 * the analysis. Probed once; false where the engine is missing.
 */
function hasLinearEngine(): boolean {
  if (linearEngine === undefined) {
    try {
      setFlagsFromString('--enable-experimental-regexp-engine');
      linearEngine = new RegExp('a', 'l').test('a');
    } catch {
      linearEngine = false;
    }
  }
  return linearEngine;
}

/**
 * A user pattern compiled for the linear engine; patterns it cannot run (back-references, lookaround) are refused.
 * Without the engine, only backtracking-safe shapes are accepted.
 */
export const compileLinearPattern: PatternCompiler = (source) => {
  if (!hasLinearEngine()) return compileBacktrackingSafePattern(source);
  try {
    return new RegExp(source, 'l');
  } catch (error) {
    const message = (error as Error).message;
    if (/linear time/i.test(message)) throw new Error('it needs back-references or lookaround, which cannot run in linear time; use a simpler pattern');
    throw error;
  }
};
