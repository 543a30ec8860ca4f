// Highlights and notes in the reader (overlay and reader page). Selecting text in the lead or a
// paragraph offers a few colours and Note; a highlight is drawn by splitting text nodes and
// wrapping the pieces in <mark> elements (DOM APIs only: nothing is parsed), and is anchored by
// paragraph + offsets + quote with context (./anchor.ts) so it is found again on reopening.
// Where highlights are stored is the caller's business (both the reader page and the overlay
// write through the background, the archive's one writer).
import type { MessageKey } from '../shared/i18n';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightAnchor, type HighlightColor } from '../store/readlater-schema';
import { anchorAt, locate, type Slot } from './anchor';

export interface HighlightBackend {
  list(): Promise<Highlight[]>;
  add(anchor: HighlightAnchor, color: HighlightColor, note: string): Promise<Highlight | null>;
  update(id: string, patch: { color?: HighlightColor; note?: string }): Promise<Highlight | null>;
  remove(id: string): Promise<boolean>;
}

export interface HighlighterOptions {
  doc: Document;
  /** The reader's .vr-root (the bar and the editor are placed inside it). */
  root: HTMLElement;
  t: (key: MessageKey, ...subs: string[]) => string;
  backend: HighlightBackend;
  /** Told when highlights change (count), e.g. to update a badge. */
  onChange?: (list: Highlight[]) => void;
}

export interface Highlighter {
  /** Loaded highlights drawn in the current article element. */
  ready: Promise<void>;
  /** Draw again after the article was re-rendered. */
  apply(article: HTMLElement): void;
  /** Read the list again and redraw it (another page changed this dispatch's highlights). */
  reload(): Promise<void>;
  highlights(): Highlight[];
  destroy(): void;
}

const SLOT = '[data-vr-slot]';

/** The lead and body texts of a rendered article, as anchoring slots. */
export function slotsOf(article: ParentNode): { slot: Slot; el: HTMLElement }[] {
  const out: { slot: Slot; el: HTMLElement }[] = [];
  for (const el of article.querySelectorAll<HTMLElement>(SLOT)) {
    const [field, idx] = (el.getAttribute('data-vr-slot') ?? '').split(':');
    if (field !== 'lead' && field !== 'body') continue;
    out.push({ slot: { field, index: Number(idx), text: el.textContent ?? '' }, el });
  }
  return out;
}

function textNodes(el: Node): Text[] {
  const doc = el.ownerDocument!;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Character offset of (node, offset) inside el's text. */
function offsetIn(el: HTMLElement, node: Node, offset: number): number {
  if (node.nodeType !== 3) {
    // An element boundary: count the text of the children before `offset`.
    let n = 0;
    const kids = [...node.childNodes].slice(0, offset);
    for (const k of kids) n += k.textContent?.length ?? 0;
    return (node === el ? 0 : offsetIn(el, node, 0)) + n;
  }
  let n = 0;
  for (const t of textNodes(el)) {
    if (t === node) return n + offset;
    n += t.data.length;
  }
  return n;
}

/** Wrap [start, end) of el's text in marks for one highlight (split across entity marks). */
export function drawHighlight(el: HTMLElement, start: number, end: number, h: Pick<Highlight, 'id' | 'color' | 'note'>): HTMLElement[] {
  const doc = el.ownerDocument!;
  const marks: HTMLElement[] = [];
  let at = 0;
  for (const t of textNodes(el)) {
    const len = t.data.length;
    const s = Math.max(start, at);
    const e = Math.min(end, at + len);
    at += len;
    if (s >= e) continue;
    let node = t;
    if (s > at - len) node = node.splitText(s - (at - len));
    if (e < at) node.splitText(e - (at - len) - (s - (at - len)));
    const mark = doc.createElement('mark');
    mark.className = `vr-hl vr-hl-${h.color}${h.note ? ' vr-hl-noted' : ''}`;
    mark.setAttribute('data-hl-id', h.id);
    mark.setAttribute('data-testid', 'reader-hl');
    if (h.note) mark.title = h.note;
    node.replaceWith(mark);
    mark.appendChild(node);
    marks.push(mark);
  }
  return marks;
}

function clearMarks(article: HTMLElement, id?: string): void {
  const sel = id ? `mark.vr-hl[data-hl-id="${CSS.escape(id)}"]` : 'mark.vr-hl';
  for (const m of article.querySelectorAll(sel)) {
    const parent = m.parentNode!;
    while (m.firstChild) parent.insertBefore(m.firstChild, m);
    m.remove();
    parent.normalize();
  }
}

/** The current selection inside the reader (works in a closed shadow root, Chromium and Firefox). */
function selectionRange(doc: Document, root: HTMLElement): { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number } | null {
  const rootNode = root.getRootNode() as Document | ShadowRoot;
  const sel = (typeof (rootNode as { getSelection?: unknown }).getSelection === 'function'
    ? (rootNode as unknown as { getSelection(): Selection | null }).getSelection()
    : null) ?? doc.getSelection();
  if (!sel || sel.isCollapsed) return null;
  const composed = (sel as Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] }).getComposedRanges;
  if (rootNode instanceof ShadowRoot && typeof composed === 'function') {
    try {
      const r = composed.call(sel, { shadowRoots: [rootNode] })[0];
      if (r && !r.collapsed && root.contains(r.startContainer)) return r;
    } catch { /* older signature: fall back to the plain range */ }
  }
  if (!sel.rangeCount) return null;
  const r = sel.getRangeAt(0);
  return root.contains(r.startContainer) ? r : null;
}

export function installHighlighter(o: HighlighterOptions): Highlighter {
  const { doc, root, t, backend } = o;
  let list: Highlight[] = [];
  let article: HTMLElement | null = null;
  let pending: HighlightAnchor | null = null;
  let destroyed = false;

  const button = (label: string, testid: string, onClick: () => void, cls?: string): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('data-testid', testid);
    if (cls) b.className = cls;
    b.addEventListener('click', onClick);
    return b;
  };
  const swatches = (testPrefix: string, pick: (c: HighlightColor) => void, current?: HighlightColor) => HIGHLIGHT_COLORS.map((c) => {
    const b = button('', `${testPrefix}-${c}`, () => pick(c), `vr-hl-swatch vr-hl-${c}`);
    b.title = t(`rlColor_${c}`);
    b.setAttribute('aria-label', t(`rlColor_${c}`));
    if (current) b.setAttribute('aria-pressed', String(c === current));
    return b;
  });

  // The bar shown for a selection: one button per colour, and Note.
  const bar = doc.createElement('div');
  bar.className = 'vr-hl-bar vr-noprint';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('rlHighlight'));
  bar.setAttribute('data-testid', 'hl-bar');
  bar.hidden = true;
  const barLabel = doc.createElement('span');
  barLabel.className = 'vr-label';
  barLabel.textContent = t('rlHighlight');
  bar.append(barLabel, ...swatches('hl-color', (c) => void create(c, '')), button(t('rlNote'), 'hl-note', () => openEditor(null)));
  // Keep the text selection when a button of the bar is pressed.
  bar.addEventListener('mousedown', (e) => e.preventDefault());

  // The editor: a note for a new highlight, or colour/note/delete for an existing one.
  const editor = doc.createElement('div');
  editor.className = 'vr-hl-editor vr-noprint';
  editor.setAttribute('role', 'dialog');
  editor.setAttribute('aria-label', t('rlNote'));
  editor.setAttribute('data-testid', 'hl-editor');
  editor.hidden = true;
  root.append(bar, editor);

  const hideBar = () => { bar.hidden = true; pending = null; };
  const closeEditor = () => { editor.hidden = true; editor.replaceChildren(); };

  function openEditor(h: Highlight | null): void {
    const anchor = h ? h.anchor : pending;
    if (!anchor) return;
    let color: HighlightColor = h?.color ?? 'yellow';
    const quote = doc.createElement('blockquote');
    quote.className = 'vr-hl-quote';
    quote.textContent = anchor.exact.length > 160 ? `${anchor.exact.slice(0, 160)}…` : anchor.exact;
    const colours = doc.createElement('div');
    colours.className = 'vr-hl-colours';
    const paint = () => colours.replaceChildren(...swatches('hl-edit-color', (c) => {
      color = c;
      paint();
      if (h) void change(h.id, { color: c });
    }, color));
    paint();
    const area = doc.createElement('textarea');
    area.value = h?.note ?? '';
    area.rows = 3;
    area.setAttribute('data-testid', 'hl-note-input');
    area.setAttribute('aria-label', t('rlNote'));
    area.placeholder = t('rlNotePlaceholder');
    const actions = doc.createElement('div');
    actions.className = 'vr-hl-actions';
    actions.append(button(t('rlSave'), 'hl-note-save', () => {
      if (h) void change(h.id, { note: area.value, color }).then(closeEditor);
      else void create(color, area.value).then(closeEditor);
    }));
    if (h) actions.append(button(t('rlDeleteHighlight'), 'hl-delete', () => void drop(h.id).then(closeEditor), 'vr-hl-danger'));
    actions.append(button(t('rlCancel'), 'hl-cancel', closeEditor));
    editor.replaceChildren(quote, colours, area, actions);
    editor.hidden = false;
    bar.hidden = true;
    area.focus();
  }

  const notify = () => o.onChange?.(list);

  function draw(h: Highlight): void {
    if (!article) return;
    const slots = slotsOf(article);
    const at = locate(slots.map((s) => s.slot), h.anchor);
    if (!at) return;
    const el = slots.find((s) => s.slot.field === at.field && s.slot.index === at.index)?.el;
    if (el) drawHighlight(el, at.start, at.end, h);
  }

  async function create(color: HighlightColor, note: string): Promise<void> {
    const anchor = pending;
    if (!anchor) return;
    hideBar();
    const h = await backend.add(anchor, color, note).catch(() => null);
    if (!h || destroyed) return;
    list.push(h);
    draw(h);
    doc.getSelection()?.removeAllRanges();
    notify();
  }

  async function change(id: string, patch: { color?: HighlightColor; note?: string }): Promise<void> {
    const h = await backend.update(id, patch).catch(() => null);
    if (!h || destroyed) return;
    list = list.map((x) => (x.id === id ? h : x));
    if (article) { clearMarks(article, id); draw(h); }
    notify();
  }

  async function drop(id: string): Promise<void> {
    if (!(await backend.remove(id).catch(() => false)) || destroyed) return;
    list = list.filter((x) => x.id !== id);
    if (article) clearMarks(article, id);
    notify();
  }

  const onSelection = () => {
    if (destroyed || !article || !editor.hidden) return;
    const r = selectionRange(doc, root);
    const startEl = r && (r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement)?.closest<HTMLElement>(SLOT);
    if (!r || !startEl || !article.contains(startEl)) { hideBar(); return; }
    const slot = slotsOf(article).find((s) => s.el === startEl)!.slot;
    const start = offsetIn(startEl, r.startContainer, r.startOffset);
    // A selection running into the next paragraph is kept to its first paragraph.
    const end = startEl.contains(r.endContainer) ? offsetIn(startEl, r.endContainer, r.endOffset) : slot.text.length;
    const a = anchorAt(slot, start, end);
    if (!a.exact.trim()) { hideBar(); return; }
    pending = a;
    bar.hidden = false;
  };
  const onClick = (ev: Event) => {
    const mark = (ev.target as Element | null)?.closest?.('mark.vr-hl');
    const h = mark && list.find((x) => x.id === mark.getAttribute('data-hl-id'));
    if (h) { ev.stopPropagation(); openEditor(h); }
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape' && !editor.hidden) { ev.stopPropagation(); closeEditor(); }
  };
  doc.addEventListener('selectionchange', onSelection);
  root.addEventListener('mouseup', onSelection);
  root.addEventListener('keyup', onSelection);
  root.addEventListener('click', onClick, true);
  editor.addEventListener('keydown', onKey);

  const ready = backend.list().then((l) => {
    if (destroyed) return;
    list = l;
    if (article) for (const h of list) draw(h);
    notify();
  }).catch(() => {});

  return {
    ready,
    apply(el) {
      article = el;
      for (const h of list) draw(h);
    },
    async reload() {
      const next = await backend.list().catch(() => null);
      if (!next || destroyed) return;
      if (article) for (const h of list) clearMarks(article, h.id);
      list = next;
      if (article) for (const h of list) draw(h);
      notify();
    },
    highlights: () => list,
    destroy() {
      destroyed = true;
      doc.removeEventListener('selectionchange', onSelection);
      bar.remove();
      editor.remove();
    },
  };
}
