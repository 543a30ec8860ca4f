import { t } from '../../../shared/i18n';

export function UndoToast({ title, onUndo, onDismiss }: { title: string; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div class="lib-toast" role="status" data-testid="undo-toast">
      <span>{t('libDeleted', title.length > 60 ? `${title.slice(0, 60)}…` : title)}</span>
      <button type="button" data-testid="undo" onClick={onUndo}>{t('libUndo')}</button>
      <button type="button" aria-label={t('libDismiss')} onClick={onDismiss}>✕</button>
    </div>
  );
}
