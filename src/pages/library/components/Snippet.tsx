import type { ComponentChildren } from 'preact';
import { fold } from '../../../core/text/fold';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Whether a word of the text matches a folded search term (exact or as a prefix, as search does). */
const hits = (word: string, terms: string[]) => {
  const f = fold(word);
  return terms.some((t) => f.startsWith(t));
};

/** The first paragraph with a matched word, cut around it (text only, never HTML). */
export function snippetOf(texts: string[], terms: string[], max = 220): string | null {
  if (!terms.length) return null;
  for (const text of texts) {
    for (const m of text.matchAll(WORD)) {
      if (!hits(m[0], terms)) continue;
      const start = Math.max(0, m.index! - 60);
      const cut = text.slice(start, start + max);
      return `${start > 0 ? '…' : ''}${cut}${start + max < text.length ? '…' : ''}`;
    }
  }
  return null;
}

/** Text with the matched words in <mark> (Preact text nodes only). */
export function Marked({ text, terms }: { text: string; terms: string[] }) {
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!hits(m[0], terms)) continue;
    if (m.index! > at) out.push(text.slice(at, m.index));
    out.push(<mark data-testid="match">{m[0]}</mark>);
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
