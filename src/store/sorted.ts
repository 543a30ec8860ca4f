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
