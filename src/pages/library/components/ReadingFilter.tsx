import type { ReadingStateName } from '../../../store';
import { READING_STATES } from '../../../store';
import { t } from '../../../shared/i18n';

/** Filter by reading state: all, unread, read, archived. */
export function ReadingFilter({ value, onChange }: { value: ReadingStateName | ''; onChange: (v: ReadingStateName | '') => void }) {
  return (
    <label class="lib-field">
      <span>{t('rlReadingState')}</span>
      <select data-testid="filter-state" value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as ReadingStateName | '')}>
        <option value="">{t('rlAllStates')}</option>
        {READING_STATES.map((s) => <option value={s}>{t(`rlState_${s}`)}</option>)}
      </select>
    </label>
  );
}
