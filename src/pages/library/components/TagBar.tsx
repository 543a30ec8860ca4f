import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';

/** Shown before "show all": a reader with hundreds of tags still sees the list in one line or two. */
const TAGS_SHOWN = 15;

/** The reader's tags with how many dispatches carry each; pressing one filters the list. */
export function TagBar({ tags, current, onTag }: { tags: { tag: string; count: number }[]; current: string; onTag: (tag: string) => void }) {
  const [all, setAll] = useState(false);
  if (!tags.length) return null;
  const cur = current.toLocaleLowerCase('fr');
  const shown = all ? tags : tags.filter((x, i) => i < TAGS_SHOWN || x.tag.toLocaleLowerCase('fr') === cur);
  return (
    <nav class="lib-tagbar" aria-label={t('libTagList')} data-testid="tag-list">
      <span class="lib-small">{t('libTagList')}</span>
      {shown.map(({ tag, count }) => {
        const on = tag.toLocaleLowerCase('fr') === cur;
        return (
          <button type="button" class="lib-tag-filter" data-testid="tag-filter" data-tag={tag} aria-pressed={on} onClick={() => onTag(on ? '' : tag)}>
            {tag} <span class="lib-tag-count" data-testid="tag-count">{count}</span>
          </button>
        );
      })}
      {tags.length > TAGS_SHOWN && (
        <button type="button" class="lib-small" aria-expanded={all} onClick={() => setAll(!all)}>{all ? t('showLess') : t('showAll', String(tags.length))}</button>
      )}
      {current && <button type="button" class="lib-small" data-testid="tag-clear" onClick={() => onTag('')}>{t('libAllTags')}</button>}
    </nav>
  );
}
