// Archives over a fresh fake IndexedDB for each test, closed after it: the store tests' common
// setup, registered once per file.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import type { Archive } from '../../src/store/archive';

/** Registers the hooks and returns `make` wrapped so every archive it opens is closed after the test. */
export function freshArchives<A extends unknown[]>(make: (...args: A) => Archive): (...args: A) => Archive {
  const open: Archive[] = [];
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(async () => {
    for (const a of open.splice(0)) await a.close();
  });
  return (...args) => {
    const a = make(...args);
    open.push(a);
    return a;
  };
}
