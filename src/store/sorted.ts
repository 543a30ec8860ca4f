/** First index of sorted `xs` whose item is >= x (the memory index's vocabulary, a word's ord list). */
export function lowerBound<T extends string | number>(xs: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
