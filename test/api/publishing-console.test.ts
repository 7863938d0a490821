/** The 发布监控 page in Chromium: tabs with counts, a failed post's attempt history, one-click retry, a hand-off confirmed by link. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../helpers/browser.js';
import { PASSWORD } from '../helpers/runtime.js';
import { createFixture, publishCounts, type Fixture } from '../reliability/fixture.js';

describe.runIf(browserAvailable)('the publishing monitor in Chromium', () => {
  let fx: Fixture;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    expect(existsSync(join(WEB_DIST, 'index.html')), 'web/dist is built (npm run build:web)').toBe(true);
    fx = await createFixture({ backend: 'pglite' });
    await fx.rt.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(fx.rt.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  it('shows a failure with its attempts, retries it once, and confirms a hand-off by its link', async () => {
    const account = await fx.account();
    const xhs = await fx.account({ platform: 'xiaohongshu' });
    fx.sb.faults.add({ kind: 'server_error', endpoint: 'posts.create', times: 50 });
    const [failing] = await fx.schedule([{ accountId: account, dueAt: new Date(Date.now() + 300), payload: { title: '双11预告', text: '星河咖啡双11预告：全场第二杯半价', media: [] } }]);
    const [handoff] = await fx.schedule([{ accountId: xhs, platform: 'xiaohongshu', dueAt: new Date(Date.now() + 300), payload: { title: '樱花拿铁', text: '春天的第一杯', media: [{ id: 'm1', kind: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' }] } }]);
    await fx.waitForStates([failing!.variantId], (s) => s === 'failed');
    await fx.waitForStates([handoff!.variantId], (s) => s === 'handoff');
    fx.sb.faults.clear();
    const ids = await fx.states();
    const failedId = ids.get(failing!.variantId)!.id;
    const handoffId = ids.get(handoff!.variantId)!.id;

    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, timezoneId: 'Europe/Berlin' });
    await page.goto(`${base}/`);
    await page.getByTestId('login-email').fill(fx.email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('layout-menu').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('layout-menu').innerText()).toContain('发布监控');

    await page.goto(`${base}/publishing/monitor?tab=failed`);
    await page.getByTestId(`publication-${failedId}`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('zones').innerText()).toContain('Europe/Berlin');
    await page.getByTestId(`open-${failedId}`).click();
    await page.getByTestId('attempt-drawer').waitFor({ timeout: 10_000 });
    await expect.poll(async () => page.getByTestId('attempt-row').count(), { timeout: 10_000 }).toBe(fx.rt.services.publishing.options.retry.maxAttempts);
    expect(await page.locator('.ant-drawer').innerText()).toContain('可重试错误');
    await page.waitForTimeout(500); // let the drawer finish sliding in
    await page.screenshot({ path: join(ARTIFACTS, 'publishing-monitor-failed.png') });
    await page.keyboard.press('Escape');

    await page.getByTestId(`retry-${failedId}`).click();
    await fx.waitForStates([failing!.variantId], (s) => s === 'published');
    expect(publishCounts(fx.sb, [failedId])).toEqual([1]);

    await page.getByTestId('tab-handoff').click();
    await page.getByTestId(`confirm-${handoffId}`).click();
    await page.getByTestId('confirm-url').fill('https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await fx.waitForStates([handoff!.variantId], (s) => s === 'published');
    await page.close();
  }, 90_000);
});
