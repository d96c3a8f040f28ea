/**
 * Append `items` to `target` one by one. Spreading them into `push` passes every item as a call argument, and a
 * large array (150,000 findings from one hostile file) overflows the call stack.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
