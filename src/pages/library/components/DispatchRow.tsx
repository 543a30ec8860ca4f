import { useState } from 'preact/hooks';
import type { Dispatch } from '../../../store';
import { t } from '../../../shared/i18n';
import { entityUrl, formatDate, readerUrl } from '../data';
import { RowEditor } from './RowEditor';
import { RowReadLater } from './RowReadLater';
import { CiteMenu } from './CiteMenu';
import { Marked, snippetOf } from './Snippet';
import { siteLabel } from '../../../core/extract/profiles';

interface Props {
  d: Dispatch;
  locale: string;
  matched: string[];
  onDelete: (d: Dispatch) => void;
  onTags: (id: string, tags: string[]) => Promise<void>;
  onNote: (id: string, note: string) => Promise<void>;
  onEntity: (key: string) => void;
  onTag: (tag: string) => void;
}

/**
 * One compact row a reader can scan: title, site and date, a one-line lead (or, for a
 * search, the passage with the matched words marked), the top entities, the reader's tags.
 * Every action is a real link or button in a fixed-width column: Tab reaches read, tags and
 * note, delete, in that order.
 */
export function DispatchRow({ d, locale, matched, onDelete, onTags, onNote, onEntity, onTag }: Props) {
  const [editing, setEditing] = useState(false);
  const a = d.article;
  const top = [...d.entities].filter((e) => e.type !== 'DATE').sort((x, y) => y.count - x.count).slice(0, 4);
  const snippet = snippetOf([a.lead ?? '', ...a.body], matched);
  return (
    <li class="lib-row" data-testid="dispatch-row" data-id={d.id}>
      <div class="lib-row-main">
        <a class="lib-title" data-testid="dispatch-title" href={readerUrl(d.id)}>{matched.length ? <Marked text={a.title} terms={matched} /> : a.title}</a>
        <div class="lib-meta">
          <span data-testid="dispatch-site">{siteLabel(d.site, d.article.url)}</span>
          <span title={t('libPublished')}>{formatDate(d.published, locale)}</span>
          <span title={t('libSavedAt')}>{t('libSavedOn', formatDate(d.savedAt, locale))}</span>
          <RowReadLater id={d.id} />
        </div>
        {snippet ? <p class="lib-lead lib-snippet" data-testid="snippet"><Marked text={snippet} terms={matched} /></p>
          : a.lead && <p class="lib-lead" title={a.lead}>{a.lead}</p>}
        {(top.length > 0 || d.userTags.length > 0 || d.note) && (
          <div class="lib-entities">
            {d.userTags.map((tag) => (
              <button type="button" class="lib-tag" data-testid="user-tag" title={t('libFilterBy', tag)} onClick={() => onTag(tag)}>{tag}</button>
            ))}
            {top.map((e) => (
              <button type="button" class={`lib-ent lib-ent-${e.type}`} title={t('libFilterBy', e.name)} onClick={() => onEntity(e.key)}>{e.name}</button>
            ))}
            {d.note && !editing && <span class="lib-note-text" data-testid="user-note" title={d.note}>{d.note}</span>}
          </div>
        )}
        {editing && (
          <RowEditor d={d} onTags={(tags) => onTags(d.id, tags)} onNote={(note) => onNote(d.id, note)} onClose={() => setEditing(false)} />
        )}
      </div>
      <div class="lib-actions">
        <a href={readerUrl(d.id)} data-testid="open-reader">{t('libRead')}</a>
        <button type="button" data-testid="edit" aria-expanded={editing} onClick={() => setEditing(!editing)}>{editing ? t('libDone') : t('libEdit')}</button>
        <button type="button" data-testid="delete" class="lib-danger" aria-label={`${t('libDelete')} — ${a.title}`} onClick={() => onDelete(d)}>{t('libDelete')}</button>
        <CiteMenu testid="cite" label={t('citeButton')} load={async () => [d]} />
        {top[0] && <a class="lib-small lib-entity-link" href={entityUrl(top[0].key)} title={t('libEntityViewOf', top[0].name)}>{t('libEntityViewOf', top[0].name)}</a>}
      </div>
    </li>
  );
}
