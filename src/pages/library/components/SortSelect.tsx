import { t, type MessageKey } from '../../../shared/i18n';
import type { Query, SortKey } from '../data';

const OPTIONS: { sort: SortKey; direction: 'asc' | 'desc'; label: MessageKey }[] = [
  { sort: 'savedAt', direction: 'desc', label: 'libSortSavedDesc' },
  { sort: 'savedAt', direction: 'asc', label: 'libSortSavedAsc' },
  { sort: 'published', direction: 'desc', label: 'libSortPublishedDesc' },
  { sort: 'published', direction: 'asc', label: 'libSortPublishedAsc' },
  { sort: 'relevance', direction: 'desc', label: 'libSortRelevance' },
];

export function SortSelect({ query, onChange }: { query: Query; onChange: (p: Partial<Query>) => void }) {
  const value = `${query.sort}:${query.direction}`;
  return (
    <label class="lib-field">
      <span>{t('libSort')}</span>
      <select
        data-testid="sort"
        value={value}
        onChange={(e) => {
          const [sort, direction] = (e.target as HTMLSelectElement).value.split(':') as [SortKey, 'asc' | 'desc'];
          onChange({ sort, direction });
        }}
      >
        {OPTIONS.filter((o) => o.sort !== 'relevance' || query.q.trim()).map((o) => (
          <option value={`${o.sort}:${o.direction}`}>{t(o.label)}</option>
        ))}
      </select>
    </label>
  );
}
