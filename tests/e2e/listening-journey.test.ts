import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, launchChromium, signIn, WEB_DIST } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const SHOTS = join(__dirname, '../../tmp');
const PLATFORMS = ['x', 'mastodon', 'reddit', 'hackernews', 'bluesky'] as const;
const LABELS = { x: 'X', mastodon: 'Mastodon', reddit: 'Reddit', hackernews: 'Hacker News', bluesky: 'Bluesky' };

describeBrowser('listening in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({
      env: { SCHEDULER_ENABLED: 'true', SCHEDULER_TICK_MS: '300', POLL_INTERVAL_SECONDS: '1', WEB_DIST_DIR: WEB_DIST },
    });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates a query, previews it on five platforms, and sees its mentions arrive with the terms highlighted', async () => {
    // posts about a product nobody listens to yet, one per platform, one of them excluded by the query
    await t.simPost('/__sim/publish', {
      posts: [
        ...PLATFORMS.map((platform) => ({ platform, text: `The Vireo router keeps dropping wifi every evening (${platform})`, lang: 'en' })),
        { platform: 'hackernews', text: 'Vireo router giveaway: comment to win', lang: 'en' },
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await signIn(page, t.url, 'lead@example.com');
    await page.goto(`${t.url}/listening`);
    await page.getByRole('link', { name: /new query/i }).click();

    const editor = page.getByTestId('query-editor');
    await editor.getByLabel('Name', { exact: true }).fill('Vireo router');
    await editor.getByRole('radio', { name: 'Competitor' }).check();
    await editor.getByLabel('Include terms').fill('Vireo');
    await editor.getByLabel('Include terms').press('Enter');
    await editor.getByLabel('Exclude terms').fill('giveaway');
    await editor.getByLabel('Exclude terms').press('Enter');
    for (const p of PLATFORMS) {
      const box = editor.getByRole('checkbox', { name: LABELS[p], exact: true });
      if (!(await box.isChecked())) await box.check();
    }
    // the compiled form per platform, live
    await page.locator('[data-testid="compiled-x"][data-state="ok"]').waitFor({ timeout: 15_000 });
    await expectText(page, 'compiled-x', 'Vireo -giveaway -is:retweet');

    // preview: what would match, on each platform, storing nothing
    await editor.getByRole('button', { name: 'Preview' }).click();
    for (const p of PLATFORMS) {
      const result = page.locator(`[data-testid="preview-result-${p}"][data-state="ok"]`);
      await result.waitFor({ timeout: 20_000 });
      await result.getByText(`(${p})`, { exact: false }).first().waitFor();
    }
    await page.locator('[data-testid="preview-mention"][data-filtered-out="true"]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'e2e-listening-editor.png') });
    expect(await t.api<{ items: unknown[] }>('/api/mentions?limit=200', { token: await t.login('lead@example.com') }).then((r) => r.body.items.some((m) => JSON.stringify(m).includes('Vireo')))).toBe(false);

    await editor.getByRole('button', { name: 'Save' }).click();
    const row = page.getByTestId('query-row').filter({ hasText: 'Vireo router' });
    await row.waitFor({ timeout: 15_000 });

    // its mentions arrive by themselves (the look-back of the new sources), the excluded one never
    await row.getByRole('link', { name: /view mentions of vireo router/i }).click();
    await page.waitForURL(/\/listening\/mentions/);
    for (const p of PLATFORMS) {
      await page.getByTestId('mention-card').filter({ hasText: `(${p})` }).first().waitFor({ timeout: 45_000 });
    }
    expect(await page.getByTestId('mention-card').filter({ hasText: 'giveaway' }).count()).toBe(0);
    // each card names the query it matched and highlights the term in the text
    const cards = page.getByTestId('mention-card').filter({ hasText: 'dropping wifi' });
    expect(await cards.count()).toBe(5);
    expect((await cards.getByTestId('mention-match').allTextContents()).every((q) => q === 'Vireo router')).toBe(true);
    expect((await cards.locator('mark').allTextContents()).filter((h) => h === 'Vireo')).toHaveLength(5);
    await page.screenshot({ path: join(SHOTS, 'e2e-listening-mentions.png') });

    // the sources page shows the five new sources, healthy
    await page.goto(`${t.url}/listening/sources`);
    const sources = page.getByTestId('source-row').filter({ hasText: 'Vireo router' });
    await sources.first().waitFor({ timeout: 15_000 });
    expect(await sources.count()).toBe(5);
    expect(await page.locator('[data-testid="source-row"][data-state="active"]').filter({ hasText: 'Vireo router' }).count()).toBe(5);
    await page.screenshot({ path: join(SHOTS, 'e2e-listening-sources.png'), fullPage: true });
  });
});

async function expectText(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
}
