// Every module's tables, for drizzle's typed queries. Add a line per module with tables.
export * from '../modules/team/tables.js';
export * from '../modules/notify/tables.js';
export * from '../modules/inbound/tables.js';
export * from '../modules/text/tables.js';
export * from '../modules/review/tables.js';
export * from '../modules/accounts/tables.js';
export * from '../modules/publishing/tables.js';
export * from '../modules/content/tables.js';
export * from '../modules/analytics/tables.js';
export * from '../modules/listening/tables.js';
export * from '../modules/inbox/tables.js';
export * from '../modules/compliance/tables.js';
export * from '../modules/ai/tables.js';
export * from '../modules/crisis/tables.js';
export * from '../modules/events/tables.js';
