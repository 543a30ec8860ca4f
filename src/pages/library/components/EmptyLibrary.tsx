import { t } from '../../../shared/i18n';
import { useShortcuts } from '../../../shared/use-shortcuts';

/** An empty archive says how it fills up (instead of "no dispatch matches"). */
export function EmptyLibrary() {
  const keys = useShortcuts();
  return (
    <section class="lib-empty" data-testid="empty-library">
      <p><strong>{t('libEmptyArchive')}</strong></p>
      <p>{t('libEmptyHow', keys.save || t('optShortcutUnset'))}</p>
    </section>
  );
}
