import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './model.js';
import { loadLabelledCopies, measureAccuracy } from './accuracy.js';
import { createComplianceService } from './service.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/compliance-copies.jsonl', import.meta.url));

describe('accuracy on the labelled copies', () => {
  const copies = loadLabelledCopies(fixture);
  const report = measureAccuracy(createComplianceService(), copies);

  it('has at least 150 copies covering every category and clean traps', () => {
    expect(copies.length).toBeGreaterThanOrEqual(150);
    const covered = new Set(copies.flatMap((c) => c.expect));
    for (const category of CATEGORIES) expect(covered, category).toContain(category);
    expect(report.clean).toBeGreaterThanOrEqual(50);
  });

  it('recall ≥ 0.95 and clean copy flagged ≤ 5%', () => {
    console.log(
      `compliance accuracy: ${report.copies} copies (${report.violations} violating, ${report.clean} clean); ` +
        `recall ${report.recall.toFixed(3)} (${report.found}/${report.expected}); ` +
        `clean flagged ${(report.cleanFlagRate * 100).toFixed(1)}% (${report.cleanFlagged}/${report.clean}); ` +
        `extra categories on violating copies ${report.extra}`,
    );
    if (report.misses.length) console.log('misses', report.misses);
    if (report.falseAlarms.length) console.log('false alarms', report.falseAlarms);
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.cleanFlagRate).toBeLessThanOrEqual(0.05);
  });
});
