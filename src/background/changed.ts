// The one path after every archive write made by the background (the only writer): the
// cached related lists are invalidated, the change is announced once on the archive channel
// (popup, library, reader page react) and the badges of open article tabs are recounted.
import { announceArchiveChange, type ArchiveChangeKind } from '../store/changes';
import { refreshBadges } from './badge-refresh';
import { bumpArchiveRev } from './views';

export function archiveChanged(kind: ArchiveChangeKind, ids: string[]): void {
  bumpArchiveRev();
  announceArchiveChange(kind, ids);
  refreshBadges().catch(() => {});
}
