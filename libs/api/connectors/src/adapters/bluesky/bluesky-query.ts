import type { ListeningQuerySpec } from '@ecoute/contracts';
import {
  bareHandle,
  bareHashtag,
  includeSearches,
  oneRequestPerSearch,
  searchWithExclusions,
} from '../../query/terms';

/** A Bluesky handle has a dot (`brand.bsky.social`); a handle from another platform (`@brand`) has none. */
function handleSearch(handle: string): string {
  const bare = bareHandle(handle);
  return bare.includes('.') ? `mentions:${bare}` : bare;
}

/**
 * Bluesky post search: one search per include term (phrases quoted; includeMode 'all': one search with
 * every term), per hashtag (`#tag`) and per handle, each followed by the exclusions (`-term`) and, for a
 * single language, `lang:xx`. A Bluesky handle (it has a dot: `brand.bsky.social`) becomes `mentions:handle`;
 * a handle from another platform (`@brand`) is searched as the word, which finds "@brand" in the text.
 */
export function compileBlueskyQuery(spec: ListeningQuerySpec): string[] {
  const search = searchWithExclusions(spec, (language) => `lang:${language}`);
  return oneRequestPerSearch('Bluesky', spec, [
    ...includeSearches(spec).map(search),
    ...spec.hashtags.map((h) => search(`#${bareHashtag(h)}`)),
    ...spec.handles.map((h) => search(handleSearch(h))),
  ]);
}
