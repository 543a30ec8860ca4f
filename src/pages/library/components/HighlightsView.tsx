import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Highlight, HighlightColor } from '../../../store';
import { allHighlights, highlightMatches, HIGHLIGHT_COLORS } from '../../../store';
import { onArchiveChange, touchesHighlights } from '../../../store/changes';
import { removePageHighlight, updatePageHighlight } from '../../../shared/page-writes';
import { t } from '../../../shared/i18n';
import { plural } from '../../../shared/format';
import { archive, formatDate, readerUrl } from '../data';

interface Item { h: Highlight; title: string }

/** Every highlight across the archive, newest first: searchable, editable, deletable. */
export function HighlightsView({ locale }: { locale: string }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [rev, setRev] = useState(0);
  useEffect(() => { document.title = `${t('rlHighlightsView')} — VNA Reader`; }, []);
  // A highlight made or changed in a reader page, or a dispatch removed, put back or forgotten.
  useEffect(() => onArchiveChange((c) => { if (touchesHighlights(c)) setRev((r) => r + 1); }), []);
  useEffect(() => {
    (async () => {
      const list = await allHighlights(archive);
      // Each dispatch's title once, read side by side (not one awaited read after another).
      const ids = [...new Set(list.map((h) => h.dispatchId))];
      const titles = new Map(await Promise.all(ids.map(async (id) => [id, (await archive.get(id))?.article.title ?? null] as const)));
      // Highlights of a deleted dispatch are not listed (they come back with an undo).
      setItems(list.filter((h) => titles.get(h.dispatchId)).map((h) => ({ h, title: titles.get(h.dispatchId)! })));
    })().catch(() => setItems([]));
  }, [rev]);
  const shown = useMemo(() => (items ?? []).filter((i) => highlightMatches(i.h, i.title, q)), [items, q]);
  const replace = (h: Highlight) => setItems((xs) => (xs ?? []).map((i) => (i.h.id === h.id ? { ...i, h } : i)));
  const save = async (id: string, patch: { note?: string; color?: HighlightColor }) => {
    const h = await updatePageHighlight(id, patch);
    if (h) replace(h);
  };
  const del = async (id: string) => {
    if (await removePageHighlight(id)) setItems((xs) => (xs ?? []).filter((i) => i.h.id !== id));
  };
  return (
    <section class="lib-highlights" data-testid="highlights-view" aria-label={t('rlHighlightsView')}>
      <header class="lib-header">
        <h1>{t('rlHighlightsView')}</h1>
        <a href="./index.html" data-testid="back-to-library">{t('rlBackToLibrary')}</a>
      </header>
      <div class="lib-search">
        <input type="search" data-testid="highlights-search" aria-label={t('rlHighlightsSearch')} placeholder={t('rlHighlightsSearch')} value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      </div>
      {items && <p class="lib-count" data-testid="highlights-count" aria-live="polite">{plural('rlHighlightsN', shown.length)}</p>}
      {items && shown.length === 0 && <p class="lib-empty">{t('rlNoHighlights')}</p>}
      <ul class="lib-rows">
        {shown.map(({ h, title }) => (
          <li class="lib-row lib-hl-row" data-testid="highlight-item" data-id={h.id} data-color={h.color}>
            <div class="lib-row-main">
              <blockquote class={`lib-hl-quote lib-hl-${h.color}`} data-testid="highlight-quote">{h.anchor.exact}</blockquote>
              {editing === h.id ? (
                <NoteForm h={h} onSave={async (note, color) => { await save(h.id, { note, color }); setEditing(null); }} onCancel={() => setEditing(null)} />
              ) : (
                h.note && <p class="lib-note-text" data-testid="highlight-note">{h.note}</p>
              )}
              <div class="lib-meta">
                <a href={`${readerUrl(h.dispatchId)}#${encodeURIComponent(h.id)}`} data-testid="highlight-dispatch">{title}</a>
                <span>{formatDate(h.createdAt, locale)}</span>
              </div>
            </div>
            <div class="lib-actions">
              <button type="button" data-testid="highlight-edit" onClick={() => setEditing(editing === h.id ? null : h.id)}>{t('rlEdit')}</button>
              <button type="button" data-testid="highlight-delete" class="lib-danger" onClick={() => void del(h.id)}>{t('rlDeleteHighlight')}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoteForm({ h, onSave, onCancel }: { h: Highlight; onSave: (note: string, color: HighlightColor) => Promise<void>; onCancel: () => void }) {
  const [note, setNote] = useState(h.note);
  const [color, setColor] = useState<HighlightColor>(h.color);
  return (
    <div class="lib-edit" data-testid="highlight-editor">
      <div class="lib-hl-colours" role="group" aria-label={t('rlHighlight')}>
        {HIGHLIGHT_COLORS.map((c) => (
          <button type="button" class={`lib-hl-swatch lib-hl-${c}`} data-testid={`highlight-color-${c}`} aria-pressed={c === color} aria-label={t(`rlColor_${c}`)} title={t(`rlColor_${c}`)} onClick={() => setColor(c)} />
        ))}
      </div>
      <textarea data-testid="highlight-note-input" aria-label={t('rlNote')} rows={3} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      <button type="button" data-testid="highlight-save" onClick={() => void onSave(note, color)}>{t('rlSave')}</button>
      <button type="button" onClick={onCancel}>{t('rlCancel')}</button>
    </div>
  );
}
