import type { ContentRequest, ContentResponse } from '../shared/messages';
import { makeRouter } from '../shared/rpc';
import { articleRoots, readPage } from './article-state';
import { highlightEntity } from './highlight';
import { setReaderFocus, toggleReader } from './reader-overlay';
import { showSaveNotice } from './save-notice';

/** The content script's router; ./index registers it, loading this module on the first message. */
export function contentRouter() {
  return makeRouter<ContentRequest, ContentResponse, null>('content/', {
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
        return { count: highlightEntity(s, key, articleRoots()) };
      },
      'content/notice': ({ kind, detail }) => ({ shown: showSaveNotice(kind, detail) }),
      'content/toggleReader': ({ open }) => {
        const s = readPage();
        return { open: s.ok ? toggleReader(s, open) : false };
      },
  }, () => null);
}
