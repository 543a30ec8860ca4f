// The read-later part of an import goes to the background in parts that fit a message: every
// photo once, in order, no part over the byte bound unless one photo alone is larger, and the
// highlights, reading states and photo jobs last, in one part (a job's status depends on the
// photos already stored).
import { describe, expect, it } from 'vitest';
import { splitReadLater, type ReadLaterExport } from '../../../src/store/export-readlater';

const photo = (i: number, bytes: number) => ({ url: `https://mediafr.vietnamplus.vn/p${i}.jpg`, type: 'image/jpeg', storedAt: i, base64: 'A'.repeat(bytes) });
const rl = (photos: ReturnType<typeof photo>[]): ReadLaterExport => ({
  highlights: [{ id: 'hl-1', dispatchId: 'd1' } as never],
  reading: [{ id: 'd1', state: 'read', position: null, openedAt: 1, updatedAt: 1 }],
  photoJobs: [{ id: 'd1', photos: [], nextAt: 0, updatedAt: 0 } as never],
  photos,
});

describe('splitReadLater', () => {
  it('cuts the photos at the byte bound and puts the rest in one last part', () => {
    const photos = [photo(1, 40), photo(2, 40), photo(3, 40), photo(4, 130), photo(5, 10)];
    const parts = splitReadLater(rl(photos), 100);
    expect(parts.map((p) => p.photos.map((x) => x.storedAt))).toEqual([[1, 2], [3], [4], [5], []]);
    for (const p of parts.slice(0, -1)) expect(p.highlights.length + p.reading.length + p.photoJobs.length).toBe(0);
    const last = parts[parts.length - 1];
    expect([last.highlights.length, last.reading.length, last.photoJobs.length]).toEqual([1, 1, 1]);
    expect(parts.flatMap((p) => p.photos)).toEqual(photos);
  });

  it('without photos, one part', () => {
    expect(splitReadLater(rl([]), 100)).toEqual([{ ...rl([]), photos: [] }]);
  });
});
