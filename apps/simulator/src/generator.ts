/**
 * The seeded post generator. `generatePost` is pure: given a PRNG state, a time and a context (the author pool
 * and the recent threads a post may continue), it returns a post draft and the next PRNG state, never touching
 * its inputs. The live stream and any backfill of history call it the same way.
 */
import type { AuthorPool } from './authors';
import { pickAuthor } from './authors';
import { incidentAt, type Incident } from './incidents';
import type { Lang, PostDraft, PostIntent, SimUser, Topic, TweetMetrics } from './model';
import type { Platform } from './platform';
import { PHRASES, type ComplaintKind, type TalkIntent } from './phrases';
import { between, chance, float, pick, seededRng, weighted, type Rng } from './random';
import {
  BRAND,
  brandForm,
  CAMPAIGN_TAG,
  COMPETITORS,
  compose,
  fill,
  retweetText,
  shortLink,
  type BrandRef,
} from './text';

export const LANG_MIX: Readonly<Record<Lang, number>> = { en: 0.7, fr: 0.3 };
export const TOPIC_MIX: Readonly<Record<Topic, number>> = { brand: 0.68, competitor: 0.2, campaign: 0.12 };
export const INTENT_MIX: Readonly<Record<Topic, Readonly<Record<PostIntent, number>>>> = {
  brand: { complaint: 0.3, question: 0.2, praise: 0.15, neutral: 0.2, spam: 0.1, abuse: 0.05 },
  competitor: { complaint: 0.3, question: 0.15, praise: 0.15, neutral: 0.3, spam: 0.05, abuse: 0.05 },
  campaign: { complaint: 0.15, question: 0.25, praise: 0.3, neutral: 0.25, spam: 0.05, abuse: 0 },
};
const COMPLAINT_MIX: Readonly<Record<ComplaintKind, number>> = {
  outage: 3,
  speed: 2,
  billing: 2,
  support: 2,
  delivery: 1,
  install: 1,
  mobile: 1,
};
/** chance that a post, when threads are open, continues one of them */
export const FOLLOW_UP_PROBABILITY = 0.1;
/** chance that a post answers a reply from the brand, when one is waiting */
export const ANSWER_BRAND_PROBABILITY = 0.3;
/** nobody follows up on their own post, or answers the brand, within seconds */
export const FOLLOW_UP_MIN_DELAY_MS = 3 * 60_000;
export const ANSWER_MIN_DELAY_MS = 60_000;
export const RETWEET_PROBABILITY = 0.04;
/** during an incident, the share of posts that are about it */
export const INCIDENT_SHARE = 0.6;
const COMPARE_PROBABILITY = 0.12;

/** a published post that a later post may continue (same author) or answer (after the brand replied) */
export interface ThreadCandidate {
  id: string;
  authorId: string;
  username: string;
  conversationId: string;
  lang: Lang;
  intent: PostIntent;
  topic: Topic;
  text: string;
  createdAtMs: number;
  /** set on the brand's replies: the person the brand answered */
  answeredUserId?: string;
  /** where the post lives (default X); a follow-up stays there, and only X posts are retweeted */
  platform?: Platform;
}

export interface GeneratorContext {
  seed: number;
  pool: AuthorPool;
  /** recent posts, oldest first: authors may follow up on their own, or answer the brand's replies */
  threads: readonly ThreadCandidate[];
}

/** the PRNG state a stream starts from for a seed */
export function initialGeneratorState(seed: number): Rng {
  return seededRng(seed, 2);
}

function source(rng: Rng): string {
  return weighted(rng, { 'Twitter for iPhone': 45, 'Twitter for Android': 35, 'Twitter Web App': 20 });
}

export function postMetrics(rng: Rng, author: SimUser, intent: PostIntent): TweetMetrics {
  const reach = intent === 'spam' ? 0.02 : between(rng, 0.03, 0.45);
  const impressions = Math.round(author.metrics.followers_count * reach + between(rng, 3, 80));
  const likeRate = intent === 'praise' ? 0.05 : intent === 'spam' ? 0.002 : 0.025;
  const likes = Math.round(impressions * float(rng) * likeRate);
  const retweets = Math.round(likes * float(rng) * (intent === 'complaint' ? 0.45 : 0.25));
  return {
    retweet_count: retweets,
    reply_count: Math.round(float(rng) * 2 + likes * 0.06),
    like_count: likes,
    quote_count: Math.round(retweets * float(rng) * 0.2),
    bookmark_count: Math.round(likes * float(rng) * 0.08),
    impression_count: impressions,
  };
}

function secondPrecision(at: Date): string {
  return new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
}

function baseDraft(
  rng: Rng,
  at: Date,
  author: SimUser,
  text: string,
  lang: Lang,
  intent: PostIntent,
  topic: Topic,
): PostDraft {
  return {
    authorId: author.id,
    text,
    lang,
    intent,
    topic,
    createdAt: secondPrecision(at),
    source: source(rng),
    possiblySensitive: intent === 'spam' ? chance(rng, 0.3) : intent === 'abuse' ? chance(rng, 0.2) : false,
    metrics: postMetrics(rng, author, intent),
    links: [],
  };
}

function subjectFor(rng: Rng, topic: Topic): { subject: BrandRef; other: BrandRef } {
  if (topic === 'competitor') return { subject: pick(rng, COMPETITORS), other: BRAND };
  return { subject: BRAND, other: pick(rng, COMPETITORS) };
}

function authorById(pool: AuthorPool, id: string): SimUser | undefined {
  return pool.all.find((u) => u.id === id);
}

function incidentPost(rng: Rng, at: Date, ctx: GeneratorContext, incident: Incident): PostDraft {
  const lang: Lang = weighted(rng, LANG_MIX);
  const author = pickAuthor(rng, ctx.pool, lang);
  const brand =
    incident.brand.handle === BRAND.handle
      ? BRAND
      : (COMPETITORS.find((c) => c.handle === incident.brand.handle) ?? BRAND);
  const topic: Topic = brand === BRAND ? 'brand' : 'competitor';
  const core = pick(rng, PHRASES[lang].incident[incident.kind]);
  const slots = {
    b: brandForm(rng, brand),
    city: incident.city,
    hourUtc: new Date(incident.startMs).getUTCHours(),
  };
  const text = compose(rng, { lang, intent: 'complaint', core, slots });
  return { ...baseDraft(rng, at, author, text, lang, 'complaint', topic), incidentId: incident.id };
}

function talkIntent(intent: PostIntent): TalkIntent | null {
  return intent === 'spam' || intent === 'abuse' ? null : intent;
}

/** the author continues their own thread */
function followUpPost(
  rng: Rng,
  at: Date,
  ctx: GeneratorContext,
  parent: ThreadCandidate,
  intent: TalkIntent,
): PostDraft | null {
  const author = authorById(ctx.pool, parent.authorId);
  if (!author) return null;
  const brand = parent.topic === 'competitor' ? pick(rng, COMPETITORS) : BRAND;
  const core = pick(rng, PHRASES[parent.lang].followUp[intent]);
  const text = fill(rng, core, parent.lang, { b: brandForm(rng, brand), hourUtc: at.getUTCHours() });
  return {
    ...baseDraft(rng, at, author, text, parent.lang, intent, parent.topic),
    inReplyTo: { tweetId: parent.id, userId: parent.authorId, conversationId: parent.conversationId },
  };
}

/** the person the brand replied to answers back */
function answerToBrand(
  rng: Rng,
  at: Date,
  ctx: GeneratorContext,
  brandReply: ThreadCandidate,
): PostDraft | null {
  const author = brandReply.answeredUserId ? authorById(ctx.pool, brandReply.answeredUserId) : undefined;
  if (!author) return null;
  const intent = talkIntent(brandReply.intent) ?? 'neutral';
  const lang = author.lang;
  const core = pick(rng, PHRASES[lang].answerToBrand[intent]);
  const text = `@${brandReply.username} ${fill(rng, core, lang, { b: BRAND.name, hourUtc: at.getUTCHours() })}`;
  return {
    ...baseDraft(rng, at, author, text, lang, intent, 'brand'),
    inReplyTo: {
      tweetId: brandReply.id,
      userId: brandReply.authorId,
      conversationId: brandReply.conversationId,
    },
  };
}

function retweetPost(rng: Rng, at: Date, ctx: GeneratorContext, original: ThreadCandidate): PostDraft {
  const author = pickAuthor(rng, ctx.pool, original.lang);
  const draft = baseDraft(
    rng,
    at,
    author,
    retweetText(original.username, original.text),
    original.lang,
    original.intent,
    original.topic,
  );
  return {
    ...draft,
    retweetOf: original.id,
    metrics: {
      ...draft.metrics,
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
    },
  };
}

function freshPost(rng: Rng, at: Date, ctx: GeneratorContext): PostDraft {
  const topic: Topic = weighted(rng, TOPIC_MIX);
  const intent: PostIntent = weighted(rng, INTENT_MIX[topic]);
  const lang: Lang = weighted(rng, LANG_MIX);
  const bank = PHRASES[lang];
  const author = intent === 'spam' ? pick(rng, ctx.pool.spammers) : pickAuthor(rng, ctx.pool, lang);
  const { subject, other } = subjectFor(rng, topic);
  const slots = { b: brandForm(rng, subject), c: brandForm(rng, other), hourUtc: at.getUTCHours() };
  const tags: string[] = [];
  let core: string;
  const talk = talkIntent(intent);
  if (topic === 'campaign' && talk) {
    core = pick(rng, bank.campaign[talk]);
  } else if (talk && chance(rng, COMPARE_PROBABILITY)) {
    core = pick(rng, bank.compare[talk]);
  } else if (intent === 'complaint') {
    core = pick(rng, bank.complaints[weighted(rng, COMPLAINT_MIX)]);
  } else {
    core = pick(rng, bank.cores[intent]);
  }
  if (topic === 'campaign' && !talk) tags.push(CAMPAIGN_TAG);
  const link =
    intent === 'spam'
      ? shortLink(rng, 'spam', subject)
      : intent === 'neutral' && chance(rng, 0.1)
        ? shortLink(rng, 'news', subject)
        : undefined;
  const text = compose(rng, { lang, intent, core, slots, tags, link: link?.url });
  const draft = baseDraft(rng, at, author, text, lang, intent, topic);
  return link ? { ...draft, links: [link] } : draft;
}

function pickRecent<T extends ThreadCandidate>(rng: Rng, items: readonly T[]): T {
  // favour the most recent: the square of a uniform leans towards the end of the list
  const u = float(rng);
  return items[Math.min(items.length - 1, Math.floor((1 - u * u) * items.length))];
}

/**
 * One post at time `at`. Pure: `state` is not advanced; the returned `state` is the next one.
 */
export function generatePost(state: Rng, at: Date, ctx: GeneratorContext): { post: PostDraft; state: Rng } {
  const rng = state.clone();
  const post = generateWith(rng, at, ctx);
  return { post, state: rng };
}

function generateWith(rng: Rng, at: Date, ctx: GeneratorContext): PostDraft {
  const brandId = ctx.pool.brand.id;
  const nowMs = at.getTime();
  const waitingBrandReplies = ctx.threads.filter(
    (t) =>
      t.authorId === brandId &&
      t.answeredUserId !== undefined &&
      nowMs - t.createdAtMs >= ANSWER_MIN_DELAY_MS,
  );
  if (waitingBrandReplies.length > 0 && chance(rng, ANSWER_BRAND_PROBABILITY)) {
    const answer = answerToBrand(rng, at, ctx, pickRecent(rng, waitingBrandReplies));
    if (answer) return answer;
  }
  const incident = incidentAt(ctx.seed, nowMs);
  if (incident && chance(rng, INCIDENT_SHARE)) return incidentPost(rng, at, ctx, incident);

  const people = ctx.threads.filter((t) => t.authorId !== brandId && t.createdAtMs <= nowMs);
  const open = people.filter(
    (t) =>
      (t.intent === 'complaint' || t.intent === 'question') &&
      nowMs - t.createdAtMs >= FOLLOW_UP_MIN_DELAY_MS,
  );
  if (open.length > 0 && chance(rng, FOLLOW_UP_PROBABILITY)) {
    const parent = pickRecent(rng, open);
    const intent = talkIntent(parent.intent);
    if (intent) {
      const follow = followUpPost(rng, at, ctx, parent, intent);
      if (follow) return follow;
    }
  }
  // retweets only exist on X
  const retweetable = people.filter((t) => (t.platform ?? 'x') === 'x');
  if (retweetable.length > 0 && chance(rng, RETWEET_PROBABILITY)) {
    const original = pick(rng, retweetable);
    if (original.intent !== 'spam') return retweetPost(rng, at, ctx, original);
  }
  return freshPost(rng, at, ctx);
}
