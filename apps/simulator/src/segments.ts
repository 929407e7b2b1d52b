/**
 * A post's text cut into plain runs and entities (links, mentions, hashtags), from the entities X extraction
 * found, for the platforms that mark them up: Mastodon's HTML, Bluesky's facets. Offsets are code points.
 */
import type { SimPost } from './model';

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'url'; text: string; url: string }
  | { kind: 'mention'; text: string; username: string }
  | { kind: 'hashtag'; text: string; tag: string };

type Span = { start: number; end: number; segment: Segment };

export function segments(post: Pick<SimPost, 'text' | 'entities'>): Segment[] {
  const chars = Array.from(post.text);
  const slice = (start: number, end: number) => chars.slice(start, end).join('');
  const spans: Span[] = [];
  for (const u of post.entities.urls ?? [])
    spans.push({
      start: u.start,
      end: u.end,
      segment: { kind: 'url', text: slice(u.start, u.end), url: u.url },
    });
  for (const m of post.entities.mentions ?? []) {
    spans.push({
      start: m.start,
      end: m.end,
      segment: { kind: 'mention', text: slice(m.start, m.end), username: m.username },
    });
  }
  for (const h of post.entities.hashtags ?? [])
    spans.push({
      start: h.start,
      end: h.end,
      segment: { kind: 'hashtag', text: slice(h.start, h.end), tag: h.tag },
    });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping entities: the first wins
    if (s.start > at) out.push({ kind: 'text', text: slice(at, s.start) });
    out.push(s.segment);
    at = s.end;
  }
  if (at < chars.length) out.push({ kind: 'text', text: slice(at, chars.length) });
  return out;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
