import { describe, expect, it } from 'vitest';
import { createComplianceService } from './service.js';

describe('platforms without a pack of their own', () => {
  const service = createComplianceService();
  it.each(['sandbox', 'mastodon', 'telegram', 'bluesky'])('%s still gets the Advertising Law and sensitive lists', (platform) => {
    const r = service.check({ text: '全网最好的咖啡，加微信 abc12345 了解', platform: platform as never });
    const categories = r.findings.map((f) => f.category);
    expect(categories).toContain('ad-law/absolute');
    expect(categories).not.toContain('platform/contact'); // contact rules are per platform
    expect(categories).not.toContain('platform/length');
    expect(r.blocked).toBe(true);
  });
});
