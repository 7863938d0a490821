import { randomBytes, randomUUID } from 'node:crypto';

/** Row ids are UUIDs (v4): unguessable, so a leaked id reveals nothing about volume. */
export const newId = (): string => randomUUID();

/** URL-safe random secret, e.g. for API tokens and ICS feed tokens. */
export const newSecret = (bytes = 24): string => randomBytes(bytes).toString('base64url');
