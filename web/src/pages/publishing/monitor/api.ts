import { http, ws } from '../../../api/request';
import type { DetailDto, MonitorDto, PublicationDto, AttemptDto } from '../../../../../src/modules/publishing/schema';

export type Monitor = MonitorDto;
export type Publication = PublicationDto;
export type Attempt = AttemptDto;
export type Detail = DetailDto;
export type Tab = 'due' | 'in_flight' | 'failed' | 'unconfirmed' | 'handoff';
export const TABS: Tab[] = ['due', 'in_flight', 'failed', 'unconfirmed', 'handoff'];

const pub = (workspaceId: string, id: string, action = '') => ws(workspaceId, `/publishing/publications/${encodeURIComponent(id)}${action}`);

export const fetchMonitor = (workspaceId: string, tab: Tab, offset = 0) =>
  http.get<Monitor>(ws(workspaceId, '/publishing/monitor'), { tab, limit: 50, offset });
export const fetchDetail = (workspaceId: string, id: string) => http.get<Detail>(pub(workspaceId, id));
/** Idempotent on the server: the same idempotency key, and the platform is asked first. */
export const retryPublication = (workspaceId: string, id: string) => http.post<Detail>(pub(workspaceId, id, '/retry'));
export const confirmPublication = (workspaceId: string, id: string, url: string) => http.post<Detail>(pub(workspaceId, id, '/confirm'), { url });
export const cancelPublication = (workspaceId: string, id: string) => http.post<Detail>(pub(workspaceId, id, '/cancel'));
