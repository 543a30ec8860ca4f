// Facade over the store for the background router; replaced by the real store wiring.
import type { Article, Entity } from '../core/types';
import type { RelatedDispatch, StoreStats } from '../store/types';
import type { SaveOutcome } from '../shared/messages';

const mem = new Map<string, Article>();
export async function save(article: Article, _e: Entity[]): Promise<SaveOutcome> {
  const created = !mem.has(article.id);
  mem.set(article.id, article);
  return { ok: true, id: article.id, created };
}
export async function remove(id: string) { return { ok: mem.delete(id) }; }
export async function isSaved(id: string) { return mem.has(id); }
export async function related(_a: Article, _e: Entity[], _k: number): Promise<RelatedDispatch[]> { return []; }
export async function byEntity(_key: string) { return []; }
export async function stats(): Promise<StoreStats> { return { dispatches: mem.size, bytes: null, quota: null, persisted: null }; }
