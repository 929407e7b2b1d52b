export { InboxPage, type InboxPageProps } from './lib/inbox-page';
