import type { z } from 'zod';
import { http, request, ws } from '../../../api/request';
import type * as s from '../../../../../src/modules/notify/schema';

export type Notification = z.infer<typeof s.notificationSchema>;
export type Preferences = z.infer<typeof s.preferencesSchema>;
export type Channel = z.infer<typeof s.channelSchema>;
export type ChannelKind = Channel['kind'];
export type CreateChannelBody = z.input<typeof s.createChannelBody>;
export type UpdateChannelBody = z.input<typeof s.updateChannelBody>;
export type Delivery = z.infer<typeof s.deliverySchema>;
export interface Feed {
  items: Notification[];
  unread: number;
}

export const CHANNEL_KINDS: ChannelKind[] = ['wecom', 'dingtalk', 'feishu', 'email', 'webhook'];

/** The events modules send today; channels may also subscribe to `*` or a prefix such as `publish.*`. */
export const EVENTS = [
  'review.overdue',
  'accounts.filing_overdue',
  'content.cadence_low',
  'publish.failed',
  'publish.unconfirmed',
  'publish.handoff',
  'publish.waiting_auth',
  'publish.first_reply',
] as const;
export const EVENT_PATTERNS = ['*', 'publish.*', ...EVENTS];

/** GET …/notifications; with waitSeconds the server holds the request until something newer than `after` arrives. */
export const fetchFeed = (workspaceId: string, q: { after?: string; waitSeconds?: number; limit?: number }, signal?: AbortSignal) =>
  request<Feed>(ws(workspaceId, '/notifications'), { query: q, signal });
export const markRead = (workspaceId: string, body: { ids?: string[]; all?: boolean }) =>
  http.post<{ updated: number; unread: number }>(ws(workspaceId, '/notifications/read'), body);

export const fetchPreferences = (workspaceId: string) => http.get<Preferences>(ws(workspaceId, '/notify/preferences'));
export const savePreferences = (workspaceId: string, prefs: Preferences) =>
  request<Preferences>(ws(workspaceId, '/notify/preferences'), { method: 'PUT', body: prefs });

export const fetchChannels = (workspaceId: string) => http.get<{ items: Channel[] }>(ws(workspaceId, '/notify/channels'));
export const createChannel = (workspaceId: string, body: CreateChannelBody) =>
  http.post<{ channel: Channel }>(ws(workspaceId, '/notify/channels'), body);
export const updateChannel = (workspaceId: string, id: string, body: UpdateChannelBody) =>
  http.patch<{ channel: Channel }>(ws(workspaceId, `/notify/channels/${encodeURIComponent(id)}`), body);
export const deleteChannel = (workspaceId: string, id: string) => http.del(ws(workspaceId, `/notify/channels/${encodeURIComponent(id)}`));
export const testChannel = (workspaceId: string, id: string) =>
  http.post<{ ok: boolean; responseStatus: number }>(ws(workspaceId, `/notify/channels/${encodeURIComponent(id)}/test`));
export const fetchDeliveries = (workspaceId: string) => http.get<{ items: Delivery[] }>(ws(workspaceId, '/notify/deliveries'));
