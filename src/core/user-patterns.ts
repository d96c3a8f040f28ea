/**
 * Regular expressions a user (or a repository) supplies, such as `placeholders:`. JavaScript's engine backtracks, so
 * a pattern like `^([A-Za-z0-9]+)+!$` takes exponential time on a 40-character value and hangs the analysis. A
 * pattern is therefore compiled for a linear-time engine (the Node layer passes V8's), or, where none is available,
 * accepted only in a shape that cannot backtrack badly. A rejected pattern becomes a config warning.
 */

/** Compiles a user pattern or throws an Error whose message says why it is refused. */
export type PatternCompiler = (source: string) => RegExp;

/** Unbounded quantifiers allowed in one pattern without a linear engine: each one can multiply the work by n. */
const MAX_UNBOUNDED = 2;

/**
 * Why a pattern could take super-linear time under a backtracking engine, or undefined for a safe one. Safe: no
 * back-references, no lookaround, no quantified group (`(a+)+`, `(a|aa)*`), at most two unbounded quantifiers.
 */
export function backtrackingRisk(source: string): string | undefined {
  let unbounded = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'it uses a back-reference';
      i++;
    } else if (char === '[') {
      // A character class: quantifier characters inside it are literal.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (char === '(' && /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      return 'it uses a lookaround';
    } else if (char === ')' && /^[*+?{]/.test(source[i + 1] ?? '')) {
      return 'it repeats a group';
    } else if (char === '*' || char === '+' || (char === '{' && /^\{\d*,\}/.test(source.slice(i)))) {
      if (++unbounded > MAX_UNBOUNDED) return `it has more than ${MAX_UNBOUNDED} unbounded repetitions`;
    }
  }
  return undefined;
}

/** The compiler without a linear engine: backtracking-safe shapes only. */
export const compileBacktrackingSafePattern: PatternCompiler = (source) => {
  const risk = backtrackingRisk(source);
  if (risk) throw new Error(`${risk}, which can take exponential time; use a simpler pattern`);
  return new RegExp(source);
};
