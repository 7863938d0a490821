/**
 * The outbox behind `src/kernel/events.ts`: `emit` writes the event and one delivery job per
 * subscriber in the caller's transaction; the job runs the subscriber and records a receipt, so a
 * job delivered twice (at least once) handles the event once unless the subscriber failed midway.
 */
import type { Database, DbOrTx } from '../../db/client.js';
import type { JobDefinition, Jobs } from '../../jobs/queue.js';
import type { Clock } from '../../kernel/clock.js';
import type { DomainEvent, DomainEventPayloads, Emit, EventName, Subscriber } from '../../kernel/events.js';
import { newId } from '../../kernel/ids.js';
import { createEventsStore } from './store.js';

export const DELIVER_EVENT_JOB = 'events.deliver';

interface DeliverData { eventId: string; subscriber: string }

export function createEventsService(deps: { database: Database; jobs: Jobs; clock: Clock }) {
  const { database, jobs, clock } = deps;
  const db = database.db;
  const store = createEventsStore();
  const subscribers = new Map<string, Subscriber>();

  const emit: Emit = async <N extends EventName>(tx: DbOrTx, name: N, payload: DomainEventPayloads[N]) => {
    const id = newId();
    await store.insert(tx, { id, workspaceId: payload.workspaceId, name, payload, createdAt: clock.now() });
    for (const s of subscribers.values()) {
      if (s.event !== name) continue;
      await jobs.send(tx, DELIVER_EVENT_JOB, { eventId: id, subscriber: s.key } satisfies DeliverData, { retryLimit: 8, retryDelay: 5, retryBackoff: true });
    }
  };

  /** Runs one subscriber for one event, once; throws (so the queue retries) when the subscriber fails. */
  async function deliver(data: DeliverData): Promise<'handled' | 'already' | 'gone'> {
    const s = subscribers.get(data.subscriber);
    const row = await store.find(db, data.eventId);
    if (!s || !row) return 'gone';
    if (await store.handled(db, row.id, s.key)) return 'already';
    const event = { id: row.id, name: row.name, workspaceId: row.workspaceId, payload: row.payload, at: row.createdAt } as DomainEvent;
    await s.handle(event);
    await store.markHandled(db, row.id, s.key, clock.now());
    return 'handled';
  }

  return {
    emit,
    deliver,
    subscribe<N extends EventName>(s: Subscriber<N>) {
      if (subscribers.has(s.key)) throw new Error(`subscriber ${s.key} registered twice`);
      subscribers.set(s.key, s as unknown as Subscriber);
    },
    subscribers: () => [...subscribers.values()].map((s) => ({ key: s.key, event: s.event })),
    /** The workspace's events in order (for tests and the audit of what happened). */
    list: (workspaceId: string, name?: EventName) => store.list(db, workspaceId, name),
    job(): JobDefinition<DeliverData> {
      return {
        name: DELIVER_EVENT_JOB, batchSize: 5, pollingIntervalSeconds: 1, retryLimit: 8, retryDelay: 5, retryBackoff: true,
        async handle(batch) {
          for (const j of batch) await deliver(j.data);
        },
      };
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
