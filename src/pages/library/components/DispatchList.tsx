import type { Dispatch } from '../../../store';
import { t } from '../../../shared/i18n';
import { formatNumber, plural } from '../../../shared/format';
import { PAGE_SIZE } from '../data';
import { DispatchRow } from './DispatchRow';

interface Props {
  rows: Dispatch[];
  total: number;
  page: number;
  locale: string;
  loading: boolean;
  onPage: (page: number) => void;
  onDelete: (d: Dispatch) => void;
  onTags: (id: string, tags: string[]) => Promise<void>;
  onNote: (id: string, note: string) => Promise<void>;
  onEntity: (key: string) => void;
}

/** One page of dispatches (the store pages by index, so 10,000 dispatches stay fast). */
export function DispatchList(p: Props) {
  const pages = Math.max(1, Math.ceil(p.total / PAGE_SIZE));
  return (
    <section class="lib-list" aria-busy={p.loading} aria-label={t('libResults')}>
      <p class="lib-count" data-testid="result-count" aria-live="polite">{plural('libCount', p.total)}</p>
      {p.rows.length === 0 && !p.loading ? (
        <p class="lib-empty" data-testid="empty">{t('libEmpty')}</p>
      ) : (
        <ul class="lib-rows">
          {p.rows.map((d) => <DispatchRow key={d.id} d={d} locale={p.locale} onDelete={p.onDelete} onTags={p.onTags} onNote={p.onNote} onEntity={p.onEntity} />)}
        </ul>
      )}
      {pages > 1 && (
        <nav class="lib-pager" aria-label={t('libPages')}>
          <button type="button" data-testid="pager-prev" disabled={p.page <= 0} onClick={() => p.onPage(p.page - 1)}>{t('libPrev')}</button>
          <span data-testid="page-info">{t('libPageOf', formatNumber(p.page + 1), formatNumber(pages))}</span>
          <button type="button" data-testid="pager-next" disabled={p.page >= pages - 1} onClick={() => p.onPage(p.page + 1)}>{t('libNext')}</button>
        </nav>
      )}
    </section>
  );
}
