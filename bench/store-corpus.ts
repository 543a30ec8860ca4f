// A synthetic archive for the store benchmark: N dispatches made from the gold articles with
// varied entities. People, organisations and places are drawn from pools with a skewed
// (Zipf-like) distribution, so some entities are common and most are rare, as in a real
// archive, and IDF matters. Deterministic for a given seed. Pure (bundled into the page).
import type { Article, Entity, EntityType } from '../src/core/types';
import { goldArticle, makeEntity, type GoldRecord } from '../test/support/store-articles';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang', 'Bui', 'Do', 'Ho', 'Ngo', 'Duong', 'Ly', 'Dinh', 'Mai', 'Truong', 'Luong'];
const MIDDLE = ['Van', 'Thi', 'Huu', 'Duc', 'Quoc', 'Minh', 'Thanh', 'Ngoc', 'Xuan', 'Cong', 'Dinh', 'Quang'];
const GIVEN = ['Anh', 'Binh', 'Chinh', 'Dung', 'Giang', 'Hai', 'Hung', 'Khanh', 'Lam', 'Long', 'Mai', 'Nam', 'Phong', 'Phuc', 'Quan', 'Son', 'Tam', 'Thang', 'Trung', 'Tuan', 'Viet', 'Vinh', 'Yen'];
const ORG_HEAD = ['ministère', 'Comité populaire', 'Département', 'Agence', 'Association', 'Fédération', 'Institut', 'Banque', 'Commission', 'Office'];
const ORG_TAIL = ['de la Santé', "de l'Industrie et du Commerce", 'des Finances', 'de la Culture', 'du Tourisme', "de l'Agriculture", 'des Transports', 'de la Construction', "de l'Éducation", 'des Ressources naturelles', 'de la Défense', 'de la Justice', 'du Plan', 'des Sciences', 'du Travail'];
const PLACES = ['Hanoï', 'Hô Chi Minh-Ville', 'Da Nang', 'Hai Phong', 'Can Tho', 'Huê', 'Quang Ninh', 'Lao Cai', 'Nghe An', 'Thanh Hoa', 'Khanh Hoa', 'Lam Dong', 'Dak Lak', 'Gia Lai', 'Ca Mau', 'An Giang', 'Binh Duong', 'Dong Nai', 'Bac Ninh', 'Thai Nguyen', 'Cao Bang', 'Lang Son', 'Ha Giang', 'Son La', 'Dien Bien', 'France', 'Japon', 'Chine', 'Laos', 'Cambodge', 'Thaïlande', 'Singapour', 'Indonésie', 'Inde', 'Australie', 'Russie', 'États-Unis', 'Allemagne', 'Italie', 'Belgique', 'Canada', 'Brésil', 'Corée', 'Philippines', 'Malaisie', 'Myanmar', 'Cuba', 'Égypte', 'Sénégal', 'Maroc'];

function pools(r: () => number) {
  const people = new Set<string>();
  while (people.size < 4000) people.add(`${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}${r() < 0.5 ? ' ' + pick(r, GIVEN) : ''}`);
  const orgs = new Set<string>();
  for (const h of ORG_HEAD) for (const t of ORG_TAIL) orgs.add(`${h} ${t}`);
  for (const p of PLACES.slice(0, 25)) orgs.add(`Comité populaire de ${p}`);
  return { people: [...people], orgs: [...orgs], places: PLACES };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}
/** Zipf-ish draw: low indexes much more likely. */
function skewed<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.min(xs.length - 1, Math.floor(xs.length * Math.pow(r(), 2.2)))];
}

export interface CorpusItem {
  article: Article;
  entities: Entity[];
}

/** Dispatch number i (0-based) of the synthetic archive. */
export function makeDispatch(golds: GoldRecord[], i: number, seed = 1): CorpusItem {
  const r = rng(seed * 1_000_003 + i * 7919 + 17);
  const P = poolCache ?? (poolCache = pools(rng(seed)));
  const g = golds[i % golds.length];
  const base = goldArticle(g);
  const per = Array.from({ length: 1 + Math.floor(r() * 4) }, () => skewed(r, P.people));
  const org = Array.from({ length: 1 + Math.floor(r() * 3) }, () => skewed(r, P.orgs));
  const loc = Array.from({ length: 1 + Math.floor(r() * 3) }, () => skewed(r, P.places));
  const lead = `${per[0]}, du ${org[0]}, s'est rendu à ${loc[0]} le ${1 + Math.floor(r() * 28)} ${pick(r, ['janvier', 'mars', 'mai', 'juillet', 'septembre', 'novembre'])}.`;
  // Keep a random subset of the gold paragraphs, in order, plus one paragraph naming the drawn entities.
  const body = base.article.body.filter(() => r() < 0.7);
  body.splice(Math.floor(r() * (body.length + 1)), 0, `Selon ${per.join(', ')}, la coopération entre ${org.join(' et ')} se poursuit à ${loc.join(', ')}.`);
  const year = 2015 + Math.floor(r() * 11);
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const num = 300_000 + i;
  const title = `${base.article.title.split(/[:,]/)[0]} : ${per[0]} à ${loc[0]}`;
  const article: Article = {
    ...base.article,
    id: `fr.vietnamplus.vn:${num}`,
    url: `https://fr.vietnamplus.vn/depeche-${num}-post${num}.vnp`,
    title,
    lead,
    body,
    blocks: body.map((text) => ({ kind: 'p' as const, text })),
    published: `${year}-${month}-${day}T${String(6 + Math.floor(r() * 14)).padStart(2, '0')}:00:00+07:00`,
    wordCount: body.join(' ').split(/\s+/).length,
  };
  // Gold entities that survived in the kept paragraphs, plus the drawn ones.
  const kept = base.entities.filter((e) => e.type !== 'DATE' && r() < 0.6);
  const drawn: [EntityType, string][] = [...per.map((n) => ['PER', n] as [EntityType, string]), ...org.map((n) => ['ORG', n] as [EntityType, string]), ...loc.map((n) => ['LOC', n] as [EntityType, string])];
  const seen = new Set<string>();
  const entities: Entity[] = [];
  for (const e of [...kept.map((e) => makeEntity(e.type, e.name, article, { aliases: e.aliases })), ...drawn.map(([t, n]) => makeEntity(t, n, article))]) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    entities.push(e);
  }
  return { article, entities };
}
let poolCache: ReturnType<typeof pools> | null = null;

/** Search queries of the benchmark: common, rare, multi-word, prefix, diacritics. */
export const BENCH_QUERIES = ['hanoi', 'cooperation', 'ministere sante', 'migr', 'asean vietnam', 'Hanoï coopération', 'nguyen van', 'protocole', 'guangxi', 'paix', 'thailande', 'comite populaire'];
