import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './App';
import './styles.css';

try {
  document.documentElement.lang = browser.i18n.getUILanguage();
} catch {
  // Not fatal: the page just keeps no language tag.
}
const root = document.getElementById('app')!;
root.textContent = '';
render(<App />, root);
