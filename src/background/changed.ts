// The one path after every archive write made by the background (the only writer): the
// cached related lists are invalidated, the change is announced once on the archive channel
// (popup, library, reader page react) and the badges of open article tabs are recounted.
import { announceArchiveChange, type ArchiveChangeKind, type ReadLaterChangeKind } from '../store/changes';
import { refreshBadges } from './badge-refresh';
import { bumpArchiveRev } from './views';
import { bumpArchiveRevision } from '../shared/tab-answer';

export function archiveChanged(kind: ArchiveChangeKind, ids: string[]): void {
  bumpArchiveRev();
  // The popups' stored answers (shared/tab-answer.ts) are out of date; the badges recounted
  // below store new ones at the new revision.
  const bumped = bumpArchiveRevision();
  announceArchiveChange(kind, ids);
  bumped.then(() => refreshBadges()).catch(() => {});
}

/**
 * After a write of the reader's highlights or reading state: announced once, like every write,
 * but no related list, stored popup answer or badge depends on them, so nothing is recounted.
 */
export function readLaterChanged(kind: ReadLaterChangeKind, ids: string[]): void {
  announceArchiveChange(kind, ids);
}
