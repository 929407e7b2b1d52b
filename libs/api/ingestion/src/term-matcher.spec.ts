import { ListeningQuerySpec } from '@ecoute/contracts';
import { judgeLocally, matchTerms } from './term-matcher';

const spec = (s: Partial<ListeningQuerySpec>) => ListeningQuerySpec.parse(s);

describe('matchTerms', () => {
  it('finds words and phrases on word boundaries, case-insensitively', () => {
    const q = spec({ include: ['Lumio', 'lumio fibre'] });
    expect(matchTerms(q, 'My LUMIO Fibre box is down')).toEqual(['Lumio', 'lumio fibre']);
    expect(matchTerms(q, 'Lumios everywhere')).toEqual([]);
  });
  it('matches hashtags and handles with their sigil, and a handle also matches its own posts', () => {
    const q = spec({ hashtags: ['LumioFibre'], handles: ['@lumio'] });
    expect(matchTerms(q, 'launch day #lumiofibre!')).toEqual(['#LumioFibre']);
    expect(matchTerms(q, 'hey @Lumio help')).toEqual(['@lumio']);
    expect(matchTerms(q, 'we fixed it', 'lumio')).toEqual(['@lumio']);
    expect(matchTerms(q, '#LumioFibreX is another tag')).toEqual([]);
  });
});

describe('judgeLocally', () => {
  it('drops posts with an exclude term, keeps the others with the terms found', () => {
    const q = spec({ include: ['Lumio'], exclude: ['job offer'] });
    expect(judgeLocally(q, 'Lumio job offer in Lyon', null)).toEqual({ matchedTerms: ['Lumio'], dropReason: 'excluded_term' });
    expect(judgeLocally(q, 'Lumio is down', null)).toEqual({ matchedTerms: ['Lumio'], dropReason: null });
  });
  it('drops posts in another language when languages are set, and keeps those of unknown language', () => {
    const q = spec({ include: ['Lumio'], languages: ['fr'] });
    expect(judgeLocally(q, 'Lumio is down', 'en').dropReason).toBe('language');
    expect(judgeLocally(q, 'Lumio est en panne', 'fr').dropReason).toBeNull();
    expect(judgeLocally(q, 'Lumio', null).dropReason).toBeNull();
  });
  it('records, but does not enforce, the include terms (platforms match on fields the text does not show)', () => {
    expect(judgeLocally(spec({ include: ['Lumio'] }), 'a post found by its link', null)).toEqual({ matchedTerms: [], dropReason: null });
  });
});
