import type { ErrorStatusMap } from '../../kernel/errors.js';

export const inboxErrors = {
  'inbox.not_found': 404,
  'inbox.reply_not_found': 404,
  'inbox.reply_not_failed': 409,
  'inbox.invalid_assignee': 400,
  'inbox.reply_unsupported': 422,
  'inbox.dm_unsupported': 422,
  'inbox.dm_window_closed': 422,
  'inbox.moderation_unsupported': 422,
  'compliance.blocked': 422,
} as const satisfies ErrorStatusMap;
