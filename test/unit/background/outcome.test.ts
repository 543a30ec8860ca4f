// Every bg/ write answers through one outcome(): its result, or a sentence for the reader,
// never a rejected message (the popup and pages would show nothing) nor a stack trace.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { outcome } from '../../../src/background/archive';
import { ArchiveError } from '../../../src/store';
import { t } from '../../../src/shared/i18n';

describe('background write outcome', () => {
  it('a write that succeeds answers ok with its result', async () => {
    expect(await outcome(async () => ({ removed: 3 }))).toEqual({ ok: true, removed: 3 });
  });
  it('an archive error is told by its code (a full disk reads as one)', async () => {
    const r = await outcome(async () => { throw new ArchiveError('quota exceeded', { code: 'quota', params: [] }); });
    expect(r).toEqual({ ok: false, error: t('errQuota') });
  });
  it('anything else thrown reads as a failed write with its message, not a rejection', async () => {
    const r = await outcome(async (): Promise<{ x: number }> => { throw new TypeError('boom'); });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(t('errWrite', 'boom'));
  });
});
