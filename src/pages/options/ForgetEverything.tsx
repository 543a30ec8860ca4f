// "Forget everything": deletes the whole archive (dispatches, the reader's tags and notes,
// the search index) after a confirmation that says how many, with an export offered first.
// Settings are kept: they are not the reader's reading.
import { useState } from 'preact/hooks';
import { exportArchive, exportFileName, openArchive } from '../../store';
import { t } from '../../shared/i18n';
import { formatBytes, plural } from '../../shared/format';
import { errorText } from '../../shared/error-text';
import { downloadText } from '../../shared/download';
import { toBackground } from '../../shared/rpc';
import { written } from '../../shared/page-writes';

type Step =
  | { kind: 'idle' }
  | { kind: 'confirm'; count: number }
  | { kind: 'busy' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

const archive = openArchive();

export function ForgetEverything() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [exported, setExported] = useState('');

  const start = async () => {
    try {
      const count = await archive.count();
      setExported('');
      setStep(count === 0 ? { kind: 'done', text: t('optForgetEmpty') } : { kind: 'confirm', count });
    } catch (e) {
      setStep({ kind: 'error', text: errorText(e) });
    }
  };
  const doExport = async () => {
    try {
      let n = 0;
      const text = await exportArchive(archive, { onProgress: (_, total) => { n = total; } });
      const size = downloadText(exportFileName(), text, 'application/json');
      setExported(plural('libExported', n, [formatBytes(size)]));
    } catch (e) {
      setExported(`${t('libExportFailed')} ${errorText(e)}`);
    }
  };
  const forget = async () => {
    setStep({ kind: 'busy' });
    try {
      // The background forgets (dispatches, then photos, highlights and reading states) and
      // announces it once: open library tabs empty and the popups' stored answers go.
      const { removed } = await written(toBackground({ type: 'bg/forgetAll' }));
      setStep({ kind: 'done', text: plural('optForgetDone', removed) });
    } catch (e) {
      setStep({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <section class="card" aria-labelledby="opt-forget" data-testid="forget">
      <h2 id="opt-forget">{t('optForget')}</h2>
      <p>{t('optForgetBody')}</p>
      {step.kind !== 'confirm' && (
        <button type="button" class="danger" data-testid="forget-start" disabled={step.kind === 'busy'} onClick={start}>{t('optForgetStart')}</button>
      )}
      {step.kind === 'confirm' && (
        <div role="alertdialog" aria-labelledby="forget-q" data-testid="forget-confirm">
          <p id="forget-q"><strong>{plural('optForgetQuestion', step.count)}</strong></p>
          <p class="row">
            <button type="button" class="primary" data-testid="forget-export" onClick={doExport}>{t('libExport')}</button>
            <span class="muted" role="status" data-testid="forget-exported">{exported}</span>
          </p>
          <p class="row">
            <button type="button" class="danger" data-testid="forget-confirm-yes" onClick={forget}>{plural('optForgetConfirm', step.count)}</button>
            <button type="button" data-testid="forget-cancel" onClick={() => setStep({ kind: 'idle' })}>{t('optForgetCancel')}</button>
          </p>
        </div>
      )}
      {step.kind === 'done' && <p class="ok" role="status" data-testid="forget-done">{step.text}</p>}
      {step.kind === 'error' && <p class="err" role="alert" data-testid="forget-error">{step.text}</p>}
    </section>
  );
}
