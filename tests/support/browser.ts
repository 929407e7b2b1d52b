import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@ecoute/contracts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const WEB_DIST = join(__dirname, '../../dist/apps/web');

const haveChromium = existsSync(CHROMIUM);
const haveWeb = existsSync(join(WEB_DIST, 'index.html'));
if (!haveChromium || !haveWeb) {
  const why = !haveChromium ? `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` : `no web build in ${WEB_DIST} (npm run build)`;
  process.stderr.write(`\n\n!!! BROWSER TESTS SKIPPED: ${why} !!!\n\n`);
}

/** `describe` when Chromium and the web build are there; otherwise skipped, loudly (see above). */
export const describeBrowser = haveChromium && haveWeb ? describe : describe.skip;

/** Debian's headless Chromium, driven by playwright-core (DESIGN §6). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Signs in on the login page as a demo user and waits for the inbox. */
export async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password/i).first().fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/inbox/, { timeout: 15_000 });
}
