import type { ErrorStatusMap } from '../../kernel/errors.js';

export const notifyErrors = {
  'notify.channel_not_found': 404,
  'notify.notification_not_found': 404,
  'notify.invalid_config': 400,
  'notify.test_failed': 422,
} as const satisfies ErrorStatusMap;
