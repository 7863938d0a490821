import type { ErrorStatusMap } from '../../kernel/errors.js';

export const listeningErrors = {
  'listening.invalid_query': 400,
  'listening.monitor_not_found': 404,
  'listening.alert_not_found': 404,
  'listening.mention_not_found': 404,
  'listening.feed_not_found': 404,
  'listening.invalid_matrix': 400,
} as const satisfies ErrorStatusMap;
