import { stubFetch } from '../testing/fetch-stub';
import { getMentions } from '../mentions/get-mentions';
import { compileListeningQuery } from './compile-listening-query';
import { createListeningQuery } from './create-listening-query';
import { deleteListeningQuery } from './delete-listening-query';
import { getListeningQueries } from './get-listening-queries';
import { getListeningQuery } from './get-listening-query';
import { getSources } from './get-sources';
import { listeningKeys } from './keys';
import { previewListeningQuery } from './preview-listening-query';
import { updateListeningQuery } from './update-listening-query';
import { updateSource } from './update-source';


const spec = {
  include: ['lumio'],
  includeMode: 'any' as const,
  exclude: [],
  hashtags: [],
  handles: [],
  languages: [],
  includeReposts: false,
};

describe('listening fetchers', () => {
  it('call each endpoint with its method and body', async () => {
    const { fetch, calls } = stubFetch();
    await getListeningQueries({ fetch });
    await getListeningQuery('q 1', { fetch });
    await createListeningQuery(
      { name: 'Lumio', kind: 'brand', spec, platforms: ['x'], active: true, pollIntervalSeconds: 60 },
      { fetch },
    );
    await updateListeningQuery({ id: 'q1', changes: { active: false } }, { fetch });
    await compileListeningQuery({ spec, platforms: ['x', 'reddit'] }, { fetch });
    await previewListeningQuery({ spec, platforms: ['x'], limit: 20 }, { fetch });
    await getSources({ fetch });
    await updateSource({ id: 's1', changes: { state: 'paused' } }, { fetch });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/listening/queries',
      'GET /api/listening/queries/q%201',
      'POST /api/listening/queries',
      'PATCH /api/listening/queries/q1',
      'POST /api/listening/compile',
      'POST /api/listening/preview',
      'GET /api/listening/sources',
      'PATCH /api/listening/sources/s1',
    ]);
    expect(calls[3].body).toEqual({ active: false });
    expect(calls[4].body).toEqual({ spec, platforms: ['x', 'reddit'] });
    expect(calls[7].body).toEqual({ state: 'paused' });
  });

  it('deletes with a 204 and no body', async () => {
    const { fetch, calls } = stubFetch(204);
    await expect(deleteListeningQuery('q1', { fetch })).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ method: 'DELETE', url: '/api/listening/queries/q1' });
  });

  it('rejects with the API message naming the limit', async () => {
    const message = 'the X query is 530 characters; X allows at most 512';
    const { fetch } = stubFetch(400, { statusCode: 400, error: 'Bad Request', message });
    await expect(
      createListeningQuery(
        { name: 'Lumio', kind: 'brand', spec, platforms: ['x'], active: true, pollIntervalSeconds: 60 },
        { fetch },
      ),
    ).rejects.toMatchObject({ status: 400, message });
  });

  it('filters the mentions by query and platform', async () => {
    const { fetch, calls } = stubFetch(200, { items: [], nextCursor: null });
    await getMentions({ queryId: 'q1', platform: 'reddit', cursor: 'c2', limit: 25 }, { fetch });
    await getMentions({ queryId: null, platform: null }, { fetch });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/mentions?limit=25&cursor=c2&queryId=q1&platform=reddit',
      '/api/mentions?limit=50',
    ]);
  });

  it('keys everything under one root, so that a change invalidates it all', () => {
    expect(listeningKeys.query('q1').slice(0, 1)).toEqual(listeningKeys.all);
    expect(listeningKeys.sources().slice(0, 1)).toEqual(listeningKeys.all);
    expect(listeningKeys.compile({ spec, platforms: ['x'] }).slice(0, 1)).toEqual(listeningKeys.all);
  });
});
