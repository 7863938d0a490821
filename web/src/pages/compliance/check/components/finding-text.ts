import type { Finding } from '../api';

/** The finding's message and suggestion in the interface language (the server sends both). */
export function findingText(f: Finding, language: string): { message: string; suggestion: string | null } {
  return language === 'en-US' ? f.en : { message: f.message, suggestion: f.suggestion };
}

export const SEVERITY_COLOR = { block: 'error', warn: 'warning' } as const;
