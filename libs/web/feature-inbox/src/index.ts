export { InboxPage, type InboxPageProps } from './lib/inbox-page';
export { RoutingPage } from './lib/routing/routing-page';
export { routingPaths, type RoutingPageProps } from './lib/routing/paths';
