import '../polyfill';
import { App } from './App';
import { mountInUiLanguage } from '../mount';
import '../page.css';

mountInUiLanguage(() => <App />);
