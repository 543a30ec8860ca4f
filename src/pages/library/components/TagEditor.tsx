import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';

/** The reader's own tags, comma-separated. */
export function TagEditor({ tags, onSave }: { tags: string[]; onSave: (tags: string[]) => Promise<void> }) {
  const [text, setText] = useState(tags.join(', '));
  const [busy, setBusy] = useState(false);
  return (
    <form class="lib-editor" onSubmit={async (e) => {
      e.preventDefault();
      setBusy(true);
      try { await onSave(text.split(',').map((s) => s.trim()).filter(Boolean)); } finally { setBusy(false); }
    }}>
      <label class="lib-field">
        <span>{t('libTags')}</span>
        <input type="text" data-testid="tags-input" value={text} placeholder={t('libTagsPlaceholder')} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" data-testid="tags-save" disabled={busy}>{t('libSaveTags')}</button>
    </form>
  );
}
