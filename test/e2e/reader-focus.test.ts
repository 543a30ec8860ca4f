// The reader overlay is aria-modal: Tab must stay inside it (never reach the hidden page behind),
// and the keyboard focus ring must look different from a toggle's "pressed" state (issue 13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, type Ext } from './harness';
import { HOST, canonicalUrl, inReader, openVnaTab, toggleReader } from './reader-support';

describe('reader overlay: focus and keyboard', () => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(() => ext?.close());

  it('Tab and Shift+Tab stay inside the overlay; the focus ring is not the pressed style', async () => {
    const url = canonicalUrl(fixture('seed-001.new.html'));
    ext.serveFixture(url, 'seed-001.new.html');
    const { page, tabId } = await openVnaTab(ext, url);
    // Page links and buttons exist behind the overlay: focus could escape to them.
    expect(await page.locator('a[href], button').count()).toBeGreaterThan(3);
    await toggleReader(ext, tabId, true);
    const outside: string[] = [];
    for (const key of [...Array(40).fill('Tab'), ...Array(15).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      // Focus inside our closed shadow root shows as the host element from the page's side; past
      // the last control the browser takes focus to its own UI (activeElement = body), as for any
      // modal dialog. Any page element (a link, a button behind the overlay) is an escape.
      const tag = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? 'none');
      if (tag !== HOST) outside.push(`${key}: ${tag}`);
    }
    expect(outside.filter((o) => !o.endsWith(': body'))).toEqual([]);
    expect(outside.length).toBeLessThan(10);
    const styles = await inReader<{ focus: string; pressed: string; pressedFocus: string }>(page, `function () {
      const b = this.querySelector('.vr-toolbar button[aria-pressed]');
      if (!b) return { focus: 'none', pressed: 'none', pressedFocus: 'none' };
      const look = () => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.borderColor].join(' | '); };
      b.setAttribute('aria-pressed', 'false'); b.blur();
      const plain = look();
      b.setAttribute('aria-pressed', 'true');
      const pressed = look();
      b.setAttribute('aria-pressed', 'false');
      return { plain, focus: plain, pressed, pressedFocus: pressed };
    }`);
    expect(styles.pressed).not.toBe('none');
    // Keyboard focus: a real Tab onto a toolbar toggle gives an outline, which pressed alone never has.
    const ring = await inReader<string>(page, `function () {
      const a = this.activeElement;
      return a ? getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth : 'no focus';
    }`);
    expect(ring).toMatch(/^solid 2px/);
    expect(styles.pressed).not.toMatch(/^solid 2px/);
    await page.close();
  });
});
