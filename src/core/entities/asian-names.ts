// Korean, Japanese and Chinese personal names that carry no cue (title, role, reporting verb), recognised by their
// shape: a family name from a short list, then a given name spelt as that language's romanisation spells it and as
// no Vietnamese syllable is spelt. Read by persons.ts (untitledForeignEnd) on names foreignNameAt already found
// (two to four capitalised words, no known place or body inside); persons.ts keeps out places named after a person.
import type { Tok } from './text';
import { familyNames, japaneseGivenNames } from './gazetteer';

/** A Korean, Japanese or Chinese name's shape over tokens [i, fe). */
export function asianNameShape(toks: Tok[], i: number, fe: number): boolean {
  return koreanName(toks, i, fe) || japaneseName(toks, i, fe) || chineseName(toks, i, fe);
}

/**
 * Korean family names (South and North romanisations). Those that are also Vietnamese syllables of places or names
 * (`Son La`, `Kim Liên`, `Hong`, `Chung`) or English words (`Moon`, `Park`) open a name only before a hyphened given
 * name (`Moon Jae-in`, `Park Hang-seo`).
 */
const KOREAN_FAMILY = new Set('lee yi choi choe yoon yun jung jeong kang cho jang seo shin kwon hwang ahn yoo ryu jeon ko yang bae baek heo noh roh choo min jin om pang ri pak oh'.split(' '));
const KOREAN_FAMILY_HYPHENED = new Set('kim park moon son song ban han lim hong chung nam'.split(' '));
/** One syllable of a romanised Korean given name (`Suk`, `Yeol`, `Gab`, `Ryong`, `hee`, `Joo`, `Chol`). */
const KOREAN_SYLLABLE = /^(kk|tt|pp|ss|jj|ch|g|k|n|d|t|r|l|m|b|p|s|j|h|y|w)?(yeo|yae|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|ee|oo|ou|a|e|o|u|i)(ng|k|n|t|l|m|p|g|b|r|d)?$/;
/**
 * `Yoon Suk Yeol`, `Choi Yong-hee`, `Pang Un Chol`: a Korean family name, then a given name of two romanised
 * syllables, hyphened or apart — a person with no cue (Vietnamese syllables with `th`, `nh`, `ph`, `v`, `ai`, `oa`
 * never read as Korean ones).
 */
function koreanName(toks: Tok[], i: number, fe: number): boolean {
  const f = toks[i].f;
  const hyphened = fe - i === 4 && toks[i + 2].t === '-' && !toks[i + 2].sp;
  const apart = fe - i === 3 && toks[i + 1].sp && toks[i + 2].sp;
  if (!(hyphened || apart) || !(KOREAN_FAMILY.has(f) || (hyphened && KOREAN_FAMILY_HYPHENED.has(f)))) return false;
  const parts = hyphened ? [toks[i + 1], toks[i + 3]] : [toks[i + 1], toks[i + 2]];
  return parts.every((t) => t.word && !t.upper && KOREAN_SYLLABLE.test(t.f));
}

/** A romanised Japanese word of two morae or more (`Kono`, `Hagiuda`, `Katayama`). */
const JAPANESE_WORD = /^(?:(?:ky|gy|sh|ch|ts|ny|hy|my|ry|by|py|j|f|[kgsztdnhbpmyrw])?[aeiou]|n(?![aeiouy]))(?:(?:ky|gy|sh|ch|ts|ny|hy|my|ry|by|py|j|f|[kgsztdnhbpmyrw])?[aeiou]|n(?![aeiouy]))+$/;
/** `Kono Taro`, `Hagiuda Koichi`: a Japanese family name, then a known Japanese given name (given-names.json `japanese`), in the Japanese order. */
function japaneseName(toks: Tok[], i: number, fe: number): boolean {
  const [a, b] = [toks[i], toks[i + 1]];
  return fe - i === 2 && b.sp && japaneseGivenNames.has(b.f) && JAPANESE_WORD.test(a.f) && !familyNames.has(a.f);
}

/** Chinese family names in pinyin. */
const CHINESE_FAMILY = new Set('wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin fu qian xi qin wen bai tan lai meng kong mao hao gu qiu shi hou duan lei fan fang'.split(' '));
/** One pinyin syllable (toneless); `j`, `q`, `x` only before `i` or `u` (`ü`). */
const PINYIN = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ong|ing|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)|[jqx](?:iang|iong|ing|iao|ian|ia|ie|iu|in|uan|ue|un|i|u))$/;
/**
 * A syllable Vietnamese spells (onset, glide and rhyme, folded): such a given name may be Vietnamese (`Xuan`, `Long`).
 * Stricter than lexicon.ts VN_SYLLABLE, which also takes vowel runs Vietnamese never spells (`yi` of `Wang Yi`).
 */
const VN_SPELT = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:uye|uya|oai|oay|oeo|uay|uau|ieu|yeu|uoi|uou|oa|oe|uy|ue|ua|uo|ia|ie|ye|ai|ao|au|ay|eo|eu|iu|oi|ui|uu|a|e|i|o|u|y)(?:ch|ng|nh|[cmnpt])?$/;
/** A given name of one or two pinyin syllables written as one word (`Qiang`, `Jinping`, `Haotian`). */
function pinyinGiven(f: string): boolean {
  if (PINYIN.test(f)) return true;
  for (let k = 1; k < f.length; k++) if (PINYIN.test(f.slice(0, k)) && PINYIN.test(f.slice(k))) return true;
  return false;
}
/**
 * `Tan Qiang`, `Lu Haotian`, `Tang Caiyong`: a Chinese family name, then a pinyin given name that is no Vietnamese
 * syllable (Vietnamese spells no `q` before `i`, no `j`, `z`, `f`, `w`, no two syllables in one word), with no cue.
 */
function chineseName(toks: Tok[], i: number, fe: number): boolean {
  const [a, b] = [toks[i], toks[i + 1]];
  return fe - i === 2 && b.sp && CHINESE_FAMILY.has(a.f) && !b.upper && pinyinGiven(b.f) && !VN_SPELT.test(b.f);
}
