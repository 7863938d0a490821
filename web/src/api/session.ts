/** Calls about the signed-in person, shared by the shell (layout, guard, language switch). */
import { http, request } from './request';
import type { Me, RoleInfo, ScopeInfo, User } from './types';
import type { Locale } from '../locales/meta';

export const fetchMe = (signal?: AbortSignal) =>
  request<Me>('/api/v1/me', { signal, skipAuthRedirect: true });

export const updateMe = (body: { name?: string; locale?: Locale }) =>
  http.patch<{ user: User }>('/api/v1/me', body);

export const logout = () => request<void>('/api/v1/auth/logout', { method: 'POST', skipAuthRedirect: true });

export const fetchRoles = () => http.get<{ roles: RoleInfo[] }>('/api/v1/meta/roles');

export const fetchScopes = () => http.get<{ scopes: ScopeInfo[] }>('/api/v1/meta/scopes');
