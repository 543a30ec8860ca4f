// The read-later part of an export file (format version 2): highlights, reading states, the
// photo jobs and, when the reader chose "with photos", the photo blobs as base64. It sits in the
// file's `readLater` field with its own checksum; `photos` says whether the blobs are included.
// Version 1 files (no such field) still import. Validated completely before anything is written.
import type { Archive } from './archive';
import { ImportError } from './errors';
import { putHighlights } from './highlights';
import { allHighlights } from './highlights';
import { isVnaImageUrl } from './photo-hosts';
import { allPhotoData, MAX_PHOTO_BYTES, putPhotos } from './photos';
import { putReading, READING_STATES } from './reading';
import { HIGHLIGHT_COLORS, rlDb, RL_STORE, type Highlight, type PhotoJob, type PhotoRecord, type ReadingRecord } from './readlater-schema';

export type PhotosChoice = 'included' | 'omitted';

export interface ExportedPhoto {
  url: string;
  type: string;
  storedAt: number;
  base64: string;
}

export interface ReadLaterExport {
  highlights: Highlight[];
  reading: ReadingRecord[];
  photoJobs: PhotoJob[];
  photos: ExportedPhoto[];
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(b64: string, type: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export async function exportReadLater(archive: Archive, withPhotos: boolean, ids?: Set<string>): Promise<ReadLaterExport> {
  const db = rlDb(await archive.db());
  const keep = <T extends { id?: string; dispatchId?: string }>(x: T) => !ids || ids.has((x.dispatchId ?? x.id)!);
  const highlights = (await allHighlights(archive)).filter(keep).sort((a, b) => (a.id < b.id ? -1 : 1));
  const reading = (await db.getAll(RL_STORE.reading)).filter(keep);
  const { jobs, photos } = await allPhotoData(archive, withPhotos);
  const photoJobs = jobs.filter(keep);
  const wanted = new Set(photoJobs.flatMap((j) => j.photos.filter((p) => p.status === 'kept').map((p) => p.url)));
  const out: ExportedPhoto[] = [];
  for (const p of photos) if (wanted.has(p.url)) out.push({ url: p.url, type: p.type, storedAt: p.storedAt, base64: await toBase64(p.blob) });
  return { highlights, reading, photoJobs, photos: out };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const PHOTO_STATUS = new Set(['kept', 'pending', 'too-large', 'not-image', 'refused', 'dropped']);

/** Check the `readLater` part of a parsed file; throws ImportError naming the first problem. */
export function validateReadLater(v: unknown, photos: unknown, dispatchIds: Set<string>): ReadLaterExport {
  const fail = (what: string): never => {
    throw new ImportError(`Invalid VNA Reader export: readLater: ${what}.`);
  };
  if (photos !== 'included' && photos !== 'omitted') fail('"photos" must be "included" or "omitted"');
  if (!isObj(v)) fail('must be an object');
  const o = v as Obj;
  for (const k of ['highlights', 'reading', 'photoJobs', 'photos']) if (!Array.isArray(o[k])) fail(`"${k}" must be a list`);
  const known = (id: unknown, where: string) => {
    if (typeof id !== 'string' || !dispatchIds.has(id)) fail(`${where} refers to a dispatch that is not in the file`);
  };
  (o.highlights as unknown[]).forEach((h, i) => {
    const w = `highlight ${i + 1}`;
    if (!isObj(h)) fail(`${w} is not an object`);
    const x = h as Obj;
    if (typeof x.id !== 'string' || !x.id) fail(`${w}: "id" must be a non-empty string`);
    known(x.dispatchId, w);
    if (!(HIGHLIGHT_COLORS as string[]).includes(x.color as string)) fail(`${w}: unknown colour`);
    if (typeof x.note !== 'string') fail(`${w}: "note" must be a string`);
    if (!isNum(x.createdAt) || !isNum(x.updatedAt)) fail(`${w}: times must be numbers`);
    const a = x.anchor as Obj;
    if (!isObj(a) || (a.field !== 'lead' && a.field !== 'body') || !isInt(a.index) || !isInt(a.start) || !isInt(a.end) || (a.end as number) < (a.start as number)
      || typeof a.exact !== 'string' || !a.exact || typeof a.prefix !== 'string' || typeof a.suffix !== 'string') fail(`${w}: invalid anchor`);
  });
  (o.reading as unknown[]).forEach((r, i) => {
    const w = `reading state ${i + 1}`;
    if (!isObj(r)) fail(`${w} is not an object`);
    const x = r as Obj;
    known(x.id, w);
    if (!(READING_STATES as string[]).includes(x.state as string)) fail(`${w}: unknown state`);
    if (!isNum(x.openedAt) || !isNum(x.updatedAt)) fail(`${w}: times must be numbers`);
    if (x.position !== null && (!isObj(x.position) || !isInt((x.position as Obj).index) || !isNum((x.position as Obj).progress))) fail(`${w}: invalid position`);
  });
  (o.photoJobs as unknown[]).forEach((j, i) => {
    const w = `photo job ${i + 1}`;
    if (!isObj(j)) fail(`${w} is not an object`);
    const x = j as Obj;
    known(x.id, w);
    if (!Array.isArray(x.photos) || !isNum(x.nextAt) || !isNum(x.updatedAt)) fail(`${w}: invalid`);
    for (const p of x.photos as unknown[]) {
      if (!isObj(p) || !isVnaImageUrl(p.url) || !PHOTO_STATUS.has(p.status as string) || !isInt(p.tries)) fail(`${w}: invalid photo entry`);
    }
  });
  if (photos === 'omitted' && (o.photos as unknown[]).length) fail('photos are listed although "photos" is "omitted"');
  (o.photos as unknown[]).forEach((p, i) => {
    const w = `photo ${i + 1}`;
    if (!isObj(p)) fail(`${w} is not an object`);
    const x = p as Obj;
    // Only VNA image hosts, only raster images, within the size bound: as when fetched.
    if (!isVnaImageUrl(x.url)) fail(`${w}: not a VNA image address`);
    if (typeof x.type !== 'string' || !/^image\/(jpeg|png|gif|webp|avif)$/.test(x.type)) fail(`${w}: not a photo type`);
    if (!isNum(x.storedAt)) fail(`${w}: "storedAt" must be a number`);
    if (typeof x.base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(x.base64) || (x.base64.length * 3) / 4 > MAX_PHOTO_BYTES + 3) fail(`${w}: invalid or too large data`);
  });
  return o as unknown as ReadLaterExport;
}

/** Base64 photo bytes per message when an import's read-later part is sent to the background. */
export const READLATER_PART_BYTES = 8 * 1024 * 1024;

/**
 * The read-later part of an import in parts that each fit a message: the photos first, a few
 * megabytes per part, then one last part with the highlights, reading states and photo jobs
 * (a job's status depends on which photos are already stored, so the jobs come after them).
 */
export function splitReadLater(rl: ReadLaterExport, maxBytes = READLATER_PART_BYTES): ReadLaterExport[] {
  const parts: ReadLaterExport[] = [];
  let photos: ExportedPhoto[] = [];
  let bytes = 0;
  for (const p of rl.photos) {
    if (photos.length && bytes + p.base64.length > maxBytes) {
      parts.push({ highlights: [], reading: [], photoJobs: [], photos });
      photos = [];
      bytes = 0;
    }
    photos.push(p);
    bytes += p.base64.length;
  }
  if (photos.length) parts.push({ highlights: [], reading: [], photoJobs: [], photos });
  parts.push({ highlights: rl.highlights, reading: rl.reading, photoJobs: rl.photoJobs, photos: [] });
  return parts;
}

/** Write the read-later part of an imported file (after its dispatches). */
export async function importReadLater(archive: Archive, rl: ReadLaterExport): Promise<{ highlights: number; photos: number }> {
  const hl = await putHighlights(archive, rl.highlights);
  await putReading(archive, rl.reading);
  const recs: PhotoRecord[] = rl.photos.map((p) => {
    const blob = fromBase64(p.base64, p.type);
    return { url: p.url, blob, type: p.type, bytes: blob.size, storedAt: p.storedAt };
  });
  const photos = await putPhotos(archive, recs, rl.photoJobs);
  return { highlights: hl.added + hl.updated, photos };
}
