import { t } from '../../shared/i18n';

/** Friendly state for any tab that is not a readable VNA article (never an error screen). */
export function NotArticle({ hint, onLibrary }: { hint: 'none' | 'reload'; onLibrary: () => void }) {
  return (
    <section class="not-article" data-testid="not-article" aria-labelledby="na-title">
      <h1 id="na-title">{t('notArticleTitle')}</h1>
      <p>{hint === 'reload' ? t('reloadHint') : t('notArticleBody')}</p>
      <button type="button" class="primary" data-testid="open-library" onClick={onLibrary}>{t('openLibrary')}</button>
    </section>
  );
}
