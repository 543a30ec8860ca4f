// Public surface of the extraction core. Pure logic: no extension APIs, works on a live
// browser DOM and on linkedom/happy-dom documents (CLI, bench, tests).
export { extractArticle, extractArticleWithRoots, type ReadRoots } from './extract-dom';
export { extractFromText } from './extract-text';
export { detectPage, type DetectOptions } from './detect';
export { isVnaUrl, isVnaArticleUrl, canonicalId, nonArticleReason, langOfUrl } from './url';
export { datelineOf, signatureOf } from './rules';
export { isoFromDisplay, isoFromMachine } from './dates';
export { cleanText, countWords, readingMinutes, WORDS_PER_MINUTE } from './text';
