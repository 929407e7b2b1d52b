import type { EvidenceTerm } from '@ecoute/contracts';
import { stubFetch } from '../testing/fetch-stub';
import { analyzeText } from './analyze-text';
import { correctMention } from './correct-mention';
import { createSentimentTerm } from './create-sentiment-term';
import { deleteSentimentTerm } from './delete-sentiment-term';
import { findEvidenceRanges } from './evidence-ranges';
import { getCorrections } from './get-corrections';
import { getSentimentTerms } from './get-sentiment-terms';
import { understandingKeys } from './keys';
import { reviewCorrection } from './review-correction';


describe('understanding fetchers', () => {
  it('call each endpoint with its method and body', async () => {
    const { fetch, calls } = stubFetch();
    await getSentimentTerms({ fetch });
    await createSentimentTerm({ kind: 'lexicon', term: 'sick', weight: 3, note: 'skate' }, { fetch });
    await getCorrections({ status: 'pending' }, { fetch });
    await getCorrections({ status: null, limit: 10 }, { fetch });
    await reviewCorrection(
      { id: 'c 1', decision: 'accept', lexicon: { term: 'sick', weight: 3 } },
      { fetch },
    );
    await correctMention({ mentionId: 'm1', sentiment: 'positive', intents: ['praise'] }, { fetch });
    await analyzeText({ text: 'so good', language: 'en' }, { fetch });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/sentiment-terms',
      'POST /api/sentiment-terms',
      'GET /api/corrections?status=pending&limit=50',
      'GET /api/corrections?limit=10',
      'POST /api/corrections/c%201/review',
      'POST /api/mentions/m1/corrections',
      'POST /api/understanding/analyze',
    ]);
    expect(calls[1].body).toEqual({ kind: 'lexicon', term: 'sick', weight: 3, note: 'skate' });
    // the id is in the path, not in the body
    expect(calls[4].body).toEqual({ decision: 'accept', lexicon: { term: 'sick', weight: 3 } });
    expect(calls[5].body).toEqual({ sentiment: 'positive', intents: ['praise'] });
    expect(calls[6].body).toEqual({ text: 'so good', language: 'en' });
  });

  it('deletes with a 204 and no body', async () => {
    const { fetch, calls } = stubFetch(204);
    await expect(deleteSentimentTerm('t1', { fetch })).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ method: 'DELETE', url: '/api/sentiment-terms/t1', body: undefined });
  });

  it('rejects with the API message', async () => {
    const message = 'the term "sick" exists';
    const { fetch } = stubFetch(409, { statusCode: 409, error: 'Conflict', message });
    await expect(createSentimentTerm({ kind: 'ignored', term: 'sick' }, { fetch })).rejects.toMatchObject({
      status: 409,
      message,
    });
  });

  it('keys everything under one root', () => {
    expect(understandingKeys.terms().slice(0, 1)).toEqual(understandingKeys.all);
    expect(understandingKeys.correctionList({ status: 'pending' }).slice(0, 2)).toEqual(
      understandingKeys.corrections(),
    );
    expect(understandingKeys.correctionList({})).toEqual([
      ...understandingKeys.corrections(),
      { status: null, limit: 50 },
    ]);
  });
});

describe('findEvidenceRanges', () => {
  const e = (text: string, weight: number, over: Partial<EvidenceTerm> = {}): EvidenceTerm => ({
    text,
    weight,
    source: 'lexicon',
    ...over,
  });

  it('finds the evidence words, emoji and hashtags case-insensitively on word boundaries', () => {
    const text = 'LOVE it 😍 #LumioRocks, but lovely is not love-ly; slow!!!';
    const ranges = findEvidenceRanges(text, [
      e('love', 0.8),
      e('😍', 0.5, { source: 'emoji' }),
      e('#lumiorocks', 0.4, { source: 'hashtag' }),
      e('slow', -0.5),
      e('!!!', -0.1, { source: 'rule' }),
      e('all caps', 0.1, { source: 'rule' }),
      e('it', 0),
    ]);
    expect(ranges.map((r) => [text.slice(r.start, r.end), r.term.text])).toEqual([
      ['LOVE', 'love'],
      ['😍', '😍'],
      ['#LumioRocks', '#lumiorocks'],
      ['love', 'love'],
      ['slow', 'slow'],
      ['!!!', '!!!'],
    ]);
  });

  it('keeps the first (strongest) evidence of a text', () => {
    const ranges = findEvidenceRanges('not good', [e('good', -0.6, { negated: true }), e('good', 0.6)]);
    expect(ranges).toEqual([{ start: 4, end: 8, term: e('good', -0.6, { negated: true }) }]);
  });
});
