import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import type { Actor } from '../../src/modules/team/service.js';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../helpers/browser.js';
import { PASSWORD, createTestRuntime, type TestRuntime } from '../helpers/runtime.js';

describe.runIf(browserAvailable)('the content calendar in Chromium', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  let owner: Actor;
  const email = 'planner@example.cn';
  // Two days from today and two days later, in the workspace's zone: both inside the month grid shown first.
  const today = DateTime.now().setZone('Asia/Shanghai').startOf('day');
  const from = today.plus({ days: 2 });
  const to = today.plus({ days: 4 });

  beforeAll(async () => {
    expect(existsSync(join(WEB_DIST, 'index.html')), 'web/dist is built (npm run build:web)').toBe(true);
    rt = await createTestRuntime();
    const { userId, workspaceId } = await rt.services.team.adminCreate({ email, password: PASSWORD, name: '陈策划', workspaceName: '星河咖啡' });
    owner = { userId, workspaceId, role: 'owner', via: 'session' };
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.close();
  });

  it('drags an item to another day and the item is rescheduled', async () => {
    const created = await rt.services.content.create(owner, {
      plannedAt: from.set({ hour: 12 }).toUTC().toISO()!, platforms: ['weibo', 'douyin'], topic: '双11 拖动测试', themeClass: 'product',
      master: { text: '双11 你准备好了吗？\n#星河咖啡# 冬季限定今晚开售\n评论区聊聊' },
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await page.goto(`${base}/login?redirect=${encodeURIComponent('/content/calendar')}`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('content-calendar').waitFor({ timeout: 20_000 });

    const event = page.locator('.fc-event', { hasText: '双11 拖动测试' }).first();
    await event.waitFor({ timeout: 15_000 });
    const target = page.locator(`td.fc-daygrid-day[data-date="${to.toISODate()}"]`);
    await target.scrollIntoViewIfNeeded();
    const a = (await event.boundingBox())!;
    const b = (await target.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(a.x + a.width / 2 + ((b.x + b.width / 2 - a.x - a.width / 2) * i) / 12, a.y + a.height / 2 + ((b.y + b.height / 2 - a.y - a.height / 2) * i) / 12);
    await page.mouse.up();

    await expect.poll(async () => (await rt.services.content.get(owner, created.item.id)).item.date, { timeout: 10_000 }).toBe(to.toISODate());
    const moved = await rt.services.content.get(owner, created.item.id);
    expect(moved.item.time).toBe('12:00');
    await expect.poll(() => target.innerText(), { timeout: 10_000 }).toContain('双11 拖动测试');
    await page.screenshot({ path: join(ARTIFACTS, 'content-calendar-drag.png'), fullPage: true });

    // The editor shows the adapted phone previews per platform and the copy checklist.
    await page.locator('.fc-event', { hasText: '双11 拖动测试' }).first().click();
    await page.getByTestId('preview-weibo').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('preview-weibo').innerText()).toContain('#星河咖啡#');
    expect(await page.getByTestId('preview-douyin').innerText()).toContain('#星河咖啡 ');
    await page.screenshot({ path: join(ARTIFACTS, 'content-editor-preview.png') });
    await page.close();
  });
});
