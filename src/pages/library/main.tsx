import { render } from 'preact';
import { App } from './App';
import { applyDocumentLang, initI18n, onLanguageChange } from '../../shared/i18n';
import './styles.css';

// The reader's language choice first; a later change re-renders the same tree (state kept).
const paint = () => {
  applyDocumentLang();
  render(<App />, document.getElementById('app')!);
};
initI18n().catch(() => {}).finally(() => {
  paint();
  onLanguageChange(paint);
});
