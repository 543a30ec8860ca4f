import { t } from '../../shared/i18n';
import { useShortcuts, withShortcut } from '../../shared/use-shortcuts';

interface Props {
  saved: boolean | null;
  busy: boolean;
  onSave: () => void;
  onReader: () => void;
  onLibrary: () => void;
}

export function Actions({ saved, busy, onSave, onReader, onLibrary }: Props) {
  const keys = useShortcuts();
  return (
    <nav class="actions" aria-label={t('actions')}>
      <button
        type="button"
        class={saved ? 'primary is-saved' : 'primary'}
        data-testid="save"
        aria-pressed={!!saved}
        aria-busy={busy || saved === null}
        disabled={busy || saved === null}
        title={saved ? t('unsaveHint') : withShortcut('cmdSave', keys.save)}
        onClick={onSave}
      >
        {saved ? t('saved') : t('save')}
      </button>
      <button type="button" data-testid="reader" title={withShortcut('cmdToggleReader', keys.toggleReader)} onClick={onReader}>{t('readerView')}</button>
      <button type="button" data-testid="open-library" onClick={onLibrary}>{t('openLibrary')}</button>
    </nav>
  );
}
