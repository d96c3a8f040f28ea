/**
 * The longest text a regular expression can match, from its source: Infinity when a quantifier is unbounded (`*`,
 * `+`, `{n,}`). Lookarounds match no text. Enough of the syntax for the detector patterns: literals, escapes,
 * classes, groups, alternation and quantifiers (backreferences count as unbounded).
 */
export function maxMatchLength(source: string): number {
  let index = 0;

  /** An alternation up to `)` or the end: the longest branch. */
  function alternation(): number {
    let longest = sequence();
    while (source[index] === '|') {
      index++;
      longest = Math.max(longest, sequence());
    }
    return longest;
  }

  /** Atoms with their quantifiers, up to `|`, `)` or the end. */
  function sequence(): number {
    let total = 0;
    while (index < source.length && source[index] !== '|' && source[index] !== ')') {
      const length = atom();
      const times = quantifier();
      total += length === 0 ? 0 : length * times;
    }
    return total;
  }

  function atom(): number {
    const char = source[index]!;
    if (char === '\\') {
      const next = source[index + 1];
      index += 2;
      if (next !== undefined && /[1-9k]/.test(next)) return Infinity; // backreference
      if (next === 'u' && source[index] === '{') index = source.indexOf('}', index) + 1;
      else if (next === 'u') index += 4;
      else if (next === 'x') index += 2;
      else if (next === 'c') index += 1;
      return next === 'b' || next === 'B' ? 0 : 1;
    }
    if (char === '[') {
      index++;
      if (source[index] === '^') index++;
      if (source[index] === ']') index++;
      while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
      index++;
      return 1;
    }
    if (char === '(') {
      index++;
      let lookaround = false;
      if (source[index] === '?') {
        const kind = source.slice(index, index + 3);
        lookaround = kind.startsWith('?=') || kind.startsWith('?!') || kind === '?<=' || kind === '?<!';
        if (kind.startsWith('?:') || kind.startsWith('?=') || kind.startsWith('?!')) index += 2;
        else if (kind === '?<=' || kind === '?<!') index += 3;
        else if (kind.startsWith('?<')) index = source.indexOf('>', index) + 1;
      }
      const inner = alternation();
      index++; // ')'
      return lookaround ? 0 : inner;
    }
    index++;
    return char === '^' || char === '$' ? 0 : 1;
  }

  function quantifier(): number {
    const char = source[index];
    let times = 1;
    if (char === '*' || char === '+') {
      index++;
      times = Infinity;
    } else if (char === '?') {
      index++;
    } else if (char === '{') {
      const match = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(index));
      if (match) {
        index += match[0].length;
        times = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
      }
    }
    if (times !== 1 && source[index] === '?') index++; // lazy
    return times;
  }

  return alternation();
}
