// Presentational components of Écoute: they receive data and translated strings, and fetch nothing.
import './lib/styles.css';

export * from './lib/colors';
export * from './lib/format';
export * from './lib/use-now';
export * from './lib/badges';
export * from './lib/author';
export * from './lib/mention-byline';
export * from './lib/relative-time';
export * from './lib/layout';
export * from './lib/load-state';
export * from './lib/kpi-card';
export * from './lib/evidence';
export * from './lib/correct-mention';
export * from './lib/highlighted-text';
export * from './lib/truncated-text';
export * from './lib/charts';
export * from './lib/selectable-list';
export * from './lib/three-pane';
export * from './lib/languages';
