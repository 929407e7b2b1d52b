import { z } from 'zod';
import { count, dateString } from '../../schema/parse';

/** The fields of a Mastodon Account the connector reads (docs.joinmastodon.org/entities/Account). */
export const MastodonAccount = z.object({
  id: z.string().min(1),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().nullish(),
  url: z.string().nullish(),
  avatar: z.string().nullish(),
  bot: z.boolean().nullish(),
  followers_count: count,
});

const statusFields = {
  id: z.string().min(1),
  uri: z.string(),
  url: z.string().nullish(),
  created_at: dateString,
  in_reply_to_id: z.string().nullish(),
  language: z.string().nullish(),
  spoiler_text: z.string().nullish(),
  content: z.string(),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
  quotes_count: count,
  account: MastodonAccount,
};

/** The fields of a Mastodon Status the connector reads (docs.joinmastodon.org/entities/Status). */
export const MastodonStatus = z.object({ ...statusFields, reblog: z.object(statusFields).nullish() });
export type MastodonStatus = z.infer<typeof MastodonStatus>;
export type MastodonStatusCore = Omit<MastodonStatus, 'reblog'>;

/** `GET /api/v2/search` (only `statuses` is read). */
export const MastodonSearchBody = z.object({ statuses: z.array(z.unknown()) });
/** `GET /api/v1/timelines/tag/:tag` */
export const MastodonTimelineBody = z.array(z.unknown());
