import ignore from 'ignore';

/** gitignore-syntax matcher for the config's `ignore` globs (paths are root-relative, forward slashes). */
export function createIgnoreMatcher(globs: readonly string[]): (path: string) => boolean {
  if (!globs.length) return () => false;
  const matcher = ignore().add([...globs]);
  return (path: string) => path !== '' && !path.startsWith('..') && matcher.ignores(path);
}
