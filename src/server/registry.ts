// The modules Chorus is made of: their routes, error codes and jobs. Add a line per module.
import type { ErrorStatusMap } from '../kernel/errors.js';
import { outboundErrors } from '../kernel/outbound.js';
import { teamErrors } from '../modules/team/errors.js';
import { teamRoutes } from '../modules/team/routes.js';
import { notifyErrors } from '../modules/notify/errors.js';
import { notifyRoutes } from '../modules/notify/routes.js';
import { reviewErrors } from '../modules/review/errors.js';
import { reviewRoutes } from '../modules/review/routes.js';
import { accountsErrors } from '../modules/accounts/errors.js';
import { accountsRoutes } from '../modules/accounts/routes.js';
import { complianceRoutes } from '../modules/compliance/routes.js';
import { complianceErrors } from '../modules/compliance/errors.js';
import { aiErrors } from '../modules/ai/errors.js';
import { platformErrors } from '../modules/platforms/errors.js';
import { publishingErrors } from '../modules/publishing/errors.js';
import { publishingRoutes } from '../modules/publishing/routes.js';
import { contentErrors } from '../modules/content/errors.js';
import { contentRoutes } from '../modules/content/routes.js';
import { inboundErrors } from '../modules/inbound/errors.js';
import { inboundRoutes } from '../modules/inbound/routes.js';
import { textRoutes } from '../modules/text/routes.js';
import { textErrors } from '../modules/text/errors.js';
import { analyticsErrors } from '../modules/analytics/errors.js';
import { analyticsRoutes } from '../modules/analytics/routes.js';
import { listeningErrors } from '../modules/listening/errors.js';
import { crisisErrors } from '../modules/crisis/errors.js';
import { crisisRoutes } from '../modules/crisis/routes.js';
import { listeningRoutes } from '../modules/listening/routes.js';
import { inboxErrors } from '../modules/inbox/errors.js';
import { inboxRoutes } from '../modules/inbox/routes.js';
import type { AnyRoute } from './route.js';

export const errorMaps: ErrorStatusMap[] = [aiErrors, complianceErrors, inboxErrors, outboundErrors, listeningErrors, crisisErrors, analyticsErrors, textErrors, inboundErrors, platformErrors as ErrorStatusMap, teamErrors, notifyErrors, reviewErrors, accountsErrors, publishingErrors, contentErrors];

export const moduleRoutes: AnyRoute[] = [...inboxRoutes, ...listeningRoutes, ...crisisRoutes, ...analyticsRoutes, ...textRoutes, ...inboundRoutes, ...teamRoutes, ...notifyRoutes, ...complianceRoutes, ...reviewRoutes, ...accountsRoutes, ...publishingRoutes, ...contentRoutes];
