import { render } from 'preact';
import { App } from './App';
import { applyDocumentLang, initI18n, onLanguageChange } from '../shared/i18n';
import './styles.css';
import { entityTypeCss } from '../core/entity-types';

// The type colours come from the one table of entity types, not from a copy in the stylesheet.
const typeStyle = document.createElement('style');
typeStyle.textContent = entityTypeCss();
document.head.appendChild(typeStyle);

const root = document.getElementById('app')!;
// The reader's language choice is read first (one storage read): no flash of the other language.
// A later change (settings page) re-renders the same tree, state kept, in the new language.
const paint = () => {
  applyDocumentLang();
  render(<App />, root);
};
initI18n().catch(() => {}).finally(() => {
  root.textContent = '';
  paint();
  onLanguageChange(paint);
});
