import { useEffect, useState } from 'preact/hooks';
import type { EntityType } from '../core/types';
import type { ArticleState } from '../shared/messages';
import { toBackground, toTab } from '../shared/rpc';
import { t } from '../shared/i18n';
import { targetTabId } from './active-tab';

type View = { kind: 'loading' } | { kind: 'none' } | { kind: 'article'; state: ArticleState; tabId: number };

const ORDER: EntityType[] = ['PER', 'ORG', 'LOC', 'EVENT', 'DATE'];

export function App() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === null) return setView({ kind: 'none' });
      const state = await toTab(tabId, { type: 'content/getArticle' }).catch(() => null);
      setView(state && state.ok ? { kind: 'article', state, tabId } : { kind: 'none' });
    })().catch(() => setView({ kind: 'none' }));
  }, []);

  if (view.kind === 'loading') return <p class="muted" data-testid="loading">{t('loading')}</p>;
  if (view.kind === 'none') {
    return (
      <section data-testid="not-article">
        <h1>{t('notArticleTitle')}</h1>
        <p>{t('notArticleBody')}</p>
        <button data-testid="open-library" onClick={() => toBackground({ type: 'bg/openLibrary' })}>{t('openLibrary')}</button>
      </section>
    );
  }
  const { article, entities } = view.state;
  return (
    <main data-testid="article">
      <h1 data-testid="article-title">{article.title}</h1>
      <p class="muted">{article.published?.slice(0, 10)} · {article.readingMinutes} {t('minutes')}</p>
      {ORDER.map((type) => {
        const list = entities.filter((e) => e.type === type);
        if (!list.length) return null;
        return (
          <section key={type}>
            <h2>{t(type)}</h2>
            <ul>
              {list.map((e) => (
                <li key={e.key} data-testid="entity" data-type={e.type}>{e.name}{e.role ? ` — ${e.role}` : ''} <span class="count">{e.count}</span></li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
