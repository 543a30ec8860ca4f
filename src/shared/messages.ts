// Every message that crosses a context boundary, as one discriminated union per receiver.
// A receiver's router (src/<context>/router.ts) switches on `type`, so adding a message here
// without handling it is a type error there.
import type { Article, Entity } from '../core/types';
import type { Dispatch, RelatedDispatch, StoreStats } from '../store/types';
import type { ReadLaterExport } from '../store/export-readlater';
import type { Highlight, HighlightAnchor, HighlightColor, ReadingPosition, ReadingRecord, ReadingStateName } from '../store/readlater-schema';

/** Sent to the content script of a tab (from the popup or the background). */
export type ContentRequest =
  | { type: 'content/getArticle' }
  | { type: 'content/highlight'; key: string | null }
  | { type: 'content/toggleReader'; open?: boolean }
  | { type: 'content/ping' }
  /** A short in-page notice after a save by shortcut or context menu (issue 13). */
  | { type: 'content/notice'; kind: SaveNoticeKind; detail?: string };

/** What the in-page save notice says: saved, saved again with the reader's tags back, already saved, failed. */
export type SaveNoticeKind = 'saved' | 'restored' | 'updated' | 'failed';

export interface ArticleState {
  ok: true;
  article: Article;
  entities: Entity[];
  extractMs: number;
  /** What the page says about its own address, read by the content script (issue #18). */
  origin?: PageOrigin;
  /** The site's display name ("VietnamPlus (fr)"): the popup's first paint shows it without loading the site table (issue 17). */
  siteLabel?: string;
}

/** The addresses a page goes by; the background checks them against the tab's URL before saving. */
export interface PageOrigin {
  /** The URL the document was loaded from (its navigation entry), which history.replaceState cannot change. */
  loadedUrl: string;
  /** location.href when the page was read. */
  currentUrl: string;
  /** `<link rel=canonical>` and `<meta property=og:url>`, absolute, or null. */
  canonical: string | null;
  ogUrl: string | null;
}

/** A re-save whose text differed materially from the saved copy, kept aside for the reader. */
export interface PendingRevision {
  id: string;
  title: string;
  /** When the page's version was seen (ms). */
  seenAt: number;
  /** The saved copy's title, for the comparison. */
  savedTitle: string;
}
export type ContentResponse = {
  'content/getArticle': ArticleState | { ok: false; reason: string };
  'content/highlight': { count: number };
  'content/toggleReader': { open: boolean };
  'content/ping': { ok: true; isArticle: boolean };
  'content/notice': { shown: boolean };
};

/** A related dispatch as the popup lists it: with its site's display name, so the popup paints it without the site table (issue 17). */
export type RelatedRow = RelatedDispatch & { siteLabel: string };

/** Sent to the background service worker. */
export type BackgroundRequest =
  | { type: 'bg/articleSeen'; article: Article; entities: Entity[] }
  /** With tabId (the popup), the background re-reads the article from that tab and checks its address. */
  | { type: 'bg/save'; article: Article; entities: Entity[]; tabId?: number }
  /** The page's version of a saved dispatch that was not written over the reader's copy. */
  | { type: 'bg/revision'; id: string }
  /** The reader's choice: keep the saved copy (drop the revision) or replace it with the page's version. */
  | { type: 'bg/resolveRevision'; id: string; use: 'saved' | 'page' }
  | { type: 'bg/unsave'; id: string }
  | { type: 'bg/isSaved'; id: string }
  /** With `tabId`: the related list already computed for that tab's view (badge) is reused. */
  | { type: 'bg/related'; article: Article; entities: Entity[]; k?: number; tabId?: number }
  /** Issue 13/16: every archive write goes through the background, which announces it once. */
  | { type: 'bg/undoRemove'; id: string }
  | { type: 'bg/setTags'; id: string; tags: string[] }
  | { type: 'bg/setNote'; id: string; note: string }
  | { type: 'bg/importBatch'; dispatches: Dispatch[] }
  | { type: 'bg/byEntity'; key: string }
  | { type: 'bg/openReader'; id: string }
  | { type: 'bg/openLibrary'; query?: string; /** Opens the entity view for this key. */ entity?: string }
  | { type: 'bg/stats' }
  // Read-later (photos kept offline, highlights) for the overlay, and the library's photo retry.
  | { type: 'bg/photoUrls'; id: string }
  | { type: 'bg/photoData'; id: string; url: string }
  | { type: 'bg/photosRetry' }
  | { type: 'bg/highlights'; id: string }
  | { type: 'bg/highlightAdd'; article: Article; entities: Entity[]; anchor: HighlightAnchor; color: HighlightColor; note: string }
  | { type: 'bg/highlightUpdate'; id: string; color?: HighlightColor; note?: string }
  | { type: 'bg/highlightRemove'; id: string }
  /** The reader page's reading of a saved dispatch (our pages only). */
  | { type: 'bg/reading'; id: string; write: ReadingWrite }
  /** One part of an import's read-later section, validated by the library (our pages only; store/export-readlater.ts splitReadLater). */
  | { type: 'bg/importReadLater'; part: ReadLaterExport }
  /** The library's "drop every kept photo" (our pages only). */
  | { type: 'bg/photosDrop' }
  /** The settings page's "Forget everything": dispatches, trash, highlights, states, photos (our pages only). */
  | { type: 'bg/forgetAll' }
  /** The keyboard shortcuts as the reader set them (chrome://extensions/shortcuts); '' when unset. */
  | { type: 'bg/shortcuts' }
  /** Recomputes the related-count badge of every open VNA article tab (after save/unsave). */;

export type SaveOutcome =
  | { ok: true; id: string; created: boolean; /** tags and note came back from the trash */ restored?: boolean }
  /** code: `origin` the page's address does not match the tab's; `revision` the text differs materially from the saved copy, which was kept. */
  | { ok: false; error: string; code?: 'origin' | 'revision' };

export type WriteOutcome<T> = ({ ok: true } & T) | { ok: false; error: string };

export type BackgroundResponse = {
  'bg/articleSeen': { related: number };
  'bg/save': SaveOutcome;
  'bg/revision': PendingRevision | null;
  'bg/resolveRevision': { ok: boolean; error?: string };
  'bg/unsave': { ok: boolean; error?: string };
  'bg/isSaved': { saved: boolean };
  'bg/related': RelatedRow[];
  'bg/undoRemove': WriteOutcome<{ restored: boolean }>;
  'bg/setTags': WriteOutcome<{ dispatch: Dispatch }>;
  'bg/setNote': WriteOutcome<{ dispatch: Dispatch }>;
  'bg/importBatch': WriteOutcome<{ added: number; updated: number; skipped: number }>;
  'bg/byEntity': { id: string; title: string; published: string | null; site: string }[];
  'bg/openReader': { ok: boolean };
  'bg/openLibrary': { ok: boolean };
  'bg/stats': StoreStats;
  'bg/photoUrls': string[];
  'bg/photoData': { type: string; base64: string } | null;
  'bg/photosRetry': { kept: number; failed: number; pending: number };
  'bg/highlights': Highlight[];
  'bg/highlightAdd': { ok: true; highlight: Highlight; saved: boolean } | { ok: false; error: string };
  'bg/highlightUpdate': Highlight | null;
  'bg/highlightRemove': boolean;
  'bg/reading': WriteOutcome<{ reading: ReadingRecord }>;
  'bg/importReadLater': WriteOutcome<{ highlights: number; photos: number }>;
  'bg/photosDrop': { dropped: number };
  'bg/forgetAll': WriteOutcome<{ removed: number }>;
  'bg/shortcuts': Shortcuts;
};

/** What the reader page tells about its reading: the state by hand, the opening, the position. */
export type ReadingWrite =
  | { kind: 'state'; state: ReadingStateName }
  | { kind: 'opened' }
  | { kind: 'position'; position: ReadingPosition; end: boolean };

export interface Shortcuts { toggleReader: string; save: string }

