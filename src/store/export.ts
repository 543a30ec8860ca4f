// Export of the archive to a versioned JSON file, and import from it. Import reads and
// validates the whole file first (format, version, checksum, every record) and only then
// writes, in one transaction: a bad file changes nothing, and the message says what is wrong.
import type { Archive, ImportCounts } from './archive';
import { ENTITY_TYPES, isEntityType } from '../core/entity-types';
import { isLayout } from '../core/layouts';
import { ImportError } from './errors';
import { dispatchId, toDispatch } from './records';
import { STORE } from './schema';
import type { Dispatch } from './types';
import { exportReadLater, importReadLater, validateReadLater, type PhotosChoice, type ReadLaterExport } from './export-readlater';

export const EXPORT_FORMAT = 'vna-reader-archive';
/**
 * v1: dispatches only. v2 (read-later): adds `photos` ("included" | "omitted": whether the
 * photo blobs are in the file) and `readLater` (highlights, reading states, photo jobs, photos)
 * with its own `readLaterChecksum`. Both versions import.
 */
export const EXPORT_VERSION = 2;
/** Larger files are refused before parsing (about 25,000 dispatches with room to spare). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** What one dispatch looks like in the file: the reader's data; index fields are rebuilt. */
export type ExportedDispatch = Pick<Dispatch, 'id' | 'article' | 'entities' | 'savedAt' | 'updatedAt' | 'userTags' | 'note'>;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  count: number;
  /** `sha256-<hex>` of JSON.stringify(dispatches): detects truncation and hand edits. */
  checksum: string;
  dispatches: ExportedDispatch[];
  photos?: PhotosChoice;
  readLater?: ReadLaterExport;
  readLaterChecksum?: string;
}

export interface ImportProgress {
  phase: 'read' | 'validate' | 'write' | 'done';
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  maxBytes?: number;
  /**
   * Writes one batch (default: archive.importDispatches, one transaction per batch). The
   * library passes the background's writer, so that every change goes through one path.
   */
  writeBatch?: (batch: Dispatch[]) => Promise<ImportCounts>;
  /**
   * Writes the file's read-later part, validated (default: importReadLater here). The library
   * passes the background's writer, in parts of at most READLATER_PART_BYTES (splitReadLater).
   */
  writeReadLater?: (rl: ReadLaterExport) => Promise<void>;
  /** Dispatches per write (default IMPORT_BATCH). */
  batchSize?: number;
}

/**
 * Dispatches written per transaction on import: big enough that per-transaction costs vanish,
 * small enough that progress moves about every second and a message stays a few MB.
 */
export const IMPORT_BATCH = 250;

function exported(d: Dispatch): ExportedDispatch {
  return { id: d.id, article: d.article, entities: d.entities, savedAt: d.savedAt, updatedAt: d.updatedAt, userTags: d.userTags, note: d.note };
}

export async function sha256Hex(text: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The archive as an ExportFile object. */
export async function exportArchiveData(archive: Archive, now = new Date(), withPhotos = false): Promise<ExportFile> {
  const dispatches = (await archive.all()).map(exported);
  const readLater = await exportReadLater(archive, withPhotos, new Set(dispatches.map((d) => d.id)));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    count: dispatches.length,
    checksum: `sha256-${await sha256Hex(JSON.stringify(dispatches))}`,
    photos: withPhotos ? 'included' : 'omitted',
    readLaterChecksum: `sha256-${await sha256Hex(JSON.stringify(readLater))}`,
    readLater,
    dispatches,
  };
}

export interface ExportOptions {
  /** Called once with done = 0, then after each batch; done reaches total at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Dispatches read per batch (default 200). */
  batchSize?: number;
  now?: Date;
  /** Include the photo blobs kept offline (base64); the file says which in `photos`. */
  withPhotos?: boolean;
}

const EXPORT_BATCH = 200;

/** Let the page paint (and other work run) between batches. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The archive as JSON text (one dispatch per line, so the file stays diffable). Reads the
 * dispatches in id order, in batches, and reports progress after each one. A transaction
 * cannot stay open across the pauses between batches, so the ids are listed first, in one
 * transaction, and each batch is then read in its own: the file holds the dispatches that
 * existed when the export began (one deleted meanwhile is left out, one edited meanwhile is
 * exported as edited), and its count and checksum always describe what it contains.
 */
export async function exportArchive(archive: Archive, opts: ExportOptions = {}): Promise<string> {
  const now = opts.now ?? new Date();
  const batch = Math.max(1, opts.batchSize ?? EXPORT_BATCH);
  const db = await archive.db();
  const ids = await db.getAllKeys(STORE.dispatches);
  const total = ids.length;
  const lines: string[] = [];
  opts.onProgress?.(0, total);
  for (let i = 0; i < total; i += batch) {
    const part = ids.slice(i, i + batch);
    const wanted = new Set(part);
    const recs = await db.getAll(STORE.dispatches, IDBKeyRange.bound(part[0], part[part.length - 1]));
    for (const r of recs) if (wanted.has(r.id)) lines.push(JSON.stringify(exported(toDispatch(r))));
    opts.onProgress?.(Math.min(i + batch, total), total);
    if (i + batch < total) await nextTask();
  }
  // JSON.stringify of the list is exactly "[" + its items joined by "," + "]".
  const readLater = await exportReadLater(archive, !!opts.withPhotos, new Set(ids));
  const readLaterJson = JSON.stringify(readLater);
  const head = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    count: lines.length,
    checksum: `sha256-${await sha256Hex(`[${lines.join(',')}]`)}`,
    photos: (opts.withPhotos ? 'included' : 'omitted') as PhotosChoice,
    readLaterChecksum: `sha256-${await sha256Hex(readLaterJson)}`,
  };
  const headJson = JSON.stringify(head);
  return `${headJson.slice(0, -1)},"readLater":${readLaterJson},"dispatches":[\n${lines.join(',\n')}\n]}\n`;
}

export async function exportArchiveBlob(archive: Archive, opts: ExportOptions = {}): Promise<Blob> {
  return new Blob([await exportArchive(archive, opts)], { type: 'application/json' });
}

export function exportFileName(now = new Date()): string {
  return `vna-reader-archive-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Import an export file. Throws ImportError (archive unchanged) when the file is not valid;
 * returns how many dispatches were added, updated (the file's copy was newer) and skipped
 * (already present, same or newer).
 */
export async function importArchive(archive: Archive, input: string | Blob, opts: ImportOptions = {}): Promise<ImportCounts> {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES;
  const size = typeof input === 'string' ? input.length : input.size;
  if (size > maxBytes) {
    throw new ImportError(`The file is too large (${mb(size)}); the limit is ${mb(maxBytes)}.`, { code: 'importTooLarge', params: [String(size), String(maxBytes)] });
  }
  opts.onProgress?.({ phase: 'read', done: 0, total: size });
  const text = typeof input === 'string' ? input : await input.text();
  if (!text.trim()) throw new ImportError('The file is empty.', { code: 'importEmpty' });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`The file is not valid JSON: it may be truncated or corrupt (${(e as Error).message}).`, { code: 'importNotJson' });
  }
  const file = await validateExport(data, opts.onProgress);
  const total = file.dispatches.length;
  const write = opts.writeBatch ?? ((b: Dispatch[]) => archive.importDispatches(b));
  const per = Math.max(1, opts.batchSize ?? IMPORT_BATCH);
  const counts: ImportCounts = { added: 0, updated: 0, skipped: 0 };
  opts.onProgress?.({ phase: 'write', done: 0, total });
  // Batches, each one transaction: the bar moves (written / total) and the page stays live.
  // A failure stops the import with the earlier batches written; importing the same file
  // again adds only what is missing (identical copies are skipped).
  for (let i = 0; i < total; i += per) {
    const c = await write(file.dispatches.slice(i, i + per).map((d) => ({ ...d, ...derivedPlaceholders })));
    counts.added += c.added;
    counts.updated += c.updated;
    counts.skipped += c.skipped;
    opts.onProgress?.({ phase: 'write', done: Math.min(total, i + per), total });
    if (i + per < total) await nextTask();
  }
  // Read-later part (highlights, reading states, photos) after the dispatches it refers to.
  if (file.readLater) await (opts.writeReadLater ?? ((rl: ReadLaterExport) => importReadLater(archive, rl).then(() => {})))(file.readLater);
  opts.onProgress?.({ phase: 'done', done: total, total });
  return counts;
}

// importDispatches rebuilds every derived field; these only satisfy the Dispatch type.
const derivedPlaceholders = { site: '', published: null, entityKeys: [], schemaVersion: 0 };

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Check a parsed file completely; throws ImportError naming the first problem. */
export async function validateExport(data: unknown, onProgress?: ImportOptions['onProgress']): Promise<ExportFile> {
  if (!isObj(data)) throw new ImportError('Not a VNA Reader export: the file is not a JSON object.', { code: 'importNotExport' });
  if (!('format' in data)) throw new ImportError('Not a VNA Reader export: missing "format".', { code: 'importNotExport' });
  if (data.format !== EXPORT_FORMAT) {
    throw new ImportError(`Not a VNA Reader export: "format" is ${JSON.stringify(data.format)}, expected "${EXPORT_FORMAT}".`, { code: 'importNotExport' });
  }
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    throw new ImportError('Invalid VNA Reader export: "version" must be a positive whole number.', { code: 'importInvalid', params: ['version'] });
  }
  if (data.version > EXPORT_VERSION) {
    throw new ImportError(
      `This export uses format version ${data.version}, made by a newer VNA Reader; this version reads version ${EXPORT_VERSION}. Update the extension to import it.`,
      { code: 'importNewer', params: [String(data.version), String(EXPORT_VERSION)] },
    );
  }
  if (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt))) {
    throw new ImportError('Invalid VNA Reader export: "exportedAt" must be a date.', { code: 'importInvalid', params: ['exportedAt'] });
  }
  if (!Array.isArray(data.dispatches)) throw new ImportError('Invalid VNA Reader export: "dispatches" must be a list.', { code: 'importInvalid', params: ['dispatches'] });
  if (data.count !== data.dispatches.length) {
    throw new ImportError(
      `Incomplete VNA Reader export: it announces ${String(data.count)} dispatches but contains ${data.dispatches.length}.`,
      { code: 'importIncomplete', params: [String(data.count), String(data.dispatches.length)] },
    );
  }
  const list = data.dispatches as unknown[];
  const seen = new Set<string>();
  list.forEach((d, i) => {
    checkDispatch(d, i);
    const id = (d as ExportedDispatch).id;
    if (seen.has(id)) throw new ImportError(`Invalid VNA Reader export: dispatch ${i + 1} repeats id "${id}".`, { code: 'importRepeat', params: [String(i + 1), id] });
    seen.add(id);
    if (onProgress && i % 500 === 0) onProgress({ phase: 'validate', done: i, total: list.length });
  });
  if (typeof data.checksum !== 'string' || !/^sha256-[0-9a-f]{64}$/.test(data.checksum)) {
    throw new ImportError('Invalid VNA Reader export: missing or malformed "checksum".', { code: 'importInvalid', params: ['checksum'] });
  }
  const actual = `sha256-${await sha256Hex(JSON.stringify(list))}`;
  if (actual !== data.checksum) {
    throw new ImportError('The file was changed after it was exported (its checksum does not match its contents); nothing was imported.', { code: 'importChecksum' });
  }
  if (data.version >= 2 && data.readLater !== undefined) {
    validateReadLater(data.readLater, data.photos, seen);
    if (data.readLaterChecksum !== `sha256-${await sha256Hex(JSON.stringify(data.readLater))}`) {
      throw new ImportError('The file was changed after it was exported (its read-later checksum does not match); nothing was imported.');
    }
  }
  return data as unknown as ExportFile;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `PER, ORG, LOC, EVENT or DATE`: every type of the table (core/entity-types.ts), for the error text. */
const TYPE_LIST = `${ENTITY_TYPES.slice(0, -1).join(', ')} or ${ENTITY_TYPES[ENTITY_TYPES.length - 1]}`;
const FIELDS = new Set(['title', 'lead', 'body', 'captions']);
const DISPATCH_KEYS = new Set(['id', 'article', 'entities', 'savedAt', 'updatedAt', 'userTags', 'note']);

/** A lone UTF-16 surrogate (`\ud800` alone): in Unicode mode a pair is one astral code point. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Where in `value` a string (or an object key) is not well-formed Unicode, e.g.
 * `article.body[3]`; null when every string is. An explicit stack, not recursion, so a deep
 * or huge record cannot overflow it. A lone surrogate is accepted by JSON and IndexedDB but
 * makes encodeURIComponent throw each time the library or the reader page links the dispatch.
 */
export function illFormedPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return path || '(value)';
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (LONE_SURROGATE.test(k)) return `${path ? `${path}.` : ''}(a field name)`;
        stack.push([(v as Obj)[k], path ? `${path}.${k}` : k]);
      }
    }
  }
  return null;
}

/** A string as it can be shown: lone surrogates replaced by U+FFFD (the file's bytes stay as they are). */
const shown = (s: string) => s.replace(/\p{Cs}/gu, '\ufffd');

function checkDispatch(d: unknown, i: number): void {
  const where = isObj(d) && typeof d.id === 'string' ? `dispatch ${i + 1} ("${shown(d.id)}")` : `dispatch ${i + 1}`;
  const fail = (what: string): never => {
    // The UI names the dispatch and the field (what the reader can look for in the file).
    const field = /"([^"]+)"|\b(article\.\w+|entity \d+|article entity \d+)/.exec(what);
    throw new ImportError(`Invalid VNA Reader export: ${where}: ${what}.`, {
      code: 'importInvalidDispatch', params: [String(i + 1), field ? field[1] ?? field[2] : '—'],
    });
  };
  if (!isObj(d)) fail('is not an object');
  const bad = illFormedPath(d);
  if (bad) fail(`${bad} is not well-formed Unicode text (it holds a lone surrogate, as a corrupt or hand-made file does)`);
  const o = d as Obj;
  for (const k of Object.keys(o)) if (!DISPATCH_KEYS.has(k)) fail(`unknown field "${k}"`);
  if (typeof o.id !== 'string' || !o.id) fail('"id" must be a non-empty string');
  if (!isFiniteNum(o.savedAt) || (o.savedAt as number) <= 0) fail('"savedAt" must be a time in milliseconds');
  if (!isFiniteNum(o.updatedAt) || (o.updatedAt as number) < (o.savedAt as number)) fail('"updatedAt" must be a time not before "savedAt"');
  if (!isStrArr(o.userTags)) fail('"userTags" must be a list of strings');
  if (typeof o.note !== 'string') fail('"note" must be a string');
  checkArticle(o.article, fail);
  const a = o.article as Obj;
  let expected: string | undefined;
  try {
    expected = dispatchId(a as never);
  } catch {
    expected = undefined;
  }
  if (expected !== o.id) fail(`"id" does not match its article (expected "${expected}")`);
  if (!Array.isArray(o.entities)) fail('"entities" must be a list');
  (o.entities as unknown[]).forEach((e, j) => checkEntity(e, (w) => fail(`entity ${j + 1}: ${w}`)));
}

/** Paragraph, subheading and photo blocks, and the photos they point at. */
function checkBlocksAndImages(o: Obj, fail: (w: string) => never): void {
  if (!Array.isArray(o.blocks)) fail('article.blocks must be a list');
  for (const b of o.blocks as unknown[]) {
    if (!isObj(b)) fail('article.blocks has an entry that is not an object');
    const bb = b as Obj;
    if ((bb.kind === 'p' || bb.kind === 'h') && typeof bb.text === 'string') continue;
    if (bb.kind === 'img' && Number.isInteger(bb.image)) continue;
    fail('article.blocks has an invalid block');
  }
  if (!Array.isArray(o.images)) fail('article.images must be a list');
  for (const im of o.images as unknown[]) {
    if (!isObj(im) || typeof im.src !== 'string' || !(im.caption === null || typeof im.caption === 'string') || !(im.alt === null || typeof im.alt === 'string')) {
      fail('article.images has an invalid image');
    }
  }
}

function checkArticle(a: unknown, fail: (w: string) => never): void {
  if (!isObj(a)) fail('"article" must be an object');
  const o = a as Obj;
  const str = (k: string) => typeof o[k] === 'string' || fail(`article.${k} must be a string`);
  const strOrNull = (k: string) => o[k] === null || typeof o[k] === 'string' || fail(`article.${k} must be a string or null`);
  for (const k of ['id', 'url', 'site', 'lang', 'title']) str(k);
  for (const k of ['lead', 'dateline', 'published', 'signature', 'author']) strOrNull(k);
  if (!(o.title as string).trim()) fail('article.title is empty');
  try {
    new URL(o.url as string);
  } catch {
    fail('article.url is not a URL');
  }
  if (!isLayout(o.layout)) fail(`article.layout ${JSON.stringify(o.layout)} is not a known layout`);
  if (o.published !== null && Number.isNaN(Date.parse((o.published as string).slice(0, 10)))) fail('article.published is not a date');
  for (const k of ['body', 'captions', 'tags']) if (!isStrArr(o[k])) fail(`article.${k} must be a list of strings`);
  checkBlocksAndImages(o, fail);
  if (!isFiniteNum(o.wordCount) || !isFiniteNum(o.readingMinutes)) fail('article.wordCount and readingMinutes must be numbers');
  if (o.entities !== undefined) {
    if (!Array.isArray(o.entities)) fail('article.entities must be a list');
    (o.entities as unknown[]).forEach((e, j) => checkEntity(e, (w) => fail(`article entity ${j + 1}: ${w}`)));
  }
}

function checkEntity(e: unknown, fail: (w: string) => never): void {
  if (!isObj(e)) fail('is not an object');
  const o = e as Obj;
  if (!isEntityType(o.type)) fail(`type ${JSON.stringify(o.type)} is not ${TYPE_LIST}`);
  if (typeof o.name !== 'string' || !o.name) fail('"name" must be a non-empty string');
  if (!isStrArr(o.aliases)) fail('"aliases" must be a list of strings');
  if (typeof o.key !== 'string' || !o.key.startsWith(`${o.type as string}:`)) fail(`"key" must start with "${o.type as string}:"`);
  if (!Number.isInteger(o.count) || (o.count as number) < 0) fail('"count" must be a whole number');
  if (o.role !== undefined && typeof o.role !== 'string') fail('"role" must be a string');
  if (o.value !== undefined && typeof o.value !== 'string') fail('"value" must be a string');
  if (!Array.isArray(o.mentions)) fail('"mentions" must be a list');
  for (const m of o.mentions as unknown[]) {
    if (!isObj(m) || !FIELDS.has(m.field as string) || ![m.index, m.start, m.end].every((x) => Number.isInteger(x) && (x as number) >= 0)) {
      fail('has an invalid mention');
    }
  }
}

const isFiniteNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStrArr = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
