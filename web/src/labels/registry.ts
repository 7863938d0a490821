/** The label registry's kinds and their key prefixes (pure; the hooks are in index.ts). */
/** Each kind's key prefix (some reuse names that existed before the registry). */
export const LABEL_PREFIXES = {
  platform: 'labels.platform',
  role: 'common.role',
  auditAction: 'labels.audit',
  auditGroup: 'labels.auditGroup',
  auditTarget: 'labels.target',
  reviewStage: 'labels.stage',
  reviewState: 'labels.reviewState',
  contentType: 'labels.contentType',
  rule: 'labels.rule',
  category: 'labels.category',
  format: 'labels.format',
  theme: 'labels.theme',
  event: 'labels.event',
  contentStatus: 'content.status',
  accountStatus: 'accounts.status',
  accountType: 'accounts.type',
  healthFlag: 'accounts.flag',
  filingKind: 'accounts.filing.kind',
  filingStatus: 'accounts.filing.status',
  publication: 'labels.publication',
  grant: 'labels.grant',
  verification: 'labels.verification',
  channel: 'labels.channel',
} as const;
export type LabelKind = keyof typeof LABEL_PREFIXES;

export const labelKey = (kind: LabelKind, value: string) => `${LABEL_PREFIXES[kind]}.${value}`;
