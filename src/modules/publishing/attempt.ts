/**
 * One publish attempt against a connector, with no database in sight: check the platform for an
 * earlier success under the same idempotency key first (on any retry), then publish, then confirm
 * the post exists. Returns what happened; the caller records it and moves the row on.
 */
import type { Connector, MediaInput, OutgoingPost } from '../platforms/connector.js';
import { classifyError, type AttemptOutcome, type Classified, type MediaRef, type PublicationPayload } from './model.js';

export interface AttemptResult {
  outcome: AttemptOutcome;
  kind: 'publish' | 'check' | 'status' | 'confirm';
  startedAt: Date;
  finishedAt: Date;
  platformPostId?: string;
  url?: string;
  publishJobId?: string;
  handoff?: Record<string, unknown>;
  confirmed?: boolean;
  error?: Classified;
  raw?: unknown;
  /** When the connector's credentials were read (a token failure older than a refresh is not final). */
  credentialsLoadedAt?: Date;
}

export interface AttemptInput {
  idempotencyKey: string;
  payload: PublicationPayload;
  /** Ask findPostByKey before posting (every retry, and after an unknown outcome). */
  checkFirst: boolean;
  /** Posts before this instant cannot be ours (the publication's creation, less clock skew). */
  since: Date;
}

export interface AttemptDeps {
  now(): Date;
  loadMedia(ref: MediaRef): Promise<MediaInput>;
}

const outcomeOf = (c: Classified): AttemptOutcome => (c.kind === 'retryable' ? 'retryable' : c.kind);

/** fetchPost after a publish: the post exists; its URL and id as the platform now reports them. */
export async function confirmPost(connector: Connector, platformPostId: string | undefined, url: string | undefined) {
  if (!platformPostId || !connector.fetchPost) return { platformPostId, url, confirmed: false };
  try {
    const p = await connector.fetchPost(platformPostId);
    return { platformPostId: p.platformPostId || platformPostId, url: p.url ?? url, confirmed: true };
  } catch {
    return { platformPostId, url, confirmed: false };
  }
}

/** findPostByKey, or undefined when the connector cannot look posts up. Throws on platform errors. */
export async function lookUpByKey(connector: Connector, input: AttemptInput) {
  if (!connector.findPostByKey) return undefined;
  return connector.findPostByKey(input.idempotencyKey, input.since, { title: input.payload.title, text: input.payload.text });
}

export async function runAttempt(connector: Connector, input: AttemptInput, deps: AttemptDeps): Promise<AttemptResult> {
  const startedAt = deps.now();
  const done = (r: Omit<AttemptResult, 'startedAt' | 'finishedAt'>): AttemptResult => ({ ...r, startedAt, finishedAt: deps.now() });
  if (input.checkFirst) {
    try {
      const found = await lookUpByKey(connector, input);
      if (found) {
        const c = await confirmPost(connector, found.platformPostId, found.url);
        return done({ outcome: 'found_existing', kind: 'check', ...c, raw: { found } });
      }
    } catch (e) {
      // Could not ask: never post blind. A failed look-up is retried like the publish would be.
      const c = classifyError(e);
      return done({ outcome: c.kind === 'unconfirmed' ? 'retryable' : outcomeOf(c), kind: 'check', error: { ...c, kind: c.kind === 'unconfirmed' ? 'retryable' : c.kind }, raw: c.raw });
    }
  }
  let post: OutgoingPost;
  try {
    const media = await Promise.all(input.payload.media.map((m) => deps.loadMedia(m)));
    post = { text: input.payload.text, title: input.payload.title, media, idempotencyKey: input.idempotencyKey };
  } catch (e) {
    return done({ outcome: 'retryable', kind: 'publish', error: { kind: 'retryable', message: `media: ${(e as Error).message}` } });
  }
  try {
    const r = await connector.publish(post);
    if (r.status === 'handoff') {
      return done({ outcome: 'handoff', kind: 'publish', handoff: (r.handoff ?? {}) as unknown as Record<string, unknown>, raw: { status: r.status } });
    }
    if (r.status === 'pending') {
      return done({ outcome: 'pending', kind: 'publish', publishJobId: r.publishJobId ?? r.platformPostId, platformPostId: r.platformPostId, url: r.url, raw: { ...r } });
    }
    const c = await confirmPost(connector, r.platformPostId, r.url);
    return done({ outcome: 'published', kind: 'publish', ...c, raw: { ...r } });
  } catch (e) {
    const c = classifyError(e);
    return done({ outcome: outcomeOf(c), kind: 'publish', error: c, raw: c.raw });
  }
}

