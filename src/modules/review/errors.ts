import type { ErrorStatusMap } from '../../kernel/errors.js';

export const reviewErrors = {
  'review.not_found': 404,
  'review.variant_not_found': 404,
  'review.finding_not_found': 404,
  'review.self_approval': 403,
  'review.not_your_stage': 403,
  'review.not_in_review': 409,
  'review.already_decided': 409,
  'review.stale_version': 409,
  'review.blocked_by_findings': 409,
  'review.unacknowledged_warnings': 409,
  'review.not_a_warning': 409,
  'review.invalid_policy': 400,
  'review.invalid_comment': 400,
  'review.no_approver': 400,
  'review.not_a_member': 400,
  'review.author_mismatch': 403,
} as const satisfies ErrorStatusMap;

export type ReviewErrorCode = keyof typeof reviewErrors;
