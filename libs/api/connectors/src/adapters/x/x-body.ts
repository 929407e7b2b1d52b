import { ConnectorError } from '../../connector-error';
import { asRecord } from '../../walk/merge';
import { isXId } from './x-ids';
import type { XSearchBody } from './x-mapper';

/** Checks the parts of a recent-search body that the walk relies on: `meta`, and posts with numeric ids. */
export function checkXSearchBody(data: unknown): XSearchBody {
  const body = asRecord(data);
  if (!body || !asRecord(body['meta'])) {
    throw new ConnectorError('temporary', 'X sent a malformed body: a search response without meta');
  }
  const posts = body['data'];
  if (posts !== undefined && (!Array.isArray(posts) || !posts.every((p) => isXId(asRecord(p)?.['id'])))) {
    throw new ConnectorError('temporary', 'X sent a malformed body: posts without numeric ids');
  }
  // checked above: what mapXSearchBody and the walk read is there, in the shape twitter-api-v2 declares
  return data as XSearchBody;
}
