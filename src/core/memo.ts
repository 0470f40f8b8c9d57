// Memo tables for the checker's small lookups: the same words and labels come back on every card.

/**
 * `compute` with its results kept per key, at most `limit` of them (an `undefined` result is not kept). Why a table
 * emptied when full, not an LRU: the keys are the few words and labels of everyday cards, so a full table means
 * unusual input (a hostile card with thousands of distinct words), where keeping memory bounded matters and hits do
 * not.
 */
export function memoized<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const table = new Map<string, T>();
  return (key) => {
    let value = table.get(key);
    if (value === undefined) {
      value = compute(key);
      if (table.size >= limit) table.clear();
      table.set(key, value);
    }
    return value;
  };
}
