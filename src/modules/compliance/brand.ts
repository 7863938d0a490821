/**
 * Workspace brand policy: forbidden terms (compiled into the engine as a rule), required
 * registered names, and the employee account naming policy. Pure.
 */
import { normalizeTerm, normalizeWithOffsets } from '../../kernel/normalize.js';
import { makeFinding, type BrandPolicy, type Field, type Finding, type Rule } from './model.js';

const BRAND_SOURCE = '企业品牌规范（工作区品牌策略）';

/** The forbidden-terms part of a policy as an engine rule (none when the list is empty). */
export function brandRules(policy: BrandPolicy | undefined): Rule[] {
  const terms = (policy?.forbiddenTerms ?? []).filter((t) => normalizeTerm(t) !== '');
  if (terms.length === 0) return [];
  return [
    {
      id: 'brand.forbidden',
      category: 'brand/forbidden',
      severity: 'block',
      source: BRAND_SOURCE,
      message: { 'zh-CN': '使用了品牌规范禁止的词语', 'en-US': 'Uses a term the brand policy forbids' },
      suggestion: { 'zh-CN': '按品牌规范删除或替换该词', 'en-US': 'Remove or replace it as the brand policy says' },
      terms,
    },
  ];
}

const keyCache = new WeakMap<readonly string[], string>();

/**
 * A stable key for caching the engine compiled with a policy's forbidden terms. Remembered
 * per terms array, so a workspace that passes the same policy object pays for it once.
 */
export function brandKey(policy: BrandPolicy | undefined): string {
  const terms = policy?.forbiddenTerms;
  if (!terms || terms.length === 0) return '';
  let key = keyCache.get(terms);
  if (key === undefined) {
    key = [...new Set(terms.map(normalizeTerm).filter(Boolean))].sort().join('\u0001');
    keyCache.set(terms, key);
  }
  return key;
}

/** When a product is mentioned, its registered name must appear too. */
export function checkRequiredTerms(text: string, policy: BrandPolicy | undefined, field: Field = 'text'): Finding[] {
  const rules = policy?.requiredTerms ?? [];
  if (rules.length === 0) return [];
  const normalized = normalizeWithOffsets(text);
  const findings: Finding[] = [];
  for (const { when, require } of rules) {
    const required = normalizeTerm(require);
    if (required === '' || normalized.text.includes(required)) continue;
    for (const trigger of when) {
      const key = normalizeTerm(trigger);
      const at = key === '' ? -1 : normalized.text.indexOf(key);
      if (at < 0) continue;
      const start = normalized.offsets[at];
      const end = normalized.offsets[at + key.length - 1] + 1;
      const match = text.slice(start, end);
      findings.push(
        makeFinding({
          rule: 'brand.required',
          category: 'brand/required',
          severity: 'warn',
          field,
          start,
          end,
          match,
          message: {
            'zh-CN': `提及「${match}」时须使用注册名称「${require}」`,
            'en-US': `Mentions "${match}" without the registered name "${require}"`,
          },
          suggestion: { 'zh-CN': `改为「${require}」`, 'en-US': `Write "${require}"` },
          replacement: require,
          source: BRAND_SOURCE,
        }),
      );
      break;
    }
  }
  return findings;
}

/**
 * Employee personal accounts may not carry the company's name or its abbreviations
 * (《员工社交媒体行为规范》: nicknames, avatars, group names). Noise-tolerant.
 */
export function checkAccountName(name: string, accountType: string, policy: BrandPolicy | undefined): Finding[] {
  if (accountType !== 'employee') return [];
  const normalized = normalizeWithOffsets(name);
  const findings: Finding[] = [];
  for (const company of policy?.companyNames ?? []) {
    const key = normalizeTerm(company);
    const at = key === '' ? -1 : normalized.text.indexOf(key);
    if (at < 0) continue;
    const start = normalized.offsets[at];
    const end = normalized.offsets[at + key.length - 1] + 1;
    findings.push(
      makeFinding({
        rule: 'brand.account-name',
        category: 'brand/account-name',
        severity: 'block',
        field: 'account',
        start,
        end,
        match: name.slice(start, end),
        message: {
          'zh-CN': `员工个人账号名称不得使用公司名称或简称「${company}」`,
          'en-US': `An employee's personal account name may not use the company name "${company}"`,
        },
        suggestion: { 'zh-CN': '改用不含公司名称的个人昵称', 'en-US': 'Use a personal name without the company name' },
        source: '公司社交媒体账号管理办法：员工不得以公司名义开设或命名个人账号',
      }),
    );
  }
  return findings;
}
