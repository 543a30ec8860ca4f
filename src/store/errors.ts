// Errors the archive reports to the reader. Each carries a message that can be shown as is.

/**
 * What went wrong, for the UI to say in the reader's language (src/shared/error-text.ts):
 * the English `message` stays for logs and the CLI.
 */
export type ArchiveErrorCode =
  | 'quota' | 'dbNewer' | 'dbOpen' | 'notFound' | 'write'
  | 'importTooLarge' | 'importEmpty' | 'importNotJson' | 'importNotExport' | 'importNewer'
  | 'importIncomplete' | 'importInvalid' | 'importInvalidDispatch' | 'importRepeat' | 'importChecksum';

export interface ArchiveErrorOptions {
  cause?: unknown;
  code?: ArchiveErrorCode;
  /** Values the localized text needs (numbers, field names, ids), in order. */
  params?: string[];
}

/** Base class: every failure of the archive that a caller may want to tell the reader about. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
  readonly code: ArchiveErrorCode;
  readonly params: string[];
  constructor(message: string, options?: ArchiveErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code ?? 'write';
    this.params = options?.params ?? [];
  }
}

/** The browser refused to store more data. Nothing of the failed operation was written. */
export class QuotaError extends ArchiveError {
  override name = 'QuotaError';
  constructor(cause?: unknown) {
    super(
      'Storage is full: the browser refused to store more data, so this dispatch was not saved. ' +
        'The archive is unchanged. Free space by deleting or exporting old dispatches.',
      { cause, code: 'quota' },
    );
  }
}

/** An import file was rejected; the archive is unchanged. */
export class ImportError extends ArchiveError {
  override name = 'ImportError';
}

/** The database could not be opened (blocked by an old tab, or removed by the browser). */
export class DatabaseError extends ArchiveError {
  override name = 'DatabaseError';
}

function nameOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : undefined;
}

/**
 * True for a quota failure in any of its disguises: a `QuotaExceededError` DOMException from a
 * request, the same as the `error` of an aborted transaction, or an `AbortError` whose cause /
 * transaction error is the quota error (how some wrappers and browsers surface it).
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || depth > 4) return false;
  if (e instanceof QuotaError) return true;
  const n = nameOf(e);
  if (n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (typeof e === 'object') {
    const o = e as { cause?: unknown; inner?: unknown; error?: unknown; target?: { error?: unknown } };
    return (
      isQuotaError(o.cause, depth + 1) ||
      isQuotaError(o.inner, depth + 1) ||
      isQuotaError(o.error, depth + 1) ||
      isQuotaError(o.target?.error, depth + 1)
    );
  }
  return false;
}

/** Map a low-level failure to the archive's errors (QuotaError when it is one). */
export function toArchiveError(e: unknown, txError?: unknown): unknown {
  if (isQuotaError(e) || isQuotaError(txError)) return e instanceof QuotaError ? e : new QuotaError(e);
  return e;
}
