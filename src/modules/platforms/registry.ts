/**
 * Platform registry: slug → display names, how an account authorises, the capability summary
 * (before account flags) and the connector factory. Capabilities can be switched off per
 * account without code changes: ctx.flags `off:<path>` (e.g. `off:publish.video`,
 * `off:comments.reply`, `off:webhooks`) turns that capability to 'none' / false.
 */
import type { Capabilities, Connector, ConnectorContext, ConnectorFactory, PlatformSlug } from './connector';
import { createAssistedConnector } from './assisted.connector';
import { bilibiliCapabilities, createBilibiliConnector } from './bilibili.connector';
import { blueskyCapabilities, createBlueskyConnector } from './bluesky.connector';
import { createDouyinConnector, douyinCapabilities } from './douyin.connector';
import { createKuaishouConnector, kuaishouCapabilities } from './kuaishou.connector';
import { createLinkedinConnector, linkedinCapabilities } from './linkedin.connector';
import { createMastodonConnector, mastodonCapabilities } from './mastodon.connector';
import { createTelegramConnector, telegramCapabilities } from './telegram.connector';
import { createWechatConnector, wechatCapabilities } from './wechat.connector';
import { createWeiboConnector, weiboCapabilities } from './weibo.connector';
import { createSandboxConnector, sandboxCapabilities } from './sandbox/sandbox.connector';

export type AuthKind = 'oauth' | 'app_credentials' | 'app_password' | 'bot_token' | 'none';

export interface PlatformInfo {
  slug: PlatformSlug;
  names: { 'zh-CN': string; 'en-US': string };
  region: 'cn' | 'global' | 'local';
  auth: AuthKind;
  /** Account flags the connector reads (shown in the account form). */
  flags: string[];
  capabilities: Capabilities;
  factory: ConnectorFactory;
}

const assisted = (slug: PlatformSlug): ConnectorFactory => (ctx) => createAssistedConnector(slug, ctx);

const entries: PlatformInfo[] = [
  { slug: 'weibo', names: { 'zh-CN': '微博', 'en-US': 'Weibo' }, region: 'cn', auth: 'oauth', flags: ['commercial', 'safeDomains', 'rip'],
    capabilities: weiboCapabilities(false), factory: createWeiboConnector },
  { slug: 'wechat', names: { 'zh-CN': '微信公众号', 'en-US': 'WeChat Official Account' }, region: 'cn', auth: 'app_credentials', flags: ['draftOnly'],
    capabilities: wechatCapabilities, factory: createWechatConnector },
  { slug: 'douyin', names: { 'zh-CN': '抖音', 'en-US': 'Douyin' }, region: 'cn', auth: 'oauth', flags: ['publishApproved', 'imApproved'],
    capabilities: douyinCapabilities(false), factory: createDouyinConnector },
  { slug: 'kuaishou', names: { 'zh-CN': '快手', 'en-US': 'Kuaishou' }, region: 'cn', auth: 'oauth', flags: [],
    capabilities: kuaishouCapabilities, factory: createKuaishouConnector },
  { slug: 'xiaohongshu', names: { 'zh-CN': '小红书', 'en-US': 'Xiaohongshu (RED)' }, region: 'cn', auth: 'none', flags: [],
    capabilities: createAssistedConnector('xiaohongshu').capabilities, factory: assisted('xiaohongshu') },
  { slug: 'bilibili', names: { 'zh-CN': '哔哩哔哩', 'en-US': 'Bilibili' }, region: 'cn', auth: 'oauth', flags: ['tid'],
    capabilities: bilibiliCapabilities, factory: createBilibiliConnector },
  { slug: 'zhihu', names: { 'zh-CN': '知乎', 'en-US': 'Zhihu' }, region: 'cn', auth: 'none', flags: [],
    capabilities: createAssistedConnector('zhihu').capabilities, factory: assisted('zhihu') },
  { slug: 'linkedin', names: { 'zh-CN': '领英', 'en-US': 'LinkedIn' }, region: 'global', auth: 'oauth', flags: [],
    capabilities: linkedinCapabilities, factory: createLinkedinConnector },
  { slug: 'mastodon', names: { 'zh-CN': 'Mastodon', 'en-US': 'Mastodon' }, region: 'global', auth: 'oauth', flags: ['maxCharacters', 'maxMedia', 'visibility'],
    capabilities: mastodonCapabilities, factory: createMastodonConnector },
  { slug: 'bluesky', names: { 'zh-CN': 'Bluesky', 'en-US': 'Bluesky' }, region: 'global', auth: 'app_password', flags: ['lang'],
    capabilities: blueskyCapabilities, factory: createBlueskyConnector },
  { slug: 'telegram', names: { 'zh-CN': 'Telegram 频道', 'en-US': 'Telegram channel' }, region: 'global', auth: 'bot_token', flags: [],
    capabilities: telegramCapabilities, factory: createTelegramConnector },
  { slug: 'sandbox', names: { 'zh-CN': '沙盒网络', 'en-US': 'Sandbox network' }, region: 'local', auth: 'oauth', flags: [],
    capabilities: sandboxCapabilities, factory: createSandboxConnector },
];

const bySlug = new Map<string, PlatformInfo>(entries.map((e) => [e.slug, e]));

export function listPlatforms(): readonly PlatformInfo[] {
  return entries;
}

export function getPlatform(slug: string): PlatformInfo | undefined {
  return bySlug.get(slug);
}

/** Creates the connector for an account; unknown slugs fall back to the assisted connector. */
export function createConnector(slug: PlatformSlug, ctx: ConnectorContext): Connector {
  const info = bySlug.get(slug);
  const connector = info ? info.factory(ctx) : createAssistedConnector(slug, ctx);
  return applyCapabilityOverrides(connector, ctx.flags);
}

/** `off:<dotted path>` flags switch a capability off; methods stay but callers check flags. */
export function applyCapabilityOverrides(connector: Connector, flags: ConnectorContext['flags']): Connector {
  const off = Object.entries(flags ?? {}).filter(([k, v]) => k.startsWith('off:') && v === true).map(([k]) => k.slice(4));
  if (!off.length) return connector;
  const caps = structuredClone(connector.capabilities) as unknown as Record<string, any>;
  for (const path of off) {
    const [group, key] = path.split('.');
    if (key === undefined) {
      if (typeof caps[group] === 'boolean') caps[group] = false;
      else if (group === 'dms') caps.dms = { receive: false, send: false, replyWindowHours: null };
      else if (group === 'comments') for (const k of Object.keys(caps.comments)) caps.comments[k] = false;
      continue;
    }
    if (caps[group] && key in caps[group]) caps[group][key] = typeof caps[group][key] === 'boolean' ? false : typeof caps[group][key] === 'number' ? null : 'none';
  }
  return Object.assign(Object.create(Object.getPrototypeOf(connector)), connector, { capabilities: caps as unknown as Capabilities });
}
