import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchFeed, markRead, type Notification } from '../pages/notifications/settings/api';

const KEEP = 30;
const WAIT_SECONDS = 25;
const RETRY_MS = 15_000;

/** Newest first, without duplicates, at most KEEP. */
export function mergeFeed(incoming: Notification[], current: Notification[]): Notification[] {
  const seen = new Set<string>();
  return [...incoming, ...current]
    .filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, KEEP);
}

/** One millisecond later: the server compares at microseconds, the API shows milliseconds. */
export function nudge(iso: string): string {
  return new Date(new Date(iso).getTime() + 1).toISOString();
}

/**
 * The signed-in person's notification feed. While the tab is visible it long-polls
 * GET …/notifications?after=…&waitSeconds=25; a hidden tab holds no request open.
 */
export function useNotificationFeed(workspaceId: string | undefined) {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const known = useRef<Notification[]>([]);

  useEffect(() => {
    if (!workspaceId) return undefined;
    let stopped = false;
    let running = false;
    let ctrl: AbortController | null = null;
    let after: string | undefined;
    let primed = false;
    known.current = [];
    setItems([]);
    setUnread(0);

    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const loop = async () => {
      if (running) return;
      running = true;
      try {
        while (!stopped && document.visibilityState === 'visible') {
          ctrl = new AbortController();
          try {
            const feed = await fetchFeed(workspaceId, primed ? { after, waitSeconds: WAIT_SECONDS, limit: KEEP } : { limit: KEEP }, ctrl.signal);
            if (stopped) return;
            const fresh = feed.items.filter((n) => !known.current.some((k) => k.id === n.id));
            known.current = mergeFeed(feed.items, known.current);
            setItems(known.current);
            setUnread(feed.unread);
            const newest = known.current[0]?.createdAt;
            // An answer with nothing new would come back at once forever: step past it.
            if (newest) after = primed && fresh.length === 0 && feed.items.length > 0 ? nudge(newest) : newest;
            primed = true;
          } catch (err) {
            if (stopped) return;
            // Aborted because the tab was hidden or came back: the loop condition decides.
            if ((err as Error)?.name !== 'AbortError') await sleep(RETRY_MS);
          }
        }
      } finally {
        running = false;
      }
    };

    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        primed = false; // catch up at once: unread may have changed in another tab
        if (running) ctrl?.abort();
        else void loop();
      } else ctrl?.abort();
    };
    document.addEventListener('visibilitychange', onVisibility);
    void loop();
    return () => {
      stopped = true;
      ctrl?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [workspaceId]);

  const read = useCallback(async (ids: string[] | 'all') => {
    if (!workspaceId) return;
    const r = await markRead(workspaceId, ids === 'all' ? { all: true } : { ids });
    const now = new Date().toISOString();
    known.current = known.current.map((n) => (n.readAt || (ids !== 'all' && !ids.includes(n.id)) ? n : { ...n, readAt: now }));
    setItems(known.current);
    setUnread(r.unread);
  }, [workspaceId]);

  return { items, unread, read };
}
