// Words an old capture glued together in lower case (`Affairesétrangères`, `nationalede`,
// `laprotection`, `Associationd’Amitié`): read as the words they are when both pieces are words
// of the institutional vocabulary (the words of every name in the organisation, event and role
// lists, and the lexicon's heads) and the whole is not one; the text itself is never changed.
import { fold } from '../text/fold';
import orgs from '../../data/gazetteers/organisations.json';
import orgsExtra from '../../data/gazetteers/organisations-extra.json';
import orgsVna from '../../data/gazetteers/organisations-vna.json';
import events from '../../data/gazetteers/events.json';
import roles from '../../data/gazetteers/roles.json';
import { ORG_HEADS, EN_ORG_HEADS, EVENT_HEADS, EN_EVENT_HEADS, AGREEMENT_HEADS, FR_MONTH_NAMES } from './lexicon';

/** Grammar words that may start a glued token (`laprotection`, `dela`, `etancien`). */
const LEAD = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'et']);
/** Grammar words that may end one (`nationalede`, `vietnamiendes`, `corruptionet`). */
const TAIL = new Set(['de', 'des', 'du', 'et', 'la', 'le', 'les']);

/** Word-forming prefixes: `transnationale`, `Indo-pacifique` written solid, `interaction` are one word. */
const PREFIXES = new Set(['inter', 'intra', 'trans', 'indo', 'sino', 'euro', 'afro', 'contre', 'sous', 'auto', 'multi', 'super', 'anti', 'ultra', 'micro', 'macro', 'mini', 'semi', 'post', 'extra', 'mega', 'cyber', 'hydro', 'agro', 'socio', 'tele', 'radio', 'photo', 'video', 'north', 'south', 'east', 'west', 'nord', 'over', 'under']);

/** Words that read as a grammar word and a name word but are one word. */
const WHOLE = new Set(['dessous', 'device', 'devices', 'desormais', 'detour', 'lesion', 'lesions', 'delta', 'deltas', 'leader', 'leaders']);

/** Two grammar words glued (`de la`, `et le`). */
const PAIRS = new Set(['dela', 'dele', 'deles', 'etle', 'etla', 'etles', 'etde', 'etdes', 'etdu']);

/** General words of French institutional names the lists may not hold (nouns of fields of action, their adjectives). */
const GENERAL = `
affaire affaires etrangere etrangeres interieur interieure exterieur exterieure exterieures national nationale nationaux nationales
populaire populaires supreme central centrale centraux general generale generaux culturel culturelle culturels culturelles
materiel immateriel immaterielle patrimoine patrimoines protection conservation preservation sauvegarde nature naturel naturelle naturelles
environnement environnemental environnementale climat climatique corruption prevention controle lutte inspection audit
administration administratif administrative economique economiques economie etat charge chargee developpement durable rural rurale
agriculture agricole industrie industriel industrielle commerce commercial commerciale finance finances financier financiere
justice judiciaire defense securite surete publique publiques public sante medical medicale medecine hopital education formation enseignement
travail emploi invalides social sociale sociaux sociales science sciences scientifique technologie technologies technique
information informations communication communications transport transports construction urbanisme logement ressources
recherche recherches planification investissement investissements tourisme sport sports jeunesse femme femmes enfant enfants enfance
famille familles peuple gouvernement gouvernemental ministere ministeriel direction departement bureau comite commission conseil
assemblee parlement parlementaire republique socialiste communiste parti front patrie union association federation organisation
institut academie universite ecole lycee centre musee bibliotheque theatre agence office service tribunal parquet police armee
marine aerienne frontiere frontieres douane douanes tresor banque fonds programme projet projets societe groupe compagnie entreprise entreprises
cooperative syndicat chambre amitie cooperation solidarite paix liberation revolution revolutionnaire provincial provinciale municipal municipale
communal communale district arrondissement ville province region regional regionale international internationale internationaux mondial mondiale
europeen europeenne asiatique africain africaine americain americaine francais francaise francophone francophonie vietnamien vietnamienne vietnamiens
permanent permanente executif executive superieur superieure militaire militaires civil civile juridique legislatif legislative electoral electorale
presse journaliste journalistes ecrivain ecrivains artiste artistes veteran veterans ancien anciens combattant combattants agriculteur agriculteurs
ouvrier ouvriers travailleur travailleurs jeune jeunes etudiant etudiants personne personnes agee agees handicape handicapes victime victimes
vaccin vaccins vaccination epidemie pandemie maladie maladies energie electricite petrole gaz charbon mines minerais eau eaux foret forets
peche aquaculture mer maritime maritimes port ports aviation aeroport aeroports chemin chemins ferroviaire routier routiere
statistique statistiques planification budget fiscal fiscale impots monnaie monetaire change bourse valeurs assurance assurances
religion religieux religieuse ethnie ethnique ethniques minorite minorites montagne montagneuse frontalier frontaliere
propagande sensibilisation masses mobilisation organisation organisations emulation recompense recompenses distinction
radio television televisions journal journaux magazine edition editions publication publications
`;

let vocab: Set<string> | null = null;
function words(): Set<string> {
  if (vocab) return vocab;
  const v = new Set<string>();
  const add = (s: unknown) => {
    if (typeof s !== 'string') return;
    for (const w of s.split(/[^\p{L}]+/u)) if (w.length >= 4 && !/\p{Ll}\p{Lu}/u.test(w)) v.add(fold(w));
  };
  const rows = (list: unknown) => (Array.isArray(list) ? list : []).forEach((r) => (Array.isArray(r) ? r.forEach(add) : add(r)));
  rows(orgs.list);
  rows(orgsExtra.list);
  rows(orgsVna.list);
  rows(events.list);
  for (const val of Object.values(roles)) rows(val);
  for (const w of GENERAL.split(/\s+/)) if (w.length >= 4) v.add(w);
  for (const s of [ORG_HEADS, EN_ORG_HEADS, EVENT_HEADS, EN_EVENT_HEADS, AGREEMENT_HEADS]) for (const w of s) if (w.length >= 4) v.add(w);
  vocab = v;
  return v;
}

const cache = new Map<string, string[] | null>();

/**
 * Two glued words of the vocabulary are far shorter than this; a longer token (a hostile page's
 * one 6 MB word) is never split, so the split search stays linear in the text.
 */
export const MAX_GLUED = 48;

/** The pieces of a glued lower-case token (`Affairesétrangères` -> `Affaires`, `étrangères`), or null. */
export function gluedWords(raw: string): string[] | null {
  if (raw.length < 4 || raw.length > MAX_GLUED) return null;
  let hit = cache.get(raw);
  if (hit !== undefined) return hit;
  hit = split(raw);
  if (cache.size > 20000) cache.clear();
  cache.set(raw, hit);
  return hit;
}

/**
 * Whether the folded token f splits at k: a grammar word as written (`dé|mission`, `intér|êt` are
 * one word) and a word, not a doubled consonant (`nouvel|les`, `travail|le`) nor `des` before a
 * vowel (`désaccords`, `desarmement`); or two words of the vocabulary, the first no prefix.
 */
function splitsAt(v: Set<string>, f: string, low: string, k: number): boolean {
  const a = f.slice(0, k);
  const b = f.slice(k);
  if (LEAD.has(a) && low.startsWith(a) && b.length >= 4 && v.has(b) && !(a === 'des' && /^[aeiouyh]/.test(b))) return true;
  if (a === 'en' && low.startsWith(a) && b.length >= 7 && v.has(b)) return true;
  // `enjuin 2013`, `dejanvier`: a month glued to the word before it
  if ((LEAD.has(a) || a === 'en') && low.startsWith(a) && FR_MONTH_NAMES.has(b)) return true;
  if (TAIL.has(b) && low.endsWith(b) && a.length >= 5 && v.has(a) && a[a.length - 1] !== b[0]) return true;
  return f.length >= 10 && a.length >= 4 && b.length >= 4 && !PREFIXES.has(a) && v.has(a) && v.has(b);
}

function split(raw: string): string[] | null {
  const v = words();
  const f = fold(raw);
  if (raw.length < 6 && !PAIRS.has(f)) return null;
  if (f.length !== raw.length || v.has(f) || WHOLE.has(f) || !/^\p{L}\p{Ll}+$/u.test(raw)) return null;
  const low = raw.toLowerCase();
  // two grammar words (`dela`, `etle`)
  if (raw === f && PAIRS.has(f)) return [raw.slice(0, 2), raw.slice(2)];
  for (let k = 2; k <= f.length - 2; k++) if (splitsAt(v, f, low, k)) return [raw.slice(0, k), raw.slice(k)];
  return null;
}

/** `Associationd’Amitié`, `vietnamienned’information`, `del’hôpital`: a word glued to an elided `d’`/`l’`; the word's length, or -1. */
export function gluedElision(raw: string): number {
  if (raw.length > MAX_GLUED) return -1;
  const f = fold(raw);
  if (f.length !== raw.length || f.length < 3 || !/[dl]$/.test(f)) return -1;
  const w = f.slice(0, -1);
  return w === 'de' || (w.length >= 4 && words().has(w)) ? raw.length - 1 : -1;
}

/** Whether a folded word is one of the institutional vocabulary (words of known names and heads). */
export function nameWord(f: string): boolean {
  return words().has(f);
}
