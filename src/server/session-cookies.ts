export * from '../kernel/http/session-cookies.js';
