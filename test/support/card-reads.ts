// Counts the reads of the archive's `cards` store (IDBObjectStore.prototype.get, as
// fake-indexeddb installs it): how many candidate cards a related query read.
import { STORE } from '../../src/store/schema';

export interface CardReads {
  /** Reads since the last reset. */
  readonly count: number;
  reset(): void;
  /** Puts the original get back. */
  restore(): void;
}

export function countCardReads(): CardReads {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: { get: (...x: unknown[]) => unknown } } }).IDBObjectStore.prototype;
  const get = proto.get;
  let n = 0;
  proto.get = function (this: { name: string }, ...args: unknown[]) {
    if (this.name === STORE.cards) n++;
    return get.apply(this, args);
  };
  return {
    get count() { return n; },
    reset() { n = 0; },
    restore() { proto.get = get; },
  };
}
