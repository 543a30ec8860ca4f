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
  /** The classes as ` name ` (tested against the padded class attribute). */
  padded: string[];
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
      cur = { tag: null, id: null, classes: [], padded: [], attrs: [], comb };
      comb = ' ';
    }
    if (m[2]) cur.tag = m[2] === '*' ? null : m[2].toLowerCase();
    else if (m[3]) cur.id = m[3];
    else if (m[4]) {
      cur.classes.push(m[4]);
      cur.padded.push(` ${m[4]} `);
    }
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
      const cls = attrOf(el, 'class');
      v = cls ? ` ${cls.replace(WS_RUN, ' ')} ` : '';
      extractionCache?.set(el, v);
    }
    memoCls = v;
    memoEl = el;
  }
  return memoCls;
}
/** ASCII whitespace, as HTML splits a class attribute (and as the index walk does). */
const WS_RUN = /[ \t\n\f\r]+/g;

/**
 * An attribute's value, null when absent. Same answer as getAttribute on every DOM we run
 * on (HTML documents), but on linkedom getAttribute('class') builds a DOMTokenList (a Set
 * from a regex split) and joins it back for every element asked, which made class lookups
 * the single hottest path of an extraction; the Attr node's value is read directly.
 */
function attrOf(el: Element, name: string): string | null {
  const a = el.getAttributeNode(name);
  return a ? a.value : null;
}

/** Lower-case tag name; localName is already lower-case for HTML elements. */
function tagName(el: Element): string {
  const n = el.localName;
  return n ? (n.charCodeAt(0) < 97 ? n.toLowerCase() : n) : el.tagName.toLowerCase();
}

function matchCompound(el: Element, c: Compound): boolean {
  if (c.tag && tagName(el) !== c.tag) return false;
  if (c.classes.length) {
    const words = classesOf(el);
    if (!words) return false;
    for (const k of c.padded) if (!words.includes(k)) return false;
  }
  if (c.id && attrOf(el, 'id') !== c.id) return false;
  for (const a of c.attrs) {
    const v = attrOf(el, a.name);
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

interface Entry {
  sel: number;
  cx: Complex;
}

/**
 * Many selectors answered by one walk of `root`, as a browser's style engine does: each
 * complex selector is filed under a key of its rightmost compound (a class, else the id,
 * else the tag), so an element is only tested against the selectors whose key it carries.
 * `matches[i]` lists the elements matching `selectors[i]` in document order. `stop` (asked
 * after every element that matched something) ends the walk early; the lists are then
 * complete only up to that point, which the caller's predicate has to allow for.
 */
export class SelectorIndex {
  readonly matches: Element[][];
  private readonly plan: Plan;
  /** False when the walk was cut short by `stop`. */
  complete = true;

  private constructor(
    readonly root: ParentNode,
    plan: Plan,
  ) {
    this.plan = plan;
    this.matches = plan.selectors.map(() => []);
  }

  /** undefined when a selector uses syntax this matcher does not support. */
  static build(root: ParentNode, selectors: string[], stop?: (idx: SelectorIndex) => boolean): SelectorIndex | undefined {
    const plan = planFor(selectors);
    if (!plan) return undefined;
    const idx = new SelectorIndex(root, plan);
    withMemo(() => idx.walk(stop));
    return idx;
  }

  /** Matches of one of the indexed selectors; undefined when it was not indexed. */
  get(selector: string): Element[] | undefined {
    const i = this.plan.pos.get(selector);
    return i === undefined ? undefined : this.matches[i];
  }

  has(selector: string): boolean {
    return this.plan.pos.has(selector);
  }

  private walk(stop?: (idx: SelectorIndex) => boolean): void {
    const start = startOf(this.root);
    if (!start) return;
    const stack: Element[] = [];
    if ((this.root as Document).nodeType === 9) stack.push(start);
    else for (let c = start.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    const { byClass, byId, byTag, rest } = this.plan;
    const useId = byId.size > 0;
    const useClass = byClass.size > 0;
    while (stack.length) {
      const el = stack.pop()!;
      let hit = false;
      if (useClass) {
        // The raw attribute, split here: most elements match nothing, so they need neither
        // the padded copy nor a cache entry (classesOf builds those for candidates only).
        const cls = attrOf(el, 'class');
        if (cls) {
          const n = cls.length;
          let i = 0;
          while (i < n) {
            while (i < n && isClassSpace(cls.charCodeAt(i))) i++;
            let j = i;
            while (j < n && !isClassSpace(cls.charCodeAt(j))) j++;
            if (j > i) {
              const list = byClass.get(cls.slice(i, j));
              if (list && this.test(el, list)) hit = true;
            }
            i = j;
          }
        }
      }
      if (useId) {
        const id = attrOf(el, 'id');
        const list = id ? byId.get(id) : undefined;
        if (list && this.test(el, list)) hit = true;
      }
      const tagList = byTag.size ? byTag.get(tagName(el)) : undefined;
      if (tagList && this.test(el, tagList)) hit = true;
      if (rest.length && this.test(el, rest)) hit = true;
      if (hit && stop && stop(this)) {
        this.complete = false;
        return;
      }
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    }
  }

  private test(el: Element, entries: Entry[]): boolean {
    let hit = false;
    for (const e of entries) {
      const list = this.matches[e.sel];
      // Another part of the same comma list matched already. (Guarded: list[-1] on an empty
      // array is a slow named-property lookup, not an array read.)
      if (list.length && list[list.length - 1] === el) continue;
      if (matchComplex(el, e.cx, this.root)) {
        list.push(el);
        hit = true;
      }
    }
    return hit;
  }
}

/** Selectors filed by the key of their rightmost compound; compiled once per selector list. */
interface Plan {
  selectors: string[];
  pos: Map<string, number>;
  byClass: Map<string, Entry[]>;
  byId: Map<string, Entry[]>;
  byTag: Map<string, Entry[]>;
  rest: Entry[];
}
const plans = new Map<string, Plan | null>();

function planFor(selectors: string[]): Plan | null {
  const key = selectors.join('\n');
  let plan = plans.get(key);
  if (plan !== undefined) return plan;
  const parsed = selectors.map(parse);
  if (parsed.some((p) => !p)) plan = null;
  else {
    const p: Plan = { selectors: selectors.slice(), pos: new Map(), byClass: new Map(), byId: new Map(), byTag: new Map(), rest: [] };
    selectors.forEach((s, i) => {
      if (!p.pos.has(s)) p.pos.set(s, i);
      for (const cx of parsed[i]!) {
        const last = cx[cx.length - 1];
        const e = { sel: i, cx };
        if (last.classes.length) push(p.byClass, last.classes[0], e);
        else if (last.id) push(p.byId, last.id, e);
        else if (last.tag) push(p.byTag, last.tag, e);
        else p.rest.push(e);
      }
    });
    plan = p;
  }
  // Selector lists come from sites.json (a handful); the bound only guards odd callers.
  if (plans.size > 64) plans.clear();
  plans.set(key, plan);
  return plan;
}

function isClassSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
