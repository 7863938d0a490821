import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../helpers/browser.js';
import { PASSWORD, createTestRuntime, type TestRuntime } from '../helpers/runtime.js';

describe.runIf(browserAvailable)('the console in Chromium', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  const email = 'e2e-owner@example.cn';

  beforeAll(async () => {
    expect(existsSync(join(WEB_DIST, 'index.html')), 'web/dist is built (npm run build:web)').toBe(true);
    rt = await createTestRuntime();
    const { userId, workspaceId } = await rt.services.team.adminCreate({ email, password: PASSWORD, name: '张经理', workspaceName: '星河咖啡' });
    await rt.services.team.inviteMember({ userId, workspaceId, role: 'owner', via: 'session' }, { email: 'colleague@example.cn', name: '李同事', role: 'creator' });
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.close();
  });

  it('signs in, shows the frame in Chinese, switches to English (remembered), and opens members', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 820 } });
    await page.goto(`${base}/`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').isVisible(), { timeout: 10_000 }).toBe(true);

    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const menu = page.getByTestId('layout-menu');
    await menu.waitFor({ timeout: 15_000 });
    expect(await menu.innerText()).toContain('工作台');
    await page.screenshot({ path: join(ARTIFACTS, 'console-zh.png') });

    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-en-US').click();
    await expect.poll(() => menu.innerText(), { timeout: 10_000 }).toContain('Dashboard');
    await page.reload();
    await page.getByTestId('layout-menu').waitFor();
    await expect.poll(() => page.getByTestId('layout-menu').innerText(), { timeout: 10_000 }).toContain('Dashboard');

    await page.goto(`${base}/settings/members`);
    const table = page.getByTestId('members-table');
    await table.waitFor({ timeout: 15_000 });
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain('colleague@example.cn');
    expect(await table.innerText()).toContain(email);
    await page.screenshot({ path: join(ARTIFACTS, 'console-members-en.png'), fullPage: true });
    await page.close();
  });
});
