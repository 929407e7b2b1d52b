import { DataSource } from 'typeorm';
import type { CorrectionListDto, Enrichment, MentionDto, Page, SentimentTermDto } from '@ecoute/contracts';
import { ALL_QUERIES } from '@ecoute/api-analytics';
import { CONVERT_EXPLANATIONS } from '../../apps/api/src/database/migrations/1764100000000-understanding';
import { startTestApp, type TestApp } from '../support/test-app';

describe('understanding: stored enrichment, workspace tuning and corrections', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let analyst: string;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ platforms: ['x'] });
    admin = await t.login('admin@example.com');
    agent = await t.login('agent@example.com');
    analyst = await t.login('analyst@example.com');
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  const analyze = (text: string, language?: string) =>
    t.api<Enrichment & { message?: string }>('/api/understanding/analyze', { method: 'POST', token: agent, body: { text, language } });
  const addTerm = (body: unknown, token = admin) => t.api<SentimentTermDto & { message?: string }>('/api/sentiment-terms', { method: 'POST', token, body });
  const mentionWith = async (text: string): Promise<MentionDto> => {
    const page = await t.api<Page<MentionDto>>('/api/mentions?limit=200', { token: agent });
    const found = page.body.items.find((m) => m.text === text);
    if (!found) throw new Error(`no stored mention "${text}"`);
    return found;
  };
  const ingest = async (posts: Array<{ text: string; lang?: string }>) => {
    await t.simPost('/__sim/publish', { posts: posts.map((p) => ({ platform: 'x', ...p })) });
    await t.makeSourcesDue();
    await t.tick();
  };
  const rollup = async (label: string): Promise<number> => {
    const [r] = await ds.query(`SELECT COALESCE(sum(mentions), 0)::int AS n FROM mention_rollup_hourly WHERE query_id = $1 AND sentiment_label = $2`, [ALL_QUERIES, label]);
    return r.n;
  };

  it('stores language, sentiment with confidence and evidence, intents with evidence, and the abuse score', async () => {
    const complaint = 'Lumio my refund is still not here after three weeks, this is terrible';
    const question = 'Lumio est-ce que la fibre arrive bientôt à Nantes ?';
    await ingest([{ text: complaint, lang: 'en' }, { text: question, lang: 'fr' }]);
    const c = await mentionWith(complaint);
    expect(c.language).toBe('en');
    expect(c.languageConfidence).toBe(1);
    expect(c.sentiment.label).toBe('negative');
    expect(c.sentiment.confidence).toBeGreaterThan(0.4);
    expect(c.sentiment.explanation.length).toBeGreaterThan(0);
    expect(c.sentiment.explanation.some((e) => e.text.toLowerCase() === 'terrible' && e.weight < 0)).toBe(true);
    expect(c.intents).toContain('complaint');
    expect(c.intentEvidence.complaint?.map((e) => e.text.toLowerCase())).toEqual(expect.arrayContaining(['refund']));
    expect(c.abuse.abusive).toBe(false);
    const q = await mentionWith(question);
    expect(q.language).toBe('fr');
    expect(q.intents).toContain('question');
    // without the platform's tag, the detector decides, with its confidence
    const detected = await analyze(question);
    expect(detected.body.language).toBe('fr');
    expect(detected.body.languageConfidence).toBeGreaterThan(0.5);
    expect(detected.body.languageConfidence).toBeLessThan(1);
  });

  it('lets an admin tune the lexicon and ignore the brand name; others read it', async () => {
    const before = await analyze('this new deck is sick', 'en');
    expect(before.status).toBe(200);
    expect(before.body.sentiment.label).not.toBe('positive');

    const sick = await addTerm({ kind: 'lexicon', term: 'sick', weight: 4, note: 'skate slang' });
    expect(sick.status).toBe(201);
    expect(sick.body).toMatchObject({ term: 'sick', kind: 'lexicon', weight: 4, createdBy: 'Alex Admin', fromCorrections: 0 });
    const after = await analyze('this new deck is sick', 'en');
    expect(after.body.sentiment.label).toBe('positive');
    expect(after.body.sentiment.explanation.find((e) => e.text.toLowerCase() === 'sick')?.source).toBe('tuning');

    // a brand name that reads as a word with sentiment carries none once ignored
    const virgin = await analyze('Flying Virgin to Paris tomorrow', 'en');
    expect((await addTerm({ kind: 'ignored', term: 'Virgin' })).status).toBe(201);
    const ignored = await analyze('Flying Virgin to Paris tomorrow', 'en');
    expect(ignored.body.sentiment.explanation.some((e) => e.text.toLowerCase() === 'virgin')).toBe(false);
    expect(Math.abs(ignored.body.sentiment.score)).toBeLessThanOrEqual(Math.abs(virgin.body.sentiment.score) + 1e-9);

    // new mentions are scored with the tuning
    await ingest([{ text: 'Lumio skate deck is sick', lang: 'en' }]);
    expect((await mentionWith('Lumio skate deck is sick')).sentiment.label).toBe('positive');

    const list = await t.api<SentimentTermDto[]>('/api/sentiment-terms', { token: analyst });
    expect(list.status).toBe(200);
    expect(list.body.map((x) => `${x.kind}:${x.term}`).sort()).toEqual(['ignored:Virgin', 'lexicon:sick']);
  });

  it('answers bad tuning input with 4xx and a message', async () => {
    expect((await addTerm({ kind: 'lexicon', term: 'rad', weight: 9 })).body.message).toMatch(/at most 5/);
    expect((await addTerm({ kind: 'lexicon', term: 'rad', weight: 0 })).body.message).toMatch(/cannot be 0/);
    expect((await addTerm({ kind: 'lexicon', term: 'rad' })).body.message).toMatch(/needs a weight/);
    expect((await addTerm({ kind: 'ignored', term: 'Delta', weight: 2 })).body.message).toMatch(/no weight/);
    expect((await addTerm({ kind: 'banned', term: 'x' })).status).toBe(400);
    expect((await addTerm({ kind: 'lexicon', term: '  ', weight: 1 })).status).toBe(400);
    const dup = await addTerm({ kind: 'ignored', term: 'SICK' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/already/);
    expect((await addTerm({ kind: 'ignored', term: 'Orange' }, agent)).status).toBe(403);
    expect((await t.api('/api/sentiment-terms/not-a-uuid', { method: 'DELETE', token: admin })).status).toBe(400);
    expect((await t.api('/api/sentiment-terms/8a3f1a7e-2b5c-4d6e-9f00-1a2b3c4d5e6f', { method: 'DELETE', token: admin })).status).toBe(404);
    expect((await analyze('')).status).toBe(400);
    expect((await analyze('hello', 'english')).status).toBe(400);
  });

  it('records corrections, relabels the mention and its rollups, and feeds the lexicon when an admin accepts', async () => {
    const text = 'Lumio the new router is wicked';
    await ingest([{ text, lang: 'en' }]);
    const m = await mentionWith(text);
    const from = m.sentiment.label;
    const to = from === 'positive' ? 'negative' : 'positive';
    const [fromBefore, toBefore] = [await rollup(from), await rollup(to)];

    const corrected = await t.api(`/api/mentions/${m.id}/corrections`, {
      method: 'POST',
      token: agent,
      body: { sentiment: to, intents: ['praise'], note: 'wicked means great here' },
    });
    expect(corrected.status).toBe(204);
    const after = await mentionWith(text);
    expect(after.sentiment.label).toBe(to);
    expect(after.intents).toEqual(['praise']);
    expect(after.corrected).toEqual({ sentiment: true, intents: true });
    expect([await rollup(from), await rollup(to)]).toEqual([fromBefore - 1, toBefore + 1]);

    // the same correction again changes nothing
    const again = await t.api<{ message: string }>(`/api/mentions/${m.id}/corrections`, { method: 'POST', token: agent, body: { sentiment: to } });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/nothing to correct/);

    const pending = await t.api<CorrectionListDto>('/api/corrections?status=pending', { token: admin });
    expect(pending.status).toBe(200);
    const mine = pending.body.items.filter((c) => c.mentionId === m.id);
    expect(mine.map((c) => c.kind).sort()).toEqual(['intents', 'sentiment']);
    const sentimentFix = mine.find((c) => c.kind === 'sentiment');
    expect(sentimentFix).toMatchObject({ before: from, after: to, createdBy: 'Sam Agent', note: 'wicked means great here', status: 'pending' });
    expect(sentimentFix?.suggestedTerms.map((s) => s.term)).toContain('wicked');
    expect(pending.body.stats.byStatus.pending).toBeGreaterThanOrEqual(2);
    expect(pending.body.stats.sentimentTransitions).toContainEqual({ from, to, count: 1 });
    expect(pending.body.stats.intentChanges.find((c) => c.intent === 'praise')?.added).toBe(1);

    const weight = to === 'positive' ? 3 : -3;
    const review = (id: string, body: unknown, token = admin) => t.api<{ message?: string }>(`/api/corrections/${id}/review`, { method: 'POST', token, body });
    expect((await review(sentimentFix!.id, { decision: 'accept', lexicon: { term: 'wicked', weight } }, agent)).status).toBe(403);
    expect((await review(sentimentFix!.id, { decision: 'reject', lexicon: { term: 'wicked', weight } })).status).toBe(400);
    expect((await review(sentimentFix!.id, { decision: 'accept', lexicon: { term: 'wicked', weight } })).status).toBe(204);
    const twice = await review(sentimentFix!.id, { decision: 'reject' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/already accepted/);
    const terms = await t.api<SentimentTermDto[]>('/api/sentiment-terms', { token: admin });
    expect(terms.body.find((x) => x.term === 'wicked')).toMatchObject({ kind: 'lexicon', weight, fromCorrections: 1 });
    expect((await analyze('that gig was wicked', 'en')).body.sentiment.label).toBe(to);

    // rejecting the intents correction restores the machine's intents
    const intentsFix = mine.find((c) => c.kind === 'intents');
    expect((await review(intentsFix!.id, { decision: 'accept', lexicon: { term: 'router', weight: 2 } })).status).toBe(400);
    expect((await review(intentsFix!.id, { decision: 'reject' })).status).toBe(204);
    const restored = await mentionWith(text);
    expect(restored.intents).toEqual([...m.intents].sort());
    expect(restored.corrected.intents).toBe(false);
  });

  it('rejecting a sentiment correction restores the machine label and the rollups', async () => {
    const text = 'Lumio shop opens at nine on Mondays';
    await ingest([{ text, lang: 'en' }]);
    const m = await mentionWith(text);
    const to = m.sentiment.label === 'negative' ? 'positive' : 'negative';
    const counts = [await rollup(m.sentiment.label), await rollup(to)];
    expect((await t.api(`/api/mentions/${m.id}/corrections`, { method: 'POST', token: agent, body: { sentiment: to } })).status).toBe(204);
    const list = await t.api<CorrectionListDto>('/api/corrections', { token: admin });
    const fix = list.body.items.find((c) => c.mentionId === m.id);
    expect((await t.api(`/api/corrections/${fix!.id}/review`, { method: 'POST', token: admin, body: { decision: 'reject' } })).status).toBe(204);
    const back = await mentionWith(text);
    expect(back.sentiment.label).toBe(m.sentiment.label);
    expect(back.corrected.sentiment).toBe(false);
    expect([await rollup(m.sentiment.label), await rollup(to)]).toEqual(counts);
  });

  it('keeps corrections to those who answer mentions, with 4xx for bad input', async () => {
    const m = (await t.api<Page<MentionDto>>('/api/mentions?limit=1', { token: agent })).body.items[0];
    const correct = (body: unknown, token = agent, id = m.id) => t.api<{ message?: string }>(`/api/mentions/${id}/corrections`, { method: 'POST', token, body });
    expect((await correct({ sentiment: 'positive' }, analyst)).status).toBe(403);
    expect((await correct({})).body.message).toMatch(/sentiment, intents, or both/);
    expect((await correct({ sentiment: 'ecstatic' })).status).toBe(400);
    expect((await correct({ intents: ['complaint', 'complaint'] })).body.message).toMatch(/twice/);
    expect((await correct({ intents: ['gossip'] })).status).toBe(400);
    expect((await correct({ sentiment: 'positive' }, agent, '8a3f1a7e-2b5c-4d6e-9f00-1a2b3c4d5e6f')).status).toBe(404);
    expect((await correct({ sentiment: 'positive' }, agent, 'nope')).status).toBe(400);
    expect((await t.api('/api/corrections?status=maybe', { token: admin })).status).toBe(400);
    expect((await t.api('/api/corrections', { token: agent })).status).toBe(403);
  });

  it('turns explanations stored before this version into lists of evidence', async () => {
    await ingest([{ text: 'Lumio old explanation format', lang: 'en' }]);
    const m = await mentionWith('Lumio old explanation format');
    const old = { positive: [{ token: 'good', weight: 3 }], negative: [{ token: 'terrible', weight: -3 }, { token: 'slow', weight: -2 }], negated: ['good'] };
    await ds.query(`UPDATE mention SET sentiment_explanation = $2 WHERE id = $1`, [m.id, JSON.stringify(old)]);
    await ds.query(CONVERT_EXPLANATIONS);
    const [after] = await ds.query(`SELECT sentiment_explanation AS e FROM mention WHERE id = $1`, [m.id]);
    expect(after.e).toEqual([
      { text: 'good', weight: 3, source: 'lexicon', negated: true },
      { text: 'terrible', weight: -3, source: 'lexicon', negated: false },
      { text: 'slow', weight: -2, source: 'lexicon', negated: false },
    ]);
  });
});
