/**
 * Who listens to which domain event (the catalogue is `src/kernel/events.ts`; docs/architecture.md
 * lists the same table). Part of the composition root: modules export handlers, this file wires them.
 */
import type { AccountsService } from '../modules/accounts/service.js';
import type { AnalyticsService } from '../modules/analytics/service.js';
import type { ContentService } from '../modules/content/service.js';
import type { EventsService } from '../modules/events/service.js';
import type { NotifyService } from '../modules/notify/service.js';
import type { ReviewService } from '../modules/review/service.js';

export function subscribeAll(events: EventsService, m: {
  content: ContentService; accounts: AccountsService; notify: NotifyService; review: ReviewService; analytics: AnalyticsService;
}) {
  events.subscribe({ key: 'content.item-published', event: 'publication.published', handle: (e) => m.content.subscribers.onPublished(e) });
  events.subscribe({ key: 'content.review-approved', event: 'review.approved', handle: (e) => m.content.subscribers.onReviewApproved(e) });
  events.subscribe({ key: 'content.changes-requested', event: 'review.changes_requested', handle: (e) => m.content.subscribers.onChangesRequested(e) });
  events.subscribe({ key: 'content.actuals', event: 'post.metrics_collected', handle: (e) => m.content.subscribers.onMetrics(e) });

  const removed = (key: string, forget: (workspaceId: string, userId: string, by: string) => Promise<void>) =>
    events.subscribe({ key, event: 'member.removed', handle: (e) => forget(e.workspaceId, e.payload.userId, e.payload.removedBy) });
  removed('accounts.grants', (w, u, by) => m.accounts.forgetMember(w, u, by));
  removed('notify.preferences', (w, u, by) => m.notify.forgetMember(w, u, by));
  removed('review.approvers', (w, u, by) => m.review.forgetMember(w, u, by));
  removed('analytics.report-recipients', async (w, u, by) => {
    try {
      await m.analytics.delivery().forgetMember(w, u, by);
    } catch (err) {
      // Without delivery wired (CLI), there are no schedules to update.
      if ((err as { code?: string }).code !== 'unavailable') throw err;
    }
  });
}
