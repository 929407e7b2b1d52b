import { initialsSource } from './author';

describe('initialsSource', () => {
  it.each([
    ['Jordan 📚', 'Jordan'],
    ['📚 Jordan Lee', 'Jordan Lee'],
    ['Léa Lead', 'Léa Lead'],
    ['🔥🔥', ''],
    ['  Zoé   ', 'Zoé'],
  ])('%j → %j', (name, expected) => {
    expect(initialsSource(name)).toBe(expected);
  });
});
