// The entity tests' one-liner: what the rules recognise in a body of invented sentences, as `TYPE:name` in order.
import { recognise, type EntityInput } from '../../src/core/entities/index';
import type { Entity } from '../../src/core/types';

export const ruleNames = (body: string[], lang = 'fr'): string[] =>
  recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang } as EntityInput, 'rules').map((e: Entity) => `${e.type}:${e.name}`);
