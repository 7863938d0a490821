import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { startSandboxServer, type SandboxServer } from '../../src/modules/platforms/sandbox/server.js';
import type { Actor } from '../../src/modules/team/service.js';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../helpers/browser.js';
import { PASSWORD, createTestRuntime, type TestRuntime } from '../helpers/runtime.js';

/** Words of the server's vocabulary that must never be printed on these pages (the `chorus sandbox` command may be). */
const RAW_KEYS = [/(?<!chorus )\bsandbox\b/, /\bofficial\b/, /\bpending\b/, /\bapproved\b/, /\bcompliance\b/, /\bowner\b/, /\b(accounts|labels|accountsManage)\.[a-z]/];

describe.runIf(browserAvailable)('accounts in Chromium: register and file, approve, connect, grant, naming policy', () => {
  let rt: TestRuntime;
  let sb: SandboxServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  let owner: Actor;
  const email = 'accounts-owner@example.cn';

  const pick = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.keyboard.type(option);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };
  const noRawKeys = async (what: string) => {
    const text = await page.locator('main, .ant-drawer-content, .ant-modal-content').allInnerTexts();
    for (const key of RAW_KEYS) expect(text.join('\n'), `${what} shows ${key}`).not.toMatch(key);
  };

  beforeAll(async () => {
    expect(existsSync(join(WEB_DIST, 'index.html')), 'web/dist is built (npm run build:web)').toBe(true);
    rt = await createTestRuntime();
    sb = await startSandboxServer({ port: 0, host: '127.0.0.1', seed: 'console-accounts' });
    const { userId, workspaceId } = await rt.services.team.adminCreate({ email, password: PASSWORD, name: '周主管', workspaceName: '星河咖啡' });
    owner = { userId, workspaceId, role: 'owner', via: 'session' };
    await rt.services.team.inviteMember(owner, { email: 'writer@example.cn', name: '王文案', role: 'creator' });
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await page.goto(`${base}/login?redirect=${encodeURIComponent('/accounts/settings')}`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.close();
    await sb?.close();
  });

  it('sets the naming policy and makes the owner the filing approver on the settings page', async () => {
    const form = page.getByTestId('account-settings-form');
    await form.waitFor({ timeout: 20_000 });
    const naming = page.getByTestId('naming-policy');
    await naming.locator('.ant-select').first().click();
    await page.keyboard.type('星河咖啡');
    await page.keyboard.press('Enter');
    // Approvers: remove the defaults, choose 所有者.
    const approvers = form.locator('.ant-select').first();
    while (await approvers.locator('.ant-select-selection-item-remove').count()) await approvers.locator('.ant-select-selection-item-remove').first().click();
    await approvers.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '所有者' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('account-settings-save').click();
    await expect.poll(async () => (await rt.services.accounts.getSettings(owner)).settings, { timeout: 10_000 })
      .toMatchObject({ approverRoles: ['owner'], naming: { prefixes: ['星河咖啡'] } });
    await noRawKeys('account settings');
  });

  it('registers a sandbox account with its filing; a name outside the policy is refused', async () => {
    await page.goto(`${base}/accounts/matrix`);
    const table = page.getByTestId('accounts-matrix-table');
    await table.waitFor({ timeout: 15_000 });
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain('登记账号');
    await page.getByTestId('account-register').click();
    await pick('register-platform', '沙盒平台');
    await page.getByTestId('register-name').fill('咖啡新品号');
    await page.getByTestId('register-handle').fill('xinghe_new');
    await page.getByTestId('register-function').fill('新品发布与活动');
    await page.getByTestId('register-base-url').fill(sb.url);
    await page.getByTestId('register-purpose').fill('新品上市宣传');
    await noRawKeys('register form');
    await page.getByTestId('register-submit').click();
    // The server refuses the name and the form says so beside the field.
    await expect.poll(() => page.getByTestId('register-form').locator('.ant-form-item-explain-error').count(), { timeout: 10_000 }).toBe(1);
    expect((await rt.services.accounts.list(owner, {})).items).toHaveLength(0);

    await page.getByTestId('register-name').fill('星河咖啡新品号');
    await page.getByTestId('register-submit').click();
    const filings = page.getByTestId('accounts-filings-table');
    await filings.waitFor({ timeout: 15_000 });
    await expect.poll(() => filings.innerText(), { timeout: 10_000 }).toContain('星河咖啡新品号');
    await noRawKeys('filings');
  });

  it('approves the filing, which activates the account', async () => {
    await page.getByTestId('filing-approve-星河咖啡新品号').click();
    await expect.poll(() => page.getByTestId('filing-status').first().innerText(), { timeout: 10_000 }).toBe('已通过');
    const [account] = (await rt.services.accounts.list(owner, {})).items;
    expect(account?.status).toBe('active');
  });

  it('connects the account with the token the sandbox issued, then grants a writer drafting', async () => {
    const remote = await (await fetch(`${sb.url}/_sandbox/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '星河咖啡新品号', followers: 1000 }) })).json() as { id: string };
    const token = await (await fetch(`${sb.url}/_sandbox/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account_id: remote.id }) })).json() as { access_token: string };

    await page.goto(`${base}/accounts/matrix`);
    await page.getByTestId('account-row-xinghe_new').click();
    await page.getByTestId('tab-connect').click();
    await page.getByTestId('connect-token').fill(token.access_token);
    await page.getByTestId('connect-token-save').click();
    await page.getByTestId('connect-connected').waitFor({ timeout: 10_000 });
    const [account] = (await rt.services.accounts.list(owner, {})).items;
    expect(account?.connection.connected).toBe(true);
    expect(await page.content()).not.toContain(token.access_token);

    await page.getByTestId('tab-grants').click();
    await pick('grant-member', '王文案');
    await page.getByTestId('grant-add').click();
    await expect.poll(() => page.getByTestId('grants-table').innerText(), { timeout: 10_000 }).toContain('王文案');
    const grants = await rt.services.accounts.listGrants(owner, account!.id);
    expect(grants.items.map((g) => g.actions)).toEqual([['draft']]);
    await noRawKeys('account drawer');
    await page.screenshot({ path: join(ARTIFACTS, 'console-accounts-drawer.png') });
  });
});
