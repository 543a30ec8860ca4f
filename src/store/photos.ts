// Photos kept offline: each dispatch's own photos (Article.images, already resolved from
// data-src and free of teasers, ads and icons by extraction) stored as blobs beside the text.
// Bounded: at most MAX_PHOTOS per dispatch, none over MAX_PHOTO_BYTES, one blob per URL shared
// by every dispatch that shows it. The save of the text never waits for them: the background
// queues a job after the save and fetches the photos afterwards, retrying network failures.
import type { Archive } from './archive';
import type { Article } from '../core/types';
import { keptPhotoUrl } from './photo-hosts';
import { STORE } from './schema';
import { rlDb, RL_STORE, type PhotoEntry, type PhotoJob, type PhotoRecord, type PhotoStatus } from './readlater-schema';

export const MAX_PHOTOS = 20;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Wait before retrying a photo whose fetch failed on the network: 1 min, 2, 4… up to 6 h. */
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 3600_000;
/** After this many network failures the photo stays "pending" but is only retried by hand. */
export const MAX_TRIES = 8;

/** Saved, or in the trash (restorable): its photos stay. */
async function stillKept(archive: Archive, id: string): Promise<boolean> {
  if (await archive.has(id)) return true;
  const db = await archive.db();
  return (db.objectStoreNames as DOMStringList).contains(STORE.trash) && (await db.count(STORE.trash, id)) > 0;
}

export type PhotoFetch = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'headers' | 'blob'>>;

/** The photo URLs of an article that may be kept: VNA image hosts, unique, in article order. */
export function photoUrlsOf(article: Pick<Article, 'images'>): string[] {
  const out: string[] = [];
  for (const im of Array.isArray(article.images) ? article.images : []) {
    // The https URL on a VNA image host, as the reader looks it up; anything else is skipped.
    const src = keptPhotoUrl(im?.src);
    if (!src || out.includes(src)) continue;
    out.push(src);
    if (out.length >= MAX_PHOTOS) break;
  }
  return out;
}

/**
 * Record (or refresh) the photo job of a saved dispatch. Photos already kept stay kept; new
 * ones are pending and due now. Returns the job.
 */
export async function queuePhotos(archive: Archive, id: string, article: Pick<Article, 'images'>, now = Date.now()): Promise<PhotoJob> {
  const db = rlDb(await archive.db());
  const tx = db.transaction([RL_STORE.photoJobs, RL_STORE.photos], 'readwrite');
  const old = await tx.objectStore(RL_STORE.photoJobs).get(id);
  const prev = new Map((old?.photos ?? []).map((p) => [p.url, p]));
  const photos: PhotoEntry[] = [];
  for (const url of photoUrlsOf(article)) {
    const p = prev.get(url);
    const have = (await tx.objectStore(RL_STORE.photos).count(url)) > 0;
    if (have) photos.push({ url, status: 'kept', tries: p?.tries ?? 0 });
    else if (p && p.status !== 'kept' && p.status !== 'dropped' && p.status !== 'pending') photos.push(p);
    else photos.push({ url, status: 'pending', tries: 0 });
  }
  const job: PhotoJob = { id, photos, nextAt: now, updatedAt: now };
  await tx.objectStore(RL_STORE.photoJobs).put(job);
  await tx.done;
  return job;
}

export interface ProcessOptions {
  fetch?: PhotoFetch;
  now?: () => number;
  /** Only these dispatches (default: every job that is due). */
  ids?: string[];
  /** Retry pending photos even when not due yet or past MAX_TRIES (the library's "retry"). */
  force?: boolean;
}

export interface ProcessResult {
  kept: number;
  failed: number;
  pending: number;
}

type FetchOutcome = { ok: true; blob: Blob; type: string } | { ok: false; status: Exclude<PhotoStatus, 'kept' | 'dropped'> };

async function fetchPhoto(fetchFn: PhotoFetch, url: string): Promise<FetchOutcome> {
  let res: Awaited<ReturnType<PhotoFetch>>;
  try {
    // Our own request, without the page's cookies or referrer (the photo is public).
    res = await fetchFn(url);
  } catch {
    return { ok: false, status: 'pending' }; // network down: retried later
  }
  if (!res.ok) return { ok: false, status: res.status >= 500 || res.status === 429 || res.status === 408 ? 'pending' : 'refused' };
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!type.startsWith('image/') || type === 'image/svg+xml') return { ok: false, status: 'not-image' };
  const len = Number(res.headers.get('content-length'));
  if (Number.isFinite(len) && len > MAX_PHOTO_BYTES) return { ok: false, status: 'too-large' };
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    return { ok: false, status: 'pending' };
  }
  if (blob.size > MAX_PHOTO_BYTES) return { ok: false, status: 'too-large' };
  if (blob.size === 0) return { ok: false, status: 'not-image' };
  return { ok: true, blob: blob.type === type ? blob : new Blob([blob], { type }), type };
}

const defaultFetch: PhotoFetch = (url) => fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'force-cache' });

/**
 * Fetch the pending photos of the due jobs, one at a time (the machine stays responsive and
 * the VNA servers see a reader's pace), each stored in its own small transaction as it comes.
 */
export async function processPhotos(archive: Archive, opts: ProcessOptions = {}): Promise<ProcessResult> {
  const now = opts.now ?? Date.now;
  const fetchFn = opts.fetch ?? defaultFetch;
  const db = rlDb(await archive.db());
  const jobs = opts.ids
    ? (await Promise.all(opts.ids.map((id) => db.get(RL_STORE.photoJobs, id)))).filter((j): j is PhotoJob => !!j)
    : await db.getAll(RL_STORE.photoJobs);
  const out: ProcessResult = { kept: 0, failed: 0, pending: 0 };
  for (const job of jobs) {
    if (!job.photos.some((p) => p.status === 'pending')) continue;
    if (!opts.force && job.nextAt > now()) {
      out.pending += job.photos.filter((p) => p.status === 'pending').length;
      continue;
    }
    if (!(await archive.has(job.id))) {
      // Deleted meanwhile: nothing to fetch; the job goes unless the dispatch is in the trash.
      if (!(await stillKept(archive, job.id))) await db.delete(RL_STORE.photoJobs, job.id);
      continue;
    }
    let networkFailed = false;
    const photos: PhotoEntry[] = [];
    for (const p of job.photos) {
      if (p.status !== 'pending' || (!opts.force && p.tries >= MAX_TRIES)) {
        photos.push(p);
        if (p.status === 'pending') out.pending++;
        continue;
      }
      if ((await db.count(RL_STORE.photos, p.url)) > 0) {
        photos.push({ ...p, status: 'kept' });
        out.kept++;
        continue;
      }
      const got = await fetchPhoto(fetchFn, p.url);
      if (got.ok) {
        const rec: PhotoRecord = { url: p.url, blob: got.blob, type: got.type, bytes: got.blob.size, storedAt: now() };
        await db.put(RL_STORE.photos, rec);
        photos.push({ ...p, status: 'kept' });
        out.kept++;
      } else if (got.status === 'pending') {
        networkFailed = true;
        photos.push({ ...p, tries: p.tries + 1 });
        out.pending++;
      } else {
        photos.push({ ...p, status: got.status, tries: p.tries + 1 });
        out.failed++;
      }
    }
    const tries = Math.max(0, ...photos.filter((p) => p.status === 'pending').map((p) => p.tries));
    const next: PhotoJob = {
      ...job,
      photos,
      nextAt: networkFailed ? now() + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, tries - 1)) : now(),
      updatedAt: now(),
    };
    await db.put(RL_STORE.photoJobs, next);
  }
  return out;
}

/** The earliest time a pending photo is due (for a retry timer), or null. */
export async function nextPhotoRetry(archive: Archive): Promise<number | null> {
  const db = rlDb(await archive.db());
  let next: number | null = null;
  for (const j of await db.getAll(RL_STORE.photoJobs)) {
    if (j.photos.some((p) => p.status === 'pending' && p.tries < MAX_TRIES)) next = next === null ? j.nextAt : Math.min(next, j.nextAt);
  }
  return next;
}

/** The kept photos of a dispatch, by URL (for the reader's local copies). */
export async function photosOf(archive: Archive, id: string): Promise<Map<string, Blob>> {
  const db = rlDb(await archive.db());
  const job = await db.get(RL_STORE.photoJobs, id);
  const out = new Map<string, Blob>();
  if (!job) return out;
  const tx = db.transaction(RL_STORE.photos);
  const recs = await Promise.all(job.photos.filter((p) => p.status === 'kept').map((p) => tx.store.get(p.url)));
  for (const r of recs) if (r) out.set(r.url, r.blob);
  return out;
}

export interface PhotoSummary {
  kept: number;
  pending: number;
  failed: number;
}

export function summarize(job: PhotoJob | undefined): PhotoSummary {
  const s: PhotoSummary = { kept: 0, pending: 0, failed: 0 };
  for (const p of job?.photos ?? []) {
    if (p.status === 'kept') s.kept++;
    else if (p.status === 'pending') s.pending++;
    else if (p.status !== 'dropped') s.failed++;
  }
  return s;
}

/** Photo status of some dispatches (library rows). */
export async function photoSummaries(archive: Archive, ids: string[]): Promise<Map<string, PhotoSummary>> {
  const db = rlDb(await archive.db());
  const tx = db.transaction(RL_STORE.photoJobs);
  const jobs = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(ids.map((id, i) => [id, summarize(jobs[i])]));
}

/** Ids of the dispatches with photos still pending. */
export async function pendingPhotoIds(archive: Archive): Promise<string[]> {
  const db = rlDb(await archive.db());
  return (await db.getAll(RL_STORE.photoJobs)).filter((j) => j.photos.some((p) => p.status === 'pending')).map((j) => j.id);
}

export interface PhotoStats {
  photos: number;
  bytes: number;
}

/** How many photo blobs are kept and their size (storage stats count photos apart). */
export async function photoStats(archive: Archive): Promise<PhotoStats> {
  const db = rlDb(await archive.db());
  let photos = 0;
  let bytes = 0;
  // A cursor over the store reads the records' size fields; blobs are not loaded into memory.
  for (let c = await db.transaction(RL_STORE.photos).store.openCursor(); c; c = await c.continue()) {
    photos++;
    bytes += c.value.bytes;
  }
  return { photos, bytes };
}

/**
 * Drop every kept photo to free space. The text stays; each photo is marked `dropped` so it is
 * not fetched again on its own (saving the dispatch again, or "retry", queues it again).
 */
export async function dropAllPhotos(archive: Archive, now = Date.now()): Promise<number> {
  const db = rlDb(await archive.db());
  const tx = db.transaction([RL_STORE.photos, RL_STORE.photoJobs], 'readwrite');
  const n = await tx.objectStore(RL_STORE.photos).count();
  await tx.objectStore(RL_STORE.photos).clear();
  for (let c = await tx.objectStore(RL_STORE.photoJobs).openCursor(); c; c = await c.continue()) {
    const photos = c.value.photos.map((p) => (p.status === 'kept' || p.status === 'pending' ? { ...p, status: 'dropped' as const } : p));
    await c.update({ ...c.value, photos, updatedAt: now });
  }
  await tx.done;
  return n;
}

/** Put photo blobs back (import), and mark the jobs that reference them as kept. */
export async function putPhotos(archive: Archive, recs: PhotoRecord[], jobs: PhotoJob[]): Promise<number> {
  const db = rlDb(await archive.db());
  const tx = db.transaction([RL_STORE.photos, RL_STORE.photoJobs], 'readwrite');
  for (const r of recs) await tx.objectStore(RL_STORE.photos).put(r);
  const have = new Set(recs.map((r) => r.url));
  for (const j of jobs) {
    const old = await tx.objectStore(RL_STORE.photoJobs).get(j.id);
    const byUrl = new Map((old?.photos ?? []).map((p) => [p.url, p]));
    for (const p of j.photos) {
      const status: PhotoStatus = have.has(p.url) || (await tx.objectStore(RL_STORE.photos).count(p.url)) > 0 ? 'kept' : p.status === 'kept' ? 'dropped' : p.status;
      byUrl.set(p.url, { ...p, status });
    }
    await tx.objectStore(RL_STORE.photoJobs).put({ ...j, photos: [...byUrl.values()] });
  }
  await tx.done;
  return recs.length;
}

/** Every job and (optionally) every kept blob, for export. */
export async function allPhotoData(archive: Archive, withBlobs: boolean): Promise<{ jobs: PhotoJob[]; photos: PhotoRecord[] }> {
  const db = rlDb(await archive.db());
  const jobs = await db.getAll(RL_STORE.photoJobs);
  return { jobs, photos: withBlobs ? await db.getAll(RL_STORE.photos) : [] };
}

/** Blobs that no job keeps any more (their dispatches were deleted) are deleted. */
async function pruneBlobs(db: ReturnType<typeof rlDb>): Promise<number> {
  const tx = db.transaction([RL_STORE.photos, RL_STORE.photoJobs], 'readwrite');
  const jobs = await tx.objectStore(RL_STORE.photoJobs).getAll();
  const used = new Set(jobs.flatMap((j) => j.photos.filter((p) => p.status === 'kept').map((p) => p.url)));
  let n = 0;
  for (let c = await tx.objectStore(RL_STORE.photos).openKeyCursor(); c; c = await c.continue()) {
    if (!used.has(c.key as string)) {
      await tx.objectStore(RL_STORE.photos).delete(c.key);
      n++;
    }
  }
  await tx.done;
  return n;
}

/** A dispatch unsaved: its photo job goes, and each of its photos no other dispatch shows. */
export async function forgetPhotosOf(archive: Archive, id: string): Promise<void> {
  const db = rlDb(await archive.db());
  await db.delete(RL_STORE.photoJobs, id);
  await pruneBlobs(db);
}

/** Photos of dispatches no longer in the archive nor in its trash go (jobs, then unused blobs). */
export async function dropOrphanPhotos(archive: Archive): Promise<number> {
  const db = rlDb(await archive.db());
  for (const id of await db.getAllKeys(RL_STORE.photoJobs)) if (!(await stillKept(archive, id))) await db.delete(RL_STORE.photoJobs, id);
  return pruneBlobs(db);
}

/** Forget everything (settings page): every photo, job, highlight and reading state. */
export async function forgetReadLater(archive: Archive): Promise<void> {
  const db = rlDb(await archive.db());
  const names = [RL_STORE.photos, RL_STORE.photoJobs, RL_STORE.highlights, RL_STORE.reading] as const;
  const tx = db.transaction([...names], 'readwrite');
  await Promise.all(names.map((n) => tx.objectStore(n).clear()));
  await tx.done;
}
