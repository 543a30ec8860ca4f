// Photos kept offline (settings page, off by default): the images of a saved dispatch, as
// fetched from their VNA address when it was saved, so that the reader page shows them
// without network. A database of their own beside the archive — not a new archive schema
// version — because photos are a cache of what the page showed, not the reader's data: the
// export leaves them out, and turning the setting off deletes them all.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const PHOTOS_DB = 'vna-reader-photos';

export interface StoredPhoto { src: string; blob: Blob }
export interface PhotoRecord { id: string; savedAt: number; photos: StoredPhoto[] }

interface PhotosSchema extends DBSchema {
  photos: { key: string; value: PhotoRecord };
}

let dbp: Promise<IDBPDatabase<PhotosSchema>> | null = null;
function db(): Promise<IDBPDatabase<PhotosSchema>> {
  dbp ??= openDB<PhotosSchema>(PHOTOS_DB, 1, {
    upgrade(d) {
      d.createObjectStore('photos', { keyPath: 'id' });
    },
    blocking() {
      // Another context deletes the database (forget everything): let it.
      void dbp?.then((d) => d.close());
      dbp = null;
    },
  });
  return dbp;
}

export async function putPhotos(id: string, photos: StoredPhoto[], now = Date.now()): Promise<void> {
  await (await db()).put('photos', { id, savedAt: now, photos });
}

/** src → stored image of one dispatch (empty when none were kept). */
export async function getPhotos(id: string): Promise<Map<string, Blob>> {
  const rec = await (await db()).get('photos', id);
  return new Map((rec?.photos ?? []).map((p) => [p.src, p.blob]));
}

export async function deletePhotos(id: string): Promise<void> {
  await (await db()).delete('photos', id);
}

export async function photoIds(): Promise<string[]> {
  return (await db()).getAllKeys('photos');
}

/** Every kept photo deleted (setting turned off, or forget everything). */
export async function clearPhotos(): Promise<void> {
  await (await db()).clear('photos');
}
