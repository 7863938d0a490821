import type { ErrorStatusMap } from '../../kernel/errors.js';

export const crisisErrors = {
  'crisis.incident_not_found': 404,
  'crisis.playbook_not_found': 404,
  'crisis.drill_not_found': 404,
  'crisis.bad_transition': 409,
  'crisis.checklist_item_not_found': 404,
  'crisis.statement_not_found': 404,
  'crisis.statement_unfilled': 422,
  'crisis.statement_blocked': 422,
  'crisis.statement_state': 409,
  'crisis.self_approval': 403,
  'crisis.postmortem_required': 409,
  'crisis.template_not_found': 404,
  'crisis.account_not_found': 404,
} as const satisfies ErrorStatusMap;
