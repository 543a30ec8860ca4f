// Entity recogniser for VNA articles (issue #4). Rules + gazetteers, no model:
//   text.ts        segments (title, lead, body, captions) and tokens with offsets
//   gazetteer.ts   provinces (63 old + 34 new), countries, capitals, regions, organisations
//   persons.ts     Vietnamese and foreign names, roles, short mentions
//   orgs.ts        organisation phrases, English chunks, acronym definitions
//   events.ts      ordinal/named events and agreements
//   places.ts      gazetteer hits, autonomous regions, cardinal regions, `à X`
//   dates.ts       dates and ranges resolved against the publication date
//   merge.ts       overlaps, aliases, one entity per thing
import type { Article, Entity } from '../types';
import { segments } from './text';
import type { Cand } from './candidates';
import { findPersons } from './persons';
import { findOrgs, findAcronyms } from './orgs';
import { findEvents } from './events';
import { findGazetteer, findPlaces } from './places';
import { findDates } from './dates';
import { resolveOverlaps, buildEntities, entityKey } from './merge';
import { acronymIndex } from './gazetteer';

export { entityKey };

export type EntityInput = Pick<Article, 'title' | 'lead' | 'body' | 'captions' | 'published' | 'lang'>;

/** Entities of the article text (title, lead, body, captions — never teasers). Never throws. */
export function extractEntities(article: EntityInput): Entity[] {
  try {
    return run(article);
  } catch {
    return [];
  }
}

function run(article: EntityInput): Entity[] {
  const lang = (article.lang || 'fr').slice(0, 2).toLowerCase();
  const segs = segments({
    title: article.title ?? '',
    lead: article.lead ?? null,
    body: Array.isArray(article.body) ? article.body : [],
    captions: Array.isArray(article.captions) ? article.captions : [],
  });
  const cands: Cand[] = [];
  const docAcronyms = new Map<string, string>();
  const starts: Set<number>[] = [];
  segs.forEach((seg, si) => {
    findGazetteer(seg, si, cands);
    const ps = findPersons(seg, si, cands, lang);
    starts[si] = ps;
    findOrgs(seg, si, cands, ps, lang);
    findEvents(seg, si, cands, ps);
    findPlaces(seg, si, cands, ps);
    findDates(seg, si, cands, article.published);
  });
  segs.forEach((seg, si) => findAcronyms(seg, si, cands, docAcronyms));
  // bare uses of acronyms defined in this article (`le PMM`)
  segs.forEach((seg, si) => {
    seg.toks.forEach((t, i) => {
      if (!t.upper) return;
      const link = docAcronyms.get(t.f);
      if (!link || acronymIndex.has(t.f)) return;
      if (cands.some((c) => c.seg === si && c.a === i && c.b === i + 1)) return;
      const def = cands.find((c) => c.link === link);
      if (def) cands.push({ seg: si, a: i, b: i + 1, type: def.type, prio: 3, link });
    });
  });
  const accepted = resolveOverlaps(segs, cands);
  return buildEntities(segs, accepted);
}
