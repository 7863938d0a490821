import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { seedDemo } from '../../src/cli/demo.js';
import { startSandboxServer, type SandboxServer } from '../../src/modules/platforms/sandbox/server.js';
import type { Actor } from '../../src/modules/team/service.js';
import { ARTIFACTS, browserAvailable, launchBrowser } from '../helpers/browser.js';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime.js';

/** The 用户互动组's day in the inbox: open a conversation, take it, answer it (compliance first), close it. */
describe.runIf(browserAvailable)('inbox triage in Chromium', { timeout: 180_000 }, () => {
  let rt: TestRuntime;
  let sandbox: SandboxServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  const email = 'e2e-inbox@example.cn';
  let password = '';
  let workspaceId = '';
  let userId = '';

  beforeAll(async () => {
    expect(existsSync(join(WEB_DIST, 'index.html')), 'web/dist is built (npm run build:web)').toBe(true);
    rt = await createTestRuntime({ worker: true });
    sandbox = await startSandboxServer({ port: 0, host: '127.0.0.1', seed: 'inbox-triage' });
    await seedDemo(rt.services, sandbox);
    const [ws] = await rt.services.team.listAllWorkspaces();
    const { items: members } = await rt.services.team.listMembers({ workspaceId: ws!.id } as Actor);
    const admin = members.find((m) => m.role === 'owner')!;
    const owner: Actor = { userId: admin.userId, workspaceId: ws!.id, role: 'owner', via: 'session' };
    const invited = await rt.services.team.inviteMember(owner, { email, name: '林互动', role: 'community' });
    password = invited.temporaryPassword!;
    workspaceId = ws!.id;
    userId = invited.member.userId;
    await rt.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(rt.app.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.close();
    await sandbox?.close();
  });

  const conversation = async (id: string) => rt.services.inbox.get({ userId, workspaceId, role: 'community', via: 'session' } as Actor, id);

  it('opens, assigns, replies and resolves a conversation', async () => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-inbox.list').waitFor({ timeout: 20_000 });
    await page.getByTestId('menu-inbox.list').click();
    const table = page.getByTestId('inbox-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('inbox-summary').innerText(), { timeout: 30_000 }).toMatch(/待处理\s*\d+/);

    // only comments, open ones: the filter goes into the address
    await page.getByTestId('inbox-filter-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '评论' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('comment');
    await page.getByTestId('inbox-filter-status').click();
    await page.locator('.ant-select-item-option', { hasText: '待处理' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('open');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);

    // keyboard: j selects the first row, a assigns it to me, Enter opens it
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    const first = await table.locator('tbody tr.ant-table-row').first().getAttribute('data-conversation');
    expect(first).toBeTruthy();
    await page.keyboard.press('a');
    await expect.poll(async () => (await conversation(first!)).conversation.assigneeUserId, { timeout: 30_000 }).toBe(userId);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('conversation')).toBe(first);
    const detail = page.getByTestId('inbox-detail');
    await detail.getByTestId('detail-thread').waitFor({ timeout: 30_000 });
    expect(await detail.getByTestId('message-in').count()).toBeGreaterThan(0);

    // a reply that breaks the advertising law is stopped, with the finding shown
    await detail.getByTestId('reply-text').fill('我们的拿铁全网最低价');
    await detail.getByTestId('reply-send').click();
    await detail.getByTestId('reply-findings').waitFor({ timeout: 30_000 });
    expect(await detail.getByTestId('reply-findings').innerText()).toContain('全网最低价');
    expect((await conversation(first!)).messages.filter((m) => m.direction === 'out')).toHaveLength(0);

    // a proper reply goes out through the platform and shows as sent (live update)
    await detail.getByTestId('reply-text').fill('抱歉给您带来不便，已私信您处理，请留意～');
    await detail.getByTestId('reply-send').click();
    await detail.getByTestId('reply-sent').waitFor({ timeout: 30_000 });
    const after = await conversation(first!);
    const sent = after.messages.filter((m) => m.direction === 'out');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.platformMessageId).toBeTruthy();
    expect(after.conversation.firstResponseAt).not.toBeNull();
    await page.screenshot({ path: join(ARTIFACTS, 'inbox-triage-detail.png') });

    // resolve it
    await detail.getByTestId('detail-resolve').click();
    await expect.poll(() => detail.getByTestId('detail-status').innerText(), { timeout: 30_000 }).toContain('已解决');
    expect((await conversation(first!)).conversation.status).toBe('resolved');
  });

  it('bulk-resolves from the list and the summary follows from the server', async () => {
    await page.getByTestId('inbox-detail').locator('.ant-drawer-close').click();
    const table = page.getByTestId('inbox-table');
    // The conversation resolved above is still listed: pick two that are not resolved yet.
    const unresolved = table.locator('tbody tr.ant-table-row').filter({ hasNotText: '已解决' });
    await expect.poll(() => unresolved.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const before = await rt.services.inbox.summary({ userId, workspaceId, role: 'community', via: 'session' } as Actor);
    await unresolved.nth(0).locator('.ant-checkbox-input').check();
    const second = table.locator('tbody tr.ant-table-row').filter({ hasNotText: '已解决' }).filter({ has: page.locator('.ant-checkbox-input:not(:checked)') });
    await second.nth(0).locator('.ant-checkbox-input').check();
    await page.getByTestId('bulk-resolve').click();
    await expect.poll(async () => (await rt.services.inbox.summary({ userId, workspaceId, role: 'community', via: 'session' } as Actor)).byStatus.resolved, { timeout: 30_000 })
      .toBe(before.byStatus.resolved + 2);
    await expect.poll(() => page.getByTestId('inbox-sum-resolved').innerText(), { timeout: 30_000 }).toContain(String(before.byStatus.resolved + 2));
    await page.screenshot({ path: join(ARTIFACTS, 'inbox-triage-list.png') });
  });
});
