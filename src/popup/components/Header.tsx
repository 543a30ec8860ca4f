import type { Article } from '../../core/types';
import { t } from '../../shared/i18n';
import { formatDate, siteLabel } from '../format';
import { formatNumber } from '../../shared/format';

/** `label`: the site's name as the content script gave it (else looked up here). */
export function Header({ article, label }: { article: Article; label?: string }) {
  const date = formatDate(article.published);
  return (
    <header class="header">
      <h1 data-testid="article-title">{article.title}</h1>
      <p class="muted meta">
        <span class="site">{label ?? siteLabel(article.site, article.url)}</span>
        {date && <> · <time dateTime={article.published ?? undefined} data-testid="article-date">{date}</time></>}
        {' · '}
        <span data-testid="reading-time">{t('readingTime', formatNumber(article.readingMinutes))}</span>
      </p>
    </header>
  );
}
