// A small CSS selector matcher for the selectors in sites.json (tag, #id, .class,
// [attr], [attr=v], [attr*=v], [attr^=v], [attr$=v], descendant and child combinators,
// comma lists). Why not querySelector: linkedom recompiles every selector on every call,
// which made selector compilation the largest cost of an extraction; parsed selectors are
// cached here. Unsupported syntax returns null so callers fall back to querySelector.

interface AttrTest {
  name: string;
  op: '' | '=' | '*=' | '^=' | '$=' | '~=';
  value: string;
}
interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: AttrTest[];
  /** Combinator linking this compound to the previous one. */
  comb: ' ' | '>';
}
type Complex = Compound[];

const cache = new Map<string, Complex[] | null>();

const TOKEN = /\s*(>)\s*|\s+|([a-zA-Z][\w-]*|\*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:([*^$~]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*)?\]/y;

function parseComplex(sel: string): Complex | null {
  const out: Complex = [];
  let cur: Compound | null = null;
  let comb: ' ' | '>' = ' ';
  let i = 0;
  const s = sel.trim();
  while (i < s.length) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(s);
    if (!m || m.index !== i) return null;
    i = TOKEN.lastIndex;
    if (m[1] || (m[0].trim() === '' && m[0].length)) {
      if (cur) out.push(cur);
      cur = null;
      if (m[1]) comb = '>';
      else if (comb !== '>') comb = ' ';
      continue;
    }
    if (!cur) {
      cur = { tag: null, id: null, classes: [], attrs: [], comb };
      comb = ' ';
    }
    if (m[2]) cur.tag = m[2] === '*' ? null : m[2].toLowerCase();
    else if (m[3]) cur.id = m[3];
    else if (m[4]) cur.classes.push(m[4]);
    else if (m[5]) cur.attrs.push({ name: m[5].toLowerCase(), op: (m[6] as AttrTest['op']) ?? '', value: m[7] ?? m[8] ?? m[9] ?? '' });
  }
  if (cur) out.push(cur);
  return out.length ? out : null;
}

function parse(selector: string): Complex[] | null {
  let hit = cache.get(selector);
  if (hit !== undefined) return hit;
  const parts = selector.split(',').map(parseComplex);
  hit = parts.every(Boolean) ? (parts as Complex[]) : null;
  cache.set(selector, hit);
  return hit;
}

/**
 * Class attribute as ` a b c `. One-entry memo: a comma list tests the same element against
 * several compounds in a row, and getAttribute is comparatively slow on linkedom.
 */
let memoEl: Element | null = null;
let memoCls = '';
/** Per-extraction class cache (set by withTextCache): one extraction walks the same nodes several times. */
let extractionCache: Map<Element, string> | null = null;
export function setClassCache(m: Map<Element, string> | null): void {
  extractionCache = m;
}
function classesOf(el: Element): string {
  if (el !== memoEl) {
    let v = extractionCache?.get(el);
    if (v === undefined) {
      const cls = el.getAttribute('class');
      v = cls ? ` ${cls.replace(/\s+/g, ' ')} ` : '';
      extractionCache?.set(el, v);
    }
    memoCls = v;
    memoEl = el;
  }
  return memoCls;
}

function matchCompound(el: Element, c: Compound): boolean {
  if (c.tag && (el.localName || el.tagName).toLowerCase() !== c.tag) return false;
  if (c.classes.length) {
    const words = classesOf(el);
    if (!words) return false;
    for (const k of c.classes) if (!words.includes(` ${k} `)) return false;
  }
  if (c.id && el.getAttribute('id') !== c.id) return false;
  for (const a of c.attrs) {
    const v = el.getAttribute(a.name);
    if (v === null) return false;
    switch (a.op) {
      case '=': if (v !== a.value) return false; break;
      case '*=': if (!v.includes(a.value)) return false; break;
      case '^=': if (!v.startsWith(a.value)) return false; break;
      case '$=': if (!v.endsWith(a.value)) return false; break;
      case '~=': if (!` ${v} `.includes(` ${a.value} `)) return false; break;
      default: break;
    }
  }
  return true;
}

function matchComplex(el: Element, cx: Complex, scope: ParentNode): boolean {
  let i = cx.length - 1;
  if (!matchCompound(el, cx[i])) return false;
  let node: Element | null = el;
  while (i > 0) {
    const comb = cx[i].comb;
    i--;
    if (comb === '>') {
      node = node.parentElement;
      if (!node || node === scope || !matchCompound(node, cx[i])) return false;
    } else {
      node = node.parentElement;
      while (node && node !== scope && !matchCompound(node, cx[i])) node = node.parentElement;
      if (!node || node === scope) return false;
    }
  }
  return true;
}

/** Traversal start: a document is searched from <body> (site selectors never target <head>). */
function startOf(root: ParentNode): Element | null {
  const doc = root as Document;
  if (doc.nodeType === 9) return doc.body ?? doc.documentElement;
  return root as Element;
}

function withMemo<T>(fn: () => T): T {
  try {
    return fn();
  } finally {
    memoEl = null; // never keep a page's node alive past a query
  }
}

/**
 * One traversal for several selectors ranked by priority: the element matched by the
 * best-ranked selector (lowest index), stopping early once rank 0 matches. Used to pick a
 * page's layout without one document walk per candidate layout.
 */
export function selectBest(root: ParentNode, selectors: string[]): { index: number; el: Element } | null | undefined {
  const parsed = selectors.map(parse);
  if (parsed.some((p) => !p)) return undefined;
  return withMemo(() => {
    let best: { index: number; el: Element } | null = null;
    const start = startOf(root);
    if (!start) return null;
    const stack: Element[] = [];
    if ((root as Document).nodeType === 9) stack.push(start);
    else for (let c = start.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    while (stack.length) {
      const el = stack.pop()!;
      const limit = best ? best.index : parsed.length;
      for (let i = 0; i < limit; i++) {
        if (parsed[i]!.some((cx) => matchComplex(el, cx, root))) {
          best = { index: i, el };
          break;
        }
      }
      if (best?.index === 0) return best;
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    }
    return best;
  });
}

/** First match of `selector` under `root` in document order; undefined = unsupported syntax. */
export function selectOne(root: ParentNode, selector: string): Element | null | undefined {
  const cxs = parse(selector);
  if (!cxs) return undefined;
  return withMemo(() => selectOneParsed(root, cxs));
}

function selectOneParsed(root: ParentNode, cxs: Complex[]): Element | null {
  const start = startOf(root);
  if (!start) return null;
  const stack: Element[] = [];
  const isDoc = (root as Document).nodeType === 9;
  if (isDoc) stack.push(start);
  else for (let c = start.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length) {
    const el = stack.pop()!;
    for (const cx of cxs) if (matchComplex(el, cx, root)) return el;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return null;
}

/** All matches in document order; undefined = unsupported syntax. */
export function selectAll(root: ParentNode, selector: string): Element[] | undefined {
  const cxs = parse(selector);
  if (!cxs) return undefined;
  return withMemo(() => selectAllParsed(root, cxs));
}

function selectAllParsed(root: ParentNode, cxs: Complex[]): Element[] {
  const start = startOf(root);
  const out: Element[] = [];
  if (!start) return out;
  const stack: Element[] = [];
  const isDoc = (root as Document).nodeType === 9;
  if (isDoc) stack.push(start);
  else for (let c = start.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length) {
    const el = stack.pop()!;
    for (const cx of cxs) {
      if (matchComplex(el, cx, root)) {
        out.push(el);
        break;
      }
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}
