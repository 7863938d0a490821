import type { ErrorStatusMap } from '../../kernel/errors.js';

export const textErrors = {
  'text.word_not_found': 404,
} as const satisfies ErrorStatusMap;
