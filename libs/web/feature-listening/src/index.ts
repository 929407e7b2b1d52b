// Listening: queries (editor, compiled form, preview), sources and their health, the mention stream (DESIGN §8),
// and the sentiment tuning (try a text, lexicon words and ignored terms, review of the agents' corrections).
export { ListeningQueriesPage } from './lib/queries-page';
export { ListeningSourcesPage } from './lib/sources-page';
export { ListeningMentionsPage } from './lib/mentions-page';
export { UnderstandingPage } from './lib/understanding-page';
export { listeningPaths, type ListeningPageProps } from './lib/paths';
