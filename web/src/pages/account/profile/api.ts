import { http } from '../../../api/request';

export { updateMe } from '../../../api/session';

export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  http.post<void>('/api/v1/me/password', body);
