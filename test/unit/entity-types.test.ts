// Entity types are defined once (src/core/entity-types.ts). Here the table gains a fake type,
// WORK (a work of art, say), and nothing else changes: it must flow through popup grouping,
// the reader's marks, legend and colours, the popup's and library's colours, related weights,
// keyType, and an export that re-imports. Before the table, the type lists in each of those
// places dropped it (the popup showed no group, export refused the archive, keyType said LOC).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../src/core/types';

vi.mock('../../src/core/entity-types', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/entity-types')>();
  const table = {
    ...real.ENTITY_TYPE_TABLE,
    WORK: { order: 2.5, label: 'libEntity', weight: 1.0, mark: { light: '#abcdef', dark: '#123456' }, dot: { light: '#0a0b0c', dark: '#fafbfc' } },
  } as const;
  return { ...real, ENTITY_TYPE_TABLE: table, ...real.entityTypesOf(table) };
});

const { ENTITY_TYPES, keyType, entityTypeCss } = await import('../../src/core/entity-types');
const { sortedGroups } = await import('../../src/popup/entity-view');
const { indexMentions, appendMarkedText, renderLegend, slotKey } = await import('../../src/reader/entity-highlight');
const { READER_CSS } = await import('../../src/reader/styles');
const { TYPE_WEIGHT } = await import('../../src/core/related');
const { Archive } = await import('../../src/store/archive');
const { exportArchive, importArchive } = await import('../../src/store/export');
const { goldArticle, loadGold } = await import('../support/store-fixtures');

const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document };

// The fake type's entity: a name in the title of a real gold article.
const [g] = loadGold().map(goldArticle);
const word = g.article.title.split(/\s+/).find((w) => w.length >= 4)!;
const at = g.article.title.indexOf(word);
const work: Entity = {
  type: 'WORK' as never, name: word, aliases: [], key: `WORK:${word.toLowerCase()}`, count: 1,
  mentions: [{ field: 'title', index: 0, start: at, end: at + word.length }],
};

describe('a type added to the table flows everywhere', () => {
  it('is in the ordered list of types, and keyType knows it (no LOC guess)', () => {
    expect(ENTITY_TYPES).toEqual(['PER', 'ORG', 'LOC', 'WORK', 'EVENT', 'DATE']);
    expect(keyType(work.key)).toBe('WORK');
    expect(keyType('NOPE:x')).toBeNull();
    expect(TYPE_WEIGHT['WORK' as never]).toBe(1.0);
  });

  it('popup grouping: its own group, in table order', () => {
    const groups = sortedGroups([...g.entities, work]);
    const types = groups.map(([type]) => type as string);
    expect(types).toContain('WORK');
    expect(types.indexOf('WORK')).toBeGreaterThan(types.indexOf('LOC'));
    expect(groups.find(([type]) => (type as string) === 'WORK')![1]).toEqual([work]);
  });

  it('reader highlight: marked, in the legend, coloured; popup and library colours too', () => {
    const spans = indexMentions([work]).get(slotKey('title', 0));
    expect(spans?.map((s) => s.type as string)).toEqual(['WORK']);
    const p = document.createElement('p');
    appendMarkedText(p, g.article.title, spans);
    expect(p.querySelector('mark.vr-ent-WORK')?.textContent).toBe(word);
    const legend = renderLegend(document, [work], (type) => `label ${type}`, 'legend');
    expect(legend.textContent).toContain('label WORK (1)');
    expect(READER_CSS).toContain('mark.vr-ent-WORK');
    expect(READER_CSS).toContain('#abcdef');
    expect(entityTypeCss()).toContain('.entity[data-type="WORK"]::before{background:#0a0b0c}');
    expect(entityTypeCss()).toContain('.lib-ent-WORK{background:#abcdef44}');
  });

  it('export: an archive holding it exports and imports back whole', async () => {
    globalThis.indexedDB = new IDBFactory();
    const source = new Archive({ name: 'fake-type-source', storage: null });
    const target = new Archive({ name: 'fake-type-target', storage: null });
    try {
      await source.save(g.article, [...g.entities, work]);
      const text = await exportArchive(source);
      expect(await importArchive(target, text)).toEqual({ added: 1, updated: 0, skipped: 0 });
      const [back] = await target.all();
      expect(back.entities.find((e) => e.key === work.key)).toMatchObject({ type: 'WORK', name: word });
    } finally {
      await source.close();
      await target.close();
    }
  });
});
