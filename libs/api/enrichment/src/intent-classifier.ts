import type { EvidenceTerm, Intent, SentimentDto } from '@ecoute/contracts';
import { PhraseIndex, surface } from './intents/phrase-index';
import * as phrases from './intents/phrases';
import * as text from './text';

// swc turns imported bindings into getter calls on every use: the hot loops read local copies
const { HASHTAG, MENTION, URL, WORD, TokenBuffer, tokenize } = text;
const { ABUSE, COMPLAINT, INVERTED_PRONOUNS, PRAISE, PURCHASE, QUESTION_START_EN, QUESTION_START_FR, SPAM } = phrases;
type TokenBuffer = text.TokenBuffer;

/**
 * Intents (multi-label), English and French, each with the evidence behind it: phrases over the post's tokens,
 * helped by the sentiment and abuse classifiers. A post may carry several intents ("still no refund?? terrible"
 * is a complaint and a question); spam stands alone.
 */
export interface IntentInput {
  text: string;
  /** the post's language, when known: some question words are French only ("comment") */
  language?: string | null;
  sentiment: SentimentDto;
  /** the abuse classifier's verdict and its evidence */
  abuse: { abusive: boolean; probability: number; evidence: EvidenceTerm[] };
  /** the post's tokens when the caller has them already (the sentiment analyzer's); tokenized here otherwise */
  tokens?: TokenBuffer;
}

export interface IntentResult {
  intents: Intent[];
  evidence: Partial<Record<Intent, EvidenceTerm[]>>;
  isAbuse: boolean;
}

type Found = 'complaint' | 'praise' | 'purchase' | 'spam' | 'abuse';

const PHRASES = new PhraseIndex<Found>([
  ...COMPLAINT.map((p) => [p, 'complaint'] as const),
  ...PRAISE.map((p) => [p, 'praise'] as const),
  ...PURCHASE.map((p) => [p, 'purchase'] as const),
  ...SPAM.map((p) => [p, 'spam'] as const),
  ...ABUSE.map((p) => [p, 'abuse'] as const),
]);
const STARTS_EN = new PhraseIndex<true>(QUESTION_START_EN.map((p) => [p, true] as const));
const STARTS_FR = new PhraseIndex<true>(QUESTION_START_FR.map((p) => [p, true] as const));

const buffer = new TokenBuffer(128);
const rule = (text: string): EvidenceTerm => ({ text, weight: 1, source: 'rule' });

function add(into: Partial<Record<Intent, EvidenceTerm[]>>, intent: Intent, term: EvidenceTerm, limit = 4): void {
  const list = (into[intent] ??= []);
  if (list.length < limit && !list.some((e) => e.text.toLowerCase() === term.text.toLowerCase())) list.push(term);
}

export function classifyIntents({ text, language, sentiment, abuse, tokens }: IntentInput): IntentResult {
  const b = tokens && tokens.text === text ? tokens : tokenize(text, buffer);
  const found: Partial<Record<Intent, EvidenceTerm[]>> = {};
  let links = 0;
  let hashtags = 0;
  for (let i = 0; i < b.n; i++) {
    if (b.kind[i] === URL) links++;
    else if (b.kind[i] === HASHTAG) hashtags++;
  }
  for (const m of PHRASES.all(b)) add(found, m.tag, rule(surface(b, m.start, m.length)));

  const evidence: Partial<Record<Intent, EvidenceTerm[]>> = {};
  const spam = found.spam ?? [];
  if ((spam.length > 0 && links > 0) || (spam.length >= 2 && hashtags >= 3)) {
    evidence.spam = links > 0 ? [...spam, rule('link')] : spam;
    return { intents: ['spam'], evidence, isAbuse: false };
  }

  const abusive = [...(abuse.abusive ? abuse.evidence : []), ...(found.abuse ?? [])];
  const isAbuse = abuse.abusive || (found.abuse?.length ?? 0) > 0;
  if (isAbuse) evidence.abuse = abusive.length > 0 ? abusive : [{ text: `abuse probability ${abuse.probability.toFixed(2)}`, weight: abuse.probability, source: 'model' }];

  const question = questionEvidence(b, text, language ?? null);
  if (question.length > 0) evidence.question = question;

  const complaint = found.complaint ?? [];
  const strongNegative = sentiment.label === 'negative' && sentiment.score <= -0.4 && sentiment.confidence >= 0.5;
  if (complaint.length > 0 || strongNegative) {
    evidence.complaint = strongNegative ? [...complaint, ...sentiment.explanation.filter((e) => e.weight < 0 && e.source !== 'model').slice(0, 3)] : complaint;
    if (evidence.complaint.length === 0) evidence.complaint = [{ text: `negative sentiment (${sentiment.score.toFixed(2)})`, weight: -sentiment.score, source: 'model' }];
  }

  const praise = found.praise ?? [];
  if (praise.length > 0 && sentiment.label === 'positive') {
    evidence.praise = [...praise, ...sentiment.explanation.filter((e) => e.weight > 0 && e.source !== 'model' && !praise.some((p) => p.text.toLowerCase() === e.text.toLowerCase())).slice(0, 2)];
  }

  if (found.purchase) evidence.purchase = found.purchase;

  const intents = (['complaint', 'question', 'praise', 'purchase', 'abuse'] as const).filter((i) => evidence[i] !== undefined);
  return { intents, evidence, isAbuse };
}

function questionEvidence(b: TokenBuffer, text: string, language: string | null): EvidenceTerm[] {
  const out: EvidenceTerm[] = [];
  if (text.includes('?')) out.push(rule('?'));
  let first = 0;
  while (first < b.n && (b.kind[first] === MENTION || b.kind[first] === URL)) first++;
  if (first < b.n) {
    const start = (language !== 'fr' ? STARTS_EN.at(b, first) : null) ?? (language !== 'en' ? STARTS_FR.at(b, first) : null);
    if (start) out.push(rule(surface(b, first, start.length)));
  }
  if (language !== 'en') {
    // French inversion: "avez-vous", "faut-il", "a-t-elle"
    for (let i = 1; i < b.n; i++) {
      if (b.kind[i] === WORD && INVERTED_PRONOUNS.has(b.norm[i]) && b.start[i] === b.end[i - 1] + 1 && text.charCodeAt(b.end[i - 1]) === 45 /* - */) {
        let from = i - 1;
        // "a-t-il": take the euphonic t along
        if (b.norm[from] === 't' && from > 0 && b.start[from] === b.end[from - 1] + 1) from--;
        out.push(rule(surface(b, from, i - from + 1)));
        break;
      }
    }
  }
  return out;
}
