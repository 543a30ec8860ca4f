import { t } from '../../shared/i18n';

interface Props {
  saved: boolean | null;
  busy: boolean;
  onSave: () => void;
  onReader: () => void;
  onLibrary: () => void;
}

export function Actions({ saved, busy, onSave, onReader, onLibrary }: Props) {
  return (
    <nav class="actions" aria-label={t('actions')}>
      <button
        type="button"
        class={saved ? 'primary is-saved' : 'primary'}
        data-testid="save"
        aria-pressed={!!saved}
        aria-busy={busy || saved === null}
        disabled={busy || saved === null}
        title={saved ? t('unsaveHint') : t('cmdSave')}
        onClick={onSave}
      >
        {saved ? t('saved') : t('save')}
      </button>
      <button type="button" data-testid="reader" title={t('cmdToggleReader')} onClick={onReader}>{t('readerView')}</button>
      <button type="button" data-testid="open-library" onClick={onLibrary}>{t('openLibrary')}</button>
    </nav>
  );
}
