/** A multiset of strings in a stable order, so that toEqual also catches a message sent twice. */
export function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/** How many times each value occurs. */
export function countOf(values: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
