import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';

/** A free-text note on a dispatch. */
export function NoteEditor({ note, onSave }: { note: string; onSave: (note: string) => Promise<void> }) {
  const [text, setText] = useState(note);
  const [busy, setBusy] = useState(false);
  return (
    <form class="lib-editor" onSubmit={async (e) => {
      e.preventDefault();
      setBusy(true);
      try { await onSave(text); } finally { setBusy(false); }
    }}>
      <label class="lib-field lib-note">
        <span>{t('libNote')}</span>
        <textarea data-testid="note-input" rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" data-testid="note-save" disabled={busy}>{t('libSaveNote')}</button>
    </form>
  );
}
