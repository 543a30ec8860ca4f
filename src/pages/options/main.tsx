import { render } from 'preact';
import { App } from './App';
import { applyDocumentLang, initI18n, onLanguageChange } from '../../shared/i18n';
import '../page.css';

// A language chosen here re-renders this page too (and every other open page).
const paint = () => {
  applyDocumentLang();
  render(<App />, document.getElementById('app')!);
};
initI18n().catch(() => {}).finally(() => {
  paint();
  onLanguageChange(paint);
});
