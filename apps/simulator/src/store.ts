/**
 * In-memory store of everything published: users, posts (kept sorted by id, which is by time) on every platform,
 * the replies received through POST /2/tweets, and how often search returned each post.
 */
import { extractEntities } from './entities';
import { SnowflakeAllocator } from './ids';
import type { PostDraft, SimPost, SimReply, SimUser } from './model';
import { NativeIdAllocator } from './native-ids';
import type { Platform } from './platform';
import { matchTarget, matches, type MatchTarget } from './query-matcher';
import type { QueryNode } from './query-parser';

export interface PostFilter {
  node: QueryNode;
  /** only posts on this platform */
  platform?: Platform;
  /** exclusive lower bound */
  sinceId?: bigint;
  /** exclusive upper bound */
  untilId?: bigint;
  /** inclusive */
  startMs?: number;
  /** exclusive */
  endMs?: number;
}

interface Entry {
  post: SimPost;
  key: bigint;
  timeMs: number;
  target: MatchTarget | null;
}

export class Store {
  private readonly users = new Map<string, SimUser>();
  private readonly usernames = new Map<string, SimUser>();
  private readonly baseUsers: SimUser[];
  private entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  /** the ids of the direct replies to a post */
  private readonly childIds = new Map<string, string[]>();
  private replies: SimReply[] = [];
  private readonly ids: SnowflakeAllocator;
  private readonly nativeIds: NativeIdAllocator;

  constructor(users: readonly SimUser[], worker: number) {
    this.baseUsers = [...users];
    this.ids = new SnowflakeAllocator(worker);
    this.nativeIds = new NativeIdAllocator(worker);
    for (const u of users) this.addUser(u);
  }

  /** every known user (the pool and anyone added since) */
  allUsers(): IterableIterator<SimUser> {
    return this.users.values();
  }

  addUser(user: SimUser): void {
    this.users.set(user.id, user);
    this.usernames.set(user.username.toLowerCase(), user);
  }

  user(id: string): SimUser | undefined {
    return this.users.get(id);
  }

  userByName(username: string): SimUser | undefined {
    return this.usernames.get(username.toLowerCase());
  }

  post(id: string): SimPost | undefined {
    return this.byId.get(id)?.post;
  }

  /** the direct replies to a post, oldest first */
  children(id: string): SimPost[] {
    return (this.childIds.get(id) ?? []).flatMap((c) => this.byId.get(c)?.post ?? []);
  }

  /** assigns ids from the creation time (`timeMs`, to the millisecond) and stores the post */
  publish(draft: PostDraft, timeMs: number = Date.parse(draft.createdAt), platform: Platform = 'x'): SimPost {
    const id = this.ids.allocate(timeMs);
    const post: SimPost = {
      ...draft,
      id,
      platform,
      nativeId: this.nativeIds.allocate(platform, timeMs, id),
      conversationId: draft.inReplyTo?.conversationId ?? id,
      entities: extractEntities(draft.text, draft.links),
      servedCount: 0,
    };
    const entry: Entry = { post, key: BigInt(id), timeMs, target: null };
    this.insert(entry);
    this.byId.set(id, entry);
    const parentId = draft.inReplyTo?.tweetId;
    if (parentId !== undefined) this.childIds.set(parentId, [...(this.childIds.get(parentId) ?? []), id]);
    return post;
  }

  private insert(entry: Entry): void {
    const last = this.entries[this.entries.length - 1];
    if (!last || last.key < entry.key) {
      this.entries.push(entry);
      return;
    }
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].key < entry.key) lo = mid + 1;
      else hi = mid;
    }
    this.entries.splice(lo, 0, entry);
  }

  private targetOf(entry: Entry): MatchTarget {
    if (!entry.target) {
      const author = this.users.get(entry.post.authorId);
      const parentAuthor = entry.post.inReplyTo ? this.users.get(entry.post.inReplyTo.userId) : undefined;
      entry.target = matchTarget(
        entry.post,
        author ?? { username: '', verified: false },
        parentAuthor?.username ?? null,
      );
    }
    return entry.target;
  }

  private accepts(filter: PostFilter, e: Entry): boolean {
    if (filter.platform !== undefined && e.post.platform !== filter.platform) return false;
    if (filter.sinceId !== undefined && e.key <= filter.sinceId) return false;
    if (filter.untilId !== undefined && e.key >= filter.untilId) return false;
    if (filter.endMs !== undefined && e.timeMs >= filter.endMs) return false;
    if (filter.startMs !== undefined && e.timeMs < filter.startMs) return false;
    return matches(filter.node, this.targetOf(e));
  }

  /**
   * posts matching `filter`, at most `limit` (and whether more exist): the newest ones, newest first, or with
   * `order: 'oldest'` the oldest ones, oldest first
   */
  find(
    filter: PostFilter,
    limit: number,
    order: 'newest' | 'oldest' = 'newest',
  ): { posts: SimPost[]; more: boolean } {
    const out: SimPost[] = [];
    const n = this.entries.length;
    for (let k = 0; k < n; k++) {
      const e = this.entries[order === 'newest' ? n - 1 - k : k];
      if (order === 'newest') {
        if (filter.sinceId !== undefined && e.key <= filter.sinceId) break;
        if (filter.startMs !== undefined && e.timeMs < filter.startMs) break;
      }
      if (!this.accepts(filter, e)) continue;
      if (out.length === limit) return { posts: out, more: true };
      out.push(e.post);
    }
    return { posts: out, more: false };
  }

  /** every post matching `filter`, newest first */
  matching(filter: PostFilter): SimPost[] {
    return this.find(filter, Number.POSITIVE_INFINITY).posts;
  }

  /** every post matching `node` (all posts without one), oldest first */
  all(node?: QueryNode): SimPost[] {
    const list = node ? this.entries.filter((e) => matches(node, this.targetOf(e))) : this.entries;
    return list.map((e) => e.post);
  }

  markServed(posts: readonly SimPost[]): void {
    for (const p of posts) p.servedCount++;
  }

  recordReply(reply: SimReply): void {
    this.replies.push(reply);
  }

  allReplies(): readonly SimReply[] {
    return this.replies;
  }

  /** forgets posts created before `beforeMs` (X's recent search only reaches 7 days back) */
  prune(beforeMs: number): number {
    const keep = this.entries.findIndex((e) => e.timeMs >= beforeMs);
    const drop = keep < 0 ? this.entries.length : keep;
    for (const e of this.entries.slice(0, drop)) {
      this.byId.delete(e.post.id);
      this.childIds.delete(e.post.id);
      this.ids.release(e.post.id);
      this.nativeIds.release(e.post.platform, e.post.nativeId);
    }
    this.entries = this.entries.slice(drop);
    return drop;
  }

  get size(): number {
    return this.entries.length;
  }

  /** clears posts, replies and any user added since start */
  reset(): void {
    this.entries = [];
    this.byId.clear();
    this.childIds.clear();
    this.replies = [];
    this.ids.clear();
    this.nativeIds.clear();
    this.users.clear();
    this.usernames.clear();
    for (const u of this.baseUsers) this.addUser(u);
  }
}
