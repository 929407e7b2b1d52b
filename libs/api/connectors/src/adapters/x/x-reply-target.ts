import type { TweetSearchRecentV2Paginator, TwitterApi } from 'twitter-api-v2';
import type { ReplyRequest, ReplyTarget } from '../../types';
import { toConnectorError } from './x-errors';

/** Posts a reply as the brand's account (`POST /2/tweets` with `reply.in_reply_to_tweet_id`). */
export class XReplyTarget implements ReplyTarget {
  readonly platform = 'x' as const;

  constructor(
    private readonly client: TwitterApi,
    private readonly searchClient: TwitterApi | null,
    private readonly accountHandle: string,
  ) {}

  async postReply(request: ReplyRequest): Promise<{ externalId: string; url: string }> {
    try {
      const result = await this.client.v2.reply(request.text, request.inReplyToExternalId);
      return { externalId: result.data.id, url: this.url(result.data.id) };
    } catch (e) {
      throw toConnectorError(e);
    }
  }

  async findPostedReply(request: ReplyRequest): Promise<{ externalId: string; url: string } | null> {
    if (!this.searchClient) return null;
    try {
      const body = await this.searchClient.v2.get<TweetSearchRecentV2Paginator['data']>('tweets/search/recent', {
        query: `conversation_id:${request.threadKey} from:${this.accountHandle}`,
        max_results: 100,
        'tweet.fields': 'referenced_tweets,conversation_id',
      });
      const found = (body.data ?? []).find(
        (t) =>
          t.text === request.text &&
          (t.referenced_tweets ?? []).some((r) => r.type === 'replied_to' && r.id === request.inReplyToExternalId),
      );
      return found ? { externalId: found.id, url: this.url(found.id) } : null;
    } catch (e) {
      throw toConnectorError(e);
    }
  }

  private url(id: string): string {
    return `https://x.com/${this.accountHandle}/status/${id}`;
  }
}
