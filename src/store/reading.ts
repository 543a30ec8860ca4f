// Reading state of saved dispatches: unread (no record, or state unread), read (the reader
// reached the end, or said so) and archived (put away by hand), with the reading position
// that the reader page restores when the dispatch is reopened.
import type { Archive } from './archive';
import { RL_INDEX, RL_STORE, rlDb, type ReadingPosition, type ReadingRecord, type ReadingStateName } from './readlater-schema';

export const READING_STATES: ReadingStateName[] = ['unread', 'read', 'archived'];

export function isReadingState(v: unknown): v is ReadingStateName {
  return typeof v === 'string' && (READING_STATES as string[]).includes(v);
}

const blank = (id: string): ReadingRecord => ({ id, state: 'unread', position: null, openedAt: 0, updatedAt: 0 });

export async function readingOf(archive: Archive, id: string): Promise<ReadingRecord> {
  const db = rlDb(await archive.db());
  return (await db.get(RL_STORE.reading, id)) ?? blank(id);
}

async function change(archive: Archive, id: string, fn: (r: ReadingRecord) => ReadingRecord, now: number): Promise<ReadingRecord> {
  const db = rlDb(await archive.db());
  const tx = db.transaction(RL_STORE.reading, 'readwrite');
  const old = (await tx.store.get(id)) ?? blank(id);
  const next = { ...fn(old), id, updatedAt: Math.max(now, old.updatedAt + 1) };
  await tx.store.put(next);
  await tx.done;
  return next;
}

export function setReadingState(archive: Archive, id: string, state: ReadingStateName, now = Date.now()): Promise<ReadingRecord> {
  return change(archive, id, (r) => ({ ...r, state }), now);
}

/**
 * Store where the reader is. Reaching the end marks an unread dispatch read (an archived one
 * stays archived: the reader put it away on purpose).
 */
export function setPosition(archive: Archive, id: string, position: ReadingPosition, reachedEnd: boolean, now = Date.now()): Promise<ReadingRecord> {
  return change(archive, id, (r) => ({ ...r, position, state: reachedEnd && r.state === 'unread' ? 'read' : r.state }), now);
}

/** The reader page opened the dispatch (continue reading lists the latest ones). */
export function markOpened(archive: Archive, id: string, now = Date.now()): Promise<ReadingRecord> {
  return change(archive, id, (r) => ({ ...r, openedAt: now }), now);
}

/** Every reading record by id (library filters; a dispatch without one is unread). */
export async function readingMap(archive: Archive): Promise<Map<string, ReadingRecord>> {
  const db = rlDb(await archive.db());
  return new Map((await db.getAll(RL_STORE.reading)).map((r) => [r.id, r]));
}

/**
 * Dispatches started but not finished, most recently opened first: opened, unread, with a
 * position past the start. Deleted dispatches are left out.
 */
export async function continueReading(archive: Archive, limit = 3): Promise<ReadingRecord[]> {
  const db = rlDb(await archive.db());
  const out: ReadingRecord[] = [];
  let c = await db.transaction(RL_STORE.reading).store.index(RL_INDEX.opened).openCursor(null, 'prev');
  const cands: ReadingRecord[] = [];
  for (; c && cands.length < limit * 4; c = await c.continue()) {
    const r = c.value;
    if (!r.openedAt) break;
    if (r.state === 'unread' && r.position && r.position.progress > 0.02 && r.position.progress < 0.98) cands.push(r);
  }
  for (const r of cands) {
    if (out.length >= limit) break;
    if (await archive.has(r.id)) out.push(r);
  }
  return out;
}

/** Put reading records from an import: the newer of the two copies wins. */
export async function putReading(archive: Archive, list: ReadingRecord[]): Promise<number> {
  const db = rlDb(await archive.db());
  const tx = db.transaction(RL_STORE.reading, 'readwrite');
  let n = 0;
  for (const r of list) {
    const old = await tx.store.get(r.id);
    if (old && old.updatedAt >= r.updatedAt) continue;
    await tx.store.put(r);
    n++;
  }
  await tx.done;
  return n;
}
