// Copy or download citations of one dispatch or of every dispatch the current filters
// select: a reference in French or English, BibTeX, RIS or CSL-JSON (src/core/format/citation.ts).
import { useState } from 'preact/hooks';
import type { Dispatch } from '../../../store';
import { formatReferences, toBibtex, toCslJson, toRis, type CiteLang, type CiteSource } from '../../../core/format/citation';
import { t, uiLang, type MessageKey } from '../../../shared/i18n';
import { hanoiDay, plural } from '../../../shared/format';
import { errorText } from '../../../shared/error-text';
import { downloadText } from '../../../shared/download';

type Format = 'refFr' | 'refEn' | 'bib' | 'ris' | 'csl';

const COPY_LABEL: Record<Format, MessageKey> = { refFr: 'citeCopyRefFr', refEn: 'citeCopyRefEn', bib: 'citeCopyBib', ris: 'citeCopyRis', csl: 'citeCopyCsl' };
const FILES: { format: Exclude<Format, 'refFr' | 'refEn'>; label: MessageKey; ext: string; type: string }[] = [
  { format: 'bib', label: 'citeFileBib', ext: 'bib', type: 'application/x-bibtex' },
  { format: 'ris', label: 'citeFileRis', ext: 'ris', type: 'application/x-research-info-systems' },
  { format: 'csl', label: 'citeFileCsl', ext: 'json', type: 'application/vnd.citationstyles.csl+json' },
];

function citationText(format: Format, sources: CiteSource[]): string {
  const lang: CiteLang = uiLang();
  switch (format) {
    case 'refFr': return formatReferences(sources, 'fr');
    case 'refEn': return formatReferences(sources, 'en');
    case 'bib': return toBibtex(sources, lang);
    case 'ris': return toRis(sources, lang);
    case 'csl': return toCslJson(sources, lang);
  }
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without focus or permission: the older path still works from a click in our page.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('clipboard');
  }
}

interface Props {
  /** The dispatches to cite, loaded when an action is chosen (a selection can be large). */
  load: () => Promise<Dispatch[]>;
  label: string;
  testid: string;
}

export function CiteMenu({ load, label, testid }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (format: Format, file?: (typeof FILES)[number]) => {
    setStatus(null);
    try {
      const sources = (await load()).map((d) => ({ article: d.article, accessed: d.savedAt }));
      const text = citationText(format, sources);
      if (file) {
        const name = sources.length === 1 ? `${sources[0].article.id.replace(/[^\w.-]+/g, '-')}.${file.ext}` : `vna-reader-citations-${hanoiDay(Date.now())}.${file.ext}`;
        downloadText(name, text, file.type);
        setStatus({ ok: true, text: plural('citeDownloaded', sources.length) });
      } else {
        await copy(text);
        setStatus({ ok: true, text: plural('citeCopied', sources.length) });
      }
    } catch (e) {
      setStatus({ ok: false, text: `${t('citeFailed')} ${errorText(e)}` });
    }
  };
  return (
    <details class="lib-cite" data-testid={testid}>
      <summary>{label}</summary>
      <div class="lib-cite-menu">
        {(Object.keys(COPY_LABEL) as Format[]).map((f) => (
          <button type="button" data-testid={`${testid}-copy-${f}`} onClick={() => run(f)}>{t(COPY_LABEL[f])}</button>
        ))}
        {FILES.map((file) => (
          <button type="button" data-testid={`${testid}-file-${file.format}`} onClick={() => run(file.format, file)}>{t(file.label)}</button>
        ))}
        {status && <span role="status" class={status.ok ? 'lib-ok' : 'lib-error'} data-testid={`${testid}-status`}>{status.text}</span>}
      </div>
    </details>
  );
}
