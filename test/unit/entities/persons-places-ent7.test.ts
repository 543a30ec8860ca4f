import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Person and place shapes of issue #12 (ent7, French): inputs invented, shapes as in the corpus.
const rules = (body: string[], lang = 'fr'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules');
const names = (es: Entity[], type: string) => es.filter((e) => e.type === type).map((e) => e.name);

describe('persons and places: words an old capture glued', () => {
  it('a glued name is spaced, a glued honorific left out, one glued word after a title is a full name', () => {
    const es = rules([
      'Le président a reçu Marco BellandiFerri, ambassadeur du Pérou, et MmeLucia Verano, consule.',
      "Le ministre tchèque de l'Intérieur, PavelNovotny, a visité le centre.",
    ]);
    expect(names(es, 'PER')).toEqual(expect.arrayContaining(['Marco Bellandi Ferri', 'Lucia Verano', 'Pavel Novotny']));
    expect(names(es, 'PER').some((n) => /Mme|\p{Ll}\p{Lu}/u.test(n))).toBe(false);
  });
  it('a glued foreign place is spaced; McCain-like names stay whole', () => {
    const es = rules(['La délégation a visité la ville de PortMoresby.', 'Le sénateur John McKellan a déclaré que le projet avançait.']);
    expect(names(es, 'LOC')).toContain('Port Moresby');
    expect(names(es, 'PER')).toContain('John McKellan');
  });
});
