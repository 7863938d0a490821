/**
 * When listening raises an alert, as pure rules over window counts (DOMAIN §10): volume spikes
 * (last hour against the previous 12 hours; last 24 hours against the 7-day mean + kσ), negative-share
 * surges, and a single high-risk mention. Levels 黄/橙/红 (yellow/orange/red).
 */
import { formatCount } from './risk.js';

export const ALERT_KINDS = ['volume-spike', 'negative-surge', 'high-risk-mention'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_LEVELS = ['yellow', 'orange', 'red'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const levelRank = (l: AlertLevel) => ALERT_LEVELS.indexOf(l);

export interface AlertRules {
  /** hourly spike: at least this many mentions in the last hour … */
  hourlyMin: number;
  /** … and this many times the previous 12 hours' hourly mean */
  hourlyRatio: number;
  /** daily spike: at least this many in 24 hours, above the 7-day mean + k·σ */
  dailyMin: number;
  dailyK: number;
  /** negative surge: at least this many negative mentions in the last hour, a share of at least … */
  negativeMin: number;
  negativeShare: number;
  /** … that rose by at least this much over the previous 12 hours */
  negativeRise: number;
}

export const DEFAULT_ALERT_RULES: AlertRules = { hourlyMin: 20, hourlyRatio: 3, dailyMin: 50, dailyK: 3, negativeMin: 10, negativeShare: 0.5, negativeRise: 0.2 };

/** Mention counts of one monitor (or of the whole workspace: monitorId null) in the windows the rules read. */
export interface WindowCounts {
  monitorId: string | null;
  monitorName: string | null;
  lastHour: number;
  prev12h: number;
  negLastHour: number;
  negPrev12h: number;
  last24h: number;
  /** the seven 24-hour windows before the last 24 hours, newest first */
  prevDays: number[];
}

export interface AlertCandidate {
  kind: AlertKind;
  level: AlertLevel;
  monitorId: string | null;
  dedupeKey: string;
  title: string;
  reasons: string[];
  figures: Record<string, number>;
  mentionId?: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const scope = (c: { monitorName: string | null }) => (c.monitorName ? `「${c.monitorName}」` : '全部提及');

export function volumeSpike(c: WindowCounts, r: AlertRules = DEFAULT_ALERT_RULES): AlertCandidate | null {
  const hourlyMean = c.prev12h / 12;
  const ratio = c.lastHour / Math.max(hourlyMean, 1);
  const hourly = c.lastHour >= r.hourlyMin && ratio >= r.hourlyRatio;
  const days = c.prevDays.length ? c.prevDays : [0];
  const mean = days.reduce((a, b) => a + b, 0) / days.length;
  const sigma = Math.max(1, Math.sqrt(days.reduce((a, b) => a + (b - mean) ** 2, 0) / days.length));
  const z = (c.last24h - mean) / sigma;
  const daily = c.last24h >= r.dailyMin && z > r.dailyK;
  if (!hourly && !daily) return null;
  const hourlyLevel: AlertLevel = ratio >= r.hourlyRatio * 3 ? 'red' : ratio >= r.hourlyRatio * 5 / 3 ? 'orange' : 'yellow';
  const dailyLevel: AlertLevel = z >= r.dailyK + 6 ? 'red' : z >= r.dailyK + 3 ? 'orange' : 'yellow';
  const level = !daily ? hourlyLevel : !hourly ? dailyLevel : levelRank(hourlyLevel) >= levelRank(dailyLevel) ? hourlyLevel : dailyLevel;
  const reasons: string[] = [];
  if (hourly) reasons.push(`1 小时内 ${formatCount(c.lastHour)} 条，前 12 小时平均每小时 ${formatCount(Math.round(hourlyMean * 10) / 10)} 条（${Math.round(ratio * 10) / 10} 倍）`);
  if (daily) reasons.push(`24 小时 ${formatCount(c.last24h)} 条，7 日均值 ${formatCount(Math.round(mean))} 条，高出 ${Math.round(z * 10) / 10} 个标准差`);
  return {
    kind: 'volume-spike', level, monitorId: c.monitorId, dedupeKey: `volume-spike:${c.monitorId ?? 'all'}`,
    title: `${scope(c)}声量激增`, reasons,
    figures: { lastHour: c.lastHour, hourlyMean: Math.round(hourlyMean * 100) / 100, ratio: Math.round(ratio * 100) / 100, last24h: c.last24h, dailyMean: Math.round(mean * 100) / 100, sigma: Math.round(sigma * 100) / 100 },
  };
}

export function negativeSurge(c: WindowCounts, r: AlertRules = DEFAULT_ALERT_RULES): AlertCandidate | null {
  if (c.negLastHour < r.negativeMin || c.lastHour === 0) return null;
  const share = c.negLastHour / c.lastHour;
  const before = c.prev12h > 0 ? c.negPrev12h / c.prev12h : 0;
  if (share < r.negativeShare || share - before < r.negativeRise) return null;
  const level: AlertLevel = share >= 0.8 && c.negLastHour >= r.negativeMin * 5 ? 'red' : share >= 0.65 && c.negLastHour >= r.negativeMin * 2 ? 'orange' : 'yellow';
  return {
    kind: 'negative-surge', level, monitorId: c.monitorId, dedupeKey: `negative-surge:${c.monitorId ?? 'all'}`,
    title: `${scope(c)}负面激增`,
    reasons: [`1 小时内负面 ${formatCount(c.negLastHour)} 条，占 ${pct(share)}（此前 12 小时 ${pct(before)}）`],
    figures: { negLastHour: c.negLastHour, lastHour: c.lastHour, share: Math.round(share * 1000) / 1000, before: Math.round(before * 1000) / 1000 },
  };
}

/** A single high-risk mention is an alert of its own (one per group of near-duplicates). */
export function highRiskMention(m: { id: string; groupId: string; monitorIds: string[]; authorName: string; text: string; riskReasons: string[]; reach: number }): AlertCandidate {
  return {
    kind: 'high-risk-mention', level: 'red', monitorId: m.monitorIds[0] ?? null, dedupeKey: `high-risk-mention:${m.groupId}`,
    title: `高风险提及：${m.authorName}「${m.text.length > 40 ? `${m.text.slice(0, 40)}…` : m.text}」`,
    reasons: m.riskReasons, figures: { reach: m.reach }, mentionId: m.id,
  };
}
