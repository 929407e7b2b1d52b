import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describeBrowser, launchChromium, WEB_DIST } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const COMPLAINT = '@lumio my internet has been down since this morning, this is terrible';
const REPLY = 'So sorry about this! Our team is on it, we will DM you an update.';

describeBrowser('agent journey in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({
      env: { SCHEDULER_ENABLED: 'true', SCHEDULER_TICK_MS: '300', POLL_INTERVAL_SECONDS: '1', WEB_DIST_DIR: WEB_DIST },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in as the agent, sees the inbox fill, replies, and the platform receives the reply once', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await page.goto(t.url);
    await page.getByLabel(/e-?mail/i).fill('agent@example.com');
    await page.getByLabel(/password/i).first().fill('ecoute-demo');
    await page.getByRole('button', { name: /sign in/i }).click();

    // a complaint is published on the platform after the agent has signed in: the inbox fills by itself
    await page.waitForURL(/\/inbox/, { timeout: 15_000 });
    await t.simPost('/__sim/publish', { posts: [{ text: COMPLAINT, lang: 'en', username: 'julie_dupont' }] });
    const item = page.getByTestId('conversation-item').filter({ hasText: 'down since this morning' });
    await item.first().waitFor({ timeout: 30_000 });
    await item.first().click();

    const composer = page.getByLabel(/^reply$/i);
    await composer.fill(REPLY);
    await page.getByRole('button', { name: /^send$/i }).click();

    // the reply reaches the platform exactly once
    let received: Array<{ text: string }> = [];
    for (let i = 0; i < 60; i++) {
      received = (await t.simGet<{ items: Array<{ text: string }> }>('/__sim/replies')).items.filter((r) => r.text === REPLY);
      if (received.length > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(received).toHaveLength(1);
    await page.getByText(REPLY).first().waitFor();
    await page.locator('[data-testid="delivery-state"][data-state="sent"]').first().waitFor({ timeout: 15_000 });

    mkdirSync(join(__dirname, '../../tmp'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '../../tmp/e2e-inbox.png') });
    // the same reply is still there exactly once after the scheduler's later rounds
    await new Promise((r) => setTimeout(r, 1000));
    const after = (await t.simGet<{ items: Array<{ text: string }> }>('/__sim/replies')).items.filter((r) => r.text === REPLY);
    expect(after).toHaveLength(1);
  });
});
