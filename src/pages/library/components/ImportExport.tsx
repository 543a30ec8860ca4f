import { useRef, useState } from 'preact/hooks';
import { exportArchive, exportFileName, type ImportProgress } from '../../../store';
import { t } from '../../../shared/i18n';
import { formatNumber, plural } from '../../../shared/format';
import { errorText } from '../../../shared/error-text';
import { archive, formatBytes, importFile } from '../data';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string; value: number | null; text?: string }
  | { kind: 'exporting'; done: number; total: number }
  | { kind: 'ok'; text: string; exported?: number }
  | { kind: 'error'; text: string };

/** Progress through the import phases as one 0..1 value. */
function progressOf(p: ImportProgress): number {
  const f = p.total > 0 ? p.done / p.total : 0;
  switch (p.phase) {
    case 'read': return 0.05;
    case 'validate': return 0.1 + 0.5 * f;
    case 'write': return 0.6 + 0.4 * f;
    case 'done': return 1;
  }
}

/** Export the archive to the store's JSON format, and import such a file, with progress. */
/** Export and import; after an import the list is refreshed once (see isImporting). */
export function ImportExport({ onImported }: { onImported: () => void }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const file = useRef<HTMLInputElement>(null);
  // Read-later: photos kept offline go into the file only when asked (it says which).
  const [withPhotos, setWithPhotos] = useState(false);
  const busy = status.kind === 'busy' || status.kind === 'exporting';

  const doExport = async () => {
    setStatus({ kind: 'exporting', done: 0, total: 0 });
    try {
      let n = 0;
      const text = await exportArchive(archive, {
        withPhotos,
        onProgress: (done, total) => {
          n = total;
          setStatus({ kind: 'exporting', done, total });
        },
      });
      const blob = new Blob([text], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName();
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({ kind: 'ok', text: plural('libExported', n, [formatBytes(blob.size)]), exported: n });
    } catch (e) {
      setStatus({ kind: 'error', text: `${t('libExportFailed')} ${errorText(e)}` });
    }
  };

  const doImport = async (f: File) => {
    setStatus({ kind: 'busy', label: t('libImporting'), value: 0 });
    let written = 0;
    try {
      const c = await importFile(f, (p) => (p.phase === 'write' && (written = p.done), setStatus({
        kind: 'busy', label: t(`libPhase_${p.phase}`), value: progressOf(p),
        // The write phase says how far it is: written / total.
        text: p.phase === 'write' ? t('libImportProgress', formatNumber(p.done), formatNumber(p.total)) : undefined,
      })));
      setStatus({ kind: 'ok', text: t('libImportDone', formatNumber(c.added), formatNumber(c.updated), formatNumber(c.skipped)) });
    } catch (e) {
      // Batches before the failure are written: say so, and that importing again is safe.
      const head = written > 0 ? t('libImportStopped') : t('libImportFailed');
      const partial = written > 0 ? ` ${t('libImportPartial', formatNumber(written))}` : '';
      setStatus({ kind: 'error', text: `${errorText(e)} ${head}${partial}` });
    } finally {
      onImported(); // once, also after a failure (its first batches may be written)
      if (file.current) file.current.value = '';
    }
  };

  return (
    <section class="lib-io" aria-label={t('libImportExport')}>
      <button type="button" data-testid="export" disabled={busy} onClick={doExport}>{t('libExport')}</button>
      <label class="lib-check">
        <input type="checkbox" data-testid="export-with-photos" checked={withPhotos} disabled={busy} onChange={(e) => setWithPhotos((e.target as HTMLInputElement).checked)} />
        {t('rlExportWithPhotos')}
      </label>
      <label class="lib-button">
        {t('libImport')}
        <input ref={file} type="file" accept="application/json,.json" data-testid="import-file" disabled={busy} class="lib-visually-hidden"
          onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void doImport(f); }} />
      </label>
      {status.kind === 'busy' && (
        <span class="lib-progress" data-testid="io-progress">
          <progress max={1} value={status.value ?? undefined} aria-label={status.label} aria-valuetext={status.text ?? status.label} data-testid="import-progress" />
          <span>{status.label}{status.text ? ` ${status.text}` : ''}</span>
        </span>
      )}
      {status.kind === 'exporting' && (
        <span class="lib-progress" data-testid="io-progress">
          <span class="lib-bar" role="progressbar" data-testid="export-progress" aria-label={t('libExporting')}
            aria-valuemin={0} aria-valuemax={status.total} aria-valuenow={status.done}
            aria-valuetext={plural('libExportProgress', status.total, [formatNumber(status.done)])}>
            <span style={{ width: `${status.total > 0 ? (100 * status.done) / status.total : 0}%` }} />
          </span>
          <span>{plural('libExportProgress', status.total, [formatNumber(status.done)])}</span>
        </span>
      )}
      {status.kind === 'ok' && (
        // data-exported: how many dispatches the finished export wrote (the bar's final aria-valuenow).
        <span class="lib-ok" role="status" data-testid="io-status" data-exported={status.exported}>{status.text}</span>
      )}
      {status.kind === 'error' && <span class="lib-error" role="alert" data-testid="io-error">{status.text}</span>}
    </section>
  );
}
