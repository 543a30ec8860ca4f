import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idf, jaccard, scoreRelated, topTerms, type RelatedQuery } from '../../../src/core/related';
import { Archive } from '../../../src/store/archive';
import { goldArticle, loadGold, synthetic } from '../../support/store-fixtures';

describe('pure scorer (core/related)', () => {
  it('idf falls as an entity gets common', () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(10, 1000));
    expect(idf(10, 1000)).toBeGreaterThan(idf(900, 1000));
    expect(idf(1000, 1000)).toBeLessThan(0.02);
  });

  it('jaccard and topTerms', () => {
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(jaccard([], ['a'])).toBe(0);
    expect(topTerms('La police, la police et les migrations de la police ; migrations.', 2)).toEqual(['police', 'migrations']);
  });

  it('shared entities are listed rarest first and a common country adds almost nothing', () => {
    const q: RelatedQuery = {
      entities: [
        { key: 'LOC:vietnam', name: 'Vietnam', type: 'LOC' },
        { key: 'PER:luong tam quang', name: 'Luong Tam Quang', type: 'PER' },
        { key: 'ORG:interpol', name: 'Interpol', type: 'ORG' },
      ],
      terms: [],
    };
    const df = (k: string) => ({ 'LOC:vietnam': 990, 'PER:luong tam quang': 3, 'ORG:interpol': 40 })[k] ?? 0;
    const strong = scoreRelated(q, { entityKeys: ['PER:luong tam quang', 'ORG:interpol', 'LOC:vietnam'], terms: [] }, df, 1000);
    const weak = scoreRelated(q, { entityKeys: ['LOC:vietnam'], terms: [] }, df, 1000);
    // Vietnam (in 99% of the archive) is never a reason: only the telling entities are shown.
    expect(strong.shared.map((s) => s.name)).toEqual(['Luong Tam Quang', 'Interpol']);
    expect(strong.related).toBe(true);
    expect(strong.score).toBeGreaterThan(0.75);
    expect(weak.score).toBeLessThan(0.01);
    expect(weak.related).toBe(false);
    expect(scoreRelated(q, { entityKeys: ['LOC:laos'], terms: [] }, df, 1000).shared).toEqual([]);
  });
});

describe('common entities (issue 13)', () => {
  it('an entity in most of the archive, or Vietnam/Hanoï, never alone makes a relation; shared words can', () => {
    const q: RelatedQuery = {
      entities: [{ key: 'ORG:parti', name: 'Parti', type: 'ORG' }, { key: 'PER:tran van a', name: 'Tran Van A', type: 'PER' }],
      terms: ['riz', 'exportations', 'mekong', 'recolte', 'prix'],
    };
    const df = (k: string) => (k === 'ORG:parti' ? 60 : 2);
    // In 60 of 100 dispatches: no reason on its own.
    const common = scoreRelated(q, { entityKeys: ['ORG:parti'], terms: ['football'] }, df, 100);
    expect(common).toMatchObject({ shared: [], related: false });
    // The same entity in a small archive (under 10 dispatches) is not "most of the archive".
    expect(scoreRelated(q, { entityKeys: ['ORG:parti'], terms: [] }, () => 3, 5).related).toBe(true);
    // Vietnam is VNA's own country: never a reason, whatever the archive size.
    const home: RelatedQuery = { entities: [{ key: 'LOC:vietnam', name: 'Vietnam', type: 'LOC' }], terms: ['riz'] };
    expect(scoreRelated(home, { entityKeys: ['LOC:vietnam'], terms: ['football'] }, () => 1, 3).related).toBe(false);
    // Enough shared text: related, and the shared words are the reason.
    const text = scoreRelated(q, { entityKeys: ['ORG:parti'], terms: ['riz', 'exportations', 'mekong', 'ble'] }, df, 100);
    expect(text).toMatchObject({ shared: [], related: true, words: ['riz', 'exportations', 'mekong'] });
    // A rare shared person is the reason, and the common one is not listed.
    const rare = scoreRelated(q, { entityKeys: ['ORG:parti', 'PER:tran van a'], terms: [] }, df, 100);
    expect(rare.shared.map((e) => e.key)).toEqual(['PER:tran van a']);
  });
});

describe('related dispatches over the archive', () => {
  let archive: Archive;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    archive = new Archive({ storage: null });
  });
  afterEach(() => archive.close());

  const commonText = [
    'Hanoï (VNA) – Le Vietnam renforce la coopération internationale en matière de sécurité et de migrations, a annoncé le ministère à Hanoï.',
  ];

  async function seed() {
    let n = 1000;
    // Background: many dispatches that mention Vietnam and Hanoï (so both are common), with
    // text close to the query's, and otherwise unrelated entities.
    for (let i = 0; i < 40; i++) {
      const { article, entities } = synthetic(++n, {
        body: commonText,
        entities: [['LOC', 'Vietnam'], ['LOC', 'Hanoï'], ['PER', `Nguyen Van ${i}`], ['ORG', `Comité ${i % 9}`]],
      });
      await archive.save(article, entities);
    }
    const same = synthetic(1, {
      title: 'Le ministre Luong Tam Quang reçoit une délégation',
      body: ['Le ministre Luong Tam Quang du ministère vietnamien de la Police a reçu Yvette Cooper.'],
      entities: [['PER', 'Luong Tam Quang'], ['ORG', 'ministère vietnamien de la Police'], ['PER', 'Yvette Cooper'], ['LOC', 'Londres']],
    });
    const orgOnly = synthetic(2, {
      title: 'La police vietnamienne et ses partenaires',
      body: ['Le ministère vietnamien de la Police coopère avec ses partenaires.'],
      entities: [['ORG', 'ministère vietnamien de la Police'], ['LOC', 'Vietnam']],
    });
    const unrelated = synthetic(3, { title: 'Riz et café', body: ['Exportations de riz.'], entities: [['LOC', 'Dak Lak']] });
    for (const x of [same, orgOnly, unrelated]) await archive.save(x.article, x.entities);
  }

  function query() {
    return synthetic(9999, {
      title: 'Luong Tam Quang à Londres',
      body: commonText.concat(['Le ministre Luong Tam Quang, du ministère vietnamien de la Police, a rencontré Yvette Cooper à Londres.']),
      entities: [
        ['PER', 'Luong Tam Quang'],
        ['PER', 'Yvette Cooper'],
        ['ORG', 'ministère vietnamien de la Police'],
        ['LOC', 'Londres'],
        ['LOC', 'Vietnam'],
        ['LOC', 'Hanoï'],
      ],
    });
  }

  it('same people/organisations rank above dispatches that only share Vietnam or Hanoï', async () => {
    await seed();
    const q = query();
    const rel = await archive.related(q.article, q.entities, { k: 10 });
    expect(rel.length).toBe(10);
    expect(rel[0].id).toBe('fr.vietnamplus.vn:1');
    expect(rel[1].id).toBe('fr.vietnamplus.vn:2');
    // The others share only Vietnam and Hanoï (never a reason) and the whole common text:
    // they are related by their shared words, and the words are the reason shown.
    for (const r of rel.slice(2)) {
      expect(r.shared).toEqual([]);
      expect(r.words).toEqual(expect.arrayContaining(['ministere']));
      expect(r.score).toBeLessThan(rel[1].score);
    }
    // The explanation: shared entities, rarest (and most telling) first.
    expect(rel[0].shared.map((s) => s.name)).toEqual(['Luong Tam Quang', 'Yvette Cooper', 'ministère vietnamien de la Police', 'Londres']);
    expect(rel[0].shared[0]).toEqual({ key: 'PER:luong tam quang', name: 'Luong Tam Quang', type: 'PER' });
    expect(rel.map((r) => r.id)).not.toContain('fr.vietnamplus.vn:3');
  });

  it('leaves the article itself out when it is saved, and respects k', async () => {
    await seed();
    const q = query();
    await archive.save(q.article, q.entities);
    const rel = await archive.related(q.article, q.entities, { k: 3 });
    expect(rel.map((r) => r.id)).toEqual(['fr.vietnamplus.vn:1', 'fr.vietnamplus.vn:2', expect.any(String)]);
    expect(rel.map((r) => r.id)).not.toContain(q.article.id);
  });

  it('works on the gold articles and returns nothing for an empty archive or no entities', async () => {
    const golds = loadGold().map(goldArticle);
    expect(await archive.related(golds[0].article, golds[0].entities)).toEqual([]);
    for (const g of golds.slice(0, 4)) await archive.save(g.article, g.entities);
    const rel = await archive.related(golds[4].article, golds[4].entities, { k: 5 });
    expect(rel.length).toBeGreaterThan(0);
    for (const r of rel) expect(r.shared.length + (r.words?.length ?? 0)).toBeGreaterThan(0);
    // seed-004 (UN migration network, Nations Unies) is closest to seed-000 and seed-003 (Nations Unies).
    expect(rel[0].shared.map((s) => s.key)).toContain('ORG:nations unies');
    expect(await archive.related(golds[4].article, [])).toEqual([]);
  });
});
