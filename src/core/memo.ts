/**
 * A pure function of a string, remembered for the strings it was last asked about. Identifier names repeat across
 * the files of a tree (`apiKey`, `token`, `description`), and splitting or judging one costs several regular
 * expressions. The memory is bounded: only short keys are kept (a hostile file's megabyte-long name is computed
 * each time), and the table starts over when it holds `limit` entries.
 *
 * Keys are stored as copies: a name cut out of a file's text is, to V8, a slice that keeps the whole text alive, and
 * a table of 8,192 such names held the texts of thousands of files (75 MB of a 10,000-file audit).
 */
export function memoizeByString<T>(compute: (key: string) => T, limit = 8192, longestKey = 256): (key: string) => T {
  let known = new Map<string, T>();
  return (key: string): T => {
    if (key.length > longestKey) return compute(key);
    const remembered = known.get(key);
    if (remembered !== undefined || known.has(key)) return remembered as T;
    const value = compute(key);
    if (known.size >= limit) known = new Map();
    known.set(detached(key), value);
    return value;
  };
}

/** The same characters in a string of their own (a slice of a longer string would keep the longer one alive). */
function detached(text: string): string {
  // Concatenating makes a new string, which the slice then flattens into a copy (short slices are copies anyway).
  return (' ' + text).slice(1);
}
