// Entity mentions in the reader view. Each text (title, lead, a paragraph, a caption) is
// rebuilt as text nodes and <mark> elements from the Entity.mentions offsets: no markup
// string is ever parsed, so an entity name or a page text cannot inject anything.
import type { Entity, EntityType, MentionField } from '../core/types';
import { ENTITY_TYPES, isEntityType } from '../core/entity-types';

export interface Span {
  start: number;
  end: number;
  type: EntityType;
  key: string;
  name: string;
}


/** Mentions grouped by `<field>:<index>` (title and lead use index 0). */
export type MentionIndex = Map<string, Span[]>;

export function slotKey(field: MentionField, index: number): string {
  return `${field}:${index}`;
}

export function indexMentions(entities: readonly Entity[] | undefined): MentionIndex {
  const out: MentionIndex = new Map();
  for (const e of entities ?? []) {
    if (!e || !isEntityType(e.type) || !Array.isArray(e.mentions)) continue;
    for (const m of e.mentions) {
      if (!m || !Number.isInteger(m.start) || !Number.isInteger(m.end) || m.end <= m.start || m.start < 0) continue;
      const k = slotKey(m.field, m.index ?? 0);
      let list = out.get(k);
      if (!list) out.set(k, (list = []));
      list.push({ start: m.start, end: m.end, type: e.type, key: String(e.key ?? ''), name: String(e.name ?? '') });
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/**
 * Appends `text` to `parent` with every valid, non-overlapping span wrapped in a <mark>.
 * Spans outside the text or overlapping an earlier one are ignored (the text stays whole).
 */
export function appendMarkedText(parent: Node, text: string, spans: readonly Span[] | undefined, focusKey?: string | null): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  if (!spans || !spans.length) {
    parent.appendChild(doc.createTextNode(text));
    return;
  }
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length) continue;
    if (s.start > at) parent.appendChild(doc.createTextNode(text.slice(at, s.start)));
    const mark = doc.createElement('mark');
    mark.className = `vr-ent vr-ent-${s.type}${focusKey && s.key === focusKey ? ' vr-focus' : ''}`;
    mark.setAttribute('data-entity-key', s.key);
    mark.setAttribute('data-entity-type', s.type);
    mark.title = s.name;
    mark.textContent = text.slice(s.start, s.end);
    parent.appendChild(mark);
    at = s.end;
  }
  if (at < text.length) parent.appendChild(doc.createTextNode(text.slice(at)));
}

/** The legend: one swatch per entity type present, with how many distinct entities. */
export function renderLegend(doc: Document, entities: readonly Entity[] | undefined, label: (type: EntityType) => string, title: string): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'vr-legend';
  box.setAttribute('data-testid', 'reader-legend');
  box.setAttribute('role', 'note');
  box.setAttribute('aria-label', title);
  const counts = new Map<EntityType, number>();
  for (const e of entities ?? []) if (e && isEntityType(e.type) && e.mentions?.length) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  for (const type of ENTITY_TYPES) {
    const n = counts.get(type);
    if (!n) continue;
    const item = doc.createElement('span');
    item.className = 'vr-legend-item';
    const sw = doc.createElement('span');
    sw.className = `vr-swatch vr-swatch-${type}`;
    sw.setAttribute('aria-hidden', 'true');
    item.append(sw, doc.createTextNode(`${label(type)} (${n})`));
    box.appendChild(item);
  }
  return box;
}
