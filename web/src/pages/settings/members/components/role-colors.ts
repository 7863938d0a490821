import type { Role } from '../../../../api/types';

export const ROLE_COLORS: Record<Role, string> = {
  owner: 'gold',
  leader: 'volcano',
  manager: 'blue',
  creator: 'cyan',
  community: 'green',
  analyst: 'purple',
  compliance: 'magenta',
  viewer: 'default',
};
