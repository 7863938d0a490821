/**
 * The analytics console in Chromium: import a sample file through the import page, open the
 * dashboard (charts render), open the weekly report, edit it and download the XLSX.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../helpers/browser.js';
import { PASSWORD, createTestRuntime, type TestRuntime } from '../helpers/runtime.js';

const fixture = (name: string) => new URL(`../fixtures/analytics/${name}`, import.meta.url).pathname;

describe.runIf(browserAvailable)('analytics in the console (Chromium)', () => {
  let rt: TestRuntime;
  let browser: Browser;
  let base: string;
  let workspaceId: string;
  const email = 'e2e-analyst@example.cn';

  beforeAll(async () => {
    expect(existsSync(join(WEB_DIST, 'index.html')), 'web/dist is built (npx vite build --config web/vite.config.ts)').toBe(true);
    rt = await createTestRuntime();
    ({ workspaceId } = await rt.services.team.adminCreate({ email, password: PASSWORD, name: '王分析', workspaceName: '星河咖啡' }));
    await rt.services.analytics.importMetrics({ workspaceId, userId: null }, { data: readFileSync(fixture('accounts-sample.csv')), filename: 'accounts-sample.csv' });
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.close();
  });

  it('imports a file, shows the dashboard’s charts and downloads the edited weekly report', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('layout-menu').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('layout-menu').innerText()).toContain('数据看板');

    // Import: upload, preview with the guessed mapping, no problems, import, summary.
    await page.goto(`${base}/analytics/import`);
    await page.locator('input[type=file]').setInputFiles(fixture('posts-sample.csv'));
    await page.getByTestId('import-mapping').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('import-mapping').innerText()).toContain('exposure');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('import-summary').innerText()).toContain('2026-11-12');
    await page.screenshot({ path: join(ARTIFACTS, 'analytics-import.png'), fullPage: true });

    // Dashboard: every chart draws on a canvas.
    await page.goto(`${base}/analytics/dashboard?from=2026-11-16&to=2026-11-22`);
    for (const id of ['analytics-trend', 'analytics-breakdown', 'analytics-heatmap', 'analytics-themes']) {
      await page.getByTestId(id).locator('canvas').first().waitFor({ timeout: 15_000 });
    }
    await expect.poll(() => page.getByTestId('analytics-posts').innerText(), { timeout: 10_000 }).toContain('行业避坑指南');
    await page.waitForTimeout(800); // let the charts finish their entry animation
    await page.screenshot({ path: join(ARTIFACTS, 'analytics-dashboard.png'), fullPage: true });

    // Weekly report: the table, the editable review, the XLSX download.
    await page.goto(`${base}/analytics/reports?week=2026-W47`);
    const table = page.getByTestId('weekly-table');
    await expect.poll(() => table.innerText(), { timeout: 15_000 }).toContain('小红书');
    const overview = page.getByTestId('review-section-overview');
    await overview.waitFor({ timeout: 15_000 });
    await overview.fill('本周整体表现平稳（已由运营负责人修改）');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.getByTestId('report-download-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^weekly-report-2026-11-16\.xlsx$/);
    const file = join(ARTIFACTS, 'analytics-weekly-report.xlsx');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => { cells.push(String(c.value ?? '')); })));
    expect(cells.join('\n')).toContain('已由运营负责人修改');
    await page.screenshot({ path: join(ARTIFACTS, 'analytics-weekly-report.png'), fullPage: true });
    await page.close();
  });
});
