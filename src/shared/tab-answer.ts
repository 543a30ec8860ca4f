// What the badge computed for a tab's article — its related list and whether it is saved —
// kept in storage.session, so the popup paints both with its first frame without waking the
// service worker (issue 17: MV3 stops it after 30 s idle, and waking it and reading the archive
// cost the popup ~50-100 ms). storage.session lives in memory only, survives the worker's
// stops, is cleared with the browser or the extension, and content scripts cannot read it.
//
// An answer is valid only at the archive revision it was computed at: every archive write
// bumps the revision (the worker after each of its writes, the settings page after "Forget
// everything"), and the popup ignores an answer of another revision and asks the worker.
import { ext } from './webext';
import type { RelatedRow } from './messages';

export interface TabAnswer {
  /** The article it is about (a tab navigates: another article is another answer). */
  id: string;
  rev: number;
  related: RelatedRow[];
  saved: boolean;
}

const REV_KEY = 'archiveRev';
const tabKey = (tabId: number) => `tabAnswer:${tabId}`;

interface SessionArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}
const session = (): SessionArea | null => (ext?.storage as unknown as { session?: SessionArea } | undefined)?.session ?? null;

const readRev = (): Promise<number> =>
  (session()?.get([REV_KEY]) ?? Promise.resolve({} as Record<string, unknown>))
    .then((v) => (Number.isInteger(v[REV_KEY]) ? (v[REV_KEY] as number) : 0), () => 0);

/** Bumps made in this context, one after the other (a read, then a write). */
let bumping: Promise<unknown> = Promise.resolve();

/** The archive revision answers are computed at (read before computing one, after any bump of this context). */
export const archiveRevision = (): Promise<number> => bumping.then(readRev, readRev);

/** After an archive write: every stored answer is out of date. */
export function bumpArchiveRevision(): Promise<void> {
  const next = bumping.then(async () => {
    await session()?.set({ [REV_KEY]: (await readRev()) + 1 }).catch(() => {});
  });
  bumping = next.catch(() => {});
  return next;
}

export function storeTabAnswer(tabId: number, answer: TabAnswer): Promise<void> {
  return session()?.set({ [tabKey(tabId)]: answer }).catch(() => {}) ?? Promise.resolve();
}

export function forgetTabAnswer(tabId: number): Promise<void> {
  return session()?.remove(tabKey(tabId)).catch(() => {}) ?? Promise.resolve();
}

/** The tab's answer if it is of the current revision, else null (the caller checks the article id). */
export async function readTabAnswer(tabId: number): Promise<TabAnswer | null> {
  try {
    const got = await session()?.get([REV_KEY, tabKey(tabId)]);
    const a = got?.[tabKey(tabId)] as TabAnswer | undefined;
    const current = Number.isInteger(got?.[REV_KEY]) ? (got![REV_KEY] as number) : 0;
    return a && typeof a.id === 'string' && a.rev === current && Array.isArray(a.related) ? a : null;
  } catch {
    return null;
  }
}
