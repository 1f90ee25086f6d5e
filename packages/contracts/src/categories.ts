/** Inbox categories come from the domain core, so server and web app share one list. */
export { inboxCategories, type InboxCategory } from '@innboks/core/inbox/category';
