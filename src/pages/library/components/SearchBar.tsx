import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';

/** Full-text search box; reports the text after a short pause in typing. */
export function SearchBar({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setText(value), [value]);
  const update = (v: string) => {
    setText(v);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onSearch(v), 250);
  };
  return (
    <form class="lib-search" role="search" onSubmit={(e) => { e.preventDefault(); window.clearTimeout(timer.current); onSearch(text); }}>
      <input
        type="search"
        data-testid="search"
        aria-label={t('libSearch')}
        placeholder={t('libSearchPlaceholder')}
        value={text}
        onInput={(e) => update((e.target as HTMLInputElement).value)}
      />
    </form>
  );
}
