// Listening: queries (editor, compiled form, preview), sources and their health, the mention stream (DESIGN §8).
export { ListeningQueriesPage } from './lib/queries-page';
export { ListeningSourcesPage } from './lib/sources-page';
export { ListeningMentionsPage } from './lib/mentions-page';
export { listeningPaths, type ListeningPageProps } from './lib/paths';
