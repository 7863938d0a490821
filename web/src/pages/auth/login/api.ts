import { request } from '../../../api/request';
import type { LoginResponse } from '../../../api/types';

/** 401 here means wrong credentials, not an expired session: no redirect. */
export const login = (body: { email: string; password: string }) =>
  request<LoginResponse>('/api/v1/auth/login', { method: 'POST', body, skipAuthRedirect: true });
