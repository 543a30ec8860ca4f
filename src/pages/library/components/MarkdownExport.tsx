import { useState } from 'preact/hooks';
import type { ReadingStateName } from '../../../store';
import { t } from '../../../shared/i18n';
import { plural } from '../../../shared/format';
import type { Query } from '../data';
import { downloadBlob, markdownOf, selectionOf } from '../readlater-data';

/** Export the current selection (every page of it) as Markdown notes. */
export function MarkdownExport({ query, state }: { query: Query; state: ReadingStateName | '' }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string; n?: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const list = await selectionOf(query, state);
      const { name, blob } = await markdownOf(list);
      downloadBlob(name, blob);
      setStatus({ ok: true, text: plural('rlMarkdownDoneN', list.length), n: list.length });
    } catch (e) {
      setStatus({ ok: false, text: String((e as Error)?.message ?? e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="lib-md">
      <button type="button" data-testid="markdown-export" disabled={busy} onClick={run}>{t('rlMarkdownSelection')}</button>
      {status && <span class={status.ok ? 'lib-ok' : 'lib-error'} role="status" data-testid="markdown-status" data-count={status.n}>{status.text}</span>}
    </span>
  );
}
