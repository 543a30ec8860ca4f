// Issue 17 (search): the published key that ranks ~90,000 tied hits without their strings
// never reverses the strings' order, and is exact where it says so.
import { describe, expect, it } from 'vitest';
import { PUB_LOSSY, PUB_LOSSY10, PUB_NULL, dateKey, pubKey } from '../../../src/store/word-rank';
import { rng } from '../../../bench/store-corpus';

const ALPHABET = ['0', '1', '5', '9', '-', 'T', ':', '+', 'Z', ' ', 'a', 'é', '/', '.'];
function randomDate(r: () => number): string {
  const base = `${2000 + Math.floor(r() * 40)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00+07:00`;
  let s = base.slice(0, Math.floor(r() * (base.length + 1)));
  // Now and then a character out of place, or garbage.
  if (r() < 0.3) {
    const i = Math.floor(r() * (s.length + 1));
    s = s.slice(0, i) + ALPHABET[Math.floor(r() * ALPHABET.length)] + s.slice(i + 1);
  }
  return s;
}

describe('pubKey', () => {
  it('keeps the string order (a < b ⇒ key(a) ≤ key(b)), and equal lossless keys mean equal strings', () => {
    const r = rng(42);
    const xs = Array.from({ length: 3000 }, () => randomDate(r)).concat('', 'mars 2024', '2024', '2024-03-05', '2024-03-05T10:20', '2024-03-05T10:20:00Z');
    xs.sort();
    const keys = xs.map((x) => pubKey(x));
    for (let i = 1; i < xs.length; i++) {
      expect(keys[i].key, `${xs[i - 1]} < ${xs[i]}`).toBeGreaterThanOrEqual(keys[i - 1].key);
      if (keys[i].key === keys[i - 1].key && !((keys[i].flag | keys[i - 1].flag) & PUB_LOSSY)) expect(xs[i]).toBe(xs[i - 1]);
    }
    // The date part (first 10 characters) orders as the strings' first 10 characters, where exact.
    for (let i = 1; i < xs.length; i++) {
      if ((keys[i].flag | keys[i - 1].flag) & PUB_LOSSY10) continue;
      const a = xs[i - 1].slice(0, 10);
      const b = xs[i].slice(0, 10);
      expect(Math.sign(dateKey(keys[i].key) - dateKey(keys[i - 1].key)), `${a} ${b}`).toBe(a === b ? 0 : 1);
    }
    expect(pubKey(null)).toEqual({ key: 0, flag: PUB_NULL });
    expect(pubKey('').key).toBe(0);
    expect(pubKey('2024-03-05T10:20').flag).toBe(0);
    expect(pubKey('2024-03-05T10:20:00Z').flag).toBe(PUB_LOSSY);
    expect(pubKey('mars 2024').flag).toBe(PUB_LOSSY | PUB_LOSSY10);
  });
});
