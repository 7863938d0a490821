import type { ErrorStatusMap } from '../../kernel/errors.js';

export const publishingErrors = {
  'publishing.not_found': 404,
  'publishing.invalid_schedule': 400,
  'publishing.in_flight': 409,
  'publishing.already_published': 409,
  'publishing.invalid_state': 409,
  'publishing.invalid_url': 400,
} as const satisfies ErrorStatusMap;
