import { useState } from 'preact/hooks';
import type { Dispatch } from '../../../store';
import { t } from '../../../shared/i18n';
import { entityUrl, formatDate, readerUrl } from '../data';
import { TagEditor } from './TagEditor';
import { NoteEditor } from './NoteEditor';
import { RowReadLater } from './RowReadLater';
import { CiteMenu } from './CiteMenu';

interface Props {
  d: Dispatch;
  locale: string;
  onDelete: (d: Dispatch) => void;
  onTags: (id: string, tags: string[]) => Promise<void>;
  onNote: (id: string, note: string) => Promise<void>;
  onEntity: (key: string) => void;
}

export function DispatchRow({ d, locale, onDelete, onTags, onNote, onEntity }: Props) {
  const [editing, setEditing] = useState(false);
  const a = d.article;
  const top = [...d.entities].filter((e) => e.type !== 'DATE').sort((x, y) => y.count - x.count).slice(0, 5);
  return (
    <li class="lib-row" data-testid="dispatch-row" data-id={d.id}>
      <div class="lib-row-main">
        <a class="lib-title" data-testid="dispatch-title" href={readerUrl(d.id)}>{a.title}</a>
        <div class="lib-meta">
          <span data-testid="dispatch-site">{d.site}</span>
          <span title={t('libPublished')}>{formatDate(d.published, locale)}</span>
          <span title={t('libSavedAt')}>{t('libSavedOn', formatDate(d.savedAt, locale))}</span>
          <RowReadLater id={d.id} />
        </div>
        {a.lead && <p class="lib-lead">{a.lead.length > 220 ? `${a.lead.slice(0, 220)}…` : a.lead}</p>}
        {top.length > 0 && (
          <div class="lib-entities">
            {top.map((e) => (
              <button type="button" class={`lib-ent lib-ent-${e.type}`} title={t('libFilterBy', e.name)} onClick={() => onEntity(e.key)}>{e.name}</button>
            ))}
          </div>
        )}
        {(d.userTags.length > 0 || d.note) && !editing && (
          <div class="lib-user">
            {d.userTags.map((tag) => <span class="lib-tag" data-testid="user-tag">{tag}</span>)}
            {d.note && <span class="lib-note-text" data-testid="user-note">{d.note}</span>}
          </div>
        )}
        {editing && (
          <div class="lib-edit" data-testid="editors">
            <TagEditor tags={d.userTags} onSave={(tags) => onTags(d.id, tags)} />
            <NoteEditor note={d.note} onSave={(note) => onNote(d.id, note)} />
          </div>
        )}
      </div>
      <div class="lib-actions">
        <a href={readerUrl(d.id)} data-testid="open-reader">{t('libRead')}</a>
        <button type="button" data-testid="edit" aria-expanded={editing} onClick={() => setEditing(!editing)}>{editing ? t('libDone') : t('libEdit')}</button>
        <button type="button" data-testid="delete" class="lib-danger" onClick={() => onDelete(d)}>{t('libDelete')}</button>
        <CiteMenu testid="cite" label={t('citeButton')} load={async () => [d]} />
        {top[0] && <a class="lib-small" href={entityUrl(top[0].key)}>{t('libEntityViewOf', top[0].name)}</a>}
      </div>
    </li>
  );
}
