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
  /** Folded search terms, marked in each row's snippet. */
  matched: string[];
  onPage: (page: number) => void;
  onDelete: (d: Dispatch) => void;
  onTags: (id: string, tags: string[]) => Promise<void>;
  onNote: (id: string, note: string) => Promise<void>;
  onEntity: (key: string) => void;
  onTag: (tag: string) => void;
}

function Pager({ page, pages, onPage, where }: { page: number; pages: number; onPage: (p: number) => void; where: 'top' | 'bottom' }) {
  return (
    <nav class="lib-pager" aria-label={t('libPages')} data-testid={`pager-${where}`}>
      <button type="button" data-testid="pager-prev" disabled={page <= 0} onClick={() => onPage(page - 1)}>{t('libPrev')}</button>
      <span data-testid="page-info">{t('libPageOf', formatNumber(page + 1), formatNumber(pages))}</span>
      <button type="button" data-testid="pager-next" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>{t('libNext')}</button>
    </nav>
  );
}

/** One page of dispatches (the store pages by index, so 10,000 dispatches stay fast). */
export function DispatchList(p: Props) {
  const pages = Math.max(1, Math.ceil(p.total / PAGE_SIZE));
  return (
    <section class="lib-list" aria-busy={p.loading} aria-label={t('libResults')}>
      <div class="lib-list-head">
        <p class="lib-count" data-testid="result-count" aria-live="polite">{plural('libCount', p.total)}</p>
        {pages > 1 && <Pager page={p.page} pages={pages} onPage={p.onPage} where="top" />}
      </div>
      {p.rows.length === 0 && !p.loading ? (
        <p class="lib-empty" data-testid="empty">{t('libEmpty')}</p>
      ) : (
        <ul class="lib-rows">
          {p.rows.map((d) => <DispatchRow key={d.id} d={d} locale={p.locale} matched={p.matched} onDelete={p.onDelete} onTags={p.onTags} onNote={p.onNote} onEntity={p.onEntity} onTag={p.onTag} />)}
        </ul>
      )}
      {pages > 1 && <Pager page={p.page} pages={pages} onPage={p.onPage} where="bottom" />}
    </section>
  );
}
