// The screenshots `npm start -- --screenshot DIR` writes, one function so the UI issues can
// add their views here.
import { join } from 'node:path';

export async function takeScreenshots({ context, worker, extId, page, dir }) {
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(dir, 'page.png') });
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="article"], [data-testid="not-article"]');
  await popup.screenshot({ path: join(dir, 'popup.png') });
  await popup.close();
}
