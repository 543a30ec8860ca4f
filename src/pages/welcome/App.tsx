// First run: opened by the service worker on install. Three short steps — what happens on
// a VNA article, how to pin the button (the browser's own steps), the two shortcuts and where
// to change them — and a sample article to try it on.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLang } from '../../shared/i18n';
import { toBackground } from '../../shared/rpc';
import type { Shortcuts } from '../../shared/messages';

/** A real VietnamPlus article in French (the one `npm start` serves as its sample). */
const SAMPLE_ARTICLE = 'https://fr.vietnamplus.vn/maintien-de-la-paix-cooperation-renforcee-entre-le-vietnam-et-la-france-post128832.vnp';

const isFirefox = () => /\bFirefox\//.test(navigator.userAgent);

export function App() {
  const [keys, setKeys] = useState<Shortcuts | null>(null);
  useEffect(() => { document.title = `${t('welTitle')} — VNA Reader`; });
  useEffect(() => {
    toBackground({ type: 'bg/shortcuts' }).then(setKeys, () => setKeys({ toggleReader: '', save: '' }));
  }, []);
  const key = (k: string | undefined) => <kbd>{k || t('optShortcutUnset')}</kbd>;
  const firefox = isFirefox();

  return (
    <main class="page" data-testid="welcome" lang={uiLang()}>
      <h1>{t('welTitle')}</h1>
      <p>{t('welIntro')}</p>
      <ol class="steps">
        <li class="card" data-testid="welcome-step">
          <h2>{t('welStep1Title')}</h2>
          <p>{t('welStep1Body')}</p>
        </li>
        <li class="card" data-testid="welcome-step">
          <h2>{t('welStep2Title')}</h2>
          <p data-testid="welcome-pin">{firefox ? t('welPinFirefox') : t('welPinChromium')}</p>
        </li>
        <li class="card" data-testid="welcome-step">
          <h2>{t('welStep3Title')}</h2>
          <ul data-testid="welcome-shortcuts">
            <li>{key(keys?.toggleReader)} {t('cmdToggleReader')}</li>
            <li>{key(keys?.save)} {t('cmdSave')}</li>
          </ul>
          <p class="muted">{t('optShortcutsWhere')}</p>
        </li>
      </ol>
      <p class="row">
        <a class="button primary" href={SAMPLE_ARTICLE} target="_blank" rel="noopener" data-testid="welcome-sample">{t('welSample')}</a>
        <a href="../options/index.html" data-testid="welcome-settings">{t('welSettings')}</a>
        <a href="../library/index.html">{t('openLibrary')}</a>
      </p>
      <p class="muted">{t('welPrivacy')}</p>
    </main>
  );
}
