import type { ErrorStatusMap } from '../../kernel/errors.js';

export const inboundErrors = {
  'inbound.unknown_endpoint': 404,
  'inbound.bad_signature': 401,
  'inbound.no_webhooks': 404,
} as const satisfies ErrorStatusMap;
