/**
 * Renders posts as Reddit links (`t3` things, the fields of the praw search cassette plus those Reddit has added
 * since) and pages of them as a Listing. Every post is a self post whose title is the text; a follow-up is a t3
 * too, in the same subreddit as the post its conversation started with.
 */
import { hash48, redditAccountFullname } from './identities';
import type { SimPost } from './model';
import type { Store } from './store';
import type { Json, JsonObject } from './x-render';

/** the demo subreddits, by the language of the conversation, and their subscriber counts */
export const SUBREDDITS: Readonly<Record<'en' | 'fr', readonly string[]>> = {
  en: ['broadband', 'HomeNetworking', 'techsupport', 'LumioCommunity'],
  fr: ['france', 'informatiqueFr', 'LumioCommunity'],
};
const SUBSCRIBERS: Readonly<Record<string, number>> = {
  broadband: 48_213,
  HomeNetworking: 1_204_551,
  techsupport: 2_013_880,
  LumioCommunity: 8_412,
  france: 2_690_112,
  informatiqueFr: 61_930,
};

/** the subreddit a post is in: picked from the conversation's root, so a thread stays in one place */
export function subredditOf(post: SimPost, store: Store): string {
  const root = store.post(post.conversationId) ?? post;
  const list = SUBREDDITS[root.lang === 'fr' ? 'fr' : 'en'];
  return list[hash48(`subreddit:${root.id}`) % list.length];
}

export function subredditId(name: string): string {
  return `t5_${(36 ** 4 + (hash48(`t5:${name}`) % (35 * 36 ** 4))).toString(36)}`;
}

/** Reddit's URL slug of a title: lower-case ASCII words joined by "_", about 50 characters at most */
export function slugOf(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const w of words) {
    const next = slug === '' ? w : `${slug}_${w}`;
    if (next.length > 50) break;
    slug = next;
  }
  return slug === '' ? (words[0]?.slice(0, 50) ?? '') : slug;
}

export function redditPermalink(post: SimPost, store: Store): string {
  return `/r/${subredditOf(post, store)}/comments/${post.nativeId}/${slugOf(post.text)}/`;
}

/** without raw_json=1, Reddit sends &, < and > in strings as HTML entities */
function legacyEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function upvoteRatio(post: SimPost): number {
  const likes = post.metrics.like_count;
  let ratio = 0.55 + 0.45 * (1 - 1 / (likes + 2));
  if (post.intent === 'abuse' || post.intent === 'spam') ratio -= 0.25;
  return Math.round(Math.max(0.05, Math.min(1, ratio)) * 100) / 100;
}

export function renderLink(post: SimPost, store: Store, rawJson: boolean): JsonObject {
  const author = store.user(post.authorId);
  const subreddit = subredditOf(post, store);
  const permalink = redditPermalink(post, store);
  const created = Date.parse(post.createdAt) / 1000;
  const score = post.metrics.like_count + 1;
  const text = (s: string) => (rawJson ? s : legacyEscape(s));
  return {
    approved_at_utc: null,
    subreddit,
    selftext: '',
    author_fullname: author ? redditAccountFullname(author) : null,
    saved: false,
    mod_reason_title: null,
    gilded: 0,
    clicked: false,
    title: text(post.text),
    link_flair_richtext: [],
    subreddit_name_prefixed: `r/${subreddit}`,
    hidden: false,
    pwls: 6,
    link_flair_css_class: null,
    downs: 0,
    thumbnail_height: null,
    top_awarded_type: null,
    hide_score: false,
    name: `t3_${post.nativeId}`,
    quarantine: false,
    link_flair_text_color: 'dark',
    upvote_ratio: upvoteRatio(post),
    author_flair_background_color: null,
    subreddit_type: 'public',
    ups: score,
    total_awards_received: 0,
    media_embed: {},
    thumbnail_width: null,
    author_flair_template_id: null,
    is_original_content: false,
    user_reports: [],
    secure_media: null,
    is_reddit_media_domain: false,
    is_meta: false,
    category: null,
    secure_media_embed: {},
    link_flair_text: null,
    can_mod_post: false,
    score,
    approved_by: null,
    is_created_from_ads_ui: false,
    author_premium: false,
    thumbnail: 'self',
    edited: false,
    author_flair_css_class: null,
    author_flair_richtext: [],
    gildings: {},
    content_categories: null,
    is_self: true,
    mod_note: null,
    created,
    link_flair_type: 'text',
    wls: 6,
    removed_by_category: null,
    banned_by: null,
    author_flair_type: 'text',
    domain: `self.${subreddit}`,
    allow_live_comments: false,
    selftext_html: null,
    likes: null,
    suggested_sort: null,
    banned_at_utc: null,
    view_count: null,
    archived: false,
    no_follow: score < 2,
    is_crosspostable: true,
    pinned: false,
    over_18: false,
    all_awardings: [],
    awarders: [],
    media_only: false,
    can_gild: false,
    spoiler: false,
    locked: false,
    author_flair_text: null,
    treatment_tags: [],
    visited: false,
    removed_by: null,
    num_reports: null,
    distinguished: null,
    subreddit_id: subredditId(subreddit),
    author_is_blocked: false,
    mod_reason_by: null,
    removal_reason: null,
    link_flair_background_color: '',
    id: post.nativeId,
    is_robot_indexable: true,
    report_reasons: null,
    author: author?.username ?? '[deleted]',
    discussion_type: null,
    num_comments: post.metrics.reply_count,
    send_replies: true,
    contest_mode: false,
    mod_reports: [],
    author_patreon_flair: false,
    author_flair_text_color: null,
    permalink,
    stickied: false,
    url: `https://www.reddit.com${permalink}`,
    subreddit_subscribers: SUBSCRIBERS[subreddit] ?? 1000,
    created_utc: created,
    num_crossposts: 0,
    media: null,
    is_video: false,
    // fields of the 2016 listing that Reddit still sends on some endpoints
    from: null,
    from_id: null,
    from_kind: null,
  };
}

export function listing(children: Json[], after: string | null, before: string | null): JsonObject {
  return {
    kind: 'Listing',
    data: {
      after,
      dist: children.length,
      facets: {},
      modhash: '',
      geo_filter: '',
      children,
      before,
    },
  };
}
