// Everything the content script does on an article, loaded by the entry (./index) only when
// it is needed: the message router, the idle-time report to the background, the test hook.
import { toBackground } from '../shared/rpc';
import { warmPage } from './article-state';
import { contentRouter } from './router';

export { installTestHook } from './test-hook';

export const route = contentRouter();

/** Reads the article (extraction and entities in two tasks) and tells the background, for the badge. */
export async function reportArticle(): Promise<void> {
  const s = await warmPage();
  if (s.ok) await toBackground({ type: 'bg/articleSeen', article: s.article, entities: s.entities });
}
