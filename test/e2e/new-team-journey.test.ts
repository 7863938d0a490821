import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { startSandboxServer, type SandboxServer } from '../../src/modules/platforms/sandbox/server.js';
import type { Actor } from '../../src/modules/team/service.js';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../helpers/browser.js';
import { PASSWORD, createTestRuntime, type TestRuntime } from '../helpers/runtime.js';

/**
 * Issue #13's "done when": a new team — the owner alone, default settings — goes from an empty
 * workspace to a published sandbox post using only the console, and never meets a raw key.
 * (The sandbox's access token is read from the sandbox, as a person reads what `chorus sandbox` prints.)
 */
const RAW = [
  /(?<!chorus )\bsandbox\b/, /\b(official|pending|approved|scheduled|published|in_review|draft|compliance|owner|leader|manager)\b/,
  /\b[a-z]+\.[a-z_]+\.[a-z_]+\b/, /\b(labels|accounts|content|review|todos|reviewPolicy|accountsManage|editorExtra)\.[a-z]/,
];

describe.runIf(browserAvailable)('a new team in Chromium: empty workspace to a published sandbox post', () => {
  let rt: TestRuntime;
  let sb: SandboxServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  let owner: Actor;
  const email = 'founder@example.cn';
  const tz = 'Asia/Shanghai';

  const pick = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    // Type into the select's own search box (focus may still sit in a date field filled before).
    await page.getByTestId(testId).locator('input').first().focus();
    await page.keyboard.type(option);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().waitFor();
    // Enter takes the highlighted (first matching) option; a blur closes the list (Escape would close the
    // drawer around it, and Tab would toggle a multiple select's option off again).
    await page.keyboard.press('Enter');
    await page.getByTestId(testId).locator('input').first().blur();
  };
  /** The visible text of the page (main area, drawers, modals) names things, never keys. */
  const noRawKeys = async (where: string) => {
    const text = (await page.locator('main, .ant-drawer-content, .ant-modal-content').allInnerTexts()).join('\n');
    for (const re of RAW) {
      const m = re.exec(text);
      expect(m ? `…${text.slice(Math.max(0, m.index - 30), m.index + 30)}…` : null, `${where}: ${re} in the page`).toBeNull();
    }
  };
  const itemOf = async () => {
    const [item] = (await rt.services.content.list(owner, {})).items;
    return item!;
  };

  beforeAll(async () => {
    expect(existsSync(join(WEB_DIST, 'index.html')), 'web/dist is built (npm run build:web)').toBe(true);
    process.env.CHORUS_PUBLISH_TIMINGS = 'fast';
    rt = await createTestRuntime({ worker: true });
    sb = await startSandboxServer({ port: 0, host: '127.0.0.1', seed: 'new-team' });
    const { userId, workspaceId } = await rt.services.team.adminCreate({ email, password: PASSWORD, name: '林创始', workspaceName: '星河咖啡' });
    owner = { userId, workspaceId, role: 'owner', via: 'session' };
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.close();
    await sb?.close();
  });

  it('signs in to a 工作台 whose to-dos say what to do next', async () => {
    await page.goto(`${base}/`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const todos = page.getByTestId('dashboard-todos');
    await todos.waitFor({ timeout: 20_000 });
    await expect.poll(() => todos.innerText(), { timeout: 15_000 }).toContain('登记账号');
    await noRawKeys('工作台');
  });

  it('registers the sandbox account, approves its filing alone and connects it', async () => {
    await page.goto(`${base}/accounts/matrix`);
    await page.getByTestId('account-register').click();
    await pick('register-platform', '沙盒平台');
    await page.getByTestId('register-name').fill('星河咖啡');
    await page.getByTestId('register-handle').fill('xinghe_coffee');
    await page.getByTestId('register-function').fill('品牌与新品发布');
    await page.getByTestId('register-base-url').fill(sb.url);
    await page.getByTestId('register-purpose').fill('官方品牌宣传');
    await noRawKeys('register form');
    await page.getByTestId('register-submit').click();

    await page.getByTestId('accounts-filings-table').waitFor({ timeout: 15_000 });
    await page.getByTestId('filing-approve-星河咖啡').click();
    await expect.poll(() => page.getByTestId('filing-status').first().innerText(), { timeout: 15_000 }).toBe('已通过');
    await noRawKeys('filings');

    const remote = await (await fetch(`${sb.url}/_sandbox/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '星河咖啡', followers: 5000 }) })).json() as { id: string };
    const token = await (await fetch(`${sb.url}/_sandbox/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account_id: remote.id }) })).json() as { access_token: string };
    await page.goto(`${base}/accounts/matrix`);
    await page.getByTestId('account-row-xinghe_coffee').click();
    await page.getByTestId('tab-connect').click();
    await page.getByTestId('connect-token').fill(token.access_token);
    await page.getByTestId('connect-token-save').click();
    await page.getByTestId('connect-connected').waitFor({ timeout: 15_000 });
    await noRawKeys('account drawer');
  });

  it('plans an item on the calendar and submits it; the owner approves every stage as 单人自审', async () => {
    await page.goto(`${base}/content/calendar`);
    await page.getByTestId('calendar-new').click();
    await page.getByTestId('editor-topic').fill('冬日桂花拿铁上新');
    const planned = DateTime.now().setZone(tz).plus({ hours: 2 }).startOf('minute');
    await page.locator('[data-testid="content-editor"] input[type="datetime-local"]').fill(planned.toFormat("yyyy-MM-dd'T'HH:mm"));
    await pick('editor-accounts', '星河咖啡');
    expect(await page.getByTestId('editor-accounts').innerText()).toContain('星河咖啡');
    await page.getByTestId('editor-text').fill('冬日桂花拿铁今天上架，桂花香气配燕麦奶，欢迎到店品尝。你最想和谁一起喝？');
    await page.getByTestId('editor-save').click();
    await expect.poll(async () => (await rt.services.content.list(owner, {})).items.length, { timeout: 15_000 }).toBe(1);
    await page.getByTestId('editor-submit').click();
    await expect.poll(async () => (await itemOf()).status === 'in_review' ? 'in_review' : (await page.locator('.ant-message-notice').allInnerTexts()).join(' '), { timeout: 15_000 }).toBe('in_review');
    await noRawKeys('editor');

    await page.goto(`${base}/review/queue`);
    const title = page.getByTestId('review-title');
    // One approval per stage; the owner decides each in turn while nobody else may (the queue empties at the end).
    for (let stage = 0; stage < 8 && (await rt.services.review.queue(owner)).items.length > 0; stage++) {
      await expect.poll(() => title.count(), { timeout: 15_000 }).toBe(1);
      expect(await title.innerText()).toBe('冬日桂花拿铁上新');
      expect(await page.getByTestId('review-self').count()).toBe(1);
      await noRawKeys('review queue');
      const before = JSON.stringify((await rt.services.review.queue(owner)).items.map((i) => i.variants.map((v) => v.stageKey)));
      await page.getByTestId(`review-approve-${(await itemOf()).id}`).click();
      await expect.poll(async () => {
        const now = (await rt.services.review.queue(owner)).items.map((i) => i.variants.map((v) => v.stageKey));
        return JSON.stringify(now) !== before;
      }, { timeout: 15_000 }).toBe(true);
    }
    // Every platform version is approved for its exact text (what scheduling needs).
    await expect.poll(async () => (await rt.services.content.get(owner, (await itemOf()).id)).variants.map((v) => v.review), { timeout: 60_000, interval: 500 })
      .toEqual(['approved']);
  }, 240_000);

  it('schedules the approved item and sees it published with its live link', async () => {
    const item = await itemOf();
    await page.goto(`${base}/content/calendar?item=${item.id}`);
    await page.getByTestId('editor-schedule').waitFor({ timeout: 15_000 });
    // A minute and a half from now, in the workspace's zone (the editor's time field is local wall time).
    const at = DateTime.now().setZone(tz).plus({ seconds: 90 }).startOf('minute').plus({ minutes: 1 });
    await page.locator('[data-testid="content-editor"] input[type="datetime-local"]').fill(at.toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByTestId('editor-schedule').click();
    await expect.poll(async () => (await itemOf()).status, { timeout: 15_000 }).toBe('scheduled');

    await expect.poll(async () => {
      const status = (await itemOf()).status;
      if (status === 'published') return status;
      const v = (await rt.services.content.get(owner, item.id)).variants[0];
      return `${status} (publication: ${v?.publish?.state ?? 'none'} ${v?.publish?.lastError ?? ''})`;
    }, { timeout: 240_000, interval: 2_000 }).toBe('published');
    await page.goto(`${base}/content/calendar?item=${item.id}`);
    const link = page.getByTestId('editor-live-link');
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toContain(sb.url);
    await noRawKeys('published editor');
    await page.screenshot({ path: join(ARTIFACTS, 'new-team-published.png') });
  }, 300_000);
});
