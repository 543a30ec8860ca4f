// The background's photo keeper: after a save (the text is already stored and the popup
// answered), it queues the dispatch's photos and fetches them one by one from the VNA image
// hosts the extension has host access to. A network failure leaves them pending: they are
// retried by a timer while the worker lives, when the worker starts again, after the next
// save, and when the library asks ("retry").
import { workerArchive as db } from './archive';
import type { Article } from '../core/types';
import { nextPhotoRetry, processPhotos, queuePhotos, type ProcessResult } from '../store';
import { photosOfflineEnabled } from '../shared/readlater-settings';


let running: Promise<ProcessResult> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Run the queue (one run at a time; a request during a run makes one more run after it). */
export function runPhotoQueue(opts: { force?: boolean; ids?: string[] } = {}): Promise<ProcessResult> {
  if (running) {
    again = true;
    return running;
  }
  const p = (running = (async () => {
    if (!(await photosOfflineEnabled())) return { kept: 0, failed: 0, pending: 0 };
    return processPhotos(db(), opts);
  })().finally(() => {
    running = null;
    if (again) {
      again = false;
      void runPhotoQueue();
    } else void armRetry();
  }));
  return p;
}

/** Retry the pending photos when the earliest is due, if that is within the worker's life. */
async function armRetry(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const at = await nextPhotoRetry(db()).catch(() => null);
  if (at === null) return;
  timer = setTimeout(() => {
    timer = null;
    void runPhotoQueue().catch(() => {});
  }, Math.max(1000, at - Date.now()));
}

/** After a save: queue the dispatch's photos, then fetch them (never awaited by the save). */
export async function keepPhotos(id: string, article: Article): Promise<void> {
  if (!(await photosOfflineEnabled())) return;
  await queuePhotos(db(), id, article);
  await runPhotoQueue();
}
