// Public surface of the local archive.
export * from './types';
export * from './schema';
export * from './errors';
export { openArchiveDb, type ArchiveDb, type OpenOptions } from './db';
export { Archive, openArchive } from './archive';
export type { ListOptions, ListResult, SaveOptions, SaveResult, SearchHit, SearchPageOptions, ImportCounts, ArchiveOptions, SortField, SortDirection } from './archive';
export { findRelated, relatedQuery, type RelatedOptions } from './related';
export { canonicalIdFromUrl, dispatchId, indexWords, dispatchWords, buildRecord, buildBrief, toDispatch } from './records';
export * from './export';
// Read-later: photos kept offline, highlights, reading state.
export * from './readlater-schema';
export * from './photos';
export * from './photo-hosts';
export * from './highlights';
export * from './reading';
export { ARCHIVE_CHANNEL, announceArchiveChange, onArchiveChange, touchesDispatches, type ArchiveChange, type ArchiveChangeKind, type ReadLaterChangeKind } from './changes';
export { cleanTags, tagKey } from './records';
