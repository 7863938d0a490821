import type { ErrorStatusMap } from '../../kernel/errors.js';

export const complianceErrors = {
  'compliance.invalid_pack': 400,
} as const satisfies ErrorStatusMap;
