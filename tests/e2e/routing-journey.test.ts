import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type {
  DryRunRoutingRuleResult,
  MentionDto,
  Page as ApiPage,
  RoutingRuleDto,
  TeamDto,
} from '@ecoute/contracts';
import { describeBrowser, launchChromium, signIn, WEB_DIST } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const SHOTS = join(__dirname, '../../tmp');
const COMPLAINTS = [
  'Still waiting for my refund from @lumio, billed twice this month',
  '@lumio charged me twice again, still waiting for the refund, this is terrible',
  '@lumio my bill doubled and nobody answers, still waiting for a refund',
];
const RULE = {
  conditions: { platforms: ['x'], intents: ['complaint'] },
  actions: { openConversation: true, priority: 'urgent', tags: ['billing'] },
} as const;

describeBrowser('routing settings in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let lead: string;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        SCHEDULER_ENABLED: 'true',
        SCHEDULER_TICK_MS: '300',
        POLL_INTERVAL_SECONDS: '1',
        WEB_DIST_DIR: WEB_DIST,
      },
    });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    lead = await t.login('lead@example.com');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const ruleNames = (page: Page) => page.getByTestId('rule-name').allTextContents();

  it('a lead creates a rule, dry-runs it, moves it up and creates a team; an agent sees it all read-only', async () => {
    // complaints on X for the dry run to catch, ingested by the scheduler
    await t.simPost('/__sim/publish', {
      posts: COMPLAINTS.map((text, i) => ({ platform: 'x', text, lang: 'en', username: `billing_${i}` })),
    });
    await waitFor(async () => {
      const page = await t.api<ApiPage<MentionDto>>('/api/mentions?limit=200', { token: lead });
      const ours = page.body.items.filter((m) => COMPLAINTS.includes(m.text));
      return ours.length === COMPLAINTS.length && ours.every((m) => m.intents.includes('complaint'));
    }, 45_000);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await signIn(page, t.url, 'lead@example.com');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Routing' })
      .click();
    await page.waitForURL(/\/inbox\/routing$/);
    await page.getByTestId('rule-row').first().waitFor();
    expect(await ruleNames(page)).toEqual(['Ignore spam', 'Complaints and negative mentions', 'Questions']);
    await page.getByTestId('routing-semantics').getByText('the highest priority wins').waitFor();

    // a new rule: X complaints → open, urgent, tagged "billing"
    await page.getByRole('link', { name: 'New rule' }).click();
    const editor = page.getByTestId('rule-editor');
    await editor.waitFor();
    await editor.getByLabel('Name', { exact: true }).fill('Billing complaints');
    await editor.getByRole('checkbox', { name: 'X', exact: true }).check();
    await editor.getByRole('checkbox', { name: 'Complaint', exact: true }).check();
    expect(await editor.getByRole('switch', { name: /^Open a conversation/ }).isChecked()).toBe(true);
    await editor.getByLabel('Priority', { exact: true }).selectOption('urgent');
    await editor.getByLabel('Tags', { exact: true }).fill('billing');
    await editor.getByLabel('Tags', { exact: true }).press('Enter');

    // the dry run: the counts the API gives for the same rule
    await editor.getByRole('button', { name: 'Dry run' }).click();
    const results = page.getByTestId('dry-run-results');
    await results.waitFor({ timeout: 20_000 });
    const shown = {
      replayed: Number(await results.getByTestId('dry-run-replayed').getAttribute('data-value')),
      caught: Number(await results.getByTestId('dry-run-caught').getAttribute('data-value')),
      wouldOpen: Number(await results.getByTestId('dry-run-would-open').getAttribute('data-value')),
      wouldIgnore: Number(await results.getByTestId('dry-run-would-ignore').getAttribute('data-value')),
    };
    const expected = await t.api<DryRunRoutingRuleResult>('/api/routing-rules/dry-run', {
      method: 'POST',
      token: lead,
      body: { ...RULE, days: 7 },
    });
    expect(expected.status).toBe(200);
    expect(shown).toEqual({
      replayed: expected.body.replayed,
      caught: expected.body.caught,
      wouldOpen: expected.body.wouldOpen,
      wouldIgnore: 0,
    });
    expect(shown.caught).toBeGreaterThanOrEqual(COMPLAINTS.length);
    expect(await results.getByTestId('dry-run-example').count()).toBe(Math.min(20, shown.caught));
    await results.getByText(COMPLAINTS[0]).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'e2e-routing-dry-run.png') });

    await editor.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/inbox\/routing$/);
    await page.getByTestId('rule-name').filter({ hasText: 'Billing complaints' }).waitFor();
    expect(await ruleNames(page)).toEqual([
      'Ignore spam',
      'Complaints and negative mentions',
      'Questions',
      'Billing complaints',
    ]);
    const saved = (await t.api<RoutingRuleDto[]>('/api/routing-rules', { token: lead })).body.at(-1);
    expect(saved).toMatchObject({ name: 'Billing complaints', enabled: true, ...RULE });

    // moved up with the keyboard: the focus stays on the button
    const billing = ruleRow(page, 'Billing complaints');
    const moveUp = billing.getByRole('button', { name: 'Move up: Billing complaints' });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await ruleNames(page))[2] === 'Billing complaints', 10_000);
    expect(await ruleNames(page)).toEqual([
      'Ignore spam',
      'Complaints and negative mentions',
      'Billing complaints',
      'Questions',
    ]);
    await waitFor(
      async () =>
        (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ===
        'Move up: Billing complaints',
      5_000,
    );
    expect(
      (await t.api<RoutingRuleDto[]>('/api/routing-rules', { token: lead })).body.map((r) => r.name),
    ).toEqual(['Ignore spam', 'Complaints and negative mentions', 'Billing complaints', 'Questions']);

    // a team of two
    await page.getByRole('link', { name: 'New team' }).click();
    const teamEditor = page.getByTestId('team-editor');
    await teamEditor.waitFor();
    await teamEditor.getByLabel('Name', { exact: true }).fill('Billing');
    await teamEditor.getByRole('checkbox', { name: /Léa Lead/ }).check();
    await teamEditor.getByRole('checkbox', { name: /Sam Agent/ }).check();
    expect(await teamEditor.getByRole('checkbox', { name: /Ana Analyst/ }).count()).toBe(0);
    await teamEditor.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/inbox\/routing$/);
    const card = page.getByTestId('team-card').filter({ hasText: 'Billing' });
    await card.waitFor();
    expect(await card.getByTestId('team-member').count()).toBe(2);
    const teams = (await t.api<TeamDto[]>('/api/teams', { token: lead })).body;
    expect(teams.map((x) => ({ name: x.name, members: x.members.map((m) => m.name) }))).toEqual([
      { name: 'Billing', members: ['Léa Lead', 'Sam Agent'] },
    ]);
    await page.getByText('Team “Billing” created.').waitFor();
    // the page as it stays: drawer closed, notifications gone, the Routing link current
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 15_000 });
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Routing' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBeNull();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SHOTS, 'e2e-routing.png'), fullPage: true });
    await page.close();

    // the agent sees the same, read-only
    const agent = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await signIn(agent, t.url, 'agent@example.com');
    await agent.goto(`${t.url}/inbox/routing`);
    await agent
      .getByTestId('read-only')
      .getByText('Your role (Agent) can see the routing but not change it.')
      .waitFor();
    await agent.getByTestId('rule-row').first().waitFor();
    expect(await ruleNames(agent)).toEqual([
      'Ignore spam',
      'Complaints and negative mentions',
      'Billing complaints',
      'Questions',
    ]);
    await agent.getByTestId('team-card').filter({ hasText: 'Billing' }).waitFor();
    await agent.getByTestId('member-row').first().waitFor();
    expect(await agent.getByRole('link', { name: 'New rule' }).count()).toBe(0);
    expect(await agent.getByRole('link', { name: 'New team' }).count()).toBe(0);
    expect(await agent.getByRole('button', { name: /^Move (up|down)/ }).count()).toBe(0);
    expect(await agent.getByRole('switch').count()).toBe(0);
    expect(await agent.getByTestId('member-capacity-input').count()).toBe(0);
    await agent.screenshot({ path: join(SHOTS, 'e2e-routing-agent.png'), fullPage: true });
    // the rule opens read-only, without a dry run or a save
    await ruleRow(agent, 'Billing complaints').getByRole('link', { name: 'Billing complaints' }).click();
    const view = agent.getByTestId('rule-editor');
    await view.waitFor();
    expect(await view.getByLabel('Name', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await view.getByRole('checkbox', { name: 'X', exact: true }).isChecked()).toBe(true);
    expect(await view.getByRole('checkbox', { name: 'X', exact: true }).isDisabled()).toBe(true);
    expect(await view.getByRole('button', { name: 'Dry run' }).count()).toBe(0);
    expect(await view.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await agent.close();
  });
});

function ruleRow(page: Page, name: string): Locator {
  return page
    .getByTestId('rule-row')
    .filter({ has: page.getByTestId('rule-name').getByText(name, { exact: true }) });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
