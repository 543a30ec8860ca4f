// Test data for the store: the shared gold records (/work/shared/gold/*.json) read from disk;
// the builders that turn them into Articles/Entities are in store-articles.ts (no Node APIs,
// so the benchmark page bundles them too).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldRecord } from './store-articles';

export * from './store-articles';

export const GOLD_DIR = process.env.VNA_GOLD_DIR ?? '/work/shared/gold';

export function loadGold(): GoldRecord[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => /^seed-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as GoldRecord);
}

