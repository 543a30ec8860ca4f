/**
 * First index of sorted `xs` whose item is >= x (the memory index's vocabulary, a word's ord
 * list), searching from `from` on (a caller walking ascending keys starts where the last ended).
 */
export function lowerBound<T extends string | number>(xs: ArrayLike<T>, x: T, from = 0): number {
  let lo = from;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Descending order of two strings (dates: the newest first), 0 when equal: a consistent comparator, so that a stable
 * sort keeps the earlier order among equal ones (a `> ? 1 : -1` comparator is not one, and two arrays holding the same
 * tied items could come out in different orders).
 */
export function cmpDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
