import type { z } from 'zod';
import { http, ws } from '../../../api/request';
import type * as accounts from '../../../../../src/modules/accounts/schema';

export type Matrix = z.infer<typeof accounts.matrixResponse>;
export type MatrixRow = Matrix['items'][number];

export const fetchMatrix = (workspaceId: string) => http.get<Matrix>(ws(workspaceId, '/accounts/matrix'));
