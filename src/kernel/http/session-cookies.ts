import type { FastifyReply } from 'fastify';

/** How long a console session lasts. */
export const SESSION_DAYS = 14;

export const SESSION_COOKIE = 'chorus_session';
export const CSRF_COOKIE = 'chorus_csrf';
export const CSRF_HEADER = 'x-csrf-token';

let secureCookies = false;
/** Cookies are marked Secure when Chorus is served over https (CHORUS_BASE_URL). */
export function useSecureCookies(on: boolean) { secureCookies = on; }

export function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string) {
  const common = { path: '/', sameSite: 'lax' as const, secure: secureCookies, maxAge: SESSION_DAYS * 86_400 };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  // Readable by the console, which echoes it in x-csrf-token on unsafe requests (double submit).
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
