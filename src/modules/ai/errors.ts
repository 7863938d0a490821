import type { ErrorStatusMap } from '../../kernel/errors.js';

export const aiErrors = {
  'ai.not_configured': 503,
  'ai.monthly_cap_reached': 429,
  'ai.upstream_failed': 503,
} as const satisfies ErrorStatusMap;
