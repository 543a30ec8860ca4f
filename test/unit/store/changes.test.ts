// Which archive changes each kind of view reacts to (src/store/changes.ts). A reader scrolling
// in a reader tab announces 'reading' every 400 ms: no view that shows dispatches or
// highlights may reload for it, while every change that can alter them must reach them.
import { describe, expect, it } from 'vitest';
import { touchesDispatches, touchesHighlights, type ArchiveChange, type ArchiveChangeKind } from '../../../src/store/changes';

const change = (kind: ArchiveChangeKind): ArchiveChange => ({ type: 'archive/changed', kind, ids: ['x'], rev: 1 });
const KINDS: ArchiveChangeKind[] = ['save', 'remove', 'undo', 'tags', 'note', 'import', 'forget', 'highlight', 'reading'];
const which = (f: (c: ArchiveChange) => boolean) => KINDS.filter((k) => f(change(k)));

describe('archive change filters', () => {
  it('dispatch views follow every change but the reader layer (highlights, reading state)', () => {
    expect(which(touchesDispatches)).toEqual(['save', 'remove', 'undo', 'tags', 'note', 'import', 'forget']);
  });
  it('the highlights view follows highlights and the dispatches they belong to, not reading, tags or notes', () => {
    expect(which(touchesHighlights)).toEqual(['save', 'remove', 'undo', 'import', 'forget', 'highlight']);
  });
});
