// Issue 17 (bytes per dispatch): an extracted article's `body` is the flat view of its
// `blocks`, so the record stores the paragraphs once (records.ts packArticle). What a reader
// or an export reads back must be the article exactly as saved, search must still find its
// body's words, and an article whose body is not that view keeps it.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { exportArchive, importArchive } from '../../../src/store/export';
import { STORE } from '../../../src/store/schema';
import type { Article } from '../../../src/core/types';
import { goldArticle, loadGold } from '../../support/store-fixtures';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const raw = async (archive: Archive, id: string) => (await (await archive.db()).get(STORE.dispatches, id)) as unknown as Record<string, unknown> & { article: Article };

describe('stored articles hold their paragraphs once', () => {
  it('an extracted article is stored without body and read back exactly as saved', async () => {
    const archive = new Archive({ name: 'pack', storage: null });
    const { article, entities } = goldArticle(loadGold()[0]);
    expect(article.blocks.length).toBeGreaterThan(0);
    const { id } = await archive.save(article, entities);
    const stored = await raw(archive, id);
    expect(stored.bodyPacked).toBe(true);
    expect('body' in stored.article).toBe(false);
    const back = await archive.get(id);
    expect(back!.article).toEqual(article);
    expect('bodyPacked' in back!).toBe(false);
    // Listing and the import/export round trip see whole articles too.
    expect((await archive.list()).items[0].article).toEqual(article);
    const file = await exportArchive(archive);
    expect(JSON.stringify(JSON.parse(file))).toContain(JSON.stringify(article.body[1]).slice(1, -1));
    const other = new Archive({ name: 'pack-import', storage: null });
    await importArchive(other, file);
    expect((await other.get(id))!.article).toEqual(article);
  });

  it('search finds a word that only the body holds', async () => {
    const archive = new Archive({ name: 'pack-search', storage: null });
    const { article, entities } = goldArticle(loadGold()[1]);
    const word = 'Zyxwvutsrq';
    const body = [...article.body, `${word} est un mot inventé.`];
    const a: Article = { ...article, body, blocks: [...article.blocks, { kind: 'p', text: body.at(-1)! }] };
    const { id } = await archive.save(a, entities);
    expect((await raw(archive, id)).bodyPacked).toBe(true);
    expect((await archive.search(word.toLowerCase())).map((h) => h.id)).toEqual([id]);
  });

  it('an article whose body is not its blocks keeps it whole', async () => {
    const archive = new Archive({ name: 'pack-odd', storage: null });
    const { article, entities } = goldArticle(loadGold()[2]);
    const a: Article = { ...article, body: [...article.body, 'Un paragraphe hors des blocs.'] };
    const { id } = await archive.save(a, entities);
    const stored = await raw(archive, id);
    expect(stored.bodyPacked).toBeUndefined();
    expect(stored.article.body).toEqual(a.body);
    expect((await archive.get(id))!.article).toEqual(a);
  });
});
