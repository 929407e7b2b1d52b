import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { MentionDto, Page as ApiPage } from '@ecoute/contracts';
import { describeBrowser, launchChromium, signIn, WEB_DIST } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const SHOTS = join(__dirname, '../../tmp');
const COMPLAINT = 'Lumio my router is terrible and the support is useless, still no refund';
// "wicked" is negative in the built-in lexicon; skaters mean great
const SLANG = 'The new Lumio skate deck is wicked';

describeBrowser('understanding mentions in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({
      platforms: ['x'],
      env: { SCHEDULER_ENABLED: 'true', SCHEDULER_TICK_MS: '300', POLL_INTERVAL_SECONDS: '1', WEB_DIST_DIR: WEB_DIST },
    });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    await t.simPost('/__sim/publish', {
      posts: [
        { platform: 'x', text: COMPLAINT, lang: 'en' },
        { platform: 'x', text: SLANG, lang: 'en' },
      ],
    });
    // wait until both are stored
    const token = await t.login('agent@example.com');
    for (let i = 0; i < 100; i++) {
      const r = await t.api<ApiPage<MentionDto>>('/api/mentions?limit=200', { token });
      if ([COMPLAINT, SLANG].every((text) => r.body.items.some((m) => m.text === text))) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the posts were not ingested');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows why a mention got its sentiment, lets an agent correct it, and an admin turn the correction into a lexicon word', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    await signIn(page, t.url, 'agent@example.com');
    await page.goto(`${t.url}/listening/mentions`);

    // the explanation: the words that drove the score, highlighted in the text by polarity, with the confidence
    const complaint = page.getByTestId('mention-card').filter({ hasText: COMPLAINT });
    await complaint.waitFor({ timeout: 15_000 });
    expect(await complaint.getAttribute('data-sentiment')).toBe('negative');
    const negative = complaint.locator('[data-testid="evidence-mark"][data-polarity="negative"]');
    await negative.first().waitFor();
    const marked = (await negative.allTextContents()).map((x) => x.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['terrible']));
    await complaint.getByTestId('sentiment-confidence').waitFor();
    expect(await complaint.getByTestId('sentiment-confidence').textContent()).toMatch(/\d+\s?% confident/);
    expect(await complaint.getByTestId('mention-intents').textContent()).toMatch(/Complaint/);
    await complaint.screenshot({ path: join(SHOTS, 'e2e-understanding-explanation.png') });

    // the agent corrects the skate post's sentiment, with the keyboard
    const slang = page.getByTestId('mention-card').filter({ hasText: SLANG });
    expect(await slang.getAttribute('data-sentiment')).toBe('negative');
    const target = 'Positive';
    await slang.getByTestId('correct-mention').click();
    const form = page.getByTestId('correct-mention-form');
    await form.waitFor();
    await form.getByRole('radio', { name: target, exact: true }).check();
    await form.getByLabel('Note').fill('skaters say wicked for great');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await form.waitFor({ state: 'detached' });
    await slang.getByTestId('corrected-mark').first().waitFor({ timeout: 10_000 });
    expect(await slang.getAttribute('data-sentiment')).toBe(target.toLowerCase());

    // an admin reviews it and feeds "wicked" into the lexicon from the suggestions
    const admin = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'en-US' });
    await signIn(admin, t.url, 'admin@example.com');
    await admin.goto(`${t.url}/listening/understanding`);
    const correction = admin.getByTestId('correction').filter({ hasText: SLANG });
    await correction.waitFor({ timeout: 15_000 });
    await correction.getByTestId('suggested-term').filter({ hasText: 'wicked' }).first().click();
    await correction.getByTestId('accept-correction').click();
    const row = admin.locator('[data-testid="lexicon-row"][data-term="wicked"]');
    await row.waitFor({ timeout: 10_000 });

    // the word now scores any text: try it
    await admin.getByTestId('analyze-textbox').fill('that ramp was wicked');
    await admin.getByRole('button', { name: 'Analyze' }).click();
    const result = admin.getByTestId('analyze-result');
    await result.waitFor({ timeout: 10_000 });
    await result.locator(`[data-sentiment="${target.toLowerCase()}"]`).first().waitFor();
    await admin.screenshot({ path: join(SHOTS, 'e2e-understanding-tuning.png'), fullPage: true });

    // and in French
    await admin.getByText('FR', { exact: true }).click();
    await admin.getByRole('heading', { name: 'Réglage du sentiment' }).waitFor();
  });
});
