// Highlight where the extractor read (issue 16), in real Chromium: on a page the structural
// fallback read (the layout's body selector still matches, but only an empty box; the prose sits
// in a renamed container) the highlight lands in the prose the article came from. Before, the
// highlighter detected the layout again by itself and searched the empty box: no mention found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, type Ext } from './harness';
import { getArticle, openVnaTab } from './reader-support';

const URL_ = 'https://fr.vietnamplus.vn/une-depeche-a-la-derive-post9700001.vnp';
const BODY_TAG = '<div class="article__body zce-content-body cms-body" itemprop="articleBody">';

describe('highlight in the roots the extraction read', () => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launchExtension({ dist: process.env.VNA_DIST });
  });
  afterAll(() => ext?.close());

  it('a structurally read page: the mentions are highlighted in its prose, none in the empty layout box', async () => {
    const html = fixture('seed-000.new.html');
    expect(html).toContain(BODY_TAG);
    ext.serve(URL_, html.replace(BODY_TAG, '<div class="article__body"></div><div class="x9f3k">'));
    const { page, tabId } = await openVnaTab(ext, URL_);
    const state = await getArticle(ext, tabId);
    expect(state.ok, state.reason).toBe(true);
    expect(state.article.extraction).toBe('structural');
    const head = `${state.article.title} ${state.article.lead ?? ''}`;
    const entity = state.entities.find((e: any) => e.type !== 'DATE' && ![e.name, ...(e.aliases ?? [])].some((n: string) => head.includes(n)));
    expect(entity, 'an entity named in the body only').toBeTruthy();
    const hl: any = await ext.worker.evaluate(([id, key]) => chrome.tabs.sendMessage(id as number, { type: 'content/highlight', key }), [tabId, entity.key] as const);
    expect(hl.count).toBeGreaterThan(0);
    const where = await page.evaluate(() => {
      const h = (CSS as any).highlights.get('vna-entity') as Set<Range>;
      return [...h].map((r) => (r.startContainer.parentElement?.closest('.x9f3k') ? 'prose' : 'elsewhere'));
    });
    expect(where.length).toBe(hl.count);
    expect(new Set(where)).toEqual(new Set(['prose']));
    await page.close();
  });
});
