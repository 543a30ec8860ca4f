import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { ImportError } from '../../../src/store/errors';
import { EXPORT_FORMAT, EXPORT_VERSION, exportArchive, exportArchiveBlob, exportArchiveData, importArchive, type ImportProgress } from '../../../src/store/export';
import { goldArticle, loadGold } from '../../support/store-fixtures';

let source: Archive;
let target: Archive;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  source = new Archive({ name: 'source', storage: null });
  target = new Archive({ name: 'target', storage: null });
  const golds = loadGold().map(goldArticle);
  for (const [i, g] of golds.entries()) await source.save(g.article, g.entities, { userTags: i % 2 ? ['suivi'] : [], note: i === 1 ? 'Note « spéciale » — ASEAN' : '' });
});
afterEach(async () => {
  await source.close();
  await target.close();
});

/** Re-sign a hand-made file so that only the check under test can fail. */
async function resign(f: Record<string, unknown>): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(f.dispatches)));
  f.checksum = 'sha256-' + [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return JSON.stringify(f);
}

describe('export / import', () => {
  it('round trip is lossless', async () => {
    const text = await exportArchive(source);
    const head = JSON.parse(text);
    expect(head).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, count: 5, photos: 'omitted' });
    expect(typeof head.exportedAt).toBe('string');
    const progress: ImportProgress[] = [];
    expect(await importArchive(target, text, { onProgress: (p) => progress.push(p) })).toEqual({ added: 5, updated: 0, skipped: 0 });
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['read', 'validate', 'write', 'done']));
    expect(await target.all()).toEqual(await source.all());
    const again = await exportArchive(target);
    expect(JSON.parse(again).dispatches).toEqual(head.dispatches);
    // Indexes rebuilt: search, entities, related all work on the imported copy.
    expect((await target.search('hanoi')).length).toBeGreaterThan(0);
    expect((await target.byEntity('PER:nguyen quoc dung')).length).toBe(1);
  });

  it('reports progress batch by batch and writes the same file as an unchunked export', async () => {
    const now = new Date('2024-05-01T12:00:00Z');
    /** The file as written from one getAll of the whole archive (the format before batching). */
    const unchunked = async (a: Archive) => {
      const { dispatches, ...head } = await exportArchiveData(a, now);
      return `${JSON.stringify(head).slice(0, -1)},"dispatches":[\n${dispatches.map((d) => JSON.stringify(d)).join(',\n')}\n]}\n`;
    };
    const calls: [number, number][] = [];
    const text = await exportArchive(source, { now, batchSize: 2, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[0, 5], [2, 5], [4, 5], [5, 5]]);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
    expect(text).toBe(await unchunked(source));
    // The default batch size (one batch here) and an empty archive give the same bytes too.
    const seen: number[] = [];
    expect(await exportArchive(source, { now, onProgress: (d) => seen.push(d) })).toBe(text);
    expect(seen).toEqual([0, 5]);
    const empty: [number, number][] = [];
    expect(await exportArchive(target, { now, onProgress: (d, t) => empty.push([d, t]) })).toBe(await unchunked(target));
    expect(empty).toEqual([[0, 0]]);
    expect(await importArchive(target, text)).toEqual({ added: 5, updated: 0, skipped: 0 });
  });

  it('accepts a Blob, and importing twice creates no duplicates', async () => {
    const blob = await exportArchiveBlob(source);
    expect(await importArchive(target, blob)).toEqual({ added: 5, updated: 0, skipped: 0 });
    expect(await importArchive(target, blob)).toEqual({ added: 0, updated: 0, skipped: 5 });
    expect(await target.count()).toBe(5);
  });

  it('updates older local copies and keeps newer ones', async () => {
    const text = await exportArchive(source);
    await importArchive(target, text);
    const id = 'fr.vietnamplus.vn:128832';
    await source.setNote(id, 'plus récente dans la source');
    expect(await importArchive(target, await exportArchive(source))).toEqual({ added: 0, updated: 1, skipped: 4 });
    expect((await target.get(id))!.note).toBe('plus récente dans la source');
    await target.setNote(id, 'plus récente ici');
    expect(await importArchive(target, await exportArchive(source))).toEqual({ added: 0, updated: 0, skipped: 5 });
    expect((await target.get(id))!.note).toBe('plus récente ici');
  });

  describe('bad files are rejected with a clear message and change nothing', () => {
    let good: string;
    let before: string;
    beforeEach(async () => {
      good = await exportArchive(source);
      // The target already holds one dispatch so "unchanged" is meaningful.
      const g = goldArticle(loadGold()[0]);
      await target.save(g.article, g.entities, { note: 'local' });
      before = JSON.stringify(await target.all());
    });
    async function rejects(input: string | Blob, message: RegExp, opts = {}) {
      const err = await importArchive(target, input, opts).catch((e) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect(err.message).toMatch(message);
      expect(JSON.stringify(await target.all())).toBe(before);
    }

    it('truncated', () => rejects(good.slice(0, Math.floor(good.length * 0.6)), /not valid JSON.*truncated or corrupt/));
    it('corrupt bytes', () => rejects(good.replace('"dispatches"', '"dispa\u0000tches'), /not valid JSON/));
    it('empty', () => rejects('', /empty/));
    it('foreign JSON', () => rejects(JSON.stringify({ items: [1, 2] }), /Not a VNA Reader export: missing "format"/));
    it('another format', () => rejects(JSON.stringify({ format: 'pocket-export', version: 1 }), /"format" is "pocket-export"/));
    it('a JSON array', () => rejects('[1,2,3]', /not a JSON object/));
    it('newer version', async () => {
      const f = JSON.parse(good);
      f.version = EXPORT_VERSION + 1;
      await rejects(JSON.stringify(f), new RegExp(`format version ${EXPORT_VERSION + 1}.*newer VNA Reader.*reads version ${EXPORT_VERSION}`));
    });
    it('oversized', () => rejects(good, /too large/, { maxBytes: 1000 }));
    it('records removed by hand (count mismatch)', async () => {
      const f = JSON.parse(good);
      f.dispatches.pop();
      await rejects(JSON.stringify(f), /announces 5 dispatches but contains 4/);
    });
    it('hand-edited text (checksum mismatch)', async () => {
      const f = JSON.parse(good);
      f.dispatches[2].article.title = 'Titre retouché';
      await rejects(JSON.stringify(f), /changed after it was exported/);
    });
    it('a record with a wrong type, even when re-signed', async () => {
      const f = JSON.parse(good);
      f.dispatches[3].article.title = 42;
      await rejects(await resign(f), /dispatch 4 \("fr\.vietnamplus\.vn:\d+"\): article\.title must be a string/);
    });
    it('a bad entity, even when re-signed', async () => {
      const f = JSON.parse(good);
      f.dispatches[0].entities[1].type = 'PERSON';
      await rejects(await resign(f), /dispatch 1 .*entity 2: type "PERSON"/);
    });
    it('an id that does not match its article', async () => {
      const f = JSON.parse(good);
      f.dispatches[0].id = 'fr.vietnamplus.vn:1';
      await rejects(await resign(f), /"id" does not match its article/);
    });
    it('duplicate ids', async () => {
      const f = JSON.parse(good);
      f.dispatches[1] = f.dispatches[0];
      await rejects(await resign(f), /dispatch 2 repeats id/);
    });
    it('unknown fields', async () => {
      const f = JSON.parse(good);
      f.dispatches[0].extra = true;
      await rejects(await resign(f), /unknown field "extra"/);
    });
    it('missing checksum', async () => {
      const f = JSON.parse(good);
      delete f.checksum;
      await rejects(JSON.stringify(f), /missing or malformed "checksum"/);
    });
    it('a bad record late in the file aborts everything (no partial import)', async () => {
      const f = JSON.parse(good);
      f.dispatches[4].savedAt = 'yesterday';
      await rejects(await resign(f), /dispatch 5 .*"savedAt"/);
      expect(await target.count()).toBe(1);
    });
  });
});
