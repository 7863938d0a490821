/**
 * Reach and risk of one mention, as pure rules. Risk = impact × likelihood placed on the workspace's
 * risk matrix (DOMAIN §10); every factor that raised it becomes a reason a person can read
 * ("12315 投诉", "粉丝 210 万", "2 小时内转发 3,400").
 */

export const RISK_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type Grade = 'low' | 'medium' | 'high';
const GRADES: readonly Grade[] = ['low', 'medium', 'high'];

export interface RiskMatrix {
  /** impact row → likelihood column → risk */
  cells: Record<Grade, Record<Grade, RiskLevel>>;
  /** where impact becomes medium/high */
  impact: { mediumFollowers: number; highFollowers: number; mediumEngagement: number; highEngagement: number };
}

export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  cells: {
    low: { low: 'low', medium: 'low', high: 'medium' },
    medium: { low: 'low', medium: 'medium', high: 'high' },
    high: { low: 'medium', medium: 'high', high: 'high' },
  },
  impact: { mediumFollowers: 50_000, highFollowers: 1_000_000, mediumEngagement: 500, highEngagement: 5_000 },
};

/** Cues that make a complaint escalate (regulators, lawyers, media, safety). The text module's own list wins when present. */
export const FALLBACK_CUES = [
  '12315', '12345', '315', '消协', '市场监管', '工商局', '投诉', '举报', '曝光', '维权', '起诉', '律师', '法院', '报警',
  '媒体', '记者', '上热搜', '食品安全', '食物中毒', '中毒', '过敏', '异物', '召回', '欺诈', '诈骗', '假货', '虚假宣传', '黑猫投诉',
] as const;

const CUE_LABELS: Record<string, string> = {
  '12315': '12315 投诉', '12345': '12345 热线', '315': '315 曝光', 黑猫投诉: '黑猫投诉', 消协: '消协投诉', 市场监管: '市场监管投诉',
};

export function cuesIn(text: string): string[] {
  return FALLBACK_CUES.filter((c) => text.includes(c) && !(c === '315' && text.includes('12315')) && !(c === '投诉' && text.includes('黑猫投诉')));
}

export const cueLabel = (cue: string) => CUE_LABELS[cue] ?? `风险词「${cue}」`;

/** 2100000 → "210 万", 12000 → "1.2 万", 3400 → "3,400". */
export function formatCount(n: number): string {
  const trim = (x: number) => String(Math.round(x * 10) / 10);
  if (n >= 100_000_000) return `${trim(n / 100_000_000)} 亿`;
  if (n >= 10_000) return `${trim(n / 10_000)} 万`;
  return n.toLocaleString('en-US');
}

export interface MentionFacts {
  followers: number;
  verified: boolean;
  reposts: number;
  comments: number;
  likes: number;
  publishedAt: Date;
  sentiment: 'positive' | 'neutral' | 'negative';
  intent: string;
  cues: readonly string[];
}

/** People a mention probably reached: the author's audience plus what reposts and comments carried. */
export const reachOf = (m: Pick<MentionFacts, 'followers' | 'reposts' | 'comments' | 'likes'>) =>
  Math.round(m.followers + m.reposts * 100 + m.comments * 10 + m.likes);

export interface RiskVerdict { risk: RiskLevel; impact: Grade; likelihood: Grade | null; reasons: string[] }

export function assessRisk(m: MentionFacts, matrix: RiskMatrix, now: Date): RiskVerdict {
  const reasons: string[] = [];
  // likelihood: how likely this turns into harm — negativity, a complaint, escalation cues
  let score = 0;
  for (const c of m.cues) reasons.push(cueLabel(c));
  score += Math.min(2, m.cues.length);
  if (m.sentiment === 'negative') { score += 1; reasons.push('负面情绪'); }
  if (m.intent === 'complaint') { score += 1; if (m.cues.length === 0) reasons.push('投诉'); }
  const likelihood: Grade | null = score === 0 ? null : score === 1 ? 'low' : score === 2 ? 'medium' : 'high';

  // impact: how far it reaches — audience, engagement, speed
  const t = matrix.impact;
  const grades: Grade[] = ['low'];
  if (m.followers >= t.highFollowers) grades.push('high');
  else if (m.followers >= t.mediumFollowers) grades.push('medium');
  if (m.followers >= t.mediumFollowers) reasons.push(`粉丝 ${formatCount(m.followers)}${m.verified ? '（认证）' : ''}`);
  const engagement = m.reposts + m.comments;
  if (engagement >= t.highEngagement) grades.push('high');
  else if (engagement >= t.mediumEngagement) grades.push('medium');
  const hours = Math.max(1, Math.ceil((now.getTime() - m.publishedAt.getTime()) / 3_600_000));
  if (m.reposts >= t.mediumEngagement) reasons.push(hours <= 24 ? `${hours} 小时内转发 ${formatCount(m.reposts)}` : `转发 ${formatCount(m.reposts)}`);
  if (m.comments >= t.mediumEngagement) reasons.push(`评论 ${formatCount(m.comments)}`);
  // fast spread: medium engagement inside two hours counts as high
  if (hours <= 2 && m.reposts >= t.mediumEngagement) grades.push('high');
  const impact = grades.reduce((a, g) => (GRADES.indexOf(g) > GRADES.indexOf(a) ? g : a), 'low' as Grade);

  if (!likelihood) return { risk: 'none', impact, likelihood, reasons: [] };
  return { risk: matrix.cells[impact][likelihood], impact, likelihood, reasons };
}

export const riskRank = (r: RiskLevel) => RISK_LEVELS.indexOf(r);
