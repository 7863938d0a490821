/**
 * The one interface every platform connector implements (weibo, wechat, douyin, …, sandbox,
 * assisted). A connector is created per account with a ConnectorContext and speaks to the
 * platform's HTTP API at ctx.baseUrl (tests point it at a local contract server).
 *
 * Methods are optional where the capability is absent; `capabilities` says which are present
 * and callers check the flag, not the method. Every failure is a PlatformError (./errors.ts).
 */
import type { Clock } from '../../kernel/clock';

export type PlatformSlug =
  | 'weibo' | 'wechat' | 'douyin' | 'kuaishou' | 'xiaohongshu' | 'bilibili' | 'zhihu'
  | 'linkedin' | 'mastodon' | 'bluesky' | 'telegram' | 'sandbox';

/** api: public API · restricted: needs approval/contract/verified account · assisted: a person posts · none. */
export type PublishSupport = 'api' | 'restricted' | 'assisted' | 'none';
/** How a publish learns its outcome: at once, by polling publishStatus, by a webhook event, or from a person. */
export type Completion = 'sync' | 'poll' | 'webhook' | 'handoff';

export interface Capabilities {
  publish: { text: PublishSupport; image: PublishSupport; video: PublishSupport; article: PublishSupport };
  completion: Completion;
  comments: { list: boolean; reply: boolean; delete: boolean; hide: boolean; pin: boolean };
  /** replyWindowHours: how long after the user's last message we may answer (null = no limit). */
  dms: { receive: boolean; send: boolean; replyWindowHours: number | null };
  mentions: boolean;
  postMetrics: boolean;
  accountMetrics: boolean;
  webhooks: boolean;
}

export type TextCounting = 'chars' | 'graphemes' | 'cjk-weighted' | 'bytes';
export type HashtagStyle = '#x#' | '#x' | 'facet' | 'field' | 'none';
export type MentionStyle = '@name' | 'urn' | 'facet' | 'field' | 'none';

export interface ContentRules {
  /** Max text length, measured as `textCounting` says (cjk-weighted: a CJK char is 1, other chars ½). */
  maxText: number;
  textCounting: TextCounting;
  maxTitle?: number;
  maxImages: number;
  maxImageBytes?: number;
  maxVideoBytes?: number;
  hashtagStyle: HashtagStyle;
  mentionStyle: MentionStyle;
  /** The text must contain a link on one of these hosts (Weibo share: the app's safe domain). */
  linkDomainRequired?: string[];
  /** The post needs at least one medium of this kind (Douyin/Kuaishou/Bilibili: video). */
  requiresMedia?: 'image' | 'video';
  requiresTitle?: boolean;
}

export interface ConnectorCredentials {
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: Date;
  refreshExpiresAt?: Date;
  appId?: string;
  appSecret?: string;
  /** Token / secret the platform signs callbacks with (WeChat server token, LinkedIn client secret…). */
  webhookToken?: string;
  /** Platform-side account id (open_id, uid, organization URN, chat id…). */
  accountId?: string;
  [extra: string]: unknown;
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: Date;
  refreshExpiresAt?: Date;
  accountId?: string;
  scope?: string;
}

export interface ConnectorContext {
  credentials: ConnectorCredentials;
  /** Base URL of the platform API; a connector with several hosts takes overrides in baseUrls. */
  baseUrl?: string;
  baseUrls?: Record<string, string>;
  fetch: typeof fetch;
  clock: Clock;
  /** Per-request timeout; when it fires after the request was sent the outcome is unconfirmed. */
  timeoutMs?: number;
  /** Account flags from the account matrix (e.g. weibo `commercial`, douyin `publishApproved`). */
  flags?: Record<string, boolean | string | undefined>;
  /** Called when the connector obtained new tokens (refresh, cached app token) so they can be stored. */
  onTokens?(tokens: TokenSet): void | Promise<void>;
}

export type ConnectorFactory = (ctx: ConnectorContext) => Connector;

export interface MediaInput {
  kind: 'image' | 'video';
  filename: string;
  mimeType: string;
  data: Uint8Array;
  /** Set once uploaded (a connector may upload lazily inside publish). */
  platformMediaId?: string;
}

export interface UploadedMedia { kind: 'image' | 'video'; platformMediaId: string; url?: string }

export interface OutgoingPost {
  text: string;
  title?: string;
  media: MediaInput[];
  /** Stable per publish attempt series; used to find an earlier success before posting again. */
  idempotencyKey: string;
  cover?: MediaInput;
  link?: string;
  tags?: string[];
  mentions?: { name: string; platformUserId?: string }[];
  /** Article body (HTML) for long-form platforms; `text` is the summary there. */
  html?: string;
  extra?: Record<string, unknown>;
}

export interface HandoffPackage {
  platform: PlatformSlug;
  text: string;
  title?: string;
  media: { kind: 'image' | 'video'; filename: string }[];
  checklist: string[];
  /** Deep link / share URL a person opens to finish (Douyin H5 share), when there is one. */
  shareUrl?: string;
  warnings: string[];
}

export interface PublishResult {
  status: 'published' | 'pending' | 'handoff';
  platformPostId?: string;
  url?: string;
  /**
   * For 'pending'/'handoff': pass to publishStatus, and match publish_result events on it (WeChat
   * publish_id, Kuaishou photo_id, Bilibili BV id, Douyin share_id). A connector may append
   * private data after ':' (WeChat: `${publish_id}:${msg_data_id}`); events carry only the part
   * before ':', so match with publishJobKey().
   */
  publishJobId?: string;
  handoff?: HandoffPackage;
}

export interface PublishStatus {
  status: 'published' | 'pending' | 'failed';
  platformPostId?: string;
  url?: string;
  failure?: { code: string; message: string };
}

export interface PlatformPost {
  platformPostId: string;
  url?: string;
  text?: string;
  createdAt?: Date;
}

export interface Page<T> { items: T[]; nextCursor?: string }
export interface ListOptions { cursor?: string; since?: Date; limit?: number }

export interface PlatformUser { id: string; name?: string; avatarUrl?: string }

export interface PlatformComment {
  platformCommentId: string;
  platformPostId: string;
  parentCommentId?: string;
  author: PlatformUser;
  text: string;
  createdAt: Date;
  /** True when the comment was written by the account itself (our reply). */
  own?: boolean;
}

export interface DirectMessage {
  platformMessageId: string;
  conversationId: string;
  from: PlatformUser;
  text: string;
  createdAt: Date;
  direction: 'in' | 'out';
}

export interface Mention {
  platformMentionId: string;
  kind: 'post' | 'comment';
  platformPostId?: string;
  author: PlatformUser;
  text: string;
  url?: string;
  createdAt: Date;
}

/** Metrics the platform does not report are null, never 0. */
export interface PostMetrics {
  platformPostId: string;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
  asOf: Date;
}

export interface AccountMetrics {
  followers: number | null;
  following: number | null;
  posts: number | null;
  newFollowers: number | null;
  unfollows: number | null;
  asOf: Date;
}

export interface AccountProfile { accountId: string; name: string; avatarUrl?: string; url?: string }

export interface ContentIssue { field: 'text' | 'title' | 'media' | 'link' | 'tags'; code: string; message: string }

export interface WebhookRequest {
  method: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
}

export interface WebhookResponse { status: number; contentType?: string; body: string }

export type PlatformEvent =
  | { type: 'comment'; eventId: string; occurredAt: Date; comment: PlatformComment }
  | { type: 'dm'; eventId: string; occurredAt: Date; message: DirectMessage }
  | { type: 'mention'; eventId: string; occurredAt: Date; mention: Mention }
  | { type: 'publish_result'; eventId: string; occurredAt: Date; publishJobId?: string; platformPostId?: string;
      status: 'published' | 'failed'; url?: string; failure?: { code: string; message: string } }
  | { type: 'follow'; eventId: string; occurredAt: Date; user: PlatformUser; following: boolean };

export interface WebhookHandler {
  /** Answers a subscription check (WeChat echostr, Douyin verify_webhook, LinkedIn challengeCode); null if not one. */
  handshake?(req: WebhookRequest): WebhookResponse | null;
  /** Checks the signature on the raw body and headers; false means drop with 401/403. */
  verify(req: WebhookRequest): boolean;
  /** Normalised events; eventId is stable across the platform's retries (de-duplicate on it). */
  parse(req: WebhookRequest): PlatformEvent[];
  /** What to answer after a verified delivery (default 200 "success"). */
  ack?(req: WebhookRequest): WebhookResponse;
}

export interface Connector {
  readonly platform: PlatformSlug;
  readonly capabilities: Capabilities;
  readonly rules: ContentRules;

  authorizeUrl?(state: string, redirectUri: string): string;
  exchangeCode?(code: string, redirectUri: string): Promise<TokenSet>;
  refresh?(): Promise<TokenSet>;
  revoke?(): Promise<void>;
  profile(): Promise<AccountProfile>;

  /** Pure check of a post against this connector's rules (no I/O). */
  validate(post: OutgoingPost): ContentIssue[];
  uploadMedia?(media: MediaInput): Promise<UploadedMedia>;
  publish(post: OutgoingPost): Promise<PublishResult>;
  publishStatus?(publishJobId: string): Promise<PublishStatus>;
  /**
   * For idempotent retries: an earlier post carrying this key (or the platform's own record), or null.
   * `hint` (the post's title/text) lets connectors without a key mechanism match recent posts by content.
   */
  findPostByKey?(idempotencyKey: string, since: Date, hint?: { title?: string; text?: string }): Promise<PlatformPost | null>;
  /** Assisted hand-off: confirm by the URL a person pasted (host checked, post id extracted). */
  confirmByUrl?(url: string): Promise<PlatformPost>;
  fetchPost?(platformPostId: string): Promise<PlatformPost>;
  deletePost?(platformPostId: string): Promise<void>;

  listComments?(platformPostId: string, opts?: ListOptions): Promise<Page<PlatformComment>>;
  /** Comments received on any of the account's posts, newest first (Weibo comments/to_me), where the platform has it. */
  listRecentComments?(opts?: ListOptions): Promise<Page<PlatformComment>>;
  replyComment?(platformPostId: string, platformCommentId: string, text: string): Promise<{ platformCommentId: string }>;
  deleteComment?(platformPostId: string, platformCommentId: string): Promise<void>;
  hideComment?(platformPostId: string, platformCommentId: string): Promise<void>;
  pinComment?(platformPostId: string, platformCommentId: string, pinned: boolean): Promise<void>;

  listDMs?(opts?: ListOptions): Promise<Page<DirectMessage>>;
  sendDM?(conversationId: string, text: string): Promise<{ platformMessageId: string }>;
  listMentions?(opts?: ListOptions): Promise<Page<Mention>>;

  postMetrics?(platformPostIds: string[]): Promise<PostMetrics[]>;
  accountMetrics?(range?: { from: Date; to: Date }): Promise<AccountMetrics>;

  webhook?: WebhookHandler;
}

export const NO_COMMENTS: Capabilities['comments'] = { list: false, reply: false, delete: false, hide: false, pin: false };
export const NO_DMS: Capabilities['dms'] = { receive: false, send: false, replyWindowHours: null };

/** The part of a publishJobId that publish_result events carry (see PublishResult.publishJobId). */
export function publishJobKey(publishJobId: string): string {
  return publishJobId.split(':')[0];
}
