export { OverviewPage, type OverviewPageProps } from './lib/overview-page';
