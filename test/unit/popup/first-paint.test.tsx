// @vitest-environment happy-dom
// Issue 17: the popup's first frame is plain DOM (src/popup/first-paint.ts) and the Preact view
// replaces it once loaded. The reader must not see the swap: for the same article and the same
// worker answer, both render the same elements, attributes and text (header, entities with
// their groups, folded long groups and roving tab stop, the related block in every state).
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import type { Entity } from '../../../src/core/types';
import type { ArticleState, RelatedRow } from '../../../src/shared/messages';
// The Actions component asks the worker for the shortcuts: an extension API that never answers.
(globalThis as Record<string, unknown>).chrome = { runtime: { sendMessage: () => new Promise(() => {}) } };
const { firstFrame, relatedBlock } = await import('../../../src/popup/first-paint');
const { Header } = await import('../../../src/popup/components/Header');
const { EntityList } = await import('../../../src/popup/components/EntityList');
const { RelatedList } = await import('../../../src/popup/components/RelatedList');
const { Actions } = await import('../../../src/popup/components/Actions');
import { synthetic } from '../../support/store-articles';

/** Tag, sorted attributes and text, recursively: the DOM as the reader and assistive tech get it. */
function shape(n: Node): unknown {
  if (n.nodeType === 3) return n.textContent;
  const e = n as Element;
  const attrs = [...e.attributes].map((a) => `${a.name}=${a.value}`).sort();
  // Adjacent text nodes (Preact writes one per JSX expression) read as one.
  const kids: unknown[] = [];
  for (const c of e.childNodes) {
    const s = shape(c);
    if (typeof s === 'string' && typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += s;
    else kids.push(s);
  }
  return [e.tagName.toLowerCase(), attrs, kids.filter((k) => k !== '')];
}

function preact(vnode: preact.VNode): Element {
  const host = document.createElement('div');
  render(vnode, host);
  return host.firstElementChild!;
}

const { article } = synthetic(7, { published: '2019-10-21T08:30:00+07:00' });
const ent = (type: Entity['type'], name: string, count: number, more: Partial<Entity> = {}): Entity =>
  ({ type, name, key: `${type}:${name.toLowerCase()}`, aliases: [], count, mentions: [], ...more });
// A role, an acronym, a date with its value, and a long group (folded behind "show all").
const many: Entity[] = [
  ent('PER', 'To Lam', 3, { role: 'secrétaire général' }),
  ent('ORG', 'Association des nations de l’Asie du Sud-Est', 2, { aliases: ['ASEAN'] }),
  ent('DATE', '21 octobre 2019', 1, { value: '2019-10-21' }),
  ent('EVENT', 'Forum économique', 1),
  ...Array.from({ length: 7 }, (_, i) => ent('LOC', `Ville ${i}`, 7 - i)),
];
const state: ArticleState = { ok: true, article, entities: many, extractMs: 1, siteLabel: 'VietnamPlus (fr)' };
const row = (i: number, why: 'shared' | 'words' | 'none'): RelatedRow => ({
  id: `fr.vietnamplus.vn:${i}`, title: `Dépêche ${i}`, published: i % 2 ? '2024-03-0' + (i % 9 || 1) : null, site: 'vietnamplus', url: `https://fr.vietnamplus.vn/x-post${i}.vnp`, score: 1 / i,
  shared: why === 'shared' ? [{ key: 'PER:a', name: 'A', type: 'PER' }, { key: 'ORG:b', name: 'B', type: 'ORG' }] : [],
  words: why === 'words' ? ['riz', 'export'] : [], siteLabel: 'VietnamPlus (fr)',
});

describe('popup first frame = the Preact view (issue 17)', () => {
  it('header and entities', () => {
    const frame = firstFrame(state);
    expect(shape(frame.querySelector('header')!)).toEqual(shape(preact(<Header article={article} label={state.siteLabel} />)));
    const list = frame.querySelector('.entities')!;
    expect(list.querySelectorAll('[data-testid=group-more]').length).toBeGreaterThan(0);
    expect(shape(list)).toEqual(shape(preact(<EntityList entities={many} activeKey={null} onToggle={() => {}} />)));
    expect(shape(firstFrame({ ...state, entities: [] }).querySelector('[data-testid=no-entities]')!))
      .toEqual(shape(preact(<EntityList entities={[]} activeKey={null} onToggle={() => {}} />)));
  });

  it('the actions: saved state unknown, not saved, saved', () => {
    for (const saved of [null, false, true]) {
      const frame = firstFrame(state, saved === null ? {} : { saved });
      expect(shape(frame.querySelector('nav')!)).toEqual(shape(preact(<Actions saved={saved} busy={false} onSave={() => {}} onReader={() => {}} onLibrary={() => {}} />)));
    }
  });

  it('the related block: waiting, failed, empty, a few rows, more than shown', () => {
    const cases: [RelatedRow[] | null, boolean][] = [[null, false], [null, true], [[], false], [[row(1, 'shared'), row(2, 'words')], false], [[1, 2, 3, 4, 5].map((i) => row(i, i === 3 ? 'none' : 'shared')), false]];
    for (const [related, failed] of cases) {
      expect(shape(relatedBlock(related, failed))).toEqual(shape(preact(<RelatedList related={related} failed={failed} onOpen={() => {}} />)));
    }
    expect(shape(firstFrame(state, { related: [row(1, 'shared')] }).querySelector('[data-testid=related-list]')!))
      .toEqual(shape(preact(<RelatedList related={[row(1, 'shared')]} failed={false} onOpen={() => {}} />)));
  });
});
