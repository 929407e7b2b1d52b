import { CreateListeningQueryRequest, findTermRanges, ListeningQuerySpec } from './listening';

describe('findTermRanges', () => {
  it('finds every occurrence on word boundaries, sorted, never overlapping', () => {
    const text = 'Lumio fibre: lumio is fast. #LumioFibre, Lumios';
    expect(findTermRanges(text, ['lumio', 'Lumio fibre', '#LumioFibre'])).toEqual([
      { start: 0, end: 11, term: 'Lumio fibre' },
      { start: 13, end: 18, term: 'lumio' },
      { start: 28, end: 39, term: '#LumioFibre' },
    ]);
  });
  it('returns nothing for no terms', () => {
    expect(findTermRanges('text', [])).toEqual([]);
  });
});

describe('listening query validation', () => {
  it('defaults the optional fields and refuses bad ones with a message', () => {
    expect(ListeningQuerySpec.parse({ include: ['a'] })).toMatchObject({ includeMode: 'any', exclude: [], includeReposts: false });
    expect(ListeningQuerySpec.safeParse({ hashtags: ['no spaces'] }).error?.issues[0].message).toMatch(/hashtag/);
    const r = CreateListeningQueryRequest.safeParse({ name: 'x', kind: 'brand', spec: {}, platforms: ['x', 'x'] });
    expect(r.error?.issues[0].message).toMatch(/twice/);
  });
});
