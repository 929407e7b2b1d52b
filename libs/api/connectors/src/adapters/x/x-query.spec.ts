import { ListeningQuerySpec } from '@ecoute/contracts';
import { ConnectorError } from '../../connector-error';
import { compileXQuery, X_QUERY_MAX_LENGTH } from './x-query';

const spec = (s: Partial<ListeningQuerySpec>) => ListeningQuerySpec.parse(s);

describe('compileXQuery', () => {
  it('ORs terms, hashtags and handles, excludes terms and reposts', () => {
    expect(
      compileXQuery(
        spec({
          include: ['Lumio', 'lumio fibre'],
          hashtags: ['Lumio'],
          handles: ['@lumio'],
          exclude: ['job'],
        }),
      ),
    ).toBe('(Lumio OR "lumio fibre" OR #Lumio OR @lumio) -job -is:retweet');
  });
  it('adds languages, and keeps reposts when asked', () => {
    expect(
      compileXQuery(spec({ hashtags: ['LumioFibre'], languages: ['en', 'fr'], includeReposts: true })),
    ).toBe('#LumioFibre (lang:en OR lang:fr)');
  });
  it('ANDs the terms with includeMode all, as one alternative beside hashtags and handles', () => {
    expect(
      compileXQuery(spec({ include: ['Lumio', 'fibre optic'], includeMode: 'all', languages: ['fr'] })),
    ).toBe('Lumio "fibre optic" lang:fr -is:retweet');
    expect(
      compileXQuery(spec({ include: ['Lumio', 'outage'], includeMode: 'all', hashtags: ['#LumioDown'] })),
    ).toBe('((Lumio outage) OR #LumioDown) -is:retweet');
    expect(compileXQuery(spec({ include: ['Lumio'], includeMode: 'all' }))).toBe('Lumio -is:retweet');
  });
  it('refuses an empty query and one over the X length limit, naming the limit', () => {
    expect(() => compileXQuery(spec({}))).toThrow(ConnectorError);
    const long = spec({ include: Array.from({ length: 50 }, (_, i) => `term-number-${i}`) });
    expect(() => compileXQuery(long)).toThrow(new RegExp(`at most ${X_QUERY_MAX_LENGTH}`));
    try {
      compileXQuery(long);
    } catch (e) {
      expect(e).toMatchObject({ code: 'bad_query' });
    }
  });
});
