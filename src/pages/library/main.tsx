import '../polyfill';
import { App } from './App';
import { mountInUiLanguage } from '../mount';
import './styles.css';
import { entityTypeCss } from '../../core/entity-types';

// The type colours come from the one table of entity types, not from a copy in the stylesheet.
const typeStyle = document.createElement('style');
typeStyle.textContent = entityTypeCss();
document.head.appendChild(typeStyle);

// The reader's language choice first; a later change re-renders the same tree (state kept).
mountInUiLanguage(() => <App />);
