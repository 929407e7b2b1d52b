/** Evaluates a parsed X query against one post. */
import type { QueryNode } from './query-parser';
import { containsSequence, tokenize } from './tokens';

/** what a query can look at in a post, pre-computed once per post */
export interface MatchTarget {
  tokens: readonly string[];
  hashtags: ReadonlySet<string>;
  mentions: ReadonlySet<string>;
  authorId: string;
  authorUsername: string;
  authorVerified: boolean;
  inReplyToUserId: string | null;
  inReplyToUsername: string | null;
  lang: string;
  isRetweet: boolean;
  isReply: boolean;
  isQuote: boolean;
  hasLinks: boolean;
  conversationId: string;
}

export interface MatchSource {
  text: string;
  lang: string;
  authorId: string;
  conversationId: string;
  entities: { hashtags?: { tag: string }[]; mentions?: { username: string }[]; urls?: unknown[] };
  inReplyTo?: { userId: string };
  retweetOf?: string;
}

export function matchTarget(
  post: MatchSource,
  author: { username: string; verified: boolean },
  inReplyToUsername: string | null,
): MatchTarget {
  return {
    tokens: tokenize(post.text),
    hashtags: new Set((post.entities.hashtags ?? []).map((h) => h.tag.toLowerCase())),
    mentions: new Set((post.entities.mentions ?? []).map((m) => m.username.toLowerCase())),
    authorId: post.authorId,
    authorUsername: author.username.toLowerCase(),
    authorVerified: author.verified,
    inReplyToUserId: post.inReplyTo?.userId ?? null,
    inReplyToUsername: inReplyToUsername?.toLowerCase() ?? null,
    lang: post.lang,
    isRetweet: post.retweetOf !== undefined,
    isReply: post.inReplyTo !== undefined,
    isQuote: false,
    hasLinks: (post.entities.urls ?? []).length > 0,
    conversationId: post.conversationId,
  };
}

function isUser(target: { id: string; username: string | null }, user: string): boolean {
  return target.username === user || target.id === user;
}

export function matches(node: QueryNode, t: MatchTarget): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => matches(c, t));
    case 'or':
      return node.children.some((c) => matches(c, t));
    case 'not':
      return !matches(node.child, t);
    case 'keyword':
    case 'phrase':
      return node.tokens.length === 1
        ? t.tokens.includes(node.tokens[0])
        : containsSequence(t.tokens, node.tokens);
    case 'hashtag':
      return t.hashtags.has(node.tag);
    case 'mention':
      return t.mentions.has(node.handle) || t.authorUsername === node.handle;
    case 'from':
      return isUser({ id: t.authorId, username: t.authorUsername }, node.user);
    case 'to':
      return (
        t.inReplyToUserId !== null &&
        isUser({ id: t.inReplyToUserId, username: t.inReplyToUsername }, node.user)
      );
    case 'lang':
      return t.lang === node.lang;
    case 'conversation':
      return t.conversationId === node.id;
    case 'is':
      switch (node.what) {
        case 'retweet':
          return t.isRetweet;
        case 'reply':
          return t.isReply;
        case 'quote':
          return t.isQuote;
        case 'verified':
          return t.authorVerified;
      }
      return false;
    case 'has':
      switch (node.what) {
        case 'hashtags':
          return t.hashtags.size > 0;
        case 'mentions':
          return t.mentions.size > 0;
        case 'links':
          return t.hasLinks;
        default:
          return false; // the simulator's posts carry no media and no geo
      }
  }
}
