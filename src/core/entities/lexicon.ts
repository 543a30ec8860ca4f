// Small closed word lists used by the rules (folded forms). General French/English
// grammar words, not names: the names live in src/data/gazetteers/.

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Words that close a name phrase: verbs/auxiliaries, pronouns, determiners, adverbs, conjunctions. */
export const STOP = set(`
a ont est sont ete etre avoir sera seront etait etaient avait avaient avons avez fut furent
ai as aura auront serait seraient peut peuvent doit doivent va vont fait font
se s' qui que qu' dont ou ne n' pas plus ce cet cette ces son sa ses leur leurs notre nos votre vos
mon ma mes un une il ils elle elles lui eux on nous vous y lors apres avant depuis pendant selon avec dans
par entre vers chez sans sous comme ainsi aussi egalement afin tandis mais donc car tres deja encore
toujours notamment moins tout tous toutes toute lequel laquelle lesquels lesquelles cela ceci ici
hier aujourd' aujourd'hui demain lundi mardi mercredi jeudi vendredi samedi dimanche
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
is are was were be been has have had will would shall should can could may might must do does did
the a an this that these those his her its their our your he she it they we you who which whom whose
with by from at in into as than then also but or so while when where during after before since
said says say told tells announced noted stressed
exhorte montre recoit poursuit annonce organise lance appelle demande propose affirme indique prevoit
accorde publie rappelle renforce souhaite presente decide envisage encourage examine accueille signe
soutient vise met prend donne devient reste compte participe invite adopte approuve estime salue
ouvre cloture celebre offre remet recommande promeut travaille tient atteint enregistre continue
expose affiche attire utilise mene gere assure fournit permet developpe aide confie
`);

/**
 * Words that open a clause (auxiliaries, pronouns, possessives, relatives, reporting verbs): a role's
 * complement never runs over one. Ambiguous verbs that are also adjectives (`célèbre`) are not here.
 */
export const CLAUSE_WORDS = set(`
a ont est sont sera seront etait etaient avait avaient fut furent va vont fait font
se s' qui que qu' dont ne n' son sa ses leur leurs notre nos votre vos il ils elle elles lui eux on nous vous
is are was were has have had will would shall should can could may might must does did
his her its their our your he she it they we you who which whom whose
said says told tells announced noted stressed
`);

export const CONNECTORS = set(`de du des d' pour sur contre au aux of for on`);
export const ARTICLES = set(`la le les l' des the`);

export const ORG_HEADS = set(`
ministere departement direction bureau comite commission organisation association agence union
banque fonds programme conseil academie universite institut office tribunal cour groupe societe
compagnie corporation federation confederation ligue secretariat reseau assemblee front parti centre
ecole hopital administration inspection chambre syndicat fondation alliance mouvement musee autorite
commissariat cabinet service police armee garde caisse entreprise cooperative consulat ambassade
senat parlement communaute croix tong delegation maison
parquet commandement orchestre bibliotheque lycee conservatoire mission television
embajada universidad ministerio partido consejo agencia corporacion oficina asamblea
theatre observatoire editions collectif force forces
`);
/** Heads that need an adjective or a name right after them (`Parti communiste`, not `Parti de ...`). */
/** Adjectives that make a weak head a name (`Parti communiste`, `Armée populaire`). */
export const NAME_ADJ = /(iste|aire|al|ale|aux|ien|ienne|ais|aise|ique|ois|oise|ain|aine|ieur|ieure)$/;
export const WEAK_ORG_HEADS = set(`parti front centre groupe service police armee garde cour mission cabinet communaute ecole television maison force forces`);
/** Heads that may be written in lower case (`ministère de la Sécurité publique`). */
export const LOWER_ORG_HEADS = set(`
ministere departement bureau comite commission agence ambassade consulat service office
tribunal cour conseil universite institut academie banque assemblee administration inspection
ecole lycee musee hopital bibliotheque
`);

export const EN_ORG_HEADS = set(`
ministry department committee commission organization organisation association agency union bank fund
programme program council academy university institute office court group company corporation
federation league secretariat network assembly front party centre center school hospital administration
inspectorate chamber foundation alliance army police navy embassy consulate government senate parliament
bureau authority airlines airways corp jsc holdings properties securities logistics insurance
procuracy command orchestra library museum mission board ltd limited inc plc llc
guard television theatre theater confederation treasury corps
`);

export const EVENT_HEADS = set(`
sommet sommets congres conference conferences forum reunion dialogue festival jeux session exposition
salon foire semaine annee fete championnat championnats coupe colloque seminaire examen journee journees plenum miss
olympiades symposium
tournoi tournois carnaval marathon biennale
`);
export const AGREEMENT_HEADS = set(`accord pacte traite convention protocole declaration memorandum charte strategie loi code constitution`);
export const EN_EVENT_HEADS = set(`
summit summits conference congress forum meeting dialogue festival games expo exhibition fair week
session talks agreement treaty pact convention protocol declaration memorandum charter championship cup
day strategy law
championships olympics tournament marathon code
carnival biennale olympiad prize award awards plan year month
`);

export const ORDINAL_WORDS = set(`
premier premiere deuxieme second seconde troisieme quatrieme cinquieme sixieme septieme huitieme
neuvieme dixieme onzieme douzieme first second third fourth fifth sixth seventh eighth ninth tenth
`);
export const ORDINAL_RE = /^\d+(e|er|re|ere|eme|emes|es|è|th|st|nd|rd)$/;

/**
 * A syllable spelt the Vietnamese way, loosely (onset, one to three vowels, coda; folded): what a capitalised word of a
 * Vietnamese name or body is made of. Loose on purpose — it also takes vowel runs Vietnamese never spells (`ei`, `yi`);
 * asian-names.ts keeps a strict one where a false "Vietnamese" would drop a foreign name.
 */
export const VN_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/;

/** Month names, folded, in calendar order: one list for the date rules, the phrase rules and the tokenizer. */
export const FR_MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'] as const;
export const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
export const FR_MONTH_NAMES: ReadonlySet<string> = new Set(FR_MONTHS);
export const EN_MONTH_NAMES: ReadonlySet<string> = new Set(EN_MONTHS);
export const MONTH_NAMES: ReadonlySet<string> = new Set([...FR_MONTHS, ...EN_MONTHS]);

/** `Tong` heads a body only as `Tong Cong ty` (Vietnamese `Tổng công ty`); elsewhere it is a name word (`Lim Tong Wah`, `Son Tong`). */
export function nameTong(toks: readonly { f: string }[], j: number): boolean {
  return toks[j].f === 'tong' && toks[j + 1]?.f !== 'cong';
}

export function isOrdinal(f: string): boolean {
  return ORDINAL_RE.test(f) || ORDINAL_WORDS.has(f);
}

/** Past participles used as plain adjectives in names (`personnes âgées`, `élèves doués`, `sciences appliquées`, `criminalité liée aux …`). */
const ADJ_PARTICIPLES = /^(age|doue|handicape|applique|avance|arme|lie|specialise|unifie|agree|integre|associe|defavorise)e?s?$/;

/** A lower-case word that can follow a noun directly as an adjective (not a verb form). */
export function adjectiveLike(raw: string, f: string): boolean {
  if (STOP.has(f) || f.length < 3) return false;
  if (ADJ_PARTICIPLES.test(f)) return true;
  // `ảnh` (photo) closes the captions of old captures: `Assemblée nationale ảnh 1`
  if (raw === 'ảnh') return false;
  const r = raw.toLowerCase();
  // future tense (`deviendra`, `pourra`, `seront`)
  if (f.length > 5 && /(ra|ront)$/.test(f)) return false;
  if (/(é|ée|és|ées)$/.test(r)) return false;
  // an English past tense (`… Film Festival opened on Sunday`, `attended`): no French adjective ends so
  if (f.length >= 5 && /[^i]ed$/.test(f)) return false;
  if (/(aient|ait|ont|ez|er|ir|era|eront|ira|iront|ment)$/.test(f) && !/ier$/.test(f)) return false;
  return true;
}

/**
 * English nationality adjectives and the (folded) country they stand for, for the names of a country's
 * missions (`Vietnamese Embassy` / `Embassy of Vietnam`) and its generic bodies (`the Vietnamese Party`).
 */
export const EN_DEMONYMS: ReadonlyMap<string, string> = new Map(
  (`vietnamese:vietnam lao:laos laotian:laos chinese:china japanese:japan korean:korea cambodian:cambodia thai:thailand
  indonesian:indonesia malaysian:malaysia singaporean:singapore philippine:philippines filipino:philippines myanmar:myanmar
  indian:india russian:russia french:france german:germany italian:italy british:uk american:us australian:australia
  cuban:cuba danish:denmark argentinian:argentina argentine:argentina brazilian:brazil mexican:mexico canadian:canada
  belgian:belgium dutch:netherlands swiss:switzerland spanish:spain polish:poland czech:czech hungarian:hungary
  egyptian:egypt ukrainian:ukraine belarusian:belarus bulgarian:bulgaria mozambican:mozambique venezuelan:venezuela`)
    .split(/\s+/)
    .filter(Boolean)
    .map((x) => x.split(':') as [string, string]),
);

/** English company forms closing a company's name (`FPT Corporation`, `Vinhomes JSC`): orgs.ts (an English name in a French text) and merge.ts (a subsidiary's name). */
export const EN_COMPANY_FORMS: ReadonlySet<string> = new Set(['corporation', 'corp', 'jsc', 'company', 'group', 'ltd', 'limited', 'inc', 'plc', 'llc']);
