import browser from 'webextension-polyfill';
import type { ContentRequest, ContentResponse } from '../shared/messages';
import { makeRouter } from '../shared/rpc';
import { readPage } from './article-state';
import { highlightEntity } from './highlight';
import { setReaderFocus, toggleReader } from './reader-overlay';

export function installContentRouter(): void {
  browser.runtime.onMessage.addListener(
    makeRouter<ContentRequest, ContentResponse, null>('content/', {
      'content/ping': () => {
        const s = readPage();
        return { ok: true, isArticle: s.ok };
      },
      'content/getArticle': () => readPage(),
      'content/highlight': ({ key }) => {
        const s = readPage();
        if (!s.ok) return { count: 0 };
        // Extension messaging in, a direct call out: the page never sees the reader's choice.
        setReaderFocus(s, key);
        return { count: highlightEntity(s, key) };
      },
      'content/toggleReader': ({ open }) => {
        const s = readPage();
        return { open: s.ok ? toggleReader(s, open) : false };
      },
    }, () => null),
  );
}
