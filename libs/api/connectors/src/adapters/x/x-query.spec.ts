import { ListeningQuerySpec } from '@ecoute/contracts';
import { ConnectorError } from '../../connector-error';
import { compileXQuery, X_QUERY_MAX_LENGTH } from './x-query';

const spec = (s: Partial<ListeningQuerySpec>) => ListeningQuerySpec.parse(s);

describe('compileXQuery', () => {
  it('ORs terms, hashtags and handles, excludes terms and reposts', () => {
    expect(compileXQuery(spec({ include: ['Lumio', 'lumio fibre'], hashtags: ['Lumio'], handles: ['@lumio'], exclude: ['job'] }))).toBe(
      '(Lumio OR "lumio fibre" OR #Lumio OR @lumio) -job -is:retweet',
    );
  });
  it('adds languages, and keeps reposts when asked', () => {
    expect(compileXQuery(spec({ hashtags: ['LumioFibre'], languages: ['en', 'fr'], includeReposts: true }))).toBe('#LumioFibre (lang:en OR lang:fr)');
  });
  it('refuses an empty query and one over the X length limit, naming the limit', () => {
    expect(() => compileXQuery(spec({}))).toThrow(ConnectorError);
    const long = spec({ include: Array.from({ length: 50 }, (_, i) => `term-number-${i}`) });
    expect(() => compileXQuery(long)).toThrow(new RegExp(`at most ${X_QUERY_MAX_LENGTH}`));
  });
});
