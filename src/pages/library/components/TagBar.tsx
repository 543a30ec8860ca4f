import { t } from '../../../shared/i18n';

/** The reader's tags with how many dispatches carry each; pressing one filters the list. */
export function TagBar({ tags, current, onTag }: { tags: { tag: string; count: number }[]; current: string; onTag: (tag: string) => void }) {
  if (!tags.length) return null;
  const cur = current.toLocaleLowerCase('fr');
  return (
    <nav class="lib-tagbar" aria-label={t('libTagList')} data-testid="tag-list">
      <span class="lib-small">{t('libTagList')}</span>
      {tags.map(({ tag, count }) => {
        const on = tag.toLocaleLowerCase('fr') === cur;
        return (
          <button type="button" class="lib-tag-filter" data-testid="tag-filter" data-tag={tag} aria-pressed={on} onClick={() => onTag(on ? '' : tag)}>
            {tag} <span class="lib-tag-count" data-testid="tag-count">{count}</span>
          </button>
        );
      })}
      {current && <button type="button" class="lib-small" data-testid="tag-clear" onClick={() => onTag('')}>{t('libAllTags')}</button>}
    </nav>
  );
}
