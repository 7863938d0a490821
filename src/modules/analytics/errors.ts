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
  'analytics.invalid_range': 400,
  'analytics.invalid_schedule': 400,
  'analytics.schedule_not_found': 404,
} as const satisfies ErrorStatusMap;
