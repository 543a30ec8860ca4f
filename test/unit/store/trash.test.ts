// Issue 13: nothing the reader adds is lost. A removal keeps the dispatch (tags and note
// included) in the trash for TRASH_DAYS: undo puts it back, re-saving the article brings the
// reader's work back, and after TRASH_DAYS it is gone. Tags: one per case-insensitive name,
// listed with counts and filterable. Import writes in batches with progress.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { exportArchive, importArchive, type ImportProgress } from '../../../src/store/export';
import { STORE, TRASH_DAYS, TRASH_MS } from '../../../src/store/schema';
import { goldArticle, loadGold, synthetic } from '../../support/store-fixtures';

let clock = 1_700_000_000_000;
const now = () => clock++;
let archive: Archive;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  archive = new Archive({ storage: null, now });
});
afterEach(() => archive.close());

describe('trash', () => {
  it('keeps a removed dispatch for 30 days; re-saving restores the tags and note', async () => {
    expect(TRASH_DAYS).toBe(30);
    const { article, entities } = goldArticle(loadGold()[0]);
    await archive.save(article, entities, { userTags: ['Diplomatie'], note: 'à relire' });
    const removed = await archive.remove(article.id);
    expect(removed?.note).toBe('à relire');
    expect(await archive.get(article.id)).toBeUndefined();
    const bin = await archive.trash();
    expect(bin.map((b) => [b.id, b.userTags, b.note])).toEqual([[article.id, ['Diplomatie'], 'à relire']]);
    expect(bin[0].purgeAt - bin[0].removedAt).toBe(TRASH_MS);
    const again = await archive.save(article, entities);
    expect(again).toMatchObject({ created: true, restored: true });
    expect(again.dispatch.userTags).toEqual(['Diplomatie']);
    expect(again.dispatch.note).toBe('à relire');
    expect(await archive.trash()).toEqual([]);
  });

  it('undoRemove puts it back exactly; after 30 days the trash has forgotten it', async () => {
    const { article, entities } = synthetic(7, { entities: [['PER', 'Nguyen Van A']] });
    const saved = (await archive.save(article, entities, { userTags: ['x'], note: 'n' })).dispatch;
    await archive.remove(article.id);
    expect(await archive.undoRemove(article.id)).toEqual(saved);
    expect(await archive.get(article.id)).toEqual(saved);
    expect(await archive.count()).toBe(1);

    await archive.remove(article.id);
    clock += TRASH_MS + 1;
    expect(await archive.trash()).toEqual([]);
    expect(await archive.undoRemove(article.id)).toBeUndefined();
    const fresh = await archive.save(article, entities);
    expect(fresh).toMatchObject({ created: true, restored: false });
    expect(fresh.dispatch.userTags).toEqual([]);
    // The next removal purges the expired entries from the store itself.
    const other = synthetic(8);
    await archive.save(other.article, other.entities);
    await archive.remove(other.article.id);
    const db = await archive.db();
    expect(await db.getAllKeys(STORE.trash)).toEqual([other.article.id]);
  });
});

describe('tags', () => {
  it('one tag per case-insensitive name, in the spelling the archive already uses; counts and filter', async () => {
    for (const n of [1, 2, 3]) {
      const { article, entities } = synthetic(n);
      await archive.save(article, entities);
    }
    await archive.setUserTags('fr.vietnamplus.vn:1', ['Diplomatie', ' diplomatie ', 'ASEAN']);
    expect((await archive.get('fr.vietnamplus.vn:1'))!.userTags).toEqual(['Diplomatie', 'ASEAN']);
    const d2 = await archive.setUserTags('fr.vietnamplus.vn:2', ['diplomatie']);
    expect(d2.userTags).toEqual(['Diplomatie']);
    expect(await archive.tags()).toEqual([
      { tag: 'Diplomatie', count: 2 },
      { tag: 'ASEAN', count: 1 },
    ]);
    const list = await archive.list({ tag: 'DIPLOMATIE' });
    expect(list.items.map((d) => d.id).sort()).toEqual(['fr.vietnamplus.vn:1', 'fr.vietnamplus.vn:2']);
    expect((await archive.list({ tag: 'asean' })).total).toBe(1);
  });

  it('an import joins the archive\'s spelling; the only dispatch with a tag may change its case', async () => {
    const one = synthetic(1);
    await archive.save(one.article, one.entities, { userTags: ['Diplomatie'] });
    const two = synthetic(2);
    const d2 = (await archive.save(two.article, two.entities)).dispatch;
    const target = new Archive({ name: 'other', storage: null, now });
    const three = synthetic(3);
    await target.save(three.article, three.entities, { userTags: ['Diplomatie'] });
    await target.importDispatches([{ ...d2, userTags: ['diplomatie', 'MER'] }, { ...d2, id: 'x', article: { ...d2.article, id: 'x' }, userTags: ['mer'] }]);
    expect((await target.get(d2.id))!.userTags).toEqual(['Diplomatie', 'MER']);
    expect((await target.get('x'))!.userTags).toEqual(['MER']);
    await target.close();
    expect((await archive.setUserTags(one.article.id, ['DIPLOMATIE'])).userTags).toEqual(['DIPLOMATIE']);
  });

  it('tags survive the index snapshot and a second context', async () => {
    const other = new Archive({ storage: null, now, indexSnapshot: { minDocs: 1, every: 1, delayMs: 0 } });
    const { article, entities } = synthetic(1);
    await other.save(article, entities, { userTags: ['Mer'] });
    await other.count();
    await other.writeIndexSnapshot();
    await other.close();
    const fresh = new Archive({ storage: null, now });
    expect(await fresh.tags()).toEqual([{ tag: 'Mer', count: 1 }]);
    await fresh.close();
  });
});

describe('batched import', () => {
  it('writes in batches and reports written / total', async () => {
    for (let n = 1; n <= 12; n++) {
      const { article, entities } = synthetic(n, { entities: [['PER', `Personne ${n}`]] });
      await archive.save(article, entities);
    }
    const text = await exportArchive(archive);
    const target = new Archive({ name: 'target', storage: null, now });
    const progress: ImportProgress[] = [];
    const batches: number[] = [];
    const counts = await importArchive(target, text, {
      batchSize: 5,
      onProgress: (p) => progress.push(p),
      writeBatch: (b) => {
        batches.push(b.length);
        return target.importDispatches(b);
      },
    });
    expect(counts).toEqual({ added: 12, updated: 0, skipped: 0 });
    expect(batches).toEqual([5, 5, 2]);
    expect(progress.filter((p) => p.phase === 'write').map((p) => `${p.done}/${p.total}`)).toEqual(['0/12', '5/12', '10/12', '12/12']);
    expect(await target.count()).toBe(12);
    await target.close();
  });
});

describe('v2 → v3 upgrade (trash, tags in briefs)', () => {
  it('adds the trash store and copies every dispatch\'s tags into its brief', async () => {
    const { openArchiveDb } = await import('../../../src/store/db');
    // Write with today's code at v2, then strip what v3 adds to the briefs (as v2 wrote them).
    const db2 = await openArchiveDb('v2', { version: 2 });
    const { buildBrief, buildRecord } = await import('../../../src/store/records');
    const { article, entities } = synthetic(5, { entities: [['ORG', 'Association des nations de l\'Asie du Sud-Est']] });
    const rec = buildRecord(article, entities, { savedAt: 1, updatedAt: 1, userTags: ['Mer'], note: '' });
    const brief = buildBrief(rec) as unknown as Record<string, unknown>;
    delete brief.userTags;
    delete brief.entityAliases;
    const tx = db2.transaction([STORE.dispatches, STORE.briefs], 'readwrite');
    await tx.objectStore(STORE.dispatches).put(rec as never);
    await tx.objectStore(STORE.briefs).put(brief as never);
    await tx.done;
    db2.close();
    const a = new Archive({ name: 'v2', storage: null, now });
    const db = await a.db();
    expect([...db.objectStoreNames]).toContain(STORE.trash);
    expect((await db.get(STORE.briefs, rec.id))?.userTags).toEqual(['Mer']);
    expect(await a.tags()).toEqual([{ tag: 'Mer', count: 1 }]);
    await a.close();
  });
});

describe('entity suggestions', () => {
  it('match any word of a name or an alias, diacritic-insensitively; exact matches first', async () => {
    const { makeEntity } = await import('../../support/store-fixtures');
    const mk = (n: number, ents: [string, string, string[]][]) => {
      const { article } = synthetic(n);
      return { article, entities: ents.map(([type, name, aliases]) => makeEntity(type as never, name, article, { aliases })) };
    };
    for (const x of [
      mk(1, [['ORG', "Association des nations de l'Asie du Sud-Est", ['ASEAN', 'Asean']], ['LOC', 'Hanoï', []]]),
      mk(2, [['ORG', 'Nations Unies', ['ONU']], ['ORG', 'Assemblée générale des Nations Unies', []]]),
      mk(3, [['ORG', 'Nations Unies', ['ONU']]]),
    ]) await archive.save(x.article, x.entities);
    const keys = async (t: string) => (await archive.suggestEntities(t)).map((s) => s.key);
    expect(await keys('asean')).toEqual(["ORG:association des nations de l'asie du sud-est"]);
    expect((await keys('Nations Unies'))[0]).toBe('ORG:nations unies');
    expect(await keys('unies')).toEqual(['ORG:nations unies', 'ORG:assemblee generale des nations unies']);
    expect(await keys('onu')).toEqual(['ORG:nations unies']);
    expect(await keys('HANOI')).toEqual(['LOC:hanoi']);
    expect(await keys('zzqx')).toEqual([]);
    expect((await archive.suggestEntities('unies'))[0].count).toBe(2);
  });
});
