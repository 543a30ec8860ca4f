// Test data for the store: the shared gold records (../shared/gold/*.json beside the repository) read from disk;
// the builders that turn them into Articles/Entities are in store-articles.ts (no Node APIs,
// so the benchmark page bundles them too).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldRecord } from './store-articles';

export * from './store-articles';

/** ../shared/gold beside the repository root (test/support is two levels below it). */
export const GOLD_DIR = process.env.VNA_GOLD_DIR ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/gold');

export function loadGold(): GoldRecord[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => /^seed-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as GoldRecord);
}

