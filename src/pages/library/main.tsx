import { render } from 'preact';
import { App } from './App';
import './styles.css';

try {
  document.documentElement.lang = chrome.i18n.getUILanguage().slice(0, 2);
} catch {
  /* keep the default */
}
render(<App />, document.getElementById('app')!);
