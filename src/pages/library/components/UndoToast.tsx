import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../shared/i18n';

/** After a delete, focus moves here (the row it was on is gone), so Enter undoes at once. */
export function UndoToast({ title, onUndo, onDismiss }: { title: string; onUndo: () => void; onDismiss: () => void }) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    undo.current?.focus();
  }, [title]);
  return (
    <div class="lib-toast" role="status" data-testid="undo-toast" onKeyDown={(e) => e.key === 'Escape' && onDismiss()}>
      <span>{t('libDeleted', title.length > 60 ? `${title.slice(0, 60)}…` : title)}</span>
      <button ref={undo} type="button" data-testid="undo" onClick={onUndo}>{t('libUndo')}</button>
      <button type="button" aria-label={t('libDismiss')} onClick={onDismiss}>✕</button>
    </div>
  );
}
