/**
 * In-memory store of everything published: users, posts (kept sorted by id, which is by time), the replies
 * received through POST /2/tweets, and how often search returned each post.
 */
import { extractEntities } from './entities';
import { SnowflakeAllocator } from './ids';
import type { PostDraft, SimPost, SimReply, SimUser } from './model';
import { matchTarget, matches, type MatchTarget } from './query-matcher';
import type { QueryNode } from './query-parser';

export interface PostFilter {
  node: QueryNode;
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
  private replies: SimReply[] = [];
  private readonly ids: SnowflakeAllocator;

  constructor(users: readonly SimUser[], worker: number) {
    this.baseUsers = [...users];
    this.ids = new SnowflakeAllocator(worker);
    for (const u of users) this.addUser(u);
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

  /** assigns an id from the creation time (`timeMs`, to the millisecond) and stores the post */
  publish(draft: PostDraft, timeMs: number = Date.parse(draft.createdAt)): SimPost {
    const id = this.ids.allocate(timeMs);
    const post: SimPost = {
      ...draft,
      id,
      conversationId: draft.inReplyTo?.conversationId ?? id,
      entities: extractEntities(draft.text, draft.links),
      servedCount: 0,
    };
    const entry: Entry = { post, key: BigInt(id), timeMs, target: null };
    this.insert(entry);
    this.byId.set(id, entry);
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

  /** posts matching `filter`, newest first, at most `limit` (and whether more exist) */
  find(filter: PostFilter, limit: number): { posts: SimPost[]; more: boolean } {
    const out: SimPost[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (filter.sinceId !== undefined && e.key <= filter.sinceId) break;
      if (filter.untilId !== undefined && e.key >= filter.untilId) continue;
      if (filter.endMs !== undefined && e.timeMs >= filter.endMs) continue;
      if (filter.startMs !== undefined && e.timeMs < filter.startMs) break;
      if (!matches(filter.node, this.targetOf(e))) continue;
      if (out.length === limit) return { posts: out, more: true };
      out.push(e.post);
    }
    return { posts: out, more: false };
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
      this.ids.release(e.post.id);
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
    this.replies = [];
    this.ids.clear();
    this.users.clear();
    this.usernames.clear();
    for (const u of this.baseUsers) this.addUser(u);
  }
}
