import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type * as accounts from '../../../../../src/modules/accounts/schema';

export type AccountSettings = z.infer<typeof accounts.settingsSchema>;

export const fetchSettings = (workspaceId: string) => http.get<{ settings: AccountSettings }>(ws(workspaceId, '/accounts/settings'));
export const saveSettings = (workspaceId: string, settings: AccountSettings) =>
  http.put<{ settings: AccountSettings }>(ws(workspaceId, '/accounts/settings'), settings);
