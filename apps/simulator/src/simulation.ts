/**
 * The simulated world: the author pool, the store, the generator's PRNG state and the open threads. Publishing
 * (generated, hand-written, or the brand's replies) goes through here.
 */
import { adHocUser, buildAuthorPool, type AuthorPool } from './authors';
import { generatePost, initialGeneratorState, postMetrics, type ThreadCandidate } from './generator';
import { TWITTER_EPOCH_MS } from './ids';
import type { PostDraft, PostIntent, SimPost, SimReply, SimUser } from './model';
import { pickPlatform, PLATFORMS, type Platform } from './platform';
import { int, seededRng, type Rng } from './random';
import { Store } from './store';
import { updateThreads } from './threads';

export interface CustomPostInput {
  text: string;
  lang?: string;
  username?: string;
  /** ISO 8601; default now */
  created_at?: string;
  in_reply_to_tweet_id?: string;
  intent?: PostIntent;
  /** default X, or the parent's platform for a reply */
  platform?: Platform;
}

export class SimulationError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}

export class Simulation {
  readonly pool: AuthorPool;
  readonly store: Store;
  private state: Rng;
  private threads: ThreadCandidate[] = [];
  /** for the ad-hoc parts of hand-written posts (metrics, author choice) */
  private customRng: Rng;
  /** which platform each generated post goes to (apart from the generator's, so texts do not depend on it) */
  private platformRng: Rng;
  /** where generated posts go */
  readonly platforms: readonly Platform[];

  constructor(
    readonly seed: number,
    platforms: readonly Platform[] = PLATFORMS,
  ) {
    this.platforms = PLATFORMS.filter((p) => platforms.includes(p));
    if (this.platforms.length === 0) throw new RangeError('at least one platform');
    this.pool = buildAuthorPool(seed);
    this.store = new Store(this.pool.all, seed & 0x3ff);
    this.state = initialGeneratorState(seed);
    this.customRng = seededRng(seed, 3);
    this.platformRng = seededRng(seed, 6);
  }

  get brand(): SimUser {
    return this.pool.brand;
  }

  /**
   * generates one post at `atMs` with the seeded generator and publishes it: on `platform` if given, else on one
   * of the enabled platforms (a reply on its parent's, a retweet on X)
   */
  generate(atMs: number, platform?: Platform): SimPost {
    const allowed = platform ? [platform] : this.platforms;
    const threads =
      allowed.length === PLATFORMS.length
        ? this.threads
        : this.threads.filter((t) => allowed.includes(t.platform ?? 'x'));
    const { post, state } = generatePost(this.state, new Date(atMs), {
      seed: this.seed,
      pool: this.pool,
      threads,
    });
    this.state = state;
    const drawn = pickPlatform(this.platformRng, allowed);
    const parent = post.inReplyTo ? this.store.post(post.inReplyTo.tweetId) : undefined;
    const where = post.retweetOf !== undefined ? 'x' : (parent?.platform ?? drawn);
    return this.publishDraft(post, atMs, where);
  }

  private publishDraft(draft: PostDraft, atMs: number, platform: Platform): SimPost {
    const post = this.store.publish(draft, atMs, platform);
    const author = this.store.user(post.authorId);
    if (author) this.threads = updateThreads(this.threads, post, author, this.brand.id);
    return post;
  }

  /** publishes a hand-written post (admin endpoint) */
  publishCustom(input: CustomPostInput, nowMs: number): SimPost {
    const atMs = input.created_at === undefined ? nowMs : Date.parse(input.created_at);
    if (Number.isNaN(atMs))
      throw new SimulationError(`created_at: not an ISO 8601 date: ${input.created_at}`, 400);
    if (atMs <= Number(TWITTER_EPOCH_MS)) throw new SimulationError('created_at: before 2010-11-04', 400);
    if (atMs > nowMs + 60_000) throw new SimulationError('created_at: in the future', 400);
    const lang = input.lang ?? 'en';
    let author: SimUser;
    if (input.username !== undefined) {
      author =
        this.store.userByName(input.username) ??
        adHocUser(this.seed, input.username, lang === 'fr' ? 'fr' : 'en');
      if (!this.store.user(author.id)) this.store.addUser(author);
    } else {
      const people = this.pool.people[lang === 'fr' ? 'fr' : 'en'];
      author = people[int(this.customRng, 0, people.length - 1)];
    }
    const draft: PostDraft = {
      authorId: author.id,
      text: input.text,
      lang,
      intent: input.intent ?? 'neutral',
      topic: 'brand',
      createdAt: new Date(Math.floor(atMs / 1000) * 1000).toISOString(),
      source: 'Twitter Web App',
      possiblySensitive: false,
      metrics: postMetrics(this.customRng, author, input.intent ?? 'neutral'),
      // links written in the text stand for themselves (no t.co shortening)
      links: [...input.text.matchAll(/https?:\/\/[^\s]+/g)].map((m) => ({ url: m[0], expandedUrl: m[0] })),
    };
    let platform: Platform = input.platform ?? 'x';
    if (input.in_reply_to_tweet_id !== undefined) {
      const parent = this.store.post(input.in_reply_to_tweet_id);
      if (!parent)
        throw new SimulationError(`in_reply_to_tweet_id: no post ${input.in_reply_to_tweet_id}`, 400);
      if (input.platform !== undefined && input.platform !== parent.platform) {
        throw new SimulationError(
          `platform: a reply stays on its parent's platform (${parent.platform}), not ${input.platform}`,
          400,
        );
      }
      platform = parent.platform;
      draft.inReplyTo = {
        tweetId: parent.id,
        userId: parent.authorId,
        conversationId: parent.conversationId,
      };
    }
    return this.publishDraft(draft, atMs, platform);
  }

  /** a post by the brand's account, received through POST /2/tweets; recorded as a reply */
  postAsBrand(text: string, inReplyToTweetId: string | null, nowMs: number): SimPost {
    const parent = inReplyToTweetId === null ? undefined : this.store.post(inReplyToTweetId);
    // the brand answers on X only: a post on another platform is not visible there
    if (inReplyToTweetId !== null && (!parent || parent.platform !== 'x')) {
      throw new SimulationError(
        'You attempted to reply to a Tweet that is deleted or not visible to you.',
        403,
      );
    }
    const draft: PostDraft = {
      authorId: this.brand.id,
      text,
      lang: parent?.lang ?? 'en',
      intent: 'neutral',
      topic: 'brand',
      createdAt: new Date(Math.floor(nowMs / 1000) * 1000).toISOString(),
      source: 'Écoute',
      possiblySensitive: false,
      metrics: {
        retweet_count: 0,
        reply_count: 0,
        like_count: 0,
        quote_count: 0,
        bookmark_count: 0,
        impression_count: 0,
      },
      links: [],
    };
    if (parent)
      draft.inReplyTo = {
        tweetId: parent.id,
        userId: parent.authorId,
        conversationId: parent.conversationId,
      };
    const post = this.publishDraft(draft, nowMs, 'x');
    const reply: SimReply = {
      id: post.id,
      text,
      in_reply_to_tweet_id: inReplyToTweetId,
      created_at: post.createdAt,
    };
    this.store.recordReply(reply);
    return post;
  }

  /** clears posts, replies and threads; the generator starts again from the seed */
  reset(): void {
    this.store.reset();
    this.threads = [];
    this.state = initialGeneratorState(this.seed);
    this.customRng = seededRng(this.seed, 3);
    this.platformRng = seededRng(this.seed, 6);
  }
}
