// Text rules shared by the DOM walker and the plain-text extractor. They encode VNA house
// style (datelines, agency signatures, photo credits) and the boilerplate a reader never
// asked for. Kept as plain regexes so both a live page and a text dump get the same cleaning.

/** Agencies/outlets that close a dispatch (`–VNA`, `- AVI`, `-VOV/VNA`, `CVN`…). */
const AGENCY =
  'VNA|AVI|CVN|VOV|TTXVN|Vietnam\\+|VietnamPlus|VNP|VNS|VI|NDO|VGP|QĐND|QDND|TTXVN/Vietnam\\+|Xinhua|AFP|Reuters|AP|Kyodo|Yonhap|Sputnik|TASS|Bernama|Antara|PNA|KPL|AKP|Prensa Latina|ANTD|SGGP|VOH|VTV|CPV|VnExpress';
const AGENCY_RE = new RegExp(`^(?:${AGENCY})$`, 'i');

/** `Hanoï (VNA) –`, `Hanoi (VNA) -`, `Bangkok (VNA) –`, `Hà Nội (TTXVN/Vietnam+) -`, `Paris, 3 mai (AVI) –`. */
const DATELINE_RE =
  /^\s*(\p{Lu}[\p{L}\p{M}'’.\- ]{0,40}?(?:,\s?[^()–—\n]{1,40}?)?)\s?\(((?:VNA|AVI|CVN|TTXVN|VOV|VNS|Vietnam\+|VietnamPlus)(?:\s?\/\s?[\p{L}+]{2,12})*)\)\s*[–—-]/u;
/** Chinese edition: `越通社河内5月18日电`. */
const DATELINE_ZH_RE = /^\s*(越通社[^\s，,。]{0,20}?电)/u;

export function datelineOf(paragraph: string): string | null {
  // The agency parenthesis sits in the first few words; skip the backtracking regex otherwise.
  const open = paragraph.indexOf('(');
  if (open < 0 || open > 90) return DATELINE_ZH_RE.exec(paragraph)?.[1] ?? null;
  const m = DATELINE_RE.exec(paragraph.slice(0, open + 40));
  if (m) return `${m[1].trim()} (${m[2].replace(/\s+/g, '')})`;
  const z = DATELINE_ZH_RE.exec(paragraph);
  return z ? z[1] : null;
}

/** The signature closing a paragraph, without its dash: `…Nations Unies. –VNA` → `VNA`. */
const SIGNATURE_TAIL_RE = /(?:^|[\s.,;:!?»”"')\]\u00a0])[-–—]\s?((?:[\p{L}+]{2,14})(?:\s?\/\s?[\p{L}+]{2,14}){0,3})\s*\.?\s*$/u;
/** A paragraph that is only a signature: `VNA`, `(CVN)`, `– AVI`, `CVN/VNA`. */
const SIGNATURE_ALONE_RE = /^[-–—(]?\s?((?:[\p{L}+]{2,14})(?:\s?\/\s?[\p{L}+]{2,14}){0,3})\)?\s*\.?$/u;

function knownAgencies(code: string): boolean {
  const parts = code.split(/\s?\/\s?/);
  return parts.length > 0 && parts.every((p) => AGENCY_RE.test(p)) && parts.some((p) => p === p.toUpperCase() || /vietnam/i.test(p));
}

export function signatureOf(paragraph: string): string | null {
  // Only the tail can hold a signature; regexes anchored at `$` would otherwise try every position.
  const p = paragraph.trim().slice(-80);
  if (/（完）\s*$/.test(p)) return '（完）';
  // Vietnamese edition: `… ổn định cuộc sống. (TTXVN/Vietnam+)`.
  const paren = /\(((?:[\p{L}+]{2,14})(?:\s?\/\s?[\p{L}+]{2,14}){0,3})\)\s*\.?$/u.exec(p);
  if (paren && knownAgencies(paren[1].replace(/\s+/g, ''))) return paren[1].replace(/\s+/g, '');
  const m = SIGNATURE_TAIL_RE.exec(p) ?? (paragraph.length <= 40 ? SIGNATURE_ALONE_RE.exec(paragraph.trim()) : null);
  if (!m) return null;
  const code = m[1].replace(/\s+/g, '');
  return knownAgencies(code) ? code : null;
}

/** Heading of a teaser block: everything after it advertises other articles. */
const MORE_HEADING_RE =
  /^(?:voir (?:plus|aussi)|à lire aussi|lire aussi|sur le même sujet|dans la même rubrique|articles? (?:liés|similaires)|xem thêm|tin liên quan|tin cùng chuyên mục|bài liên quan|see more|see also|read more|read also|related(?: news| articles| stories)?|more news|more stories|ver más|lea también|noticias relacionadas|читайте также|смотрите также|相关新闻|更多新闻|延伸阅读)\s*[:：»>]?$/iu;
export function isMoreHeading(text: string): boolean {
  return text.length <= 40 && MORE_HEADING_RE.test(text.trim());
}

/** `>> Titre d'un autre article`, `Lire aussi : …`, `Xem thêm: …` related-link lines. */
const RELATED_LINE_RE =
  /^(?:>>|»»|►|▶|→|=>)|^(?:lire aussi|à lire aussi|voir aussi|xem thêm|tin liên quan|read more|see also|related|ver también|lea también)\s*[:：>]/iu;
export function isRelatedLine(text: string): boolean {
  return RELATED_LINE_RE.test(text.trim());
}

/** Lone labels and chrome left by links and widgets (`source`, `Publicité`, `Partager`…). */
const LONE_LABEL_RE =
  /^(?:source|sources|nguồn|photo|photos|ảnh|video|vidéo|infographie|infographics?|audio|podcast|partager|share|chia sẻ|imprimer|print|bản in|in bài|tags?|mots-clés|mots clés|từ khóa|keywords|publicité|quảng cáo|advertisement|ads?|sponsored|retour|back|top|haut de page|commentaires?|comments?|bình luận|copier le lien|copy link|sao chép liên kết|lire la suite|đọc tiếp|xem tiếp|continue reading)\s*[:：]?$/iu;
export function isLoneLabel(text: string): boolean {
  return text.length <= 40 && LONE_LABEL_RE.test(text.trim());
}

/** A share bar flattened to text: `Facebook X Zalo Copier le lien`. */
const SHARE_WORD = '(?:facebook|twitter|x|zalo|linkedin|telegram|whatsapp|messenger|email|e-mail|mail|copier le lien|copy link|sao chép liên kết|imprimer|print|partager|share|chia sẻ|in)';
const SHARE_BAR_RE = new RegExp(`^(?:${SHARE_WORD}[\\s·|,/•]*){2,}$`, 'iu');
export function isShareBar(text: string): boolean {
  return text.length <= 120 && SHARE_BAR_RE.test(text.trim());
}

/** Newsletter box text (kept short so a paragraph *about* a newsletter survives). */
const NEWSLETTER_RE = /lettre d['’]information|inscrivez-vous|abonnez-vous|newsletter|subscribe to|sign up for|đăng ký nhận (?:tin|bản tin)|recevez nos actualités/iu;
export function isNewsletterText(text: string): boolean {
  return text.length <= 200 && NEWSLETTER_RE.test(text);
}

/** Image alt text of VietnamPlus: `<article title> ảnh N` (optionally glued to the caption). */
const ALT_REPEAT_RE = /^(.{10,}?)\s?ảnh \d{1,2}(?=\s|$|\p{Lu}|\p{N}|["“«(])\s*/u;
export function stripAltRepeat(text: string): { alt: string | null; rest: string } {
  if (!text.includes('ảnh ')) return { alt: null, rest: text };
  const m = ALT_REPEAT_RE.exec(text);
  if (!m) return { alt: null, rest: text };
  return { alt: m[0].trim(), rest: text.slice(m[0].length).trim() };
}
export function isAltRepeat(text: string): boolean {
  return / ảnh \d{1,2}$/u.test(text.trim());
}

/** Photo credit ending a caption: `Photo: VNA`, `Photo : Xinhua`, `Photo / VNA`, `(Ảnh: …/TTXVN)`. */
const CREDIT_RE =
  /(?:(?:photos?|ảnh|nguồn|source|foto|фото|图片|图|photo d['’]archive|image|crédit)\s?[:：/]\s?[^.:]{1,80}\.?\)?|\((?:ảnh|nguồn|photo|source|foto)\s?[:：][^)]{1,80}\)\.?|\(photo\s?[:：]?[^)]{1,60}\))\s*$/iu;
export function hasPhotoCredit(text: string): boolean {
  return CREDIT_RE.test(text.trim().slice(-120));
}

/** Ad labels left inside the body. */
const AD_TEXT_RE = /^(?:publicité|quảng cáo|advertisement|advertising|sponsored|реклама|广告|publicidad)$/iu;
export function isAdText(text: string): boolean {
  return AD_TEXT_RE.test(text.trim());
}

/** One test for "a reader never asked for this line". */
export function isBoilerplateLine(text: string): boolean {
  return isLoneLabel(text) || isRelatedLine(text) || isShareBar(text) || isAdText(text) || isNewsletterText(text) || isAltRepeat(text);
}
