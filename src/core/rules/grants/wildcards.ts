/** `*`, `all`, `admin`, `*:*`, `tickets:*`, `repo.*`: a grant of everything rather than a task-scoped list. */
export function isWildcardGrant(value: string): boolean {
  const normalized = value.trim().toLowerCase();
  return normalized === '*' || normalized === 'all' || normalized === 'admin' || normalized === '*:*' || /[:.]\*$/.test(normalized) || normalized === '**';
}
