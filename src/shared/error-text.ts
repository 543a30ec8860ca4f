// Archive failures told in the reader's language. The store throws ArchiveErrors with a code
// and the values the sentence needs (its English message is for logs and the CLI), so a
// French reader never reads "Rien n'a été importé. Invalid VNA Reader export: …".
import type { ArchiveErrorCode } from '../store/errors';
import { formatBytes, formatNumber } from './format';
import { t, type MessageKey } from './i18n';

const KEYS: Record<ArchiveErrorCode, MessageKey> = {
  quota: 'errQuota',
  dbNewer: 'errDbNewer',
  dbOpen: 'errDbOpen',
  notFound: 'errNotFound',
  write: 'errWrite',
  importTooLarge: 'errImportTooLarge',
  importEmpty: 'errImportEmpty',
  importNotJson: 'errImportNotJson',
  importNotExport: 'errImportNotExport',
  importNewer: 'errImportNewer',
  importIncomplete: 'errImportIncomplete',
  importInvalid: 'errImportInvalid',
  importInvalidDispatch: 'errImportInvalidDispatch',
  importRepeat: 'errImportRepeat',
  importChecksum: 'errImportChecksum',
};

const num = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? formatNumber(Number(s)) : s ?? '');

function isArchiveError(e: unknown): e is { code: ArchiveErrorCode; params: string[]; message: string } {
  return !!e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code in KEYS
    && Array.isArray((e as { params?: unknown }).params);
}

/** One sentence for any failure: an archive error by its code, anything else as unexpected. */
export function errorText(e: unknown): string {
  if (isArchiveError(e)) {
    const p = e.params;
    switch (e.code) {
      case 'importTooLarge': return t('errImportTooLarge', formatBytes(Number(p[0])), formatBytes(Number(p[1])));
      case 'write': return t('errWrite', p[0] ?? (e.message || '?'));
      case 'importNewer': case 'importIncomplete': case 'importInvalidDispatch': case 'importRepeat':
        return t(KEYS[e.code], num(p[0]), e.code === 'importRepeat' || e.code === 'importInvalidDispatch' ? p[1] ?? '' : num(p[1]));
      default: return t(KEYS[e.code], ...p);
    }
  }
  const msg = (e as Error)?.message ?? String(e);
  return t('errUnexpected', msg || String(e));
}
