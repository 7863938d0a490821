import type { ErrorStatusMap } from '../../kernel/errors.js';

export const analyticsErrors = {
  'analytics.invalid_week': 400,
  'analytics.invalid_period': 400,
  'analytics.invalid_goal': 400,
  'analytics.import_invalid': 422,
  'analytics.import_empty': 422,
  'analytics.goal_not_found': 404,
  'analytics.competitor_not_found': 404,
  'analytics.competitor_exists': 409,
} as const satisfies ErrorStatusMap;
