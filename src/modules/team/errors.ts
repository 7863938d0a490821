import type { ErrorStatusMap } from '../../kernel/errors.js';

export const teamErrors = {
  'auth.invalid_credentials': 401,
  'auth.rate_limited': 429,
  'auth.session_expired': 401,
  'auth.weak_password': 400,
  'auth.wrong_password': 400,
  'workspace.not_found': 404,
  'workspace.invalid_time_zone': 400,
  'members.not_found': 404,
  'members.already_member': 409,
  'members.last_owner': 409,
  'members.role_not_allowed': 403,
  'members.cannot_remove_self': 409,
  'tokens.not_found': 404,
  'tokens.scope_not_allowed': 400,
  'admin.email_taken': 409,
} as const satisfies ErrorStatusMap;
