import {
  createTestQueryClient,
  renderRoutes,
  stubFetch,
  type StubRequest,
  type StubResponse,
} from '../../../../../tests/support/web/test-utils';
import { makeMe } from '../../../../../tests/support/web/fixtures';
import type {
  CorrectionListDto,
  CorrectionStatus,
  CreateSentimentTermRequest,
  Enrichment,
  MentionCorrectionDto,
  ReviewCorrectionRequest,
  Role,
  SentimentTermDto,
} from '@ecoute/contracts';
import { clearToken, setToken } from '@ecoute/web-data-access';
import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { UnderstandingPage } from './understanding-page';

const routes = [{ path: '/listening/understanding', element: <UnderstandingPage /> }];

function makeTerm(over: Partial<SentimentTermDto> = {}): SentimentTermDto {
  return {
    id: 't1',
    term: 'rad',
    kind: 'lexicon',
    weight: 3,
    note: 'skate slang',
    createdAt: new Date(Date.now() - 86_400_000).toISOString(),
    createdBy: 'Ada Admin',
    fromCorrections: 2,
    ...over,
  };
}

function makeCorrection(over: Partial<MentionCorrectionDto> = {}): MentionCorrectionDto {
  return {
    id: 'c1',
    mentionId: 'm1',
    mentionText: 'This deck is sick, best board ever',
    mentionLanguage: 'en',
    kind: 'sentiment',
    before: 'negative',
    after: 'positive',
    note: 'sick means great here',
    status: 'pending',
    createdAt: new Date(Date.now() - 600_000).toISOString(),
    createdBy: 'Sam Agent',
    reviewedAt: null,
    reviewedBy: null,
    term: null,
    suggestedTerms: [
      { term: 'sick', weight: 3 },
      { term: 'deck', weight: 2 },
    ],
    ...over,
  };
}

const ENRICHMENT: Enrichment = {
  language: 'en',
  languageConfidence: 0.97,
  sentiment: {
    score: 0.35,
    label: 'positive',
    confidence: 0.8,
    explanation: [
      { text: 'love', weight: 0.9, source: 'lexicon', intensified: true },
      { text: 'slow', weight: -0.4, source: 'lexicon' },
    ],
  },
  intents: ['praise', 'complaint'],
  intentEvidence: {
    praise: [{ text: 'love', weight: 1, source: 'rule' }],
    complaint: [{ text: 'slow', weight: 1, source: 'rule' }],
  },
  isAbuse: false,
  abuseScore: 0.03,
};

interface FakeOptions {
  role?: Role;
  createTerm?: (body: CreateSentimentTermRequest) => StubResponse | undefined;
  review?: (id: string, body: ReviewCorrectionRequest) => StubResponse | undefined;
}

/** A stateful fake of the tuning endpoints. */
function fakeApi({ role = 'admin', createTerm, review: reviewAnswer }: FakeOptions = {}) {
  const terms: SentimentTermDto[] = [
    makeTerm(),
    makeTerm({
      id: 't2',
      term: 'Delta',
      kind: 'ignored',
      weight: null,
      note: 'our name',
      fromCorrections: 0,
    }),
  ];
  const corrections: MentionCorrectionDto[] = [
    makeCorrection(),
    makeCorrection({
      id: 'c2',
      kind: 'intents',
      mentionText: 'how do I get a refund?',
      before: ['complaint'],
      after: ['complaint', 'question'],
      note: null,
      createdBy: null,
      suggestedTerms: [],
    }),
    makeCorrection({
      id: 'c3',
      status: 'accepted',
      reviewedAt: new Date().toISOString(),
      reviewedBy: 'Ada Admin',
      term: { term: 'rad', weight: 3 },
      suggestedTerms: [],
    }),
  ];
  const requests: StubRequest[] = [];
  let nextId = 10;

  const list = (status: CorrectionStatus | null): CorrectionListDto => ({
    items: corrections.filter((c) => !status || c.status === status),
    stats: {
      total: corrections.length,
      byStatus: {
        pending: corrections.filter((c) => c.status === 'pending').length,
        accepted: corrections.filter((c) => c.status === 'accepted').length,
        rejected: corrections.filter((c) => c.status === 'rejected').length,
      },
      sentimentTransitions: [{ from: 'negative', to: 'positive', count: 2 }],
      intentChanges: [{ intent: 'question', added: 1, removed: 0 }],
    },
  });

  stubFetch((req) => {
    requests.push(req);
    const [path, qs = ''] = req.url.split('?');
    const m = req.method;
    if (path === '/api/auth/me') return { status: 200, body: makeMe(role) };
    if (path === '/api/sentiment-terms' && m === 'GET') return { status: 200, body: terms };
    if (path === '/api/sentiment-terms' && m === 'POST') {
      const body = req.body as CreateSentimentTermRequest;
      const custom = createTerm?.(body);
      if (custom) return custom;
      const created = makeTerm({
        id: `t${nextId++}`,
        term: body.term,
        kind: body.kind,
        weight: body.weight ?? null,
        note: body.note ?? null,
        createdAt: new Date().toISOString(),
        fromCorrections: 0,
      });
      terms.push(created);
      return { status: 201, body: created };
    }
    const term = /^\/api\/sentiment-terms\/([^/]+)$/.exec(path);
    if (term && m === 'DELETE') {
      terms.splice(
        terms.findIndex((t) => t.id === term[1]),
        1,
      );
      return { status: 204 };
    }
    if (path === '/api/corrections' && m === 'GET') {
      const status = new URLSearchParams(qs).get('status') as CorrectionStatus | null;
      return { status: 200, body: list(status) };
    }
    const review = /^\/api\/corrections\/([^/]+)\/review$/.exec(path);
    if (review && m === 'POST') {
      const body = req.body as ReviewCorrectionRequest;
      const custom = reviewAnswer?.(review[1], body);
      if (custom) return custom;
      const c = corrections.find((x) => x.id === review[1]);
      if (!c) return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'no correction' } };
      c.status = body.decision === 'accept' ? 'accepted' : 'rejected';
      c.reviewedBy = 'Sam Agent';
      c.reviewedAt = new Date().toISOString();
      if (body.lexicon) {
        c.term = body.lexicon;
        terms.push(makeTerm({ id: `t${nextId++}`, ...body.lexicon, fromCorrections: 1, note: null }));
      }
      return { status: 204 };
    }
    if (path === '/api/understanding/analyze' && m === 'POST') return { status: 200, body: ENRICHMENT };
    return { status: 404, body: { statusCode: 404, error: 'Not Found', message: `${m} ${path} not found` } };
  });

  return {
    terms,
    requests,
    calls: (method: string, path: string) =>
      requests.filter((r) => r.method === method && r.url.split('?')[0] === path),
  };
}

function setup(options: FakeOptions = {}, language: 'en' | 'fr' = 'en') {
  const api = fakeApi(options);
  const view = renderRoutes({
    routes,
    initialPath: '/listening/understanding',
    queryClient: createTestQueryClient(),
    language,
  });
  return { api, ...view };
}

/** Types into a field as a user does (Mantine's number input takes changes of the focused field). */
function type(input: HTMLElement, value: string) {
  act(() => input.focus());
  fireEvent.change(input, { target: { value } });
}

const lexiconRows = () => screen.getAllByTestId('lexicon-row');

beforeEach(() => setToken('t'));
afterEach(() => {
  clearToken();
  act(() => notifications.clean());
});

describe('UnderstandingPage: the terms', () => {
  it('lists the lexicon words with their weight, note, origin and author, and the ignored terms', async () => {
    setup();
    await waitFor(() => expect(lexiconRows()).toHaveLength(1));
    const rad = lexiconRows()[0];
    expect(within(rad).getByText('rad')).toBeInTheDocument();
    expect(within(rad).getByTestId('term-weight')).toHaveTextContent('+3');
    expect(within(rad).getByText('skate slang')).toBeInTheDocument();
    expect(within(rad).getByText('2')).toBeInTheDocument();
    expect(within(rad).getByText('Ada Admin')).toBeInTheDocument();
    expect(within(rad).getByRole('time')).toBeInTheDocument();
    const ignored = screen.getAllByTestId('ignored-row');
    expect(ignored.map((r) => r.dataset.term)).toEqual(['Delta']);
    expect(screen.getByText(/Delta, Virgin, Orange are names, not opinions/)).toBeInTheDocument();
  });

  it('adds a lexicon word with its weight and note, after checking the weight', async () => {
    const { api } = setup();
    await waitFor(() => expect(lexiconRows()).toHaveLength(1));
    const form = screen.getByTestId('add-lexicon-form');
    type(within(form).getByLabelText('Word'), 'sick');
    type(within(form).getByLabelText('Weight'), '0');
    fireEvent.click(within(form).getByRole('button', { name: 'Add a word' }));
    expect(
      await within(form).findByText('The weight cannot be 0: add the word to the ignored terms instead.'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Weight')).toHaveFocus();
    expect(api.calls('POST', '/api/sentiment-terms')).toHaveLength(0);

    type(within(form).getByLabelText('Weight'), '3');
    type(within(form).getByLabelText('Note'), 'skate slang for great');
    fireEvent.click(within(form).getByRole('button', { name: 'Add a word' }));
    await waitFor(() => expect(lexiconRows()).toHaveLength(2));
    expect(api.calls('POST', '/api/sentiment-terms')[0].body).toEqual({
      kind: 'lexicon',
      term: 'sick',
      weight: 3,
      note: 'skate slang for great',
    });
    expect(lexiconRows().map((r) => r.dataset.term)).toEqual(['rad', 'sick']);
    expect(await screen.findByText('“sick” added.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Word')).toHaveValue('');
  });

  it("adds and deletes an ignored term, and shows the API's message when the term exists", async () => {
    const { api } = setup({
      createTerm: (body) =>
        body.term === 'Delta'
          ? { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'the term "Delta" exists' } }
          : undefined,
    });
    await screen.findAllByTestId('ignored-row');
    const form = screen.getByTestId('add-ignored-form');
    type(within(form).getByLabelText('Term'), 'Delta');
    fireEvent.click(within(form).getByRole('button', { name: 'Add a term' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('the term "Delta" exists');

    type(within(form).getByLabelText('Term'), 'Orange');
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: 'Add a term' }));
    await waitFor(() => expect(screen.getAllByTestId('ignored-row')).toHaveLength(2));
    expect(api.calls('POST', '/api/sentiment-terms').at(-1)?.body).toEqual({
      kind: 'ignored',
      term: 'Orange',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Delete “Delta”' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('ignored-row').map((r) => r.dataset.term)).toEqual(['Orange']),
    );
    expect(api.calls('DELETE', '/api/sentiment-terms/t2')).toHaveLength(1);
  });

  it('is read-only for a role that is not admin, without the review of corrections', async () => {
    const { api } = setup({ role: 'agent' });
    expect(await screen.findByTestId('read-only')).toHaveTextContent(
      'Your role (Agent) can try texts and see the tuning; only an admin can change it.',
    );
    await waitFor(() => expect(lexiconRows()).toHaveLength(1));
    expect(screen.queryByTestId('add-lexicon-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('add-ignored-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('delete-term')).not.toBeInTheDocument();
    expect(screen.queryByTestId('corrections-section')).not.toBeInTheDocument();
    expect(api.calls('GET', '/api/corrections')).toHaveLength(0);
    // trying a text is for everyone
    expect(screen.getByRole('button', { name: 'Analyze' })).toBeInTheDocument();
  });
});

describe('UnderstandingPage: the review of corrections', () => {
  const corrections = () => screen.getAllByTestId('correction');

  it('shows the statistics and the pending corrections, before and after, who, when and why', async () => {
    const { api } = setup();
    await waitFor(() => expect(corrections()).toHaveLength(2));
    expect(api.calls('GET', '/api/corrections')[0].url).toBe('/api/corrections?status=pending&limit=50');
    expect(screen.getByTestId('stat-total')).toHaveTextContent('3');
    expect(screen.getByTestId('stat-pending')).toHaveTextContent('2');
    expect(screen.getByTestId('stat-accepted')).toHaveTextContent('1');
    expect(screen.getByTestId('stat-transition')).toHaveTextContent('Negative → Positive2');
    expect(screen.getByTestId('stat-intent')).toHaveTextContent('Question1 added, 0 removed');

    const [sentiment, intents] = corrections();
    expect(within(sentiment).getByTestId('correction-text')).toHaveTextContent(
      'This deck is sick, best board ever',
    );
    expect(within(sentiment).getByTestId('correction-change')).toHaveTextContent('Negative→Positive');
    expect(within(sentiment).getByText('By Sam Agent')).toBeInTheDocument();
    expect(within(sentiment).getByTestId('correction-note')).toHaveTextContent('Note: sick means great here');
    expect(within(intents).getByTestId('correction-change')).toHaveTextContent('Complaint→ComplaintQuestion');
    expect(within(intents).getByText('By an agent')).toBeInTheDocument();
    // an intents correction has no word to feed the lexicon
    expect(within(intents).queryByTestId('suggested-term')).not.toBeInTheDocument();

    // the other statuses
    fireEvent.click(screen.getByRole('radio', { name: /Accepted/ }));
    await waitFor(() => expect(corrections().map((c) => c.dataset.correctionId)).toEqual(['c3']));
    expect(within(corrections()[0]).getByTestId('correction-term')).toHaveTextContent('“rad” (+3)');
    expect(within(corrections()[0]).getByText('Accepted by Ada Admin')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: /Rejected/ }));
    expect(await screen.findByTestId('corrections-empty')).toHaveTextContent('No rejected corrections');
  });

  it('accepts a sentiment correction with a suggested word, then refreshes the corrections and the terms', async () => {
    const { api } = setup();
    await waitFor(() => expect(corrections()).toHaveLength(2));
    const first = corrections()[0];
    expect(
      within(first)
        .getAllByTestId('suggested-term')
        .map((b) => b.textContent),
    ).toEqual(['sick +3', 'deck +2']);
    fireEvent.click(within(first).getByRole('button', { name: 'Use “sick” (+3)' }));
    expect(within(first).getByLabelText('Word')).toHaveValue('sick');
    expect(within(first).getByRole('button', { name: 'Use “sick” (+3)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const termsBefore = api.calls('GET', '/api/sentiment-terms').length;
    fireEvent.click(within(first).getByRole('button', { name: 'Accept and add the word' }));

    await waitFor(() => expect(api.calls('POST', '/api/corrections/c1/review')).toHaveLength(1));
    expect(api.calls('POST', '/api/corrections/c1/review')[0].body).toEqual({
      decision: 'accept',
      lexicon: { term: 'sick', weight: 3 },
    });
    await waitFor(() => expect(corrections().map((c) => c.dataset.correctionId)).toEqual(['c2']));
    await waitFor(() => expect(lexiconRows().map((r) => r.dataset.term)).toEqual(['rad', 'sick']));
    expect(api.calls('GET', '/api/sentiment-terms').length).toBeGreaterThan(termsBefore);
    expect(
      await screen.findByText('Correction accepted; “sick” (+3) added to the lexicon.'),
    ).toBeInTheDocument();
  });

  it('accepts without a word, and rejects', async () => {
    const { api } = setup();
    await waitFor(() => expect(corrections()).toHaveLength(2));
    fireEvent.click(within(corrections()[1]).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(api.calls('POST', '/api/corrections/c2/review')).toHaveLength(1));
    expect(api.calls('POST', '/api/corrections/c2/review')[0].body).toEqual({ decision: 'accept' });
    await waitFor(() => expect(corrections()).toHaveLength(1));

    fireEvent.click(within(corrections()[0]).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(api.calls('POST', '/api/corrections/c1/review')).toHaveLength(1));
    expect(api.calls('POST', '/api/corrections/c1/review')[0].body).toEqual({ decision: 'reject' });
    expect(await screen.findByTestId('corrections-empty')).toHaveTextContent('Nothing to review');
  });
});

describe('UnderstandingPage: a review that fails', () => {
  it("says why, with the API's message, and keeps the correction", async () => {
    const { api } = setup({
      review: () => ({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'this correction was already reviewed' },
      }),
    });
    await waitFor(() => expect(screen.getAllByTestId('correction')).toHaveLength(2));
    fireEvent.click(within(screen.getAllByTestId('correction')[0]).getByRole('button', { name: 'Reject' }));
    expect(
      await screen.findByText('The review was not saved: this correction was already reviewed'),
    ).toBeInTheDocument();
    expect(api.calls('POST', '/api/corrections/c1/review')).toHaveLength(1);
    expect(screen.getAllByTestId('correction')).toHaveLength(2);
  });

  it('checks the weight of the word before accepting', async () => {
    const { api } = setup();
    await waitFor(() => expect(screen.getAllByTestId('correction')).toHaveLength(2));
    const first = screen.getAllByTestId('correction')[0];
    type(within(first).getByLabelText('Word'), 'rad');
    fireEvent.click(within(first).getByRole('button', { name: 'Accept and add the word' }));
    expect(await within(first).findByText('A whole number from −5 to +5.')).toBeInTheDocument();
    expect(within(first).getByLabelText('Weight')).toHaveFocus();
    expect(api.calls('POST', '/api/corrections/c1/review')).toHaveLength(0);
  });
});

describe('UnderstandingPage: trying a text', () => {
  it('analyzes a text and shows its sentiment, the evidence highlighted by polarity, intents and language', async () => {
    const { api } = setup();
    const text = 'I love the new deck but delivery was slow';
    fireEvent.click(await screen.findByRole('button', { name: 'Analyze' }));
    expect(await screen.findByText('Enter a text to analyze.')).toBeInTheDocument();
    expect(api.calls('POST', '/api/understanding/analyze')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Text'), { target: { value: text } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));

    const result = await screen.findByTestId('analyze-result');
    expect(api.calls('POST', '/api/understanding/analyze')[0].body).toEqual({ text, language: 'en' });
    expect(within(result).getByTestId('analyze-language')).toHaveTextContent('Language: English (97%)');
    expect(within(result).getByTestId('sentiment-evidence')).toHaveAttribute('data-sentiment', 'positive');
    expect(within(result).getByTestId('sentiment-confidence')).toHaveTextContent('80% confident');
    const marks = within(result).getAllByTestId('evidence-mark');
    expect(marks.map((m) => [m.textContent, m.dataset.polarity, m.title])).toEqual([
      ['love', 'positive', 'positive: love (+0.9)'],
      ['slow', 'negative', 'negative: slow (-0.4)'],
    ]);
    expect(within(result).getByTestId('analyze-text')).toHaveTextContent(text);
    expect(within(result).getByTitle('Praise: love')).toBeInTheDocument();
    expect(within(result).getByTitle('Complaint: slow')).toBeInTheDocument();
    expect(within(result).getByTestId('analyze-abuse')).toHaveTextContent('Abuse: 3% likely');

    // the result says when the text has changed since
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: `${text}!` } });
    expect(within(result).getByText(/The text has changed since this result/)).toBeInTheDocument();
  });

  it('speaks French', async () => {
    setup({}, 'fr');
    expect(
      await screen.findByRole('heading', { name: 'Réglage du sentiment', level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Essayer un texte' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Mots du lexique' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Corrections à relire' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Analyser' })).toBeInTheDocument();
  });
});
