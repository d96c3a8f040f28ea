/**
 * A pure function of a string, remembered for the strings it was last asked about. Identifier names repeat across
 * the files of a tree (`apiKey`, `token`, `description`), and splitting or judging one costs several regular
 * expressions. The memory is bounded: only short keys are kept (a hostile file's megabyte-long name is computed
 * each time), and the table starts over when it holds `limit` entries.
 */
export function memoizeByString<T>(compute: (key: string) => T, limit = 8192, longestKey = 256): (key: string) => T {
  let known = new Map<string, T>();
  return (key: string): T => {
    if (key.length > longestKey) return compute(key);
    const remembered = known.get(key);
    if (remembered !== undefined || known.has(key)) return remembered as T;
    const value = compute(key);
    if (known.size >= limit) known = new Map();
    known.set(key, value);
    return value;
  };
}
