import type zh from '../zh-CN/errors';

const en: Record<keyof typeof zh, string> = {
  'errors.unknown': 'Something went wrong, please try again',
  'errors.network_error': 'Cannot reach the server, check your network',
  'errors.internal': 'Internal server error, please try again later',
  'errors.validation_failed': 'Some values are not valid, please check and retry',
  'errors.not_found': 'Not found, or it has been deleted',
  'errors.unauthorized': 'Your session has ended, please sign in again',
  'errors.forbidden': 'You are not allowed to do this',
  'errors.csrf_failed': 'Security check failed, please reload the page',
  'errors.conflict': 'Someone else changed this, please reload',
  'errors.rate_limited': 'Too many requests, please wait a moment',
  'errors.payload_too_large': 'The content is too large',
  'errors.unavailable': 'Service unavailable, please try again later',
  'errors.auth.invalid_credentials': 'Wrong email or password',
  'errors.auth.rate_limited': 'Too many sign-in attempts, please try again in 15 minutes',
  'errors.auth.session_expired': 'Your session has expired, please sign in again',
  'errors.auth.weak_password': 'Password too weak: at least 10 characters with three of upper case, lower case, digits and symbols, not containing your email name',
  'errors.auth.wrong_password': 'The current password is wrong',
  'errors.workspace.not_found': 'Workspace not found, or you are no longer a member',
  'errors.workspace.invalid_time_zone': 'Invalid time zone',
  'errors.members.not_found': 'Member not found',
  'errors.members.already_member': 'This email is already a member',
  'errors.members.last_owner': 'A workspace needs at least one owner',
  'errors.members.role_not_allowed': 'You may not grant or change this role',
  'errors.members.cannot_remove_self': 'You cannot remove yourself',
  'errors.tokens.not_found': 'Token not found or already revoked',
  'errors.tokens.scope_not_allowed': 'A chosen scope exceeds your role',
  'errors.admin.email_taken': 'This email is already in use',
};

export default en;
