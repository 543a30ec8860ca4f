// Import of a large archive in real Chromium IndexedDB (issue 13): 3,000 dispatches exported
// to the store's file format, then imported into an empty archive as the library does
// (validate, then batched writes with progress). Reports the whole import, the write phase,
// how many progress steps the write phase reported and the file size. Target: well under 20 s.
import type { GoldRecord } from '../test/support/store-articles';
import type { StorePage } from './store-browser';

type StoreApi = typeof import('../src/store/index') & typeof import('./store-corpus');
declare const vnaStore: StoreApi;

export const IMPORT_TARGET_MS = 20_000;

export interface ImportBench {
  dispatches: number;
  fileBytes: number;
  importMs: number;
  writeMs: number;
  writeSteps: number;
  batch: number;
  targetMs: number;
}

export async function benchImport(sp: StorePage, golds: GoldRecord[], n = 3000): Promise<ImportBench> {
  const r = await sp.page.evaluate(
    async ({ golds, n }) => {
      const S = vnaStore;
      const src = new S.Archive({ name: 'bench-import-src' });
      for (let i = 0; i < n; i += 500) {
        const items = [];
        for (let j = i; j < Math.min(n, i + 500); j++) items.push({ ...S.makeDispatch(golds, 50_000 + j, 7), userTags: j % 5 ? [] : ['suivi'], note: j % 7 ? '' : 'à relire' });
        await src.saveMany(items);
      }
      const text = await S.exportArchive(src);
      await src.close();
      const target = new S.Archive({ name: 'bench-import' });
      await target.db();
      let writeStart = 0;
      let steps = 0;
      const t0 = performance.now();
      const counts = await S.importArchive(target, new Blob([text]), {
        onProgress: (p) => {
          if (p.phase === 'write') {
            if (!writeStart) writeStart = performance.now();
            steps++;
          }
        },
      });
      const t1 = performance.now();
      const count = await target.count();
      await target.close();
      return { added: counts.added, count, fileBytes: text.length, importMs: t1 - t0, writeMs: t1 - writeStart, writeSteps: steps - 1 };
    },
    { golds, n },
  );
  if (r.added !== n || r.count !== n) throw new Error(`import bench: ${r.added} added, ${r.count} in the archive, expected ${n}`);
  return { dispatches: n, fileBytes: r.fileBytes, importMs: Math.round(r.importMs), writeMs: Math.round(r.writeMs), writeSteps: r.writeSteps, batch: 250, targetMs: IMPORT_TARGET_MS };
}
