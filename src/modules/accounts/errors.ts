import type { ErrorStatusMap } from '../../kernel/errors.js';

export const accountsErrors = {
  'accounts.not_found': 404,
  'accounts.filing_not_found': 404,
  'accounts.invalid_transition': 409,
  'accounts.not_active': 409,
  'accounts.handle_taken': 409,
  'accounts.naming_violation': 422,
  'accounts.not_an_approver': 403,
  'accounts.already_approved': 409,
  'accounts.filing_closed': 409,
  'accounts.filing_pending': 409,
  'accounts.not_a_member': 400,
  'accounts.invalid_settings': 400,
  'accounts.oauth_unsupported': 409,
  'accounts.app_credentials_missing': 409,
  'accounts.oauth_state_invalid': 400,
  'accounts.oauth_exchange_failed': 422,
  'accounts.not_connected': 409,
  'accounts.instance_url_not_allowed': 400,
} as const satisfies ErrorStatusMap;

export type AccountsErrorCode = keyof typeof accountsErrors;
