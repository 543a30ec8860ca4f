import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dispatch } from '../../../store';
import { t } from '../../../shared/i18n';

const SAVE_AFTER_MS = 600;

interface Props {
  d: Dispatch;
  onTags: (tags: string[]) => Promise<void>;
  onNote: (note: string) => Promise<void>;
  onClose: () => void;
}

const parseTags = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The reader's tags and note, saved as they type (after a short pause), on Ctrl+Enter and
 * when the editor closes or the page is left: nothing typed is ever thrown away. One status
 * line says whether it is saved.
 */
export function RowEditor({ d, onTags, onNote, onClose }: Props) {
  const [tags, setTags] = useState(d.userTags.join(', '));
  const [note, setNote] = useState(d.note);
  const [status, setStatus] = useState<'saved' | 'pending' | 'saving' | 'error'>('saved');
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ tags, note });
  latest.current = { tags, note };
  const stored = useRef({ tags: d.userTags, note: d.note });
  const first = useRef<HTMLInputElement>(null);

  const flush = async () => {
    window.clearTimeout(timer.current);
    const { tags: tx, note: nx } = latest.current;
    const wantTags = parseTags(tx);
    const jobs: Promise<void>[] = [];
    if (!sameTags(wantTags, stored.current.tags)) { stored.current = { ...stored.current, tags: wantTags }; jobs.push(onTags(wantTags)); }
    if (nx !== stored.current.note) { stored.current = { ...stored.current, note: nx }; jobs.push(onNote(nx)); }
    if (!jobs.length) return setStatus('saved');
    setStatus('saving');
    try { await Promise.all(jobs); setStatus('saved'); } catch { setStatus('error'); }
  };
  const later = () => { setStatus('pending'); window.clearTimeout(timer.current); timer.current = window.setTimeout(flush, SAVE_AFTER_MS); };

  useEffect(() => {
    first.current?.focus();
    const onLeave = () => void flush();
    window.addEventListener('pagehide', onLeave);
    // Closing the editor (Done, or the row leaving the page) saves what was typed.
    return () => { window.removeEventListener('pagehide', onLeave); void flush(); };
  }, []);

  const onKeyDown = (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); void flush(); }
    if (ev.key === 'Escape') { ev.preventDefault(); onClose(); }
  };

  return (
    <div class="lib-edit" data-testid="editors" onKeyDown={onKeyDown}>
      <label class="lib-field">
        <span>{t('libTags')}</span>
        <input ref={first} type="text" data-testid="tags-input" value={tags} placeholder={t('libTagsPlaceholder')}
          onInput={(e) => { setTags((e.target as HTMLInputElement).value); later(); }} onBlur={() => void flush()} />
      </label>
      <label class="lib-field lib-note">
        <span>{t('libNote')}</span>
        <textarea data-testid="note-input" rows={2} value={note}
          onInput={(e) => { setNote((e.target as HTMLTextAreaElement).value); later(); }} onBlur={() => void flush()} />
      </label>
      <p class="lib-small lib-edit-status" role="status" data-testid="edit-status" data-state={status}>
        {status === 'saved' ? t('libEditSaved') : status === 'error' ? t('libEditError') : t('libEditSaving')} · {t('libEditHint')}
      </p>
    </div>
  );
}
