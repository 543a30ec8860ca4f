// Mounting an extension page in the reader's UI language: render once the language is known, and
// again (same tree, state kept) whenever the reader picks another language on the settings page.
import { render, type VNode } from 'preact';
import { applyDocumentLang, initI18n, onLanguageChange } from '../shared/i18n';

export function mountInUiLanguage(app: () => VNode, root: HTMLElement = document.getElementById('app')!): void {
  const paint = () => {
    applyDocumentLang();
    render(app(), root);
  };
  initI18n().catch(() => {}).finally(() => {
    paint();
    onLanguageChange(paint);
  });
}
